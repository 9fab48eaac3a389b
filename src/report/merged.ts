/** The merged workbook `merge` writes: one standard sheet of records, one of problem rows, one of counts. */
import * as XLSX from 'xlsx';
import { stringify } from 'csv-stringify/sync';
import { FIELDS, FIELD_HEADERS, MERGED_SHEETS, type FileFailure, type OpinionRecord, type Reject, type SheetReport } from '../model.js';
import { CELL_GUARD, safeCell } from './cell-safety.js';
import { sourceRowText } from '../provenance.js';
import { YijianError } from '../errors.js';
import { printPackage } from './xlsx-print.js';
import { packageZip } from './zip.js';
import { readZip } from './zip-writer.js';
import { ORIGIN_PROPERTY } from '../ingest/xlsx-scan.js';
import { withinCellLimit } from './xlsx-rows.js';

/**
 * Headers of the records sheet: the canonical fields in DESIGN.md order, then provenance. 序号 runs
 * 1…N over the merged rows; the point's own 序号 is kept, with the rest of the provenance, as 原表序号.
 */
export const MERGED_HEADERS = [...FIELDS.map((field) => FIELD_HEADERS[field]), '来源文件', '来源工作表', '来源行号', '原表序号'];
export const REJECT_HEADERS = ['来源文件', '来源工作表', '来源行号', '问题', '所在列', '原始内容'];
// 说明行 (合计, 签名, 填表说明) and the records split out of one cell come last, so that
// 数据行 = 有效意见 − 一格多条拆出 + 问题行 + 空行 + 说明行 on every line.
export const COUNT_HEADERS = ['来源文件', '工作表', '编码', '表头行', '数据行', '有效意见', '问题行', '空行', '说明', '说明行', '一格多条拆出'];

/** What goes into a merged workbook. */
export interface MergedInput {
  records: readonly OpinionRecord[];
  rejects: readonly Reject[];
  sheets: readonly SheetReport[];
  /** Files that could not be read: listed on 核对 so a forwarded workbook still says what is missing. */
  failures: readonly FileFailure[];
}

/** An Excel number cell shown through a format: 来源行号 5 shown as 5-2 for the second part of row 5. */
interface FormattedNumber {
  t: 'n';
  v: number;
  z: string;
}
type MergedCell = string | number | FormattedNumber;

/**
 * The 来源行号 cell. In the workbook it stays the row number, shown as 5-2 for a split cell's second opinion
 * (number format 0"-2"): the column sorts by row and the parts of one row keep their order, while the filter
 * list and the cell show 5-2. In CSV, where there is no format, 5-2 is text behind the invisible guard, since
 * Excel would otherwise open a bare 5-2 as the date 5月2日.
 */
function sourceRowCell(source: OpinionRecord['source'], target: 'xlsx' | 'csv'): MergedCell {
  if (source.part === undefined) return source.row;
  return target === 'xlsx' ? { t: 'n', v: source.row, z: `0"-${source.part}"` } : `${CELL_GUARD}${sourceRowText(source)}`;
}

/** One row of the records sheet (the `index`-th, 0-based), every text cell made safe for spreadsheets. */
export function recordRow(record: OpinionRecord, index: number, target: 'xlsx' | 'csv' = 'xlsx'): MergedCell[] {
  return [
    index + 1,
    ...FIELDS.filter((field) => field !== 'seq').map((field) => safeCell(record[field] ?? '')),
    safeCell(record.source.file),
    safeCell(record.source.sheet),
    sourceRowCell(record.source, target),
    safeCell(record.seq ?? ''),
  ];
}

/** One row of the problem-rows sheet. */
export function rejectRow(reject: Reject): (string | number)[] {
  const cells = Object.entries(reject.cells).map(([header, text]) => `${header}：${text}`).join('；');
  return [
    safeCell(reject.source.file),
    safeCell(reject.source.sheet),
    reject.source.row,
    safeCell(reject.message),
    reject.column ?? '',
    safeCell(cells),
  ];
}

function countRow(sheet: SheetReport): (string | number)[] {
  return [
    safeCell(sheet.file),
    safeCell(sheet.sheet),
    sheet.encoding ?? '',
    sheet.headerRows.join('、'),
    sheet.rows,
    sheet.records,
    sheet.rejects,
    sheet.blanks,
    safeCell(sheet.problems.join('；')),
    sheet.notes ?? 0,
    sheet.splitParts ?? 0,
  ];
}

function sheetOf(rows: MergedCell[][], widths: number[]): XLSX.WorkSheet {
  // Dense storage: a million rows as objects keyed by address would not fit in memory.
  // Excel's cell limit, applied by the one cell writer's rule (a reject's 原始内容 joins all its cells).
  for (const row of rows) row.forEach((value, c) => { if (typeof value === 'string') row[c] = withinCellLimit(value); });
  const sheet = XLSX.utils.aoa_to_sheet(rows, { dense: true });
  sheet['!cols'] = widths.map((wch) => ({ wch }));
  if (rows.length > 0) {
    sheet['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: (rows[0]?.length ?? 1) - 1 } }) };
  }
  return sheet;
}

/** Builds the merged .xlsx: 意见汇总, 问题行, 核对 (per-sheet counts). */
export function mergedWorkbook(input: MergedInput): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    sheetOf([MERGED_HEADERS, ...input.records.map((record, index) => recordRow(record, index))], [6, 24, 12, 10, 10, 14, 60, 40, 30, 16, 12, 28, 12, 8, 8]),
    MERGED_SHEETS.records,
  );
  XLSX.utils.book_append_sheet(book, sheetOf([REJECT_HEADERS, ...input.rejects.map(rejectRow)], [28, 12, 8, 30, 8, 60]), MERGED_SHEETS.rejects);
  const failed = input.failures.map((failure) => [safeCell(failure.file), '', '', '', 0, 0, 0, 0, safeCell(`无法读取：${failure.message}`)]);
  XLSX.utils.book_append_sheet(book, sheetOf([COUNT_HEADERS, ...input.sheets.map(countRow), ...failed], [28, 12, 12, 8, 8, 8, 8, 8, 40, 8, 10]), MERGED_SHEETS.counts);
  // No creation date or author: the same inputs give the same bytes.
  book.Props = { Title: MERGED_SHEETS.records, CreatedDate: new Date(0) };
  // yijian's marker: a later run over the same folder recognises this workbook as its own output.
  book.Custprops = { [ORIGIN_PROPERTY]: 'merge' };
  try {
    // Stored, then deflated once by native zlib after the print setup is added (as renderXlsxBook does).
    const written = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: false }) as Buffer;
    const entries = new Map(readZip(written).map((entry) => [entry.name, entry.data] as const));
    printPackage(entries, book.SheetNames);
    return packageZip([...entries].map(([name, data]) => ({ name, data })));
  } catch (error) {
    // SheetJS builds each sheet's XML as one string; past V8's longest string (about a million long rows) it cannot.
    if (error instanceof RangeError) {
      throw new YijianError('E_TOO_LARGE', `合并结果有 ${input.records.length} 条意见，超出一张 Excel 工作表能写出的大小。`, {
        hint: '请改为输出 CSV（-o 汇总.csv），或分批合并。',
        cause: error,
      });
    }
    throw error;
  }
}

/** The merged records as CSV (UTF-8 with BOM so Excel and WPS show the Chinese right). */
export function mergedCsv(records: readonly OpinionRecord[]): string {
  return `\uFEFF${stringify([MERGED_HEADERS, ...records.map((record, index) => recordRow(record, index, 'csv'))], { record_delimiter: 'windows' })}`;
}

/** The problem rows as CSV, written beside a CSV merge. */
export function rejectsCsv(rejects: readonly Reject[]): string {
  return `\uFEFF${stringify([REJECT_HEADERS, ...rejects.map(rejectRow)], { record_delimiter: 'windows' })}`;
}
