/**
 * Test helper: runs yijian as a user's script would, and reads back what it wrote. `runYijian` runs the
 * compiled CLI in this process (fast: most tests); `runCli` spawns the real `bin/yijian` (the few tests
 * that are about the process itself: exit status, signals, start-up, a terminal). test/README.md has the
 * rules that keep the suite under 3 minutes: in-process runs, one run per file in beforeAll, small inputs.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import * as XLSX from 'xlsx';

/** The repository root. */
export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** The fixture submissions folder (6 files, 7 sheets; see fixtures/EXPECTED.md). */
export const SUBMISSIONS = join(REPO_ROOT, 'fixtures/submissions');
/** The fixture draft as plain text. */
export const DRAFT_TXT = join(REPO_ROOT, 'fixtures/draft/某市电动自行车管理条例（征求意见稿）.txt');
/** The broken-input corpus. */
export const BAD = join(REPO_ROOT, 'fixtures/bad');

/** The fixture file names, by the contact point they come from. */
export const FIXTURE = {
  donghu: '城东区-东湖街道立法联系点-2024年5月.xlsx',
  binjiang: '城东区-滨江社区立法联系点-2024年5月.xls',
  kejiyuan: '城东区-科技园企业立法联系点-2024年5月.csv',
  huaqiao: '河西县-华侨新村立法联系点-2024年5月.csv',
  taoyuan: '河西县-桃源镇立法联系点-2024年5月.xlsx',
  chengguan: '河西县城关镇立法联系点意见汇总表.xlsx',
} as const;

/** The sheet name yijian gives a CSV file: its name without the extension. */
export function csvSheetName(file: string): string {
  return file.replace(/\.(csv|tsv)$/i, '');
}

/** Absolute path of one fixture submission. */
export function fixturePath(file: string): string {
  return join(SUBMISSIONS, file);
}

/** What one run of the CLI gave back. */
export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/yijian …args` with no terminal, CI set and no colour; cwd is a fresh tmp dir unless given. */
export function runCli(args: readonly string[], cwd: string = makeTempDir()): CliRun {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/yijian'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  if (result.error !== undefined) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The compiled CLI's entry point, as bin/yijian imports it (`npm test` builds dist/ first). */
const MAIN = join(REPO_ROOT, 'dist/cli/main.js');

/**
 * Runs the compiled CLI in this process, with no terminal, CI set and no colour, as `runCli` would in a
 * child: same arguments, same result. cwd is a fresh tmp dir unless given.
 */
export async function runYijian(args: readonly string[], cwd: string = makeTempDir()): Promise<CliRun> {
  const { run } = (await import(MAIN)) as { run: (argv: readonly string[], io: object) => Promise<{ code: number }> };
  let stdout = '';
  let stderr = '';
  const { code: status } = await run([process.execPath, join(REPO_ROOT, 'bin/yijian'), ...args], {
    stdout: (text: string) => {
      stdout += text;
    },
    stderr: (text: string) => {
      stderr += text;
    },
    env: { CI: 'true', NO_COLOR: '1' },
    cwd,
    workbooks: await testProcessWorkbooks(),
  });
  return { status, stdout, stderr };
}

/** The compiled workbook parsers (the same module instance the compiled CLI uses). */
const WORKBOOK_WORKERS = join(REPO_ROOT, 'dist/ingest/workbook-worker.js');
let workbooks: Promise<{ close(): Promise<void> }> | null = null;

/**
 * One set of workbook parsing workers lent to every in-process run of this test file: starting a worker
 * and loading SheetJS in it costs ~0.2 s of CPU, which a file of thirty runs would pay thirty times. Its
 * idle worker is unreferenced, so it never holds the test process open.
 */
function testProcessWorkbooks(): Promise<{ close(): Promise<void> }> {
  workbooks ??= (import(WORKBOOK_WORKERS) as Promise<{ WorkbookWorkers: new () => { close(): Promise<void> } }>)
    .then(({ WorkbookWorkers }) => new WorkbookWorkers());
  return workbooks;
}

/** A fresh folder under the system tmp dir; tests write only there. */
export function makeTempDir(prefix = 'yijian-cli-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Reads a workbook the way a user's Excel would see the cells (formulas kept, so tests can see any). */
export function readWorkbook(path: string): XLSX.WorkBook {
  return XLSX.read(readFileSync(path), { type: 'buffer', cellFormula: true });
}

/** The sheet named `name`; fails the test with a clear message when it is absent. */
export function sheetNamed(book: XLSX.WorkBook, name: string): XLSX.WorkSheet {
  const sheet = book.Sheets[name];
  if (sheet === undefined) throw new Error(`工作表「${name}」不存在；有：${book.SheetNames.join('、')}`);
  return sheet;
}

/** The cell at 0-based row `r` and column `c`, or undefined when the sheet has none there. */
export function cellAt(sheet: XLSX.WorkSheet, r: number, c: number): XLSX.CellObject | undefined {
  return sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
}

/** The values of one 0-based row, `width` columns wide; a missing cell reads as ''. */
export function rowValues(sheet: XLSX.WorkSheet, r: number, width: number): (string | number | boolean)[] {
  const values: (string | number | boolean)[] = [];
  for (let c = 0; c < width; c += 1) {
    const value = cellAt(sheet, r, c)?.v;
    values.push(value instanceof Date ? value.toISOString() : value ?? '');
  }
  return values;
}

/** The sheet's used range as 0-based bounds. */
export function sheetRange(sheet: XLSX.WorkSheet): XLSX.Range {
  return XLSX.utils.decode_range(sheet['!ref'] ?? 'A1:A1');
}

/** Every cell of the workbook, with its address, for whole-book checks. */
export function allCells(book: XLSX.WorkBook): { sheet: string; address: string; cell: XLSX.CellObject }[] {
  const cells: { sheet: string; address: string; cell: XLSX.CellObject }[] = [];
  for (const name of book.SheetNames) {
    const sheet = sheetNamed(book, name);
    for (const [address, cell] of Object.entries(sheet)) {
      if (!address.startsWith('!')) cells.push({ sheet: name, address, cell: cell as XLSX.CellObject });
    }
  }
  return cells;
}

/** True when an executable `name` is on PATH (no process is started to find out). */
export function onPath(name: string): boolean {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      // Not in this folder; keep looking.
    }
  }
  return false;
}
