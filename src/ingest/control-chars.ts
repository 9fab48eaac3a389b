/**
 * Control characters in cell text (U+0001–U+001F except tab and line breaks, U+FFFE/U+FFFF, lone
 * surrogates) are removed once, at intake: Word and Excel files cannot hold them (a single one made the
 * .docx report fail), and no one typed them on purpose. Each removal is reported by sheet, row and column.
 */
import { columnLetter, type GridCell, type SheetGrid } from './grid.js';
import type { ReaderFinding } from '../notices.js';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/** A grid with control characters removed, and where they were. */
export interface CleanedGrid {
  grid: SheetGrid;
  /** Each cell that had any (1-based row, column letter), in order; empty when the grid was clean. */
  cells: { row: number; column: string }[];
  count: number;
}

/** Removes control characters from every text cell of `grid`; rows without any are shared, not copied. */
export function removeControlCharacters(grid: SheetGrid): CleanedGrid {
  const cells: { row: number; column: string }[] = [];
  let count = 0;
  let rows: (readonly GridCell[])[] | null = null;
  grid.rows.forEach((row, r) => {
    let copy: GridCell[] | null = null;
    row.forEach((cell, c) => {
      if (typeof cell !== 'string' || !hasControl(cell)) return;
      const found = cell.match(CONTROL)?.length ?? 0;
      count += found;
      cells.push({ row: r + 1, column: columnLetter(c) });
      copy ??= [...row];
      copy[c] = cell.replace(CONTROL, '');
    });
    if (copy !== null) {
      rows ??= [...grid.rows];
      rows[r] = copy;
    }
  });
  return { grid: rows === null ? grid : { ...grid, rows }, cells, count };
}

const CONTROL_TEST = new RegExp(CONTROL.source, 'u');

/** Quick test: most cells have no character below U+0020 or in the surrogate and U+FFFx ranges at all. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f || code >= 0xd800) return CONTROL_TEST.test(text);
  }
  return false;
}

/** The W_CONTROL_CHARACTERS notice of a cleaned grid, before its file is named (null when nothing was removed). */
export function controlFinding(cleaned: CleanedGrid): ReaderFinding | null {
  if (cleaned.count === 0) return null;
  return { code: 'W_CONTROL_CHARACTERS', sheet: cleaned.grid.name, cells: cleaned.cells, count: cleaned.count };
}
