/**
 * How people are told where a record came from — 文件 / 工作表 / 第 5 行第 2 条 — in one place, so inspect,
 * reports, feedback letters, near-duplicate notes and the merged workbook say it the same way. The row's
 * words are location.ts's, the same every error, problem and notice uses.
 */
import type { Provenance } from './model.js';
import { columnWords, rowWords } from './location.js';

/** 第 5 行, or 第 5 行第 2 条 for the second opinion of a split cell: how people find a record in the sheet. */
export function rowLabel(source: Pick<Provenance, 'row' | 'part'>): string {
  return rowWords(source.row, source.part);
}

/** `file / sheet`, or just `file` when the sheet is only the file's own name (CSV). */
export function sourcePlace(file: string, sheet: string): string {
  const stem = file.replace(/\.[^./\\]+$/, '');
  return sheet === '' || sheet === file || sheet === stem ? file : `${file} / ${sheet}`;
}

/** 东风街道意见汇总.xlsx / 意见表 / 第 3 行第 2 条: file, sheet (unless a CSV's) and row with its part. */
export function sourceLabel(source: Pick<Provenance, 'file' | 'sheet' | 'row' | 'part'>): string {
  return `${sourcePlace(source.file, source.sheet)} / ${rowLabel(source)}`;
}

/** A 问题行's place in reports: its source, then the column of the cell at fault (…/ 第 7 行，C 列). */
export function rejectLabel(reject: { source: Pick<Provenance, 'file' | 'sheet' | 'row' | 'part'>; column: string | null }): string {
  return `${sourceLabel(reject.source)}${reject.column === null ? '' : `，${columnWords(reject.column)}`}`;
}

/**
 * A record's row as one text: 5, or 5-2 for the second opinion split out of row 5's cell. Row first, so the part
 * reads as a sub-number of the row the clerk opens in the point's own file. Merged workbooks of earlier versions
 * showed this in 来源行号 (the number 5 through the format 0"-2"); merge now writes the part in 格内序号 of its own.
 */
export function sourceRowText(source: Pick<Provenance, 'row' | 'part'>): string {
  return source.part === undefined ? String(source.row) : `${source.row}-${source.part}`;
}

/** Reads a 来源行号 (5, or an earlier version's 5-2, as text or number); null for anything else. */
export function parseSourceRow(text: string): Pick<Provenance, 'row' | 'part'> | null {
  const match = /^\s*(\d+)(?:\s*-\s*(\d+))?\s*$/u.exec(text.replace(/\u200B/gu, ''));
  if (match === null) return null;
  const row = Number(match[1]);
  if (!Number.isSafeInteger(row) || row < 1) return null;
  if (match[2] === undefined) return { row };
  const part = Number(match[2]);
  return part >= 1 ? { row, part } : null;
}
