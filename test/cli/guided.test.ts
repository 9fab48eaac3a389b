/** The guided flow in a real pseudo-terminal (tmux): a full run on the fixtures, then the files it wrote. */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/schema.js';
import { DigestSchema } from '../../src/model.js';
import { draft, repo, submissions, tempDir, yijian } from './run-yijian.js';

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

/** Waits until a prompt is waiting for an answer (`? message`), the `n`th time it is asked. */
function prompt(message: string, nth = 1): Promise<string> {
  return waitFor(message, (text) => text.split(`? ${message}`).length - 1 >= 1 && text.split(`✔ ${message}`).length - 1 >= nth - 1
    && lastPromptIs(text, message));
}

function lastPromptIs(text: string, message: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const last = lines.findLast((line) => line.startsWith('? ') || line.startsWith('✔ '));
  return last?.startsWith(`? ${message}`) ?? false;
}

function keys(...names: string[]): void {
  tmux('send-keys', '-t', 'guided', ...names);
}

describe.runIf(hasTmux)('yijian with no arguments at a terminal: the guided flow', () => {
  afterAll(async () => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  it('asks, runs the digest, writes the reports and a config that reruns the same digest', async () => {
    const dir = tempDir('yijian-guided-');
    cpSync(submissions, join(dir, '意见'), { recursive: true });
    cpSync(draft, join(dir, '某市电动自行车管理条例（征求意见稿）.txt'));
    // A point whose opinion column has a name no synonym knows: the flow must ask for it.
    writeFileSync(join(dir, '意见/北街社区.csv'), '编号,联系点,情况记录\n1,北街社区,建议第十二条增加过渡期规定\n2,北街社区,小区充电桩太少，建议增加\n');

    const command = `env -u CI NO_COLOR=1 node "${join(repo, 'bin/yijian')}"; echo "EXIT=$?"; sleep 60`;
    tmux('new-session', '-d', '-s', 'guided', '-x', '200', '-y', '50', '-c', dir, command);

    await prompt('意见文件在哪里');
    keys('Enter');
    const found = await prompt('就用这些文件吗');
    expect(found).toContain('找到 8 个文件');
    expect(found).toContain('意见/北街社区.csv');
    keys('Enter');

    const asked = await prompt('「北街社区.csv」工作表「北街社区」的意见在哪一列');
    expect(asked).toContain('C「情况记录」 例：建议第十二条增加过渡期规定');
    expect(asked).toContain('A「编号」 例：1');
    keys('Down', 'Down', 'Enter');

    // The eight fixture tables were mapped by their headers: confirm each, after seeing its mapping (the
    // 侨联 workbook's 填表说明 sheet is skipped, nothing asked).
    for (let sheet = 1; sheet <= 8; sheet += 1) {
      const shown = await prompt('这张表的列映射正确吗', sheet);
      if (sheet === 1) expect(shown).toContain('→ 意见建议');
      keys('Enter');
    }

    const drafts = await prompt('草案文件');
    expect(drafts).toContain('❯ 某市电动自行车管理条例（征求意见稿）.txt');
    keys('Enter');
    await prompt('报告写到哪个文件夹');
    keys('Enter');
    await prompt('生成哪些格式');
    keys('Enter');
    const done = await prompt('把这些回答保存为 yijian.config.json', 1);
    expect(done).toContain('数据行 110 = 意见行 94（拆分后有效意见 95 条） + 问题行 3 + 空行 8 + 说明行 5');
    expect(done).toContain(`报告在 ${join(dir, 'yijian-output')}`);
    keys('Enter');
    const end = await waitFor('exit', (text) => text.includes('EXIT='));
    expect(end).toContain('EXIT=0');

    const out = join(dir, 'yijian-output');
    expect(readdirSync(out).sort()).toEqual(
      ['digest.json', '条文意见对照表.docx', '条文意见对照表.xlsx', '汇总报告.docx', '汇总报告.html', '汇总报告.md', '采纳情况登记表.xlsx'].sort(),
    );
    const digest = DigestSchema.parse(JSON.parse(readFileSync(join(out, 'digest.json'), 'utf8')));
    expect(digest.totals.records).toBe(95);
    expect(digest.records.filter((record) => record.source.file === '北街社区.csv')).toHaveLength(2);

    const config = ConfigSchema.parse(JSON.parse(readFileSync(join(dir, 'yijian.config.json'), 'utf8')));
    // The output folder lies inside the answered folder ("."), so the inputs are the folders holding input files.
    expect(config.inputs).toEqual(['意见']);
    expect(config.columns?.map).toEqual({ 意见建议: '情况记录' });
    expect(config.draft).toBe('某市电动自行车管理条例（征求意见稿）.txt');
    expect(config.output).toBe('yijian-output');

    // Next month: one command, no questions, the same digest.
    const before = readFileSync(join(out, 'digest.json'));
    const rerun = await yijian(['digest', '--force'], dir);
    expect(rerun.status).toBe(0);
    expect(readFileSync(join(out, 'digest.json')).equals(before)).toBe(true);
  }, 120_000);
});

it.runIf(!hasTmux)('skipped: tmux not installed (apt-get install -y tmux) — the guided flow needs a pseudo-terminal', () => {
  expect(hasTmux).toBe(false);
});

describe('guided flow helpers', () => {
  it.each([
    ['*.xlsx', 'a.xlsx', true],
    ['*.xlsx', 'a.xls', false],
    ['城东区-*', '城东区-东湖.csv', true],
    ['?.csv', 'ab.csv', false],
    ['a+b(1).csv', 'a+b(1).csv', true],
  ])('globToRegExp(%s) on %s → %s', async (pattern, name, expected) => {
    const { globToRegExp } = await import('../../src/cli/guided-files.js');
    expect(globToRegExp(pattern).test(name)).toBe(expected);
  });

  it('inputsToSave keeps a folder unless the output folder is inside it', async () => {
    const { inputsToSave } = await import('../../src/cli/guided-files.js');
    const files = ['/w/意见/a.xlsx', '/w/意见/sub/b.csv', '/w/c.csv'];
    expect(inputsToSave('/w/意见', files.slice(0, 2), '/w/out', '/w')).toEqual(['意见']);
    expect(inputsToSave('/w', files, '/w/out', '/w')).toEqual(['c.csv', '意见']);
  });

  it('answersToConfig: first chosen header is forced, others become synonyms, an old opinion map is replaced', async () => {
    const { answersToConfig } = await import('../../src/cli/guided-config.js');
    const config = answersToConfig(
      { columns: { map: { opinion: 'D', 条款: 'B' } }, thresholds: { near: 0.7 } },
      {
        inputs: ['意见'],
        opinionColumns: [
          { file: 'a.csv', sheet: 'a', header: '群众反映内容' },
          { file: 'b.csv', sheet: 'b', header: '具体问题' },
          { file: 'c.csv', sheet: 'c', header: '群众反映内容' },
        ],
        draft: null,
        output: '报告',
        formats: ['md'],
      },
    );
    expect(config).toEqual({
      thresholds: { near: 0.7 },
      inputs: ['意见'],
      output: '报告',
      formats: ['md'],
      columns: { map: { 条款: 'B', 意见建议: '群众反映内容' }, synonyms: { opinion: ['具体问题'] } },
    });
  });
});
