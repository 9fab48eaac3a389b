/**
 * The body rows of a report sheet as SpreadsheetML, written directly: SheetJS building a cell
 * object per value and then its XML was a third of rendering a 100k-opinion workbook. The output
 * is the XML SheetJS 0.20.3 writes for the same values (inline `str` cells), with the body style.
 */
import * as XLSX from 'xlsx';
import { YijianError } from '../errors.js';

/** SheetJS's rule for xml:space="preserve": leading or trailing whitespace, or a line break. */
const NEEDS_SPACE = /(^\s|\s$|\n)/;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' };
/** Characters XML 1.0 cannot hold, written as _xHHHH_ the way Excel reads them. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\uFFFE-\uFFFF]/g;
/** Excel's cell text limit (SheetJS refuses longer text too). */
const TEXT_LIMIT = 32_767;

/** Escapes text for a cell value as SheetJS does. */
export function escapeCellText(text: string): string {
  return text
    .replace(/[&<>'"]/g, (ch) => ENTITIES[ch] ?? ch)
    .replace(CONTROL, (ch) => `_x${ch.charCodeAt(0).toString(16).padStart(4, '0')}_`);
}

/** Text within Excel's cell limit: a longer one is cut, and the cut says so in the cell itself. */
export function withinCellLimit(text: string): string {
  if (text.length <= TEXT_LIMIT) return text;
  const mark = `……（全文共 ${text.length} 字，超出 Excel 单元格 ${TEXT_LIMIT} 字的上限，以下已截断；全文见 digest.json 或 Word 报告）`;
  let cut = TEXT_LIMIT - mark.length;
  // Never split a surrogate pair.
  if (/[\ud800-\udbff]/u.test(text.charAt(cut - 1))) cut -= 1;
  return text.slice(0, cut) + mark;
}

/**
 * A number shown through an Excel number format (`0"-2"`: the value 5 shown as 5-2): the cell stays a number,
 * so Excel and WPS sort and filter it as one, while people see the format's text.
 */
export interface FormattedNumber {
  readonly value: number;
  /** The format code as Excel writes it (`0"-2"`, `0.0%`). */
  readonly format: string;
}

/** What a body cell holds: text, a number, or a number with its own format. */
export type BodyCell = string | number | FormattedNumber;

/** The style of a formatted number in a column of style `columnStyle` (1 body, 3 centred). */
export type FormatStyle = (format: string, columnStyle: number) => number;

/** One cell with style `style`: a number as is, text as an inline string (cut to Excel's limit, visibly). */
function cellXml(ref: string, value: string | number, style: number): string {
  if (typeof value === 'string') value = withinCellLimit(value);
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : escapeCellText(String(value));
  const v = `<v${NEEDS_SPACE.test(text) ? ' xml:space="preserve"' : ''}>${text}</v>`;
  const type = typeof value === 'number' && Number.isFinite(value) ? '' : ' t="str"';
  return `<c r="${ref}" s="${style}"${type}${NEEDS_SPACE.test(v) ? ' xml:space="preserve"' : ''}>${v}</c>`;
}

/** The columns a sheet shows, for sizing rows: width in characters (Excel's `wch`) and whether hidden. */
export interface RowSizing {
  widths: readonly number[];
  hidden: readonly boolean[];
}

/** Points per printed line of 11 pt 宋体 (as LibreOffice and Excel lay it out), and Excel's ceiling for a row. */
const LINE_POINTS = 15.6;
const MAX_ROW_POINTS = 409;

/**
 * How many lines `text` wraps to in a column `width` characters wide: a CJK character takes two
 * units, other characters one; explicit line breaks start a new line.
 */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(2, width - 1);
  let lines = 1;
  let used = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      lines += 1;
      used = 0;
      continue;
    }
    const units = code >= 0x2e80 ? 2 : 1;
    if (used + units > room) {
      lines += 1;
      used = 0;
    }
    used += units;
  }
  return lines;
}

/**
 * `<row>` elements for `rows`, the first of them numbered `firstRow` (1-based), every cell in body style 1
 * unless `styles` gives a column another (3: centred, for counts and short codes); a formatted number takes
 * the style `formatStyle` gives its format in that column.
 * With `sizing`, each row gets the height its wrapped text needs: neither Excel nor LibreOffice grows a
 * row to fit wrapped text when opening a file, so without it every opinion prints as one cut line.
 */
export function bodyRowsXml(
  rows: readonly (readonly BodyCell[])[], firstRow: number, sizing?: RowSizing, styles?: readonly number[], formatStyle?: FormatStyle,
): string {
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const columns = Array.from({ length: width }, (_, i) => XLSX.utils.encode_col(i));
  const out: string[] = [];
  rows.forEach((row, index) => {
    const r = firstRow + index;
    const cells = row.map((value, c) => {
      const ref = `${columns[c] ?? XLSX.utils.encode_col(c)}${r}`;
      const style = styles?.[c] ?? 1;
      if (typeof value !== 'object') return cellXml(ref, value, style);
      if (formatStyle === undefined) throw new YijianError('E_INTERNAL', `单元格 ${ref} 有数字格式，但没有给出它的样式`);
      return cellXml(ref, value.value, formatStyle(value.format, style));
    }).join('');
    if (cells === '') return;
    let height = '';
    if (sizing !== undefined) {
      let lines = 1;
      row.forEach((value, c) => {
        if (typeof value !== 'string' || sizing.hidden[c] === true) return;
        lines = Math.max(lines, wrappedLines(value, sizing.widths[c] ?? 10));
      });
      height = rowHeightAttribute(lines);
    }
    out.push(`<row r="${r}"${height}${NEEDS_SPACE.test(cells) ? ' xml:space="preserve"' : ''}>${cells}</row>`);
  });
  return out.join('');
}

/** ` ht="…" customHeight="1"` for a row of `lines` lines. */
export function rowHeightAttribute(lines: number): string {
  return ` ht="${Math.min(MAX_ROW_POINTS, Math.round(lines * LINE_POINTS * 10 + 30) / 10)}" customHeight="1"`;
}
