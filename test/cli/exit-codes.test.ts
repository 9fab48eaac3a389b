/** Exit codes 0/1/2/3 per command, usage errors in Chinese, --debug stacks, and help texts with examples. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySubmissions, repo, submissions, tempDir, yijian } from './run-yijian.js';

const STACK_LINE = /^\s{4}at /m;

describe('exit 0: the command did its job', () => {
  it.each([
    ['inspect', () => ['inspect', submissions]],
    ['merge', () => ['merge', submissions, '-o', join(tempDir(), 'm.xlsx')]],
    ['digest', () => ['digest', submissions, '-o', join(tempDir(), 'out'), '--formats', 'md']],
    ['templates list', () => ['templates', 'list']],
    ['config init', () => ['config', 'init', join(tempDir(), 'c.json')]],
    ['--version', () => ['--version']],
    ['--help', () => ['--help']],
    ['help digest', () => ['help', 'digest']],
  ])('%s', async (_name, args) => {
    const run = await yijian(args());
    expect(run.stderr).not.toMatch(/错误：/);
    expect(run.status).toBe(0);
  });
});

describe('exit 1: failure', () => {
  it('merge refuses to overwrite an existing output without --force', async () => {
    const out = join(tempDir(), 'm.xlsx');
    writeFileSync(out, 'keep me');
    const run = await yijian(['merge', submissions, '-o', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--force');
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('digest refuses to overwrite an existing digest.json without --force, and overwrites with it', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'digest.json'), '{}');
    expect((await yijian(['digest', submissions, '-o', out, '--formats', 'md'])).status).toBe(1);
    expect((await yijian(['digest', submissions, '-o', out, '--formats', 'md', '--force'])).status).toBe(0);
  });

  it('config init refuses to overwrite without --force', async () => {
    const dir = tempDir();
    expect((await yijian(['config', 'init'], dir)).status).toBe(0);
    const again = await yijian(['config', 'init'], dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('--force');
    expect((await yijian(['config', 'init', '--force'], dir)).status).toBe(0);
  });

  it('inspect of a file that does not exist', async () => {
    const run = await yijian(['inspect', join(tempDir(), '没有这个文件.xlsx')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('找不到文件或文件夹');
  });

  it('--debug shows the stack of a failure; without it there is none', async () => {
    const out = join(tempDir(), 'm.xlsx');
    writeFileSync(out, 'keep me');
    const plain = await yijian(['merge', submissions, '-o', out]);
    const debug = await yijian(['--debug', 'merge', submissions, '-o', out]);
    expect(plain.stderr).not.toMatch(STACK_LINE);
    expect(debug.status).toBe(1);
    expect(debug.stderr).toMatch(STACK_LINE);
  });
});

describe('exit 2: usage errors, said in Chinese', () => {
  it.each(['inspect', 'merge', 'digest'])('%s: unknown option, with the closest option suggested', async (command) => {
    const run = await yijian([command, submissions, '--strct', ...(command === 'merge' ? ['-o', join(tempDir(), 'm.xlsx')] : [])]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('不认识的选项 --strct');
    expect(run.stderr).toContain('您是不是要用 --strict');
    expect(run.stderr).not.toMatch(/error:|unknown option/);
  });

  it('unknown subcommand, with the closest one suggested', async () => {
    const run = await yijian(['digets']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('不认识的命令 digets');
    expect(run.stderr).toContain('digest');
  });

  it.each([['inspect'], ['merge', '-o', 'x.xlsx'], ['digest']])('%s: missing file argument', async (...args) => {
    const run = await yijian(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('缺少参数');
  });

  it('merge without -o names the missing option', async () => {
    const run = await yijian(['merge', submissions]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('缺少必需的选项 -o, --output <file>');
  });

  it.each([
    ['digest', '--near', '3'],
    ['digest', '--near', 'abc'],
    ['digest', '--cluster', '-0.5'],
    ['inspect', '--assign', '2'],
  ])('%s %s %s: a bad threshold names the option', async (command, option, value) => {
    const run = await yijian([command, submissions, option, value, '-o', join(tempDir(), 'o')].slice(0, command === 'inspect' ? 4 : 6));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(option);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('digest with an unknown report format', async () => {
    const run = await yijian(['digest', submissions, '--formats', 'pdf', '-o', join(tempDir(), 'o')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('pdf');
  });

  it('a malformed --map', async () => {
    const run = await yijian(['inspect', submissions, '--map', '意见建议']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('列映射');
  });

  it('a command group without its subcommand shows its help and exits 2', async () => {
    const run = await yijian(['templates']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('templates list');
  });

  it('no arguments and no terminal: the help on stderr, exit 2, no prompt', async () => {
    const run = await yijian([]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('用法： yijian');
    expect(run.stderr).not.toContain('意见文件在哪里');
  });

  it('--yes alone (no command) is a usage error too', async () => {
    expect((await yijian(['--yes'])).status).toBe(2);
  });
});

describe('scripts: a sheet without an opinion column', () => {
  it('is reported with its headers and the --map that fixes it; the --map makes its rows records', async () => {
    const dir = tempDir();
    const file = join(dir, '北街社区.csv');
    writeFileSync(file, '编号,联系点,情况记录\n1,北街社区,建议第十二条增加过渡期规定\n');
    const run = await yijian(['--yes', 'inspect', file, '--strict']);
    expect(run.status).toBe(3);
    // inspect shows the sheet's error under the sheet (stdout), with its code, once.
    expect(run.stdout).toContain('A 列「编号」、B 列「联系点」、C 列「情况记录」');
    // The hint is scoped to the file, so pasting it cannot misread the other files of the run.
    expect(run.stdout).toContain("--map '北街社区.csv:北街社区:意见建议=C'");
    expect(run.stdout).toMatch(/✗ 文件 北街社区.csv 工作表“[^”]+”没有找到“意见建议”列.*\[E_NO_OPINION_COLUMN\]/);
    const fixed = await yijian(['--yes', 'inspect', file, '--strict', '--map', '北街社区.csv:北街社区:意见建议=C']);
    expect(fixed.status).toBe(0);
    expect(fixed.stderr).toContain('有效意见 1 + 问题行 0');
  });
});

describe('exit 3: --strict and input problems', () => {
  it.each([
    ['inspect', () => ['inspect', submissions, '--strict']],
    ['merge', () => ['merge', submissions, '--strict', '-o', join(tempDir(), 'm.xlsx')]],
    ['digest', () => ['digest', submissions, '--strict', '--formats', 'md', '-o', join(tempDir(), 'o')]],
  ])('%s --strict on the fixtures (3 rejected rows) exits 3, without --strict 0', async (_name, args) => {
    const strict = await yijian(args());
    expect(strict.status).toBe(3);
    expect(strict.stderr).toContain('3 行未能成为有效意见');
    expect((await yijian(args().filter((arg) => arg !== '--strict'))).status).toBe(0);
  });

  it('--strict on clean input exits 0', async () => {
    const dir = copySubmissions();
    const clean = join(dir, '城东区-滨江社区立法联系点-2024年5月.xls');
    expect((await yijian(['inspect', clean, '--strict'])).status).toBe(0);
  });
});

describe('help texts: Chinese, with examples', () => {
  // `templates list` and `templates export` have their examples on `templates --help` (their file is not ours).
  const commands = [[], ['inspect'], ['merge'], ['digest'], ['templates'], ['config'], ['config', 'init']];

  it.each(commands.map((command) => [command.join(' ') || '(yijian)', command] as const))('%s --help', async (_name, command) => {
    const run = await yijian([...command, '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('用法：');
    expect(run.stdout).toContain('选项：');
    expect(run.stdout).toContain('示例：');
    expect(run.stdout).not.toMatch(/Usage:|Options:|Arguments:|Commands:|\(default:|\[options\]/);
  });

  it('non-trivial defaults are said in Chinese', async () => {
    expect((await yijian(['config', 'init', '--help'])).stdout).toContain('（默认：yijian.config.json）');
  });

  it('a help written to a closed pipe ends quietly', async () => {
    // `yijian digest --help | head -1` must not print an EPIPE stack.
    const run = spawnSync('sh', ['-c', `node "${join(repo, 'bin/yijian')}" digest --help | head -1`], {
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', NO_COLOR: '1' },
    });
    expect(run.stdout).toContain('用法：');
    expect(run.stderr).not.toContain('EPIPE');
  });
});

describe('draft flag errors', () => {
  it('a draft that does not exist fails with exit 1 and no stack', async () => {
    const run = await yijian(['inspect', submissions, '--draft', join(tempDir(), '无.txt')]);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr).toContain('草案');
  });
});
