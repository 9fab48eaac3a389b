/**
 * CSV/TSV text → one sheet grid. The row number is the record's position, as Excel shows it:
 * a quoted cell with line breaks stays one row.
 */
import { parse } from 'csv-parse/sync';
import { YijianError } from '../errors.js';
import { stripNul, type SheetGrid } from './grid.js';

/** Parses decoded CSV/TSV text; reads at most `maxRows` + 1 records so a huge file is refused early. */
export function parseDelimitedText(text: string, sheetName: string, delimiter: string, maxRows: number): SheetGrid {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
      to: maxRows + 1,
    }) as string[][];
  } catch (error) {
    const where = typeof error === 'object' && error !== null && 'lines' in error ? `（约第 ${String(error.lines)} 行）` : '';
    throw new YijianError('E_UNREADABLE_FILE', `无法解析 CSV 内容${where}：引号不成对或格式损坏。`, {
      hint: '请用 Excel 或 WPS 打开后另存为 .xlsx 再试。',
      cause: error,
    });
  }
  return { name: sheetName, rows: records.map((record) => record.map(stripNul)), merges: [] };
}

/** The delimiter of a CSV file: the most frequent of comma, tab and semicolon in its first line. */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, 65536).split(/\r?\n/u).find((line) => line.trim() !== '') ?? '';
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', '\t', ';']) {
    const count = firstLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}
