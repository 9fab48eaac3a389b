/** The one code union: every code has a meaning and a README row, and the CLI prints the code with each error and warning. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODE_MEANINGS, CODES, DECISION_PROBLEM_CODES, ERROR_CODES, REJECT_REASONS, WARNING_CODES, withCode } from '../src/codes.js';
import { describeLocation } from '../src/errors.js';
import { Terminal } from '../src/io/terminal.js';
import { CodeSchema, FileFailureSchema, RejectReasonSchema } from '../src/model.js';
import { makeTempDir, runYijian, type CliRun } from './cli/run-cli.js';

describe('the code union', () => {
  it('has each code once, E_ for errors and reject reasons, W_ for warnings and decision-sheet problems', () => {
    expect(new Set(CODES).size).toBe(CODES.length);
    for (const code of [...ERROR_CODES, ...REJECT_REASONS]) expect(code).toMatch(/^E_[A-Z]+(?:_[A-Z]+)*$/);
    for (const code of [...DECISION_PROBLEM_CODES, ...WARNING_CODES]) expect(code).toMatch(/^W_[A-Z]+(?:_[A-Z]+)*$/);
  });

  it('gives every code a Chinese meaning', () => {
    expect(Object.keys(CODE_MEANINGS).sort()).toEqual([...CODES].sort());
    for (const code of CODES) expect(CODE_MEANINGS[code], code).toMatch(/\p{Script=Han}{2}/u);
  });

  it('lists every code, and only those, in the README table with the same meaning', () => {
    const readme = readFileSync('README.md', 'utf8');
    const rows = [...readme.matchAll(/^\| `([EW]_[A-Z_]+)` \| (.+) \|$/gm)].map((m) => [m[1], m[2]]);
    expect(rows.map(([code]) => code)).toEqual([...CODES]);
    for (const [code, meaning] of rows) expect(meaning).toBe(CODE_MEANINGS[code as (typeof CODES)[number]]);
  });

  it('is what the schemas accept: reject reasons and file failures carry codes of the union, nothing else', () => {
    expect(CodeSchema.safeParse('W_UNKNOWN_DECISION').success).toBe(true);
    expect(CodeSchema.safeParse('unknown-decision').success).toBe(false);
    expect(RejectReasonSchema.options).toEqual([...REJECT_REASONS]);
    expect(FileFailureSchema.safeParse({ file: 'a.xlsx', code: 'E_ENCRYPTED', message: '文件 a.xlsx：已加密' }).success).toBe(true);
    expect(FileFailureSchema.safeParse({ file: 'a.xlsx', code: 'ENOENT', message: '…' }).success).toBe(false);
  });

  it('leaves no kebab-case problem code in the sources', () => {
    const files = readdirSync('src', { recursive: true }).map(String).filter((file) => file.endsWith('.ts'));
    for (const file of files) {
      expect(readFileSync(join('src', file), 'utf8'), file).not.toMatch(/code: '[a-z]+(?:-[a-z]+)+'/);
    }
  });
});

describe('one formatter each', () => {
  it('writes a location in the words staff use, a split cell part included', () => {
    expect(describeLocation({ file: '东湖.xlsx', sheet: '意见', row: 5, column: 'E' })).toBe('文件 东湖.xlsx，工作表 意见，第 5 行，E 列');
    expect(describeLocation({ file: '东湖.xlsx', row: 5, part: 2 })).toBe('文件 东湖.xlsx，第 5 行第 2 条');
    expect(describeLocation({})).toBe('');
  });

  it('prints the code after the message, for errors and warnings, with colour or without', () => {
    const lines: string[] = [];
    const plain = new Terminal({ interactive: false, color: false, quiet: true }, (text) => lines.push(text));
    plain.warn('W_REJECTED_ROWS', '3 行未能成为有效意见。');
    plain.error('E_NO_OPINION_COLUMN', '没有找到“意见建议”列。', '用 --map 指定。');
    expect(lines.join('')).toBe('提示：3 行未能成为有效意见。 [W_REJECTED_ROWS]\n错误：没有找到“意见建议”列。 [E_NO_OPINION_COLUMN]\n  用 --map 指定。\n');
    expect(withCode('E_USAGE', '不认识的选项 --x')).toBe('不认识的选项 --x [E_USAGE]');
  });
});

describe('the CLI prints [CODE] on stderr', () => {
  let sheet: CliRun;
  let usage: CliRun;
  beforeAll(async () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, '北街社区.csv'), '编号,联系点,情况记录\n1,北街社区,建议第十二条增加过渡期规定\n');
    sheet = await runYijian(['inspect', '北街社区.csv'], dir);
    usage = await runYijian(['inspect', '--no-such-flag'], dir);
  });

  it('with the error of a sheet without an opinion column, and the warning about its rows', () => {
    expect(sheet.stderr).toMatch(/^错误：.*没有找到“意见建议”列.* \[E_NO_OPINION_COLUMN\]$/m);
    expect(sheet.stderr).toMatch(/^提示：.* \[W_REJECTED_ROWS\]$/m);
  });

  it('with a usage error', () => {
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^错误：不认识的选项 --no-such-flag.* \[E_USAGE\]$/m);
  });

  it('on every 错误/提示 line', () => {
    for (const line of `${sheet.stderr}${usage.stderr}`.split('\n').filter((l) => /^(?:错误|提示)：/.test(l))) {
      expect(line).toMatch(/ \[[EW]_[A-Z_]+\]$/);
    }
  });
});
