/**
 * Finding the header among the first rows: title rows above it are skipped, two-row and merged headers joined.
 */
import { cellText, gridWidth, type GridCell, type SheetGrid } from './grid.js';
import { cellKind } from './content.js';
import { matchHeader, type SynonymIndex } from './synonyms.js';

/** How many rows from the top may hold the header. */
export const HEADER_SEARCH_ROWS = 10;
/**
 * Where a header is still looked for when the first rows hold none: below a long 填表说明 block (一、…十、…). There a
 * row must name two fields, so a lone 意见 typed among pasted opinions is not taken for a header.
 */
export const HEADER_FALLBACK_ROWS = 40;
const FALLBACK_MIN_FIELDS = 2;

/** The header found: its 1-based rows (empty when none) and one header text per column. */
export interface HeaderLocation {
  rows: number[];
  /** Header text per column, two-row headers joined with "/" ("意见/条款"). */
  headers: string[];
}

/**
 * Picks the row (or pair of rows) whose cells name the most distinct fields. A pair wins only when it
 * names strictly more than either row alone, so a title row or the first data row never joins the header.
 */
export function findHeader(grid: SheetGrid, index: SynonymIndex): HeaderLocation {
  const found = findHeaderIn(grid, index, 0, HEADER_SEARCH_ROWS, 1);
  if (found.rows.length > 0 || grid.rows.length <= HEADER_SEARCH_ROWS) return found;
  return findHeaderIn(grid, index, HEADER_SEARCH_ROWS, HEADER_FALLBACK_ROWS, FALLBACK_MIN_FIELDS);
}

/** The best header starting in rows [from, to), naming at least `minFields` fields. */
function findHeaderIn(grid: SheetGrid, index: SynonymIndex, from: number, to: number, minFields: number): HeaderLocation {
  const limit = Math.min(to, grid.rows.length);
  const width = gridWidth(grid);
  const filled = headerTexts(grid, limit + 1, width);
  let best: HeaderLocation = { rows: [], headers: [] };
  let bestScore = minFields - 1;
  const singles: number[] = [];
  for (let r = 0; r < limit; r += 1) {
    const headers = filled[r] ?? [];
    const score = r < from ? 0 : fieldCount(headers, index);
    singles.push(score);
    if (score > bestScore) {
      best = { rows: [r + 1], headers };
      bestScore = score;
    }
  }
  for (let r = from; r < limit && r + 1 < filled.length; r += 1) {
    const lower = filled[r + 1] ?? [];
    // A row holding a citation, a number, a date or a phone number is data, never the lower header row.
    if (looksLikeData(grid.rows[r + 1] ?? [])) continue;
    const headers = joinRows(filled[r] ?? [], lower, width);
    const score = fieldCount(headers, index);
    const alone = Math.max(singles[r] ?? 0, singles[r + 1] ?? fieldCount(lower, index));
    // Merged cells tying a row that names fields to the row below mark a two-row header even when
    // the filled-down lower row alone would score as well; otherwise the pair must name more.
    const tied = (singles[r] ?? 0) > 0 && mergesJoin(grid, r);
    if ((score > alone || (tied && score === alone)) && beats(score, bestScore, best, r)) {
      best = { rows: [r + 1, r + 2], headers };
      bestScore = score;
    }
  }
  return best;
}

function looksLikeData(row: readonly GridCell[]): boolean {
  return row.some((cell) => {
    const text = cellText(cell).trim();
    return text !== '' && ['citation', 'number', 'date', 'phone'].includes(cellKind(text));
  });
}

// A pair replaces an equal-scoring best only when that best is one of its own two rows.
function beats(score: number, bestScore: number, best: HeaderLocation, r: number): boolean {
  if (score > bestScore) return true;
  const only = best.rows.length === 1 ? best.rows[0] : undefined;
  return score > 0 && score === bestScore && (only === r + 1 || only === r + 2);
}

// True when a merged range spans rows r and r + 1, or spreads across columns in row r.
function mergesJoin(grid: SheetGrid, r: number): boolean {
  return grid.merges.some(
    (m) => (m.s.r <= r && m.e.r >= r + 1) || (m.s.r === r && m.e.r === r && m.e.c > m.s.c),
  );
}

/**
 * The distinct fields a row of headers names. A row named only by header words must name two fields:
 * one word alone (a title 意见征集表, a data cell 好的建议) does not make a header.
 */
export function fieldCount(headers: readonly string[], index: SynonymIndex): number {
  const fields = new Set<string>();
  let listed = false;
  for (const header of headers) {
    const match = matchHeader(header, index);
    if (match === null) continue;
    fields.add(match.field);
    if (match.evidence === 'synonym') listed = true;
  }
  return listed || fields.size >= 2 ? fields.size : 0;
}

// The header rows as text, with every merged range filled across and down so a merged
// "意见" over three columns heads each of them.
function headerTexts(grid: SheetGrid, rowCount: number, width: number): string[][] {
  const rows: string[][] = [];
  for (let r = 0; r < rowCount && r < grid.rows.length; r += 1) {
    const row = grid.rows[r] ?? [];
    const texts: string[] = [];
    for (let c = 0; c < width; c += 1) texts.push(cleanHeader(cellText(row[c])));
    rows.push(texts);
  }
  for (const merge of grid.merges) {
    if (merge.s.r >= rows.length) continue;
    const value = rows[merge.s.r]?.[merge.s.c] ?? '';
    for (let r = merge.s.r; r <= merge.e.r && r < rows.length; r += 1) {
      const target = rows[r];
      if (target === undefined) continue;
      for (let c = merge.s.c; c <= merge.e.c && c < width; c += 1) target[c] = value;
    }
  }
  return rows;
}

function joinRows(upper: readonly string[], lower: readonly string[], width: number): string[] {
  const joined: string[] = [];
  for (let c = 0; c < width; c += 1) {
    const top = upper[c] ?? '';
    const bottom = lower[c] ?? '';
    if (top === '' || top === bottom) joined.push(bottom);
    else if (bottom === '') joined.push(top);
    else joined.push(`${top}/${bottom}`);
  }
  return joined;
}

function cleanHeader(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
