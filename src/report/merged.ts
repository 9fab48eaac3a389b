/** The merged workbook `merge` writes: one standard sheet of records, one of problem rows, one of counts. */
import { stringify } from 'csv-stringify/sync';
import { FIELDS, MERGED_HEADERS, MERGED_SOURCE_HEADERS, MERGED_SHEETS, type FileFailure, type OpinionRecord, type Reject, type SheetReport } from '../model.js';
import { safeCell } from './cell-safety.js';
import { YijianError } from '../errors.js';
import { renderXlsxBook, type XlsxSheetSpec } from './render-xlsx.js';

/**
 * Headers of the records sheet (model.ts, where ingest reads them back from too): the canonical fields, then
 * provenance. 序号 runs 1…N over the merged rows; the point's own 序号 is kept, with the rest of the provenance, as 原表序号.
 */
export { MERGED_HEADERS } from '../model.js';
const SOURCE = MERGED_SOURCE_HEADERS;
export const REJECT_HEADERS = [SOURCE.file, SOURCE.sheet, SOURCE.row, '问题', '所在列', '原始内容'];
// 说明行 (合计, 签名, 填表说明) and the records split out of one cell come last, so that
// 数据行 = 有效意见 − 一格多条拆出 + 问题行 + 空行 + 说明行 on every line.
export const COUNT_HEADERS = [SOURCE.file, '工作表', '编码', '表头行', '数据行', '有效意见', '问题行', '空行', '说明', '说明行', '一格多条拆出'];

/** What goes into a merged workbook. */
export interface MergedInput {
  records: readonly OpinionRecord[];
  rejects: readonly Reject[];
  sheets: readonly SheetReport[];
  /** Files that could not be read: listed on 核对 so a forwarded workbook still says what is missing. */
  failures: readonly FileFailure[];
}

/**
 * The 来源行号 and 格内序号 cells: the row the clerk opens in the point's own file, as a plain number, and for a
 * record split out of a cell of several numbered opinions which of them it is (5 and 2 for 第 5 行第 2 条; empty
 * for a row not split). Each cell's value is what it shows, so a script, pandas or a formula reads what a person
 * sees, and sorting by 来源行号 then 格内序号 keeps the parts of a cell together and in order. (Until this version
 * the part was only a number format, 0"-2": the value 5 shown as 5-2; reading a workbook back still accepts that.)
 */
function sourceRowCells(source: OpinionRecord['source']): [number, number | string] {
  return [source.row, source.part ?? ''];
}

/** One row of the records sheet (the `index`-th, 0-based), every text cell made safe for spreadsheets. */
export function recordRow(record: OpinionRecord, index: number): (string | number)[] {
  return [
    index + 1,
    ...FIELDS.filter((field) => field !== 'seq').map((field) => safeCell(record[field] ?? '')),
    safeCell(record.source.file),
    safeCell(record.source.sheet),
    ...sourceRowCells(record.source),
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
    // The sheet's problems and what the reader decided on its own (a column taken by content, rows joined…), so that
    // whoever opens the merged workbook later sees the guesses, not only who watched the terminal.
    safeCell([...sheet.problems, ...(sheet.notices ?? [])].join('；')),
    sheet.notes ?? 0,
    sheet.splitParts ?? 0,
  ];
}

/**
 * Column widths (Excel characters; a Chinese character takes two in Excel, about 1.5 in LibreOffice) chosen
 * for print: the sheet is fitted to one landscape A4 page width, which LibreOffice still prints at 9 pt or more
 * from 11 pt after that scaling (7.2 pt per width unit and a few pt of padding per column, 799 pt between the
 * margins; LibreOffice scales by whole percents): measured in test/report/pdf.test.ts, 130 units over the 16
 * columns print at 8.8 pt and 125 at 8.9, so they take 120. A row is as tall as its most wrapped cell: 来源文件
 * stays wide enough for a point's file name in three lines and 日期 for 2024-05-06 in one, the short 联系点, 提出人
 * and the opinion columns gave the units. The long texts wrap instead of running off the page.
 */
const MERGED_WIDTHS: Readonly<Record<string, number>> = {
  序号: 4, 联系点: 8, '县（市、区）': 5, 提出人: 5, 身份: 5, 条款: 7, 意见建议: 20, 修改建议: 9, 理由: 9,
  联系方式: 11, 日期: 9, [SOURCE.file]: 12, [SOURCE.sheet]: 5, [SOURCE.row]: 4, [SOURCE.part]: 3, [SOURCE.ownSeq]: 4,
};
const REJECT_WIDTHS = [18, 8, 5, 34, 5, 50];
const COUNT_WIDTHS = [18, 8, 6, 5, 5, 5, 5, 5, 32, 5, 6];

/** Columns of counts and row numbers, centred so that 来源行号 4 beside 原表序号 1 does not read as 41. */
const CENTRED = new Set(['序号', SOURCE.row, SOURCE.part, SOURCE.ownSeq, '所在列', '编码', '表头行', '数据行', '有效意见', '问题行', '空行', '说明行', '一格多条拆出']);

/** A sheet built in code: columns named by their headers, each row's cells in header order. */
function sheetSpec(sheetName: string, headers: readonly string[], widths: readonly number[], rows: readonly (string | number)[][]): XlsxSheetSpec {
  const fields = headers.map((_h, i) => `c${i}`);
  return {
    layout: { sheetName, columns: headers.map((header, i) => ({ header, field: fields[i] ?? `c${i}`, width: widths[i] ?? 10, ...(CENTRED.has(header) ? { align: 'center' as const } : {}) })) },
    rows: rows.map((row) => Object.fromEntries(row.map((value, i) => [fields[i] ?? `c${i}`, value] as const))),
    known: fields,
  };
}

/**
 * Builds the merged .xlsx: 意见汇总, 问题行, 核对 (per-sheet counts), through the one sheet writer the
 * reports use, so it prints the same way: landscape A4 fitted to the page width (not its height), long
 * cells wrapped with rows as tall as their text, the header row repeated on every page.
 */
export function mergedWorkbook(input: MergedInput): Uint8Array {
  const failed = input.failures.map((failure) => [safeCell(failure.file), '', '', '', 0, 0, 0, 0, safeCell(`无法读取：${failure.message}`)]);
  try {
    // yijian's marker ('merge'): a later run over the same folder recognises this workbook as its own output.
    return renderXlsxBook([
      sheetSpec(MERGED_SHEETS.records, MERGED_HEADERS, MERGED_HEADERS.map((h) => MERGED_WIDTHS[h] ?? 10), input.records.map((record, index) => recordRow(record, index))),
      sheetSpec(MERGED_SHEETS.rejects, REJECT_HEADERS, REJECT_WIDTHS, input.rejects.map(rejectRow)),
      sheetSpec(MERGED_SHEETS.counts, COUNT_HEADERS, COUNT_WIDTHS, [...input.sheets.map(countRow), ...failed]),
    ], 'merge');
  } catch (error) {
    // A sheet's XML is built as one string; past V8's longest string (about a million long rows) it cannot be.
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
  return `\uFEFF${stringify([MERGED_HEADERS, ...records.map((record, index) => recordRow(record, index))], { record_delimiter: 'windows' })}`;
}

/** The problem rows as CSV, written beside a CSV merge. */
export function rejectsCsv(rejects: readonly Reject[]): string {
  return `\uFEFF${stringify([REJECT_HEADERS, ...rejects.map(rejectRow)], { record_delimiter: 'windows' })}`;
}
