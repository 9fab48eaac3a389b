/** The guided flow's column choices, pure: which columns a field can be read from, each with a sample cell. */
import type { SheetReport } from '../model.js';
import { headedColumnWords } from '../location.js';
import { cellText, columnLetter, gridWidth, type SheetGrid } from '../ingest/grid.js';
import { profileColumns, type ColumnProfile } from '../ingest/content.js';

/** A column a person may pick for a field, with a sample value so they can recognise it. */
export interface HeaderChoice {
  column: string;
  /** The header as the sheet's report has it; '' when the column has none (or the sheet has no header). */
  header: string;
  sample: string;
}

const SAMPLE_LENGTH = 24;

/** Every column of the sheet that has a header or data, with its first non-empty data cell as the sample. */
export function headerChoices(sheet: SheetReport, grid: SheetGrid): HeaderChoice[] {
  const start = sheet.headerRows.at(-1) ?? 0;
  const headers = new Map(sheet.columns.map((column) => [column.column, column.header]));
  const choices: HeaderChoice[] = [];
  for (let c = 0; c < gridWidth(grid); c += 1) {
    const letter = columnLetter(c);
    let sample = '';
    for (let r = start; r < grid.rows.length && sample === ''; r += 1) sample = cellText(grid.rows[r]?.[c]).trim();
    const header = headers.get(letter) ?? '';
    if (header === '' && sample === '') continue;
    choices.push({ column: letter, header, sample: shorten(sample) });
  }
  return choices;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SAMPLE_LENGTH ? `${flat.slice(0, SAMPLE_LENGTH)}…` : flat;
}

/** The label of a column choice in the list: letter, header, sample. */
export function choiceLabel(choice: HeaderChoice): string {
  return `${headedColumnWords(choice.column, choice.header)} 例：${choice.sample === '' ? '（空）' : choice.sample}`;
}

/** The content profile of each column below the sheet's header, by column letter (the first rows if none). */
export function profilesByLetter(sheet: SheetReport, grid: SheetGrid): Map<string, ColumnProfile> {
  const start = sheet.headerRows.at(-1) ?? 1;
  const profiles = profileColumns(grid, start, gridWidth(grid));
  return new Map(profiles.map((profile, column) => [columnLetter(column), profile]));
}
