/** The one code union: every code has a meaning and a README row, and the CLI prints the code with each error and warning. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODE_MEANINGS, CODES, DECISION_PROBLEM_CODES, ERROR_CODES, REJECT_REASONS, WARNING_CODES, withCode } from '../src/codes.js';
import { describeLocation, YijianError } from '../src/errors.js';
import { atPlace, cellWords, headedColumnWords, placeWords, rowColumnWords, rowListWords, rowWords, sheetWords } from '../src/location.js';
import { rejectLabel, rowLabel, sourceLabel } from '../src/provenance.js';
import { describeCell, describeWritten } from '../src/decisions/sheet.js';
import { reportError } from '../src/cli/program.js';
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
    // The sheet quoted as every other message quotes it (this list said 工作表 意见 before).
    expect(describeLocation({ file: '东湖.xlsx', sheet: '意见', row: 5, column: 'E' })).toBe('文件 东湖.xlsx，工作表“意见”，第 5 行，E 列');
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

describe('one location formatter (location.ts), the same words at every site', () => {
  const cell = { file: '登记表.xlsx', sheet: '单条意见', address: 'H7', row: 7 };

  it('has one word for each part: file, sheet, row (with its part), column', () => {
    expect([sheetWords('意见 汇总'), rowWords(5), rowWords(5, 2), rowColumnWords(5, 'C'), headedColumnWords('C', '意见内容')])
      .toEqual(['工作表“意见 汇总”', '第 5 行', '第 5 行第 2 条', '第 5 行 C 列', 'C 列「意见内容」']);
    expect(rowListWords([3, 4])).toBe('第 3 行、第 4 行');
    expect(rowListWords([1, 2, 3, 4, 5, 6])).toBe('第 1 行、第 2 行、第 3 行、第 4 行、第 5 行等');
  });

  it('starts sheet problems, sheet notices and failed files with the same place (文件 … 工作表“…”)', () => {
    expect(placeWords({ file: '东湖.xlsx', sheet: 'Sheet1' })).toBe('文件 东湖.xlsx 工作表“Sheet1”');
    expect(atPlace({ file: '东湖.xlsx', sheet: 'Sheet1' }, '本表是填表说明。')).toBe('文件 东湖.xlsx 工作表“Sheet1”：本表是填表说明。');
    expect(atPlace({ file: '东湖.xlsx' }, '文件已加密。')).toBe('文件 东湖.xlsx：文件已加密。');
    expect(atPlace({}, '没有位置。')).toBe('没有位置。');
  });

  it('names a decision-sheet cell by its address after the same file and sheet words (was 登记表.xlsx 工作表 单条意见 H7)', () => {
    expect(cellWords('登记表.xlsx', '采纳情况', 'G2:G6')).toBe('文件 登记表.xlsx 工作表“采纳情况” G2:G6');
    expect(describeCell(cell)).toBe('文件 登记表.xlsx 工作表“单条意见” H7');
    expect(describeWritten({ text: '第九十条', cell, header: '更正条款' })).toBe('文件 登记表.xlsx 工作表“单条意见” H7（第 7 行“更正条款”列）');
  });

  it('keeps the record-source words of reports (provenance.ts) and the 问题行 label, unchanged', () => {
    const source = { file: '东风街道意见汇总.xlsx', sheet: '意见表', row: 3, part: 2 };
    expect([rowLabel(source), sourceLabel(source), sourceLabel({ file: '北街.csv', sheet: '北街', row: 4 })])
      .toEqual(['第 3 行第 2 条', '东风街道意见汇总.xlsx / 意见表 / 第 3 行第 2 条', '北街.csv / 第 4 行']);
    expect(rejectLabel({ source: { file: '北街.csv', sheet: '北街', row: 4 }, column: 'C' })).toBe('北街.csv / 第 4 行，C 列');
    expect(rejectLabel({ source: { file: '北街.csv', sheet: '北街', row: 4 }, column: null })).toBe('北街.csv / 第 4 行');
  });

  it("adds an error's location to its message when the message does not name the file", () => {
    const lines: string[] = [];
    const terminal = new Terminal({ interactive: false, color: false, quiet: false }, (text) => lines.push(text));
    reportError(terminal, new YijianError('E_TOO_LARGE', '工作簿的单元格超过上限。', { location: { file: '东湖.xlsx', sheet: '意见', row: 9 } }), false);
    reportError(terminal, new YijianError('E_BAD_CONFIG', '配置文件 yijian.json 有误。', { location: { file: 'yijian.json' } }), false);
    expect(lines).toEqual([
      '错误：工作簿的单元格超过上限。（文件 东湖.xlsx，工作表“意见”，第 9 行） [E_TOO_LARGE]\n',
      '错误：配置文件 yijian.json 有误。 [E_BAD_CONFIG]\n',
    ]);
  });
});

describe('the CLI prints [CODE] on stderr', () => {
  let sheet: CliRun;
  let inspected: CliRun;
  let usage: CliRun;
  beforeAll(async () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, '北街社区.csv'), '编号,联系点,情况记录\n1,北街社区,建议第十二条增加过渡期规定\n');
    sheet = await runYijian(['merge', '北街社区.csv', '-o', '合并.xlsx'], dir);
    inspected = await runYijian(['inspect', '北街社区.csv'], dir);
    usage = await runYijian(['inspect', '--no-such-flag'], dir);
  });

  it('with the error of a sheet without an opinion column, and the warning about its rows', () => {
    expect(sheet.stderr).toMatch(/^错误：.*没有找到“意见建议”列.* \[E_NO_OPINION_COLUMN\]$/m);
    expect(sheet.stderr).toMatch(/^提示：.* \[W_REJECTED_ROWS\]$/m);
    // inspect shows the sheet's error under the sheet, with its code, and only there.
    expect(inspected.stdout).toMatch(/^ {2}✗ .*没有找到“意见建议”列.* \[E_NO_OPINION_COLUMN\]$/m);
    expect(inspected.stderr).not.toContain('E_NO_OPINION_COLUMN');
    // A column by letter and header is written one way in every message and list: C 列「情况记录」 (never C「…」 or C:…).
    expect(inspected.stdout).toContain('找到的表头：A 列「编号」、B 列「联系点」、C 列「情况记录」。');
    expect(inspected.stdout).toContain('未映射的列：C 列「情况记录」');
    expect(inspected.stdout).not.toMatch(/(?<![A-Za-z])[A-Z](?:「|:[^\s'])/u);
    expect(inspected.stderr).toMatch(/^提示：.* \[W_REJECTED_ROWS\]$/m);
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
