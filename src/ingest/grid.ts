/**
 * The plain-data shape every reader produces and the pure core consumes: a sheet as a grid of cell texts.
 */

/** A cell the reader could not turn into text (an Excel error value such as #N/A); `shown` is what Excel shows. */
export interface UnreadableCell {
  readonly unreadable: true;
  readonly shown: string;
}

/** One cell: its text as staff see it, or a marker for an unreadable cell. */
export type GridCell = string | UnreadableCell;

/** A merged range, 0-based and inclusive, as SheetJS reports it. */
export interface MergeRange {
  readonly s: { readonly r: number; readonly c: number };
  readonly e: { readonly r: number; readonly c: number };
}

/** A sheet read into cells: `rows[i]` is spreadsheet row i + 1; rows may be ragged. */
export interface SheetGrid {
  readonly name: string;
  readonly rows: readonly (readonly GridCell[])[];
  readonly merges: readonly MergeRange[];
  /**
   * Set for CSV/TSV: a row with more cells than its header row holds a cell split by an unquoted
   * delimiter, so the row is rejected rather than read shifted or cut. (A workbook may have note columns.)
   */
  readonly strictWidth?: boolean;
  /** Set for a workbook sheet hidden in Excel (Hidden or VeryHidden): a reader must never prefer it silently. */
  readonly hidden?: boolean;
  /** Columns hidden in Excel (0-based ranges [first, last], .xlsx): a column mapped to a field among them is said. */
  readonly hiddenColumns?: readonly (readonly [number, number])[];
  /** Set for a Word document: the rows its tables fill (1-based, first and last) and how many paragraphs are rows. */
  readonly word?: { readonly tables: readonly { readonly firstRow: number; readonly lastRow: number }[]; readonly paragraphs: number };
}

/** True when the cell is the unreadable marker. */
export function isUnreadable(cell: GridCell | undefined): cell is UnreadableCell {
  return typeof cell === 'object' && cell !== null && cell.unreadable;
}

/** The text of a cell, '' for a missing one; unreadable cells give what Excel shows. */
export function cellText(cell: GridCell | undefined): string {
  if (cell === undefined) return '';
  return typeof cell === 'string' ? cell : cell.shown;
}

/** 0 → A, 25 → Z, 26 → AA: the column letters Excel shows. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A → 0, AA → 26; null for anything that is not 1–3 Latin letters. */
export function columnIndex(letters: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Removes NUL bytes, which some exporters leave in text and which break later tools. */
export function stripNul(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}

/** The widest row of the grid. */
export function gridWidth(grid: SheetGrid): number {
  let width = 0;
  for (const row of grid.rows) width = Math.max(width, row.length);
  return width;
}

/**
 * Columns (0-based) of `cells` past `width`, the header row's own cell count. A CSV row with more cells
 * than its header has one delimiter too many, even when the extra cell is empty: an unquoted comma
 * moved every later value one column right.
 */
export function cellsBeyond(cells: readonly GridCell[], width: number): number[] {
  const beyond: number[] = [];
  for (let c = width; c < cells.length; c += 1) beyond.push(c);
  return beyond;
}
