/**
 * Reading back a workbook `yijian merge` wrote (a county's 汇总, forwarded to the city): its columns are
 * named by the same list the writer uses (MERGED_SOURCE_HEADERS in model.ts), so the two cannot drift apart.
 */
import { MERGED_HEADERS, MERGED_SHEETS, MERGED_SOURCE_HEADERS } from '../model.js';
import { cellText, type SheetGrid } from './grid.js';
import type { ForcedMapping } from './map-spec.js';
import type { RowContext } from './rows.js';

/** Whether `sheet` is the 意见汇总 of a merged workbook (`merged`: the file carries merge's own-output marker). */
export function isMergedRecords(merged: boolean | undefined, sheet: string): boolean {
  return merged === true && sheet === MERGED_SHEETS.records;
}

/**
 * A merged workbook numbers its rows 1…N in 序号 and keeps each point's own 序号 in 原表序号: that one becomes the
 * record's 序号, as a mapping like any other, so a feedback letter shows the number the point gave the opinion.
 * A 序号 the user maps for this sheet (--map, the config's columns.map) is in `maps` already and wins.
 */
export function withOwnSeq(maps: ForcedMapping[], merged: boolean | undefined, grid: SheetGrid): ForcedMapping[] {
  if (!isMergedRecords(merged, grid.name) || maps.some((mapping) => mapping.field === 'seq')) return maps;
  const header = MERGED_SOURCE_HEADERS.ownSeq;
  if (!(grid.rows[0] ?? []).some((cell) => cellText(cell).trim() === header)) return maps;
  const own: ForcedMapping = { field: 'seq', target: { kind: 'header', text: header }, scope: { file: null, sheet: null }, spec: `序号=${header}` };
  return [...maps, own];
}

/**
 * The header row merge wrote before 格内序号 had a column of its own (a split part was then the number 5 shown
 * through the format 0"-2" as 5-2): a county's workbook of that time is still read as merge's own.
 */
const MERGED_HEADERS_BEFORE_PART: readonly string[] = MERGED_HEADERS.filter((header) => header !== MERGED_SOURCE_HEADERS.part);

/**
 * The 来源文件, 来源工作表, 来源行号 and 格内序号 columns of a merged 意见汇总 whose header row is yijian's own
 * (MERGED_HEADERS, or the one of earlier versions; nothing added or moved): they hold provenance, never a field,
 * so the column mapping leaves them out rather than weighing 来源文件 against 联系点. A header someone changed
 * gets the usual guessing.
 */
export function provenanceColumns(merged: boolean | undefined, sheet: string, headers: readonly string[]): ReadonlySet<number> {
  if (!isMergedRecords(merged, sheet)) return new Set();
  const own = headers.map((header) => header.trim());
  while (own.length > 0 && own.at(-1) === '') own.pop();
  const same = (list: readonly string[]): boolean => own.length === list.length && own.every((header, column) => header === list[column]);
  if (!same(MERGED_HEADERS) && !same(MERGED_HEADERS_BEFORE_PART)) return new Set();
  const names = [MERGED_SOURCE_HEADERS.file, MERGED_SOURCE_HEADERS.sheet, MERGED_SOURCE_HEADERS.row, MERGED_SOURCE_HEADERS.part];
  return new Set(names.map((name) => own.indexOf(name)).filter((column) => column >= 0));
}

/**
 * Where a merged 意见汇总 keeps each record's 来源文件, 来源工作表, 来源行号 and, when it has the column, 格内序号
 * (nothing for any other sheet).
 */
export function carriedColumns(merged: boolean | undefined, sheet: string, headers: readonly string[]): Pick<RowContext, 'carried'> {
  if (!isMergedRecords(merged, sheet)) return {};
  const at = (name: string): number => headers.findIndex((header) => header.trim() === name);
  const file = at(MERGED_SOURCE_HEADERS.file);
  const sheetColumn = at(MERGED_SOURCE_HEADERS.sheet);
  const row = at(MERGED_SOURCE_HEADERS.row);
  const part = at(MERGED_SOURCE_HEADERS.part);
  if (file < 0 || sheetColumn < 0 || row < 0) return {};
  return { carried: { file, sheet: sheetColumn, row, ...(part < 0 ? {} : { part }), seen: new Set() } };
}

/** The 来源文件 values of a merged workbook's sheets: the files its opinions came from. */
export function mergedSources(grids: readonly SheetGrid[]): Set<string> {
  const sources = new Set<string>();
  for (const grid of grids) {
    const column = (grid.rows[0] ?? []).findIndex((cell) => cellText(cell).trim() === MERGED_SOURCE_HEADERS.file);
    if (column < 0) continue;
    for (let r = 1; r < grid.rows.length; r += 1) {
      const text = cellText(grid.rows[r]?.[column]).trim();
      if (text !== '') sources.add(text);
    }
  }
  return sources;
}
