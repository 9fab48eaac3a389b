/**
 * Spreadsheet formula-injection guard, shared by every writer of CSV and Excel cells.
 *
 * A cell whose text starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a
 * formula by Excel and WPS (on CSV import, and on re-entry of an xlsx cell). We prefix such text
 * with a ZERO WIDTH SPACE (U+200B) rather than the OWASP apostrophe: in an xlsx string cell and
 * in CSV opened by Excel or WPS an apostrophe stays visible ("'-建议…"), which staff would read as
 * a typo, while U+200B is invisible, keeps the text readable and copyable, and makes the first
 * character harmless. Full-width ＝＋－＠ are not formula starters and are left alone.
 */

/** The invisible prefix put in front of risky cell text. */
export const CELL_GUARD = '\u200B';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Returns `text` made safe for a spreadsheet cell: risky leading characters are neutralised. */
export function safeCell(text: string): string {
  return FORMULA_START.test(text) ? CELL_GUARD + text : text;
}

/** True when `text` would be taken as a formula if written unguarded. */
export function isRiskyCell(text: string): boolean {
  return FORMULA_START.test(text);
}
