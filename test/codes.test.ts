/**
 * A code's prefix says what happened: E_ when a command stops, a file is skipped or a row is rejected; W_ when the
 * work goes on. Checked on the codes themselves and on what a run prints for files it reads and warns about.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODE_MEANINGS, ERROR_CODES, NOTICE_CODES } from '../src/codes.js';
import { makeTempDir, runYijian, type CliRun } from './cli/run-cli.js';

describe('the kinds of codes', () => {
  it('keeps E_ for errors and W_ for every reading notice, the reader’s two included', () => {
    for (const code of ERROR_CODES) expect(code).toMatch(/^E_/u);
    for (const code of NOTICE_CODES) expect(code).toMatch(/^W_/u);
    expect(NOTICE_CODES).toEqual(expect.arrayContaining(['W_CONTROL_CHARACTERS', 'W_MIXED_ENCODING']));
    expect(Object.keys(CODE_MEANINGS)).not.toEqual(expect.arrayContaining(['E_CONTROL_CHARACTERS']));
    expect(Object.keys(CODE_MEANINGS)).not.toEqual(expect.arrayContaining(['E_MIXED_ENCODING']));
  });
});

describe('a run over a CSV with control characters and one with mixed encodings', () => {
  let run: CliRun;
  let merged: CliRun;
  const CONTROL = '桃源镇立法联系点';
  const MIXED = '华侨新村立法联系点';

  beforeAll(async () => {
    const dir = makeTempDir();
    // Pasted from a chat window: a backspace and a start-of-heading character inside two opinions.
    writeFileSync(join(dir, `${CONTROL}.csv`), [
      '序号,联系点,意见建议',
      '1,桃源镇,建议第十二条增加\u0001充电设施的规定。',
      '2,桃源镇,第十九条罚款过高，\u0008建议降低。',
      '',
    ].join('\n'));
    // A UTF-8 export (header, a line with an accented name) pasted together with a GBK one.
    const utf8 = (line: string): Buffer => Buffer.from(`${line}\n`, 'utf8');
    const gbk = (line: string): Buffer => iconv.encode(`${line}\n`, 'gbk');
    writeFileSync(join(dir, `${MIXED}.csv`), Buffer.concat([
      utf8('序号,联系点,意见建议'),
      gbk('1,华侨新村,建议在小区增设电动自行车充电桩。'),
      utf8('2,华侨新村,侨胞 José Müller 建议：头盔规定很好。'),
      gbk('3,华侨新村,第十九条罚款过高，建议降低。'),
    ]));
    run = await runYijian(['inspect', dir]);
    // inspect shows them under their sheets only; merge, like digest, says them on stderr.
    merged = await runYijian(['merge', dir, '-o', join(makeTempDir(), '合并.xlsx')]);
  });

  it('reads both and goes on (exit 0): each is a warning, 提示 with a W_ code, never an E_ code', () => {
    expect(merged.status).toBe(0);
    const warnings = merged.stderr.split('\n').filter((line) => line.startsWith('提示：'));
    expect(warnings).toContain(
      `提示：文件 ${CONTROL}.csv：工作表“${CONTROL}”第 2 行 C 列、第 3 行 C 列含不可见的控制字符（共 2 个），已删除；请核对这些单元格的文字。 [W_CONTROL_CHARACTERS]`,
    );
    expect(warnings).toContain(
      `提示：文件 ${MIXED}.csv：文件中 UTF-8 与 GBK 编码的行混杂（可能由不同软件导出后拼接），已逐行识别编码：第 2、4 行按 GBK，第 1、3 行按 UTF-8。请核对这些行的文字是否正确。 [W_MIXED_ENCODING]`,
    );
    for (const line of warnings) expect(line).toMatch(/ \[W_[A-Z_]+\]$/u);
    expect(merged.stderr).not.toMatch(/E_CONTROL_CHARACTERS|E_MIXED_ENCODING/u);
    expect(run.stderr).not.toContain('W_CONTROL_CHARACTERS');
  });

  it('still shows them under their sheets for people, as before', () => {
    expect(run.stdout).toContain('⚠ 文件 桃源镇立法联系点.csv：工作表“桃源镇立法联系点”第 2 行 C 列、第 3 行 C 列含不可见的控制字符');
    expect(run.stdout).toContain('⚠ 文件 华侨新村立法联系点.csv：文件中 UTF-8 与 GBK 编码的行混杂');
  });
});
