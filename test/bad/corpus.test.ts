/**
 * The broken-input corpus (fixtures/bad) through the CLI (in-process): each bad file beside a good one, with
 * `inspect` and `merge`. A clear Chinese message naming the file, the documented exit code, no stack
 * trace, the good file still read, and rows = records + rejects + blanks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { GOOD, GOOD_NAME, GOOD_RECORDS, REPO, firstUnsafeCell, looksCrashed, runInProcess, tempDir } from './cli.js';

interface Reconciliation {
  files: number;
  failedFiles: number;
  rows: number;
  records: number;
  rejects: number;
  blanks: number;
  balanced: boolean;
}
interface Doc {
  reconciliation: Reconciliation;
  sheets: { file: string; sheet: string; encoding: string | null; rows: number; records: number; rejects: number; blanks: number; problems: string[] }[];
  failures: { file: string; code: string; message: string }[];
  rejects: { source: { file: string; sheet: string; row: number }; reason: string; column: string | null; message: string }[];
}

/** One corpus file and what must become of it. */
interface Case {
  file: string;
  /** File-level failure code, or null when the file is read. */
  failure: string | null;
  /** Words the failure message must contain besides the file name. */
  says?: string;
  /** Totals over the bad file's sheets (when read). */
  figures?: { rows: number; records: number; rejects: number; blanks: number };
  /** Rejects of the bad file: [row, reason, column]. */
  rejects?: [number, string, string | null][];
  /** Whether the bad file leaves an input problem (failure, reject or sheet problem): --strict exits 3. */
  problem: boolean;
}

const BAD = join(REPO, 'fixtures', 'bad');

const CASES: Case[] = [
  { file: 'empty.csv', failure: 'E_EMPTY_FILE', says: '空', problem: true },
  { file: 'empty.xlsx', failure: 'E_EMPTY_FILE', says: '空', problem: true },
  { file: 'truncated.xlsx', failure: 'E_TRUNCATED', says: '不完整', problem: true },
  { file: 'text-named.xlsx', failure: 'E_UNREADABLE_FILE', says: '纯文本', problem: true },
  { file: 'encrypted.xlsx', failure: 'E_ENCRYPTED', says: '密码', problem: true },
  { file: 'zip-bomb.xlsx', failure: 'E_TOO_LARGE', says: '上限', problem: true },
  { file: 'unbalanced-quote.csv', failure: 'E_UNREADABLE_FILE', says: '第 3 行', problem: true },
  { file: 'mixed-encoding-and-quotes.csv', failure: 'E_UNREADABLE_FILE', says: '第 4 行', problem: true },
  {
    file: 'big-cell.xlsx',
    failure: null,
    figures: { rows: 3, records: 2, rejects: 1, blanks: 0 },
    rejects: [[3, 'E_CELL_TOO_LARGE', 'D']],
    problem: true,
  },
  // Decoded line by line: every row kept, with a sheet problem asking staff to check the text.
  { file: 'mixed-encoding.csv', failure: null, figures: { rows: 5, records: 5, rejects: 0, blanks: 0 }, rejects: [], problem: true },
  { file: 'header-only.xlsx', failure: null, figures: { rows: 0, records: 0, rejects: 0, blanks: 0 }, rejects: [], problem: false },
  {
    file: 'nul-bytes.csv',
    failure: null,
    figures: { rows: 3, records: 2, rejects: 1, blanks: 0 },
    rejects: [[3, 'E_NO_OPINION', 'D']],
    problem: true,
  },
  {
    file: 'nul-bytes.xlsx',
    failure: null,
    figures: { rows: 2, records: 1, rejects: 1, blanks: 0 },
    rejects: [[3, 'E_NO_OPINION', 'D']],
    problem: true,
  },
  {
    file: 'formulas.xlsx',
    failure: null,
    figures: { rows: 7, records: 6, rejects: 1, blanks: 0 },
    rejects: [[3, 'E_UNREADABLE_CELL', 'D']],
    problem: true,
  },
  { file: 'proto.xlsx', failure: null, figures: { rows: 3, records: 3, rejects: 0, blanks: 0 }, rejects: [], problem: false },
];

function badTotals(doc: Doc, file: string): { rows: number; records: number; rejects: number; blanks: number } {
  const sheets = doc.sheets.filter((sheet) => sheet.file === file);
  const sum = (pick: (s: Doc['sheets'][number]) => number): number => sheets.reduce((n, s) => n + pick(s), 0);
  return { rows: sum((s) => s.rows), records: sum((s) => s.records), rejects: sum((s) => s.rejects), blanks: sum((s) => s.blanks) };
}

function checkDocument(doc: Doc, c: Case): void {
  const r = doc.reconciliation;
  expect(r.balanced).toBe(true);
  expect(r.rows).toBe(r.records + r.rejects + r.blanks);
  expect(r.files).toBe(2);
  // The good file is always read in full.
  expect(badTotals(doc, GOOD_NAME)).toEqual({ rows: 12, records: GOOD_RECORDS, rejects: 0, blanks: 1 });
  if (c.failure !== null) {
    expect(doc.failures).toHaveLength(1);
    expect(doc.failures[0]).toMatchObject({ file: c.file, code: c.failure });
    expect(doc.failures[0]?.message).toContain(c.file);
    if (c.says !== undefined) expect(doc.failures[0]?.message).toContain(c.says);
  } else {
    expect(doc.failures).toEqual([]);
    expect(badTotals(doc, c.file)).toEqual(c.figures);
    const rejects = doc.rejects.filter((x) => x.source.file === c.file).map((x) => [x.source.row, x.reason, x.column]);
    expect(rejects).toEqual(c.rejects);
  }
}

function checkStderr(stderr: string, c: Case): void {
  expect(looksCrashed(stderr)).toBe(false);
  if (c.failure !== null) expect(stderr).toContain(`文件 ${c.file}`);
  // The reconciliation line is always printed, in Chinese.
  expect(stderr).toMatch(/核对：读取 2 个文件/u);
}

describe.each(CASES)('fixtures/bad/$file', (c) => {
  const bad = join(BAD, c.file);

  it('inspect: message, exit 0, reconciliation; --strict exits 3 when the file has a problem', async () => {
    const plain = await runInProcess(['inspect', bad, GOOD, '--json']);
    checkStderr(plain.stderr, c);
    expect(plain.code).toBe(0);
    checkDocument(JSON.parse(plain.stdout) as Doc, c);
    const strict = await runInProcess(['inspect', bad, GOOD, '--json', '--strict']);
    expect(looksCrashed(strict.stderr)).toBe(false);
    expect(strict.code).toBe(c.problem ? 3 : 0);
  });

  it('merge: the good records are in the workbook, every cell safe', async () => {
    const dir = tempDir();
    const output = join(dir, '汇总.xlsx');
    const run = await runInProcess(['merge', bad, GOOD, '-o', output, '--json']);
    checkStderr(run.stderr, c);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as Doc;
    checkDocument(doc, c);
    const bytes = readFileSync(output);
    const book = XLSX.read(bytes, { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets['意见汇总'] ?? {});
    expect(rows.filter((row) => row['来源文件'] === GOOD_NAME)).toHaveLength(GOOD_RECORDS);
    expect(rows).toHaveLength(doc.reconciliation.records);
    expect(firstUnsafeCell(bytes)).toBeNull();
  });
});
