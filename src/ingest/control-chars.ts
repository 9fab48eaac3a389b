/**
 * Control characters in cell text (U+0001–U+001F except tab and line breaks, U+FFFE/U+FFFF, lone
 * surrogates) are removed once, at intake: Word and Excel files cannot hold them (a single one made the
 * .docx report fail), and no one typed them on purpose. Each removal is reported by sheet, row and column.
 */
import { columnLetter, type GridCell, type SheetGrid } from './grid.js';
import { rowColumnWords, sheetWords } from '../location.js';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/** A grid with control characters removed, and where they were. */
export interface CleanedGrid {
  grid: SheetGrid;
  /** "第 3 行 D 列" per cell that had any, in order; empty when the grid was clean. */
  places: string[];
  count: number;
}

/** Removes control characters from every text cell of `grid`; rows without any are shared, not copied. */
export function removeControlCharacters(grid: SheetGrid): CleanedGrid {
  const places: string[] = [];
  let count = 0;
  let rows: (readonly GridCell[])[] | null = null;
  grid.rows.forEach((row, r) => {
    let copy: GridCell[] | null = null;
    row.forEach((cell, c) => {
      if (typeof cell !== 'string' || !hasControl(cell)) return;
      const found = cell.match(CONTROL)?.length ?? 0;
      count += found;
      places.push(rowColumnWords(r + 1, columnLetter(c)));
      copy ??= [...row];
      copy[c] = cell.replace(CONTROL, '');
    });
    if (copy !== null) {
      rows ??= [...grid.rows];
      rows[r] = copy;
    }
  });
  return { grid: rows === null ? grid : { ...grid, rows }, places, count };
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

/** The sheet note for a cleaned grid (null when nothing was removed). */
export function controlNote(cleaned: CleanedGrid): string | null {
  if (cleaned.count === 0) return null;
  const shown = cleaned.places.slice(0, 5).join('、') + (cleaned.places.length > 5 ? ` 等 ${cleaned.places.length} 处` : '');
  return `${sheetWords(cleaned.grid.name)}${shown}含不可见的控制字符（共 ${cleaned.count} 个），已删除；请核对这些单元格的文字。`;
}
