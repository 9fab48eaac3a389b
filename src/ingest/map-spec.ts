/**
 * `--map` strings: `field=C` (a column letter) or `field=具体内容` (header text), field in English or Chinese,
 * optionally scoped to files and a sheet: `海淀*.xls:意见建议=E`, `东湖.xlsx:座谈会:意见建议=E`.
 */
import { FIELDS, FIELD_HEADERS, type Field } from '../model.js';
import { YijianError } from '../errors.js';
import { columnIndex } from './grid.js';
import { globToRegExp, matchesFile } from './file-pattern.js';
import { resolveFieldName } from './synonyms.js';

/**
 * Where a forced mapping points: a column by letter, a column by its header text, or no column at all
 * (`提出人=无`: this sheet has no such column, so no header is taken for it).
 */
export type MapTarget = { kind: 'column'; letter: string; index: number } | { kind: 'header'; text: string } | { kind: 'none' };

/** The values that say "no column" for a field: `--map 提出人=无`. */
export const NO_COLUMN_VALUES: readonly string[] = ['无', 'none', '-'];

/** Which files and sheet a forced mapping applies to; null parts apply to all. */
export interface MapScope {
  /** A file-name glob (* and ?) or substring, as in the config's points rules. */
  file: string | null;
  sheet: string | null;
}

/** A user-forced mapping of one column to one canonical field. */
export interface ForcedMapping {
  field: Field;
  target: MapTarget;
  scope: MapScope;
  /** The string as the user wrote it, for messages. */
  spec: string;
}

const FIELD_LIST = FIELDS.map((field) => `${field}（${FIELD_HEADERS[field]}）`).join('、');

/** Parses one `--map` string; throws YijianError E_BAD_MAPPING with a Chinese message when it is malformed. */
export function parseMapSpec(spec: string): ForcedMapping {
  const at = spec.search(/[=＝]/u);
  if (at < 0) {
    throw badMapping(spec, `缺少“=”。`);
  }
  const left = spec.slice(0, at).split(/[:：]/u).map((part) => part.trim());
  const name = left.pop() ?? '';
  if (left.length > 2) throw badMapping(spec, '范围最多写“文件:工作表:”两段。');
  const scope: MapScope = { file: blankToNull(left[0]), sheet: blankToNull(left[1]) };
  const value = spec.slice(at + 1).trim();
  if (name === '') throw badMapping(spec, '“=”左边缺少字段名。');
  if (value === '') throw badMapping(spec, '“=”右边缺少列字母或表头文字。');
  const field = resolveFieldName(name);
  if (field === null) throw badMapping(spec, `不认识字段“${name}”。`);
  if (NO_COLUMN_VALUES.includes(value.toLowerCase())) return { field, target: { kind: 'none' }, scope, spec };
  const index = columnIndex(value);
  if (index !== null) {
    return { field, target: { kind: 'column', letter: value.toUpperCase(), index }, scope, spec };
  }
  return { field, target: { kind: 'header', text: value }, scope, spec };
}

function blankToNull(text: string | undefined): string | null {
  return text === undefined || text === '' ? null : text;
}

/** The scoped form of a mapping for one file and sheet, as hints print it: `'东湖.xlsx:意见建议=F'`. */
export function scopedMapSpec(file: string, sheet: string | null, field: string, column: string): string {
  const base = file.split(/[\\/]/u).pop() ?? file;
  const scope = sheet === null ? base : `${base}:${sheet}`;
  return `--map '${scope.replaceAll("'", '')}:${field}=${column}'`;
}

/**
 * The mappings in force for one file and sheet: for each field the most specific one (file and sheet,
 * then file, then unscoped).
 */
export function mapsFor(maps: readonly ForcedMapping[], filePath: string, sheet: string): ForcedMapping[] {
  const best = new Map<Field, { mapping: ForcedMapping; rank: number }>();
  for (const mapping of maps) {
    const { file, sheet: wanted } = mapping.scope;
    if (file !== null && !matchesFile(file, filePath)) continue;
    if (wanted !== null && !matchesName(wanted, sheet)) continue;
    const rank = (file === null ? 0 : 1) + (wanted === null ? 0 : 2);
    const current = best.get(mapping.field);
    if (current === undefined || rank > current.rank) best.set(mapping.field, { mapping, rank });
  }
  return maps.filter((mapping) => best.get(mapping.field)?.mapping === mapping);
}

function matchesName(pattern: string, name: string): boolean {
  if (/[*?]/u.test(pattern)) return globToRegExp(pattern).test(name);
  return pattern.trim().toLowerCase() === name.trim().toLowerCase();
}

/** Parses many `--map` strings and refuses two mappings for one field in the same scope. */
export function parseMapSpecs(specs: readonly string[]): ForcedMapping[] {
  const parsed = specs.map(parseMapSpec);
  const seen = new Map<string, string>();
  for (const mapping of parsed) {
    const key = `${mapping.scope.file ?? ''}\u0000${mapping.scope.sheet ?? ''}\u0000${mapping.field}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw badMapping(mapping.spec, `字段 ${mapping.field}（${FIELD_HEADERS[mapping.field]}）已由“${earlier}”指定。`);
    }
    seen.set(key, mapping.spec);
  }
  return parsed;
}

function badMapping(spec: string, why: string): YijianError {
  return new YijianError('E_BAD_MAPPING', `列映射“${spec}”无效：${why}`, {
    hint: `格式为 [文件:[工作表:]]字段=列字母 或 字段=表头文字（字段=无 表示本表没有这一列），例如 --map 意见建议=C、--map opinion=具体内容、--map '海淀*.xls:意见建议=E'。可用字段：${FIELD_LIST}。`,
  });
}
