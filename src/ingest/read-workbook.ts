/**
 * Workbook bytes (.xlsx, .xls, Excel-HTML) → sheet grids, each cell as staff see it in Excel.
 * Formulas are never evaluated: the cached value is read.
 */
import { createRequire } from 'node:module';
import * as XLSX from 'xlsx';
import { YijianError } from '../errors.js';
import { stripNul, type GridCell, type MergeRange, type SheetGrid } from './grid.js';

// Old .xls files store text in the Windows code page (GBK for Chinese Excel), and SheetJS decodes it only
// with the code page tables, which it keeps in one library-wide slot. The tables are half a megabyte of
// JavaScript: they are handed over by the workbook reader itself, once, on its first parse, so importing
// this module (a CSV-only merge, `--help`, a writer) costs nothing, and no import order decides whether
// an .xls reads right.
let codepagesGiven = false;

function sheetjsWithCodepages(): typeof XLSX {
  if (!codepagesGiven) {
    XLSX.set_cptable(createRequire(import.meta.url)('xlsx/dist/cpexcel.full') as Parameters<typeof XLSX.set_cptable>[0]);
    codepagesGiven = true;
  }
  return XLSX;
}

/** Every sheet name of a workbook, in workbook order. */
export interface Workbook {
  sheetNames: string[];
  sheets: SheetGrid[];
  /**
   * Rows Excel does not show (1-based), by sheet, as SheetJS read them from a legacy workbook (.xls, Excel 2003 XML):
   * an .xlsx's come from the reader's own scan of its XML (xlsx-scan.ts), so this is empty for one.
   */
  hiddenRows: [sheet: string, rows: number[]][];
}

/** An .xlsx (a zip): its hidden rows and columns are found by the XML scan, not here. */
const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b;

/**
 * Parses workbook bytes. `sheet` limits reading to one sheet (YijianError E_USAGE listing the sheets
 * when it is not there); `maxRows` caps what SheetJS reads so an oversized sheet is detected cheaply.
 */
export function readWorkbookBytes(bytes: Uint8Array, sheet: string | null, maxRows: number): Workbook {
  let book: XLSX.WorkBook;
  const sheetjs = sheetjsWithCodepages();
  const legacy = !isZip(bytes);
  // SheetJS writes what it thinks of an OpenDocument file's number formats to console.error ("ODS number format may be
  // incorrect"): English noise on the staff's terminal, not about their opinions. Silenced for the one synchronous call.
  const consoleError = console.error;
  console.error = (): void => {};
  try {
    book = sheetjs.read(bytes, {
      type: 'buffer',
      dense: true,
      cellDates: false,
      cellNF: true,
      cellFormula: false,
      cellHTML: false,
      // A BIFF file's column records (ColInfo, with their hidden flag) are read only with cellStyles; for cells it adds
      // no more than a fill colour. The .xlsx scan finds hidden columns itself, so an .xlsx is parsed without.
      cellStyles: legacy,
      bookVBA: false,
      sheetRows: maxRows + 1,
    });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (/password|encrypt/iu.test(text)) {
      throw new YijianError('E_ENCRYPTED', '文件设有打开密码，无法读取。', {
        hint: '请在 Excel 中取消密码（文件 → 信息 → 保护工作簿）后另存再试。',
        cause: error,
      });
    }
    // SheetJS's English is for maintainers: it stays the cause, shown under --debug.
    throw new YijianError('E_UNREADABLE_FILE', '工作簿已损坏或不是 Excel 能打开的格式，无法读取。', {
      hint: '文件可能已损坏。请用 Excel 或 WPS 打开后另存为 .xlsx 再试。',
      cause: error,
    });
  } finally {
    console.error = consoleError;
  }
  const names = [...book.SheetNames];
  const wanted = sheet === null ? names : [pickSheet(names, sheet)];
  const date1904 = book.Workbook?.WBProps?.date1904 === true;
  const sheets = wanted.map((name) => toGrid(name, book.Sheets[name], date1904, hiddenSheet(book, name), legacy));
  const hiddenRows: [string, number[]][] = [];
  if (legacy) {
    for (const name of wanted) {
      const rows = hiddenRowsOf(book.Sheets[name]);
      if (rows.length > 0) hiddenRows.push([name, rows]);
    }
  }
  return { sheetNames: names, sheets, hiddenRows };
}

/** The rows SheetJS read as hidden (a BIFF ROW record's fDyZero, an XML Row's ss:Hidden), 1-based. */
function hiddenRowsOf(sheet: XLSX.WorkSheet | undefined): number[] {
  const rows: number[] = [];
  (sheet?.['!rows'] ?? []).forEach((row, index) => {
    if (row?.hidden === true) rows.push(index + 1);
  });
  return rows;
}

/** The columns SheetJS read as hidden, as 0-based ranges [first, last] (runs of neighbours joined), as the .xlsx scan gives them. */
function hiddenColumnsOf(sheet: XLSX.WorkSheet | undefined): (readonly [number, number])[] {
  const ranges: [number, number][] = [];
  (sheet?.['!cols'] ?? []).forEach((column, index) => {
    if (column?.hidden !== true) return;
    const last = ranges[ranges.length - 1];
    if (last !== undefined && last[1] === index - 1) last[1] = index;
    else ranges.push([index, index]);
  });
  return ranges;
}

function pickSheet(names: readonly string[], wanted: string): string {
  const exact = names.find((name) => name === wanted);
  if (exact !== undefined) return exact;
  const loose = names.find((name) => name.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (loose !== undefined) return loose;
  throw new YijianError('E_USAGE', `没有名为“${wanted}”的工作表。本文件的工作表：${names.join('、') || '（无）'}。`, {
    hint: '请用 --sheet 指定上面列出的某个工作表，或不加 --sheet 读取全部工作表。',
  });
}

/** Whether the workbook hides a sheet (1 hidden, 2 very hidden), so a decision-sheet reader can prefer visible ones. */
function hiddenSheet(book: XLSX.WorkBook, name: string): boolean {
  const index = book.SheetNames.indexOf(name);
  return (book.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0;
}

function toGrid(name: string, sheet: XLSX.WorkSheet | undefined, date1904: boolean, hidden: boolean, legacy: boolean): SheetGrid {
  const data = (sheet?.['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  const rows: GridCell[][] = [];
  for (let r = 0; r < data.length; r += 1) {
    const source = data[r] ?? [];
    const row: GridCell[] = [];
    for (let c = 0; c < source.length; c += 1) row.push(cellToText(source[c], date1904));
    rows.push(row);
  }
  // Formatting often stretches a sheet's range far below the data: those rows are not submissions.
  while (rows.length > 0 && isEmptyRow(rows[rows.length - 1] ?? [])) rows.pop();
  const merges: MergeRange[] = (sheet?.['!merges'] ?? []).map((m) => ({
    s: { r: m.s.r, c: m.s.c },
    e: { r: m.e.r, c: m.e.c },
  }));
  const hiddenColumns = legacy ? hiddenColumnsOf(sheet) : [];
  return {
    name,
    rows,
    merges,
    ...(hidden ? { hidden } : {}),
    ...(hiddenColumns.length > 0 ? { hiddenColumns } : {}),
  };
}

function isEmptyRow(row: readonly GridCell[]): boolean {
  return row.every((cell) => typeof cell === 'string' && cell.trim() === '');
}

/** One SheetJS cell → its text as Excel shows it: dates as 2024-05-01, numbers without float noise or exponents. */
export function cellToText(cell: XLSX.CellObject | undefined, date1904: boolean): GridCell {
  if (cell === undefined || cell.v === undefined || cell.v === null) return '';
  switch (cell.t) {
    case 'e':
      return { unreadable: true, shown: cell.w ?? '#错误' };
    case 'b':
      return cell.v === true ? 'TRUE' : 'FALSE';
    case 'd':
      return cell.v instanceof Date ? isoDate(cell.v) : stripNul(String(cell.v));
    case 'n': {
      const value = Number(cell.v);
      const format = typeof cell.z === 'string' ? cell.z : 'General';
      if (format !== 'General' && XLSX.SSF.is_date(format)) return serialDate(value, format, date1904);
      if (format === 'General' || cell.w === undefined || /E[+-]/u.test(cell.w)) return plainNumber(value);
      return cell.w;
    }
    case 'z':
      return '';
    default:
      return stripNul(String(cell.v));
  }
}

/** A number without binary float noise (0.30000000000000004 → 0.3) or scientific notation for long integers. */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e21) return String(value);
  // Excel shows at most 15 significant digits: 110101199001011230 is shown as 110101199001011000.
  const [mantissa = '0', exponent] = value.toPrecision(15).split('e');
  if (exponent === undefined) return String(Number(mantissa));
  const power = Number(exponent);
  if (power < 0) return String(Number(value.toPrecision(15)));
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace(/[-.]/gu, '').replace(/0+$/u, '');
  if (digits.length > power + 1) return String(Number(value.toPrecision(15)));
  return sign + digits.padEnd(power + 1, '0');
}

/** A cell's Excel serial as the date (and time) it shows in `format`: 2024-05-12, 2024-05-12 08:30, or 08:30. */
export function serialDate(value: number, format: string, date1904: boolean): string {
  const parts = XLSX.SSF.parse_date_code(value, { date1904 });
  if (parts === null || parts === undefined) return plainNumber(value);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = `${pad(parts.H)}:${pad(parts.M)}${parts.S === 0 ? '' : `:${pad(Math.floor(parts.S))}`}`;
  // A time-only format (h:mm) on a value below one day shows just the time.
  if (value < 1 && !/[yd]/iu.test(format.replace(/\[[^\]]*\]/gu, ''))) return time;
  const date = `${parts.y}-${pad(parts.m)}-${pad(parts.d)}`;
  return parts.H === 0 && parts.M === 0 && parts.S === 0 ? date : `${date} ${time}`;
}

function isoDate(value: Date): string {
  const iso = value.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
}
