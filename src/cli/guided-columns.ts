/** The guided flow's column step, pure: how a sheet's mapping is shown, and which columns can hold the opinions. */
import { FIELD_HEADERS, type Reject, type OpinionRecord, type SheetReport } from '../model.js';
import type { IngestResult } from '../ingest/index.js';

/** A column a person may pick as the opinion column, with a sample value so they can recognise it. */
export interface HeaderChoice {
  column: string;
  header: string;
  sample: string;
}

/** A person's answer for one sheet: the header text of its opinion column. */
export interface OpinionColumnAnswer {
  file: string;
  sheet: string;
  header: string;
}

const SAMPLE_LENGTH = 24;

/** Whether the sheet's opinion (意见建议) column was found. */
export function hasOpinionColumn(sheet: SheetReport): boolean {
  return sheet.columns.some((column) => column.field === 'opinion');
}

/** The lines showing one sheet's mapping: header row, each column → field, figures. */
export function describeMapping(sheet: SheetReport): string[] {
  const lines = [`■ ${sheet.file} · 工作表「${sheet.sheet}」 · 表头${sheet.headerRows.length === 0 ? '未找到' : `第 ${sheet.headerRows.join('、')} 行`}`];
  for (const column of sheet.columns) {
    const how = column.how === 'forced' ? '（指定）' : column.how === 'words' ? '（按表头用词推断）' : column.how === 'content' ? '（按内容推断）' : '';
    const target = column.field === null ? '（不使用）' : `${FIELD_HEADERS[column.field]}${how}`;
    lines.push(`    ${column.column.padEnd(3)}${column.header || '（空表头）'} → ${target}`);
  }
  lines.push(`    数据行 ${sheet.rows}：有效意见 ${sheet.records}，问题行 ${sheet.rejects}，空行 ${sheet.blanks}${(sheet.notes ?? 0) > 0 ? `，说明行 ${sheet.notes ?? 0}` : ''}`);
  return lines;
}

/**
 * The columns of a sheet with a sample value each: from the sheet's records for mapped columns, and from its
 * rejects (which keep every cell by header) otherwise — a sheet without an opinion column has only rejects.
 */
export function headerChoices(sheet: SheetReport, result: Pick<IngestResult, 'records' | 'rejects'>): HeaderChoice[] {
  const inSheet = (source: { file: string; sheet: string }): boolean => source.file === sheet.file && source.sheet === sheet.sheet;
  const records = result.records.filter((record) => inSheet(record.source)).slice(0, 20);
  const rejects = result.rejects.filter((reject) => inSheet(reject.source)).slice(0, 20);
  return sheet.columns
    .filter((column) => column.header !== '')
    .map((column) => ({
      column: column.column,
      header: column.header,
      sample: shorten(sampleFor(column.field, column.header, records, rejects)),
    }));
}

function sampleFor(field: SheetReport['columns'][number]['field'], header: string, records: OpinionRecord[], rejects: Reject[]): string {
  if (field !== null) {
    for (const record of records) {
      const value = record[field];
      if (typeof value === 'string' && value.trim() !== '') return value;
    }
  }
  for (const reject of rejects) {
    const value = reject.cells[header];
    if (value !== undefined && value.trim() !== '') return value;
  }
  return '';
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SAMPLE_LENGTH ? `${flat.slice(0, SAMPLE_LENGTH)}…` : flat;
}

/** The label of a header choice in the list: letter, header, sample. */
export function choiceLabel(choice: HeaderChoice): string {
  return `${choice.column}「${choice.header}」 例：${choice.sample === '' ? '（空）' : choice.sample}`;
}

/**
 * Turns the answers into config: the first header becomes a forced mapping (as `--map 意见建议=<header>`), the
 * others opinion synonyms — a field takes one forced mapping, and a header that a sheet lacks is simply not used.
 */
export function opinionMappingConfig(answers: readonly OpinionColumnAnswer[]): {
  map: Record<string, string>;
  synonyms: string[];
} {
  const headers = [...new Set(answers.map((answer) => answer.header))];
  const [first, ...rest] = headers;
  return { map: first === undefined ? {} : { [FIELD_HEADERS.opinion]: first }, synonyms: rest };
}
