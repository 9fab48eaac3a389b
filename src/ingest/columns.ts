/**
 * Mapping the sheet's columns to canonical fields: forced mappings first, then the best synonym match per field.
 */
import type { ColumnMapping, Field } from '../model.js';
import { columnLetter } from './grid.js';
import type { ForcedMapping } from './map-spec.js';
import { foldHeader, headerKeys, matchHeader, type SynonymIndex } from './synonyms.js';

/** The columns of one sheet and which column (0-based) holds each field. */
export interface ColumnPlan {
  columns: ColumnMapping[];
  fieldColumns: ReadonlyMap<Field, number>;
  /** Forced mappings that name no column of this sheet: a header text not found, or an empty column past the headers. */
  unmatched: ForcedMapping[];
}

/**
 * Maps header texts (one per column) to fields. A forced mapping takes its column and field away from
 * synonym matching; when two columns could be one field the better match wins and the other stays unmapped.
 */
export function mapColumns(
  headers: readonly string[],
  index: SynonymIndex,
  forced: readonly ForcedMapping[],
): ColumnPlan {
  const width = Math.max(headers.length, ...forced.map(forcedWidth));
  const fieldColumns = new Map<Field, number>();
  const how = new Map<number, 'forced' | 'synonym'>();
  const unmatched: ForcedMapping[] = [];
  for (const mapping of forced) {
    const column = findForcedColumn(mapping, headers);
    if (column === null || (mapping.target.kind === 'column' && column >= headers.length && (headers[column] ?? '') === '')) {
      unmatched.push(mapping);
      if (column === null) continue;
    }
    if (how.has(column)) continue;
    fieldColumns.set(mapping.field, column);
    how.set(column, 'forced');
  }
  const best = new Map<Field, { column: number; score: number }>();
  headers.forEach((header, column) => {
    if (how.has(column)) return;
    const match = matchHeader(header, index);
    if (match === null || fieldColumns.has(match.field)) return;
    const current = best.get(match.field);
    // Strictly better only: on a tie the leftmost column keeps the field.
    if (current === undefined || match.score > current.score) best.set(match.field, { column, score: match.score });
  });
  for (const [field, { column }] of best) {
    fieldColumns.set(field, column);
    how.set(column, 'synonym');
  }
  const fieldOf = new Map<number, Field>();
  for (const [field, column] of fieldColumns) fieldOf.set(column, field);
  const columns: ColumnMapping[] = [];
  for (let column = 0; column < width; column += 1) {
    const header = headers[column] ?? '';
    const field = fieldOf.get(column) ?? null;
    if (header === '' && field === null) continue;
    columns.push({ column: columnLetter(column), header, field, how: how.get(column) ?? 'none' });
  }
  return { columns, fieldColumns, unmatched };
}

function forcedWidth(mapping: ForcedMapping): number {
  return mapping.target.kind === 'column' ? mapping.target.index + 1 : 0;
}

// A header-text target matches the whole header or one part of a two-row header, loosely.
function findForcedColumn(mapping: ForcedMapping, headers: readonly string[]): number | null {
  if (mapping.target.kind === 'column') return mapping.target.index;
  const wanted = foldHeader(mapping.target.text);
  if (wanted === '') return null;
  for (const [column, header] of headers.entries()) {
    const candidates = [header, ...header.split('/')].flatMap(headerKeys);
    if (candidates.includes(wanted)) return column;
  }
  return null;
}
