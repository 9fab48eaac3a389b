/**
 * What the guided flow shows of a sheet, pure: its first rows under column letters, the field → column
 * mapping for every field, and the figures of a re-read — so a person sees what a choice did before moving on.
 */
import { FIELD_HEADERS, FIELDS, type Field, type Reject, type SheetReport } from '../model.js';
import { cellText, columnLetter, type SheetGrid } from '../ingest/grid.js';
import { COLUMN_HOW_NOTES } from '../ingest/columns.js';
import { headedColumnWords, rowWords } from '../location.js';

/** The fields in the order a person checks them: the opinion first, then where it is from and about. */
export const FIELD_ORDER: readonly Field[] = ['opinion', 'article', 'reason', 'suggestion', 'submitter', 'submitterType', 'contact', 'date', 'point', 'county', 'seq'];

const MAX_CELL_WIDTH = 16;
const MAX_COLUMNS = 12;

/** Columns a terminal needs for `text`: Chinese characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char) ? 2 : 1;
  return width;
}

function isWide(char: string): boolean {
  return /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char)
    || (char.codePointAt(0) ?? 0) >= 0x20000;
}

/** `text` cut to at most `width` terminal columns (with … when cut) and padded to exactly `width`. */
export function fitCell(text: string, width: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  let out = '';
  let used = 0;
  for (const char of flat) {
    const w = isWide(char) ? 2 : 1;
    if (used + w > width - (displayWidth(flat) > width ? 1 : 0)) {
      out += '…';
      used += 1;
      break;
    }
    out += char;
    used += w;
  }
  return out + ' '.repeat(Math.max(0, width - used));
}

/**
 * The header row(s) and the first `samples` non-blank data rows of a sheet, each line led by its row number
 * (header rows marked *), under a line of column letters, fitted to `screenWidth` terminal columns. Without a
 * header, the first rows of the sheet.
 */
export function previewLines(grid: SheetGrid, headerRows: readonly number[], samples = 3, screenWidth = 200): string[] {
  const width = Math.min(MAX_COLUMNS, Math.max(0, ...grid.rows.slice(0, 50).map((row) => lastFilled(row) + 1)));
  // Cells share the terminal's width, so a row never wraps: narrower cells on an 80-column screen.
  const CELL_WIDTH = Math.max(6, Math.min(MAX_CELL_WIDTH, Math.floor((screenWidth - 8) / Math.max(1, width)) - 1));
  const start = headerRows.at(-1) ?? 0;
  const shown: number[] = headerRows.length > 0 ? [...headerRows] : [];
  for (let r = start; r < grid.rows.length && shown.length < headerRows.length + samples + (headerRows.length === 0 ? 2 : 0); r += 1) {
    if ((grid.rows[r] ?? []).some((cell) => cellText(cell).trim() !== '')) shown.push(r + 1);
  }
  const rowWidth = String(Math.max(1, ...shown)).length;
  const lines = [' '.repeat(rowWidth + 2) + Array.from({ length: width }, (_, c) => fitCell(columnLetter(c), CELL_WIDTH)).join(' ').trimEnd()];
  for (const row of shown) {
    const cells = grid.rows[row - 1] ?? [];
    const mark = headerRows.includes(row) ? '*' : ' ';
    lines.push(`${String(row).padStart(rowWidth)}${mark} ${Array.from({ length: width }, (_, c) => fitCell(cellText(cells[c]), CELL_WIDTH)).join(' ').trimEnd()}`);
  }
  if (grid.rows.length > 0 && lastFilledColumn(grid) >= MAX_COLUMNS) lines.push(`（共 ${lastFilledColumn(grid) + 1} 列，只显示前 ${MAX_COLUMNS} 列）`);
  return lines;
}

function lastFilled(row: readonly unknown[]): number {
  for (let c = row.length - 1; c >= 0; c -= 1) if (cellText(row[c] as Parameters<typeof cellText>[0]).trim() !== '') return c;
  return -1;
}

function lastFilledColumn(grid: SheetGrid): number {
  return Math.max(-1, ...grid.rows.slice(0, 50).map(lastFilled));
}

/** The column a field is read from, as a person reads it: `C 列「意见内容」（指定）`, or （无）. */
export function fieldTarget(sheet: SheetReport, field: Field): string {
  const column = sheet.columns.find((candidate) => candidate.field === field);
  return column === undefined ? '（无）' : `${headedColumnWords(column.column, column.header)}${COLUMN_HOW_NOTES[column.how]}`;
}

/**
 * One line per field, every field: `    意见建议    C 列「意见内容」`; `point` is the 联系点 rows get without a
 * column (from the file name), shown so that （无） there is not taken for a missing point.
 */
export function mappingLines(sheet: SheetReport, point: string | null = null): string[] {
  const width = Math.max(...FIELDS.map((field) => displayWidth(FIELD_HEADERS[field])));
  return FIELD_ORDER.map((field) => {
    const name = FIELD_HEADERS[field];
    let target = fieldTarget(sheet, field);
    if (field === 'point' && point !== null && target === '（无）') target = `（无；各行的联系点为“${point}”）`;
    return `    ${name}${' '.repeat(width - displayWidth(name))}  ${target}`;
  });
}

/** The figures of a (re-)read of one sheet, and its first problem rows with their reasons. */
export function readResultLines(sheet: SheetReport, rejects: readonly Reject[], shown = 3): string[] {
  const notes = (sheet.notes ?? 0) > 0 ? `，说明行 ${sheet.notes ?? 0}` : '';
  const lines = [`    数据行 ${sheet.rows}：有效意见 ${sheet.records}，问题行 ${sheet.rejects}，空行 ${sheet.blanks}${notes}`];
  for (const reject of rejects.slice(0, shown)) lines.push(`      ${rowWords(reject.source.row)}：${reject.message}`);
  if (rejects.length > shown) lines.push(`      …… 另有 ${rejects.length - shown} 个问题行`);
  return lines;
}
