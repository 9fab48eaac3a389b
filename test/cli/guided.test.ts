/** The guided flow in a real pseudo-terminal (tmux): a full run on fixtures/guided/, then the files it wrote. */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/schema.js';
import { DigestSchema } from '../../src/model.js';
import { draft, repo, tempDir, yijian } from './run-yijian.js';

const guided = join(repo, 'fixtures/guided');

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
// A private tmux server, so the test never touches anyone else's sessions.
const socket = `yijian-test-${process.pid}`;

function tmux(...args: string[]): string {
  const result = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

function screen(): string {
  return tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'guided');
}

async function waitFor(what: string, ready: (text: string) => boolean, timeoutMs = 30_000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const text = screen();
    if (ready(text)) return text;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}; screen:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Waits until a prompt whose message holds `message` is waiting for an answer, the `nth` time it is asked. */
function prompt(message: string, nth = 1): Promise<string> {
  return waitFor(message, (text) => {
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    const answered = lines.filter((line) => line.startsWith('✔ ') && line.includes(message)).length;
    const last = lines.findLast((line) => line.startsWith('? ') || line.startsWith('✔ '));
    return answered === nth - 1 && last !== undefined && last.startsWith('? ') && last.includes(message);
  });
}

function keys(...names: string[]): void {
  // A prompt listens for keys only once it has drawn itself: give it a moment so no key is lost.
  spawnSync('sleep', ['0.3']);
  tmux('send-keys', '-t', 'guided', ...names);
}

describe.runIf(hasTmux)('yijian with no arguments at a terminal: the guided flow', () => {
  afterAll(async () => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  it('fixes 提出人 and 联系方式 of the points\' sheets, picks the draft it found, saves, and a plain digest reads the same', async () => {
    const dir = tempDir('yijian-guided-');
    cpSync(guided, join(dir, '意见'), { recursive: true, filter: (path) => !path.endsWith('.mjs') });
    // The draft lies beside the inputs' folder, as a bureau keeps it: found, never typed.
    cpSync(draft, join(dir, '某市电动自行车管理条例（征求意见稿）.txt'));
    // A config someone wrote by hand: saving must keep its keys, notes and order (Markdown only keeps the run short).
    writeFileSync(join(dir, 'yijian.config.json'), `${JSON.stringify({ _说明: '城西区司法局的设置', issuer: '城西区司法局', formats: ['md'] }, null, 2)}\n`);

    const command = `env -u CI NO_COLOR=1 node "${join(repo, 'bin/yijian')}"; echo "EXIT=$?"; sleep 60`;
    tmux('new-session', '-d', '-s', 'guided', '-x', '200', '-y', '50', '-c', dir, command);

    await prompt('意见文件在哪里');
    keys('Enter');
    const found = await prompt('就用这些文件吗');
    expect(found).toContain('找到 2 个文件');
    keys('Enter');

    // 柳巷社区: names and phone numbers under 备注1/备注2. The cursor starts on the missing 联系方式, the column list
    // on the column of phone numbers; then on 提出人 and the column of names.
    const liuxiang = await prompt('工作表“意见登记”：要修改哪个字段的列');
    expect(liuxiang).toContain('读取了 3 张工作表，其中 3 张的列映射需要您确认');
    expect(liuxiang).toMatch(/2\* 序号 +条款 +意见内容 +备注1 +备注2 +收集时间/u);
    expect(liuxiang).toContain('D 列「备注1」没有对应任何字段，内容多为电话号码，像“联系方式”列。');
    expect(liuxiang).toContain('❯ 联系方式 → （无）');
    keys('Enter');
    expect(await prompt('“联系方式”在哪一列')).toContain('❯ D 列「备注1」 例：13700001101');
    keys('Enter');
    const reread = await prompt('工作表“意见登记”：要修改哪个字段的列', 2);
    expect(reread).toContain('    联系方式      D 列「备注1」（指定）');
    expect(reread).toContain('❯ 提出人 → （无）');
    keys('Enter');
    expect(await prompt('“提出人”在哪一列')).toContain('❯ E 列「备注2」 例：孙桂兰');
    keys('Enter');
    expect(await prompt('工作表“意见登记”：要修改哪个字段的列', 3)).toContain('❯ 这张表没问题了，继续');
    keys('Enter');

    // 滨河村 座谈会: 群众意见 won over 联系点意见 — right, so on.
    const forum = await prompt('工作表“座谈会”：要修改哪个字段的列');
    expect(forum).toContain('E 列「群众意见」与 F 列「联系点意见」都像“意见建议”列');
    keys('Enter');
    // 滨河村 走访: phone numbers under 提出人, names under 联系方式 — swap them.
    const visits = await prompt('工作表“走访”：要修改哪个字段的列');
    expect(visits).toContain('B 列「提出人」作“提出人”列，但内容多为电话号码，不像“提出人”。');
    expect(visits).toContain('❯ 提出人 → B 列「提出人」');
    keys('Enter');
    expect(await prompt('“提出人”在哪一列', 2)).toContain('❯ C 列「联系方式」 例：黄大伯');
    keys('Enter');
    expect(await prompt('工作表“走访”：要修改哪个字段的列', 2)).toContain('❯ 联系方式 → （无）');
    keys('Enter');
    expect(await prompt('“联系方式”在哪一列', 2)).toContain('❯ B 列「提出人」 例：13900003301');
    keys('Enter');
    await prompt('工作表“走访”：要修改哪个字段的列', 3);
    keys('Enter');
    await prompt('还要查看或修改哪张表的列');
    keys('Enter');

    const drafts = await prompt('草案文件');
    expect(drafts).toContain('在意见文件旁找到 1 份');
    expect(drafts).toContain('❯ 某市电动自行车管理条例（征求意见稿）.txt  共 46 条');
    keys('Enter');
    await prompt('报告写到哪个文件夹');
    keys('Enter');
    await prompt('生成哪些格式');
    keys('Enter');
    const save = await prompt('保存到 yijian.config.json');
    expect(save).toContain('保存到 yijian.config.json 将改动这些设置（其余设置原样保留）');
    expect(save).toContain('columns.map "城西区-柳巷社区立法联系点-2024年5月.xlsx:提出人": "备注2"（新增）');
    expect(save).toContain('draft: "某市电动自行车管理条例（征求意见稿）.txt"（新增）');
    keys('Enter');
    const end = await waitFor('exit', (text) => text.includes('EXIT='));
    expect(end).toContain('EXIT=0');

    const saved = JSON.parse(readFileSync(join(dir, 'yijian.config.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(saved)).toEqual(['_说明', 'issuer', 'formats', 'inputs', 'output', 'draft', 'columns']);
    expect(saved['issuer']).toBe('城西区司法局');
    expect(ConfigSchema.parse(saved).columns?.map).toEqual({
      '城西区-柳巷社区立法联系点-2024年5月.xlsx:联系方式': '备注1',
      '城西区-柳巷社区立法联系点-2024年5月.xlsx:提出人': '备注2',
      '城西区-柳巷社区立法联系点-2024年5月.xlsx:日期': '收集时间',
      '城西区-滨河村立法联系点-2024年5月.xlsx:座谈会:意见建议': '群众意见',
      '城西区-滨河村立法联系点-2024年5月.xlsx:走访:提出人': '联系方式',
      '城西区-滨河村立法联系点-2024年5月.xlsx:走访:联系方式': '提出人',
    });

    // Next month: a plain digest, no questions, reads the saved mapping and gives the same digest.
    const out = join(dir, 'yijian-output');
    const before = readFileSync(join(out, 'digest.json'));
    const rerun = await yijian(['digest', '--force'], dir);
    expect(rerun.status).toBe(0);
    const after = readFileSync(join(out, 'digest.json'));
    expect(after.equals(before)).toBe(true);
    const digest = DigestSchema.parse(JSON.parse(after.toString('utf8')));
    expect(digest.totals.records).toBe(16);
    expect(digest.draft?.articles).toHaveLength(46);
    const submitters = (sheet: string): (string | null)[] => digest.records.filter((record) => record.source.sheet === sheet).map((record) => record.submitter);
    expect(submitters('意见登记')).toEqual(['孙桂兰', '赵德明', '钱小燕', '周国庆', '吴春梅', '郑卫东', '王秀英']);
    expect(submitters('走访')).toEqual(['黄大伯', '林阿姨', '马师傅', '郭大姐']);
    expect(digest.records.find((record) => record.submitter === '孙桂兰')?.articles[0]?.key).toBe('14');
  }, 120_000);
});

it.runIf(!hasTmux)('skipped: tmux not installed (apt-get install -y tmux) — the guided flow needs a pseudo-terminal', () => {
  expect(hasTmux).toBe(false);
});

describe('without a terminal the guided flow never starts, and says why', () => {
  it('piped stdin, CI unset: exit 2 at once with a Chinese message that it needs a terminal, then the help', async () => {
    // In-process with the streams a pipe gives (stdin not a terminal, stderr one): the same decision the binary makes.
    const { run } = (await import(join(repo, 'dist/cli/main.js'))) as { run: (argv: readonly string[], io: object) => Promise<{ code: number }> };
    let stderr = '';
    const { code: status } = await run([process.execPath, join(repo, 'bin/yijian')], {
      stdout: () => undefined,
      stderr: (text: string) => {
        stderr += text;
      },
      env: { NO_COLOR: '1' },
      cwd: tempDir(),
      stdinIsTTY: false,
      stderrIsTTY: true,
    });
    expect(status).toBe(2);
    expect(stderr).toContain('向导需要在终端里由人来回答；标准输入或标准错误不是终端（脚本、管道或定时任务），所以没有启动。');
    expect(stderr).toContain('用法： yijian');
    expect(stderr).not.toContain('意见文件在哪里');
  });

  it('CI=true: the message names CI', async () => {
    const run = await yijian([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('设置了 CI=true，所以没有启动');
  });
});

describe('guided flow helpers', () => {
  it.each([
    ['*.xlsx', 'a.xlsx', true],
    ['*.xlsx', 'a.xls', false],
    ['城东区-*', '城东区-东湖.csv', true],
    ['?.csv', 'ab.csv', false],
    ['a+b(1).csv', 'a+b(1).csv', true],
    ['*.XLSX', '东湖.xlsx', true],
  ])('globToRegExp(%s) on %s → %s (file names on disk: any case)', async (pattern, name, expected) => {
    const { globToRegExp } = await import('../../src/ingest/file-pattern.js');
    expect(globToRegExp(pattern, true).test(name)).toBe(expected);
  });

  it('inputsToSave keeps a folder unless the output folder is inside it', async () => {
    const { inputsToSave } = await import('../../src/cli/guided-files.js');
    const files = ['/w/意见/a.xlsx', '/w/意见/sub/b.csv', '/w/c.csv'];
    expect(inputsToSave('/w/意见', files.slice(0, 2), '/w/out', '/w')).toEqual(['意见']);
    expect(inputsToSave('/w', files, '/w/out', '/w')).toEqual(['c.csv', '意见']);
  });
});
