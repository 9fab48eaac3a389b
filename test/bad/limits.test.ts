/**
 * The heavy cases: Excel's 1,048,576-row sheet (read by default, refused under a configured limit),
 * the zip bomb that lies about its sizes, and the `__proto__` workbook read in-process.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSubmissions, normalizeIngestOptions } from '../../src/ingest/index.js';
import { GOOD, GOOD_NAME, GOOD_RECORDS, REPO, looksCrashed, runCli, tempDir } from './cli.js';

const BAD = join(REPO, 'fixtures', 'bad');
const MILLION = join(BAD, 'rows-1048576.xlsx');

interface Doc {
  reconciliation: { rows: number; records: number; rejects: number; blanks: number; balanced: boolean; failedFiles: number };
  sheets: { file: string; rows: number; records: number; notes?: number; problems: string[] }[];
  failures: { file: string; code: string; message: string }[];
}

describe('rows-1048576.xlsx', () => {
  // One row in seven of the sheet (make-bad.mjs cycles seven) answers 总体意见 | 无意见: a 说明行, not an opinion.
  const NO_OPINION_ROWS = Math.floor((1_048_575 - 4) / 7) + 1;

  it('is read by default: 1,048,575 rows under a 1 GB heap, every one a record or a 说明行', async () => {
    const run = await runCli(['inspect', MILLION, GOOD, '--json']);
    expect(looksCrashed(run.stderr)).toBe(false);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as Doc;
    expect(doc.reconciliation).toMatchObject({ rows: 1_048_575 + 12, records: 1_048_575 - NO_OPINION_ROWS + GOOD_RECORDS, rejects: 0, blanks: 1, balanced: true });
    expect(doc.sheets.find((s) => s.file === 'rows-1048576.xlsx')).toMatchObject({ rows: 1_048_575, records: 1_048_575 - NO_OPINION_ROWS, notes: NO_OPINION_ROWS });
  }, 240_000);

  it('is refused with E_TOO_MANY_ROWS under a lower configured limit, by inspect and merge', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'yijian.config.json'), JSON.stringify({ limits: { maxRowsPerSheet: 100_000 } }));
    const inspect = await runCli(['--config', join(dir, 'yijian.config.json'), 'inspect', MILLION, GOOD, '--json', '--strict'], { cwd: dir });
    expect(looksCrashed(inspect.stderr)).toBe(false);
    expect(inspect.stderr).toContain('行数超过上限 100000 行');
    expect(inspect.code).toBe(3);
    const doc = JSON.parse(inspect.stdout) as Doc;
    expect(doc.reconciliation).toMatchObject({ records: GOOD_RECORDS, balanced: true });
    const output = join(dir, 'out.xlsx');
    const merge = await runCli(['--config', join(dir, 'yijian.config.json'), 'merge', MILLION, GOOD, '-o', output, '--json'], { cwd: dir });
    expect(looksCrashed(merge.stderr)).toBe(false);
    expect(merge.code).toBe(0);
    expect((JSON.parse(merge.stdout) as Doc).reconciliation.records).toBe(GOOD_RECORDS);
    expect(readFileSync(output).length).toBeGreaterThan(0);
  }, 240_000);
});

describe('zip bomb with lying sizes', () => {
  it('is refused with E_TOO_LARGE by inspect and merge; the good file is still read', async () => {
    const dir = tempDir();
    const make = (await import(join(BAD, 'make-bad.mjs'))) as { writeLyingZipBomb: (dir: string) => Promise<string> };
    const bomb = await make.writeLyingZipBomb(dir);
    for (const args of [['inspect', bomb, GOOD, '--json'], ['merge', bomb, GOOD, '-o', join(dir, 'm.xlsx'), '--json']]) {
      const run = await runCli(args);
      expect(looksCrashed(run.stderr)).toBe(false);
      expect(run.code).toBe(0);
      const doc = JSON.parse(run.stdout) as Doc;
      expect(doc.failures).toEqual([expect.objectContaining({ file: 'zip-bomb-lying-sizes.xlsx', code: 'E_TOO_LARGE' })]);
      expect(doc.reconciliation).toMatchObject({ records: GOOD_RECORDS, balanced: true, failedFiles: 1 });
      expect(run.stderr).toContain('文件 zip-bomb-lying-sizes.xlsx');
    }
  }, 120_000);
});

describe('proto.xlsx in-process', () => {
  it('reads both sheets, maps only 意见建议, and leaves Object.prototype untouched', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const result = await readSubmissions([join(BAD, 'proto.xlsx'), GOOD], normalizeIngestOptions({}));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    const proto = result.records.filter((r) => r.source.file === 'proto.xlsx');
    expect(proto.map((r) => r.source.sheet)).toEqual(['__proto__', '__proto__', 'constructor']);
    for (const record of proto) {
      expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
      expect(typeof record.opinion).toBe('string');
      expect(record.point).not.toBe('[object Object]');
    }
    expect(result.records.filter((r) => r.source.file === GOOD_NAME)).toHaveLength(GOOD_RECORDS);
    expect(result.reconciliation.balanced).toBe(true);
  });
});
