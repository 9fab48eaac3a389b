/**
 * The guided flow's column choices as config, pure: file- or sheet-scoped `columns.map` entries in the same form
 * as `--map '东湖.xlsx:意见建议=E'`, laid over the user's own config text without touching its other keys.
 */
import { FIELD_HEADERS, type Field, type SheetReport } from '../model.js';
import { foldHeader } from '../ingest/index.js';
import { columnIndex } from '../ingest/grid.js';
import { NO_COLUMN_VALUES, parseMapSpec } from '../ingest/map-spec.js';
import { matchesFile } from '../ingest/file-pattern.js';

/** A person's answer for one field of one sheet: a column, or null for "this sheet has none". */
export type ColumnChoice = { letter: string; header: string } | null;

/** What a person chose for one sheet; only the fields they changed. */
export interface SheetChoices {
  /** Display name, as in the sheet's report. */
  file: string;
  /** The file's path, to check that the saved scope names this file and no other. */
  path: string;
  sheet: string;
  /** Scope the entries to the sheet too (the file has several sheets). */
  bySheet: boolean;
  fields: Partial<Record<Field, ColumnChoice>>;
}

const NO_COLUMN = NO_COLUMN_VALUES[0] ?? '无';

/**
 * The scope part of a map key for one sheet: the file's display name (and the sheet), as the hints print it.
 * A plain name matches any path containing it (东湖.xlsx is inside 城东湖.xlsx), so when it would match another
 * input a `*` is added at its end: a glob, which must match from the start of the file's name (东湖.xlsx*).
 */
export function scopeFor(choice: Pick<SheetChoices, 'file' | 'path' | 'sheet' | 'bySheet'>, inputPaths: readonly string[]): string {
  // ':' separates the scope's parts; '?' (any one character) stands in for it inside a name.
  const safe = (name: string): string => name.replace(/[:：]/gu, '?');
  let file = safe(choice.file);
  const others = inputPaths.filter((path) => path !== choice.path);
  if (others.some((path) => matchesFile(file, path))) file = `${file}*`;
  return choice.bySheet ? `${file}:${safe(choice.sheet)}` : file;
}

/**
 * What a choice maps to: the header text when it names one column of the sheet unmistakably (it survives a
 * column inserted next month), else the column letter; `无` for none.
 */
export function mapTarget(choice: ColumnChoice, columns: SheetReport['columns']): string {
  if (choice === null) return NO_COLUMN;
  const header = choice.header.trim();
  if (header === '' || header.includes('/') || columnIndex(header) !== null || NO_COLUMN_VALUES.includes(header.toLowerCase())) return choice.letter;
  const folded = foldHeader(header);
  const same = columns.filter((column) => foldHeader(column.header) === folded || column.header.split('/').some((part) => foldHeader(part) === folded));
  return same.length === 1 ? header : choice.letter;
}

/** The `columns.map` entries for the choices: key `scope:字段`, value header, letter or 无. */
export function mapEntries(
  choices: readonly SheetChoices[],
  inputPaths: readonly string[],
  columnsOf: (choice: SheetChoices) => SheetReport['columns'],
): [string, string][] {
  const entries: [string, string][] = [];
  for (const choice of choices) {
    const scope = scopeFor(choice, inputPaths);
    for (const [field, column] of Object.entries(choice.fields) as [Field, ColumnChoice][]) {
      entries.push([`${scope}:${FIELD_HEADERS[field]}`, mapTarget(column, columnsOf(choice))]);
    }
  }
  return entries;
}

/** The map with `entries` added; an existing entry for the same scope and field is replaced, others are kept. */
export function mergeMap(existing: Readonly<Record<string, string>>, entries: readonly [string, string][]): Record<string, string> {
  const identity = (key: string): string | null => {
    try {
      const mapping = parseMapSpec(`${key}=x`);
      return `${mapping.scope.file ?? ''}\u0000${mapping.scope.sheet ?? ''}\u0000${mapping.field}`;
    } catch {
      return null;
    }
  };
  const fresh = new Map<string, [string, string]>();
  for (const entry of entries) {
    const id = identity(entry[0]);
    if (id !== null) fresh.set(id, entry);
  }
  // A replaced entry keeps its place in the file, so the saved diff is one changed line.
  const merged: [string, string][] = [];
  for (const [key, value] of Object.entries(existing)) {
    const id = identity(key);
    const entry = id === null ? undefined : fresh.get(id);
    if (entry === undefined) merged.push([key, value]);
    else if (id !== null) {
      merged.push(entry);
      fresh.delete(id);
    }
  }
  return Object.fromEntries([...merged, ...fresh.values()]);
}

/** What the guided flow sets in the config; `undefined` leaves a key as the user has it, `null` removes it. */
export interface ConfigPatch {
  inputs?: string[];
  output?: string;
  formats?: string[];
  draft?: string | null;
  map?: readonly [string, string][];
  /** A point's other names → the name it goes by, added to the config's pointNames. */
  pointNames?: readonly [string, string][];
}

/**
 * The user's config (the parsed JSON, as written) with the patch laid over it: every other key, note and order
 * kept, so saving never loses what someone wrote by hand.
 */
export function patchConfigObject(raw: Readonly<Record<string, unknown>>, patch: ConfigPatch): Record<string, unknown> {
  const next: Record<string, unknown> = { ...raw };
  if (patch.inputs !== undefined) next['inputs'] = patch.inputs;
  if (patch.output !== undefined) next['output'] = patch.output;
  if (patch.formats !== undefined) next['formats'] = patch.formats;
  if (patch.draft === null) delete next['draft'];
  else if (patch.draft !== undefined) next['draft'] = patch.draft;
  if (patch.pointNames !== undefined && patch.pointNames.length > 0) {
    next['pointNames'] = { ...(isObject(raw['pointNames']) ? raw['pointNames'] : {}), ...Object.fromEntries(patch.pointNames) };
  }
  if (patch.map !== undefined && patch.map.length > 0) {
    const columns = isObject(raw['columns']) ? { ...raw['columns'] } : {};
    const map = isObject(columns['map']) ? (columns['map'] as Record<string, string>) : {};
    columns['map'] = mergeMap(map, patch.map);
    next['columns'] = columns;
  }
  return next;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The lines saying what saving changes, key by key (each map entry on its own line). */
export function describeChanges(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): string[] {
  const lines: string[] = [];
  const show = (value: unknown): string => JSON.stringify(value);
  for (const key of Object.keys(after)) {
    if (key === 'columns') continue;
    if (show(before[key]) === show(after[key])) continue;
    lines.push(before[key] === undefined ? `  ${key}: ${show(after[key])}（新增）` : `  ${key}: ${show(after[key])}（原为 ${show(before[key])}）`);
  }
  for (const key of Object.keys(before)) if (!(key in after)) lines.push(`  ${key}: 删除（原为 ${show(before[key])}）`);
  const mapOf = (config: Readonly<Record<string, unknown>>): Record<string, unknown> => {
    const columns = config['columns'];
    return isObject(columns) && isObject(columns['map']) ? columns['map'] : {};
  };
  const oldMap = mapOf(before);
  for (const [key, value] of Object.entries(mapOf(after))) {
    if (show(oldMap[key]) === show(value)) continue;
    lines.push(oldMap[key] === undefined ? `  columns.map "${key}": ${show(value)}（新增）` : `  columns.map "${key}": ${show(value)}（原为 ${show(oldMap[key])}）`);
  }
  for (const key of Object.keys(oldMap)) if (!(key in mapOf(after))) lines.push(`  columns.map "${key}": 删除（同一文件同一字段的新选择取代了它）`);
  return lines;
}
