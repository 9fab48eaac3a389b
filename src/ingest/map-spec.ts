/**
 * `--map` strings: `field=C` (a column letter) or `field=具体内容` (header text), field in English or Chinese.
 */
import { FIELDS, FIELD_HEADERS, type Field } from '../model.js';
import { YijianError } from '../errors.js';
import { columnIndex } from './grid.js';
import { resolveFieldName } from './synonyms.js';

/** Where a forced mapping points: a column by letter, or a column by its header text. */
export type MapTarget = { kind: 'column'; letter: string; index: number } | { kind: 'header'; text: string };

/** A user-forced mapping of one column to one canonical field. */
export interface ForcedMapping {
  field: Field;
  target: MapTarget;
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
  const name = spec.slice(0, at).trim();
  const value = spec.slice(at + 1).trim();
  if (name === '') throw badMapping(spec, '“=”左边缺少字段名。');
  if (value === '') throw badMapping(spec, '“=”右边缺少列字母或表头文字。');
  const field = resolveFieldName(name);
  if (field === null) throw badMapping(spec, `不认识字段“${name}”。`);
  const index = columnIndex(value);
  if (index !== null) {
    return { field, target: { kind: 'column', letter: value.toUpperCase(), index }, spec };
  }
  return { field, target: { kind: 'header', text: value }, spec };
}

/** Parses many `--map` strings and refuses two mappings for one field. */
export function parseMapSpecs(specs: readonly string[]): ForcedMapping[] {
  const parsed = specs.map(parseMapSpec);
  const seen = new Map<Field, string>();
  for (const mapping of parsed) {
    const earlier = seen.get(mapping.field);
    if (earlier !== undefined) {
      throw badMapping(mapping.spec, `字段 ${mapping.field}（${FIELD_HEADERS[mapping.field]}）已由“${earlier}”指定。`);
    }
    seen.set(mapping.field, mapping.spec);
  }
  return parsed;
}

function badMapping(spec: string, why: string): YijianError {
  return new YijianError('E_BAD_MAPPING', `列映射“${spec}”无效：${why}`, {
    hint: `格式为 字段=列字母 或 字段=表头文字，例如 --map 意见建议=C 或 --map opinion=具体内容。可用字段：${FIELD_LIST}。`,
  });
}
