/**
 * Ingest options: user input (flags, config) validated and normalised once, with every default filled.
 */
import { simplifiedName } from '../text/normalize.js';
import { z } from 'zod';
import { FIELDS, type Field } from '../model.js';
import { YijianError } from '../errors.js';
import { parseMapSpecs, type ForcedMapping } from './map-spec.js';
import { DEFAULT_SYNONYMS, resolveFieldName } from './synonyms.js';

/** Default limits: generous for real submissions, small enough to refuse a hostile file quickly. */
export const DEFAULT_LIMITS = {
  /** Largest input file read at all. */
  maxFileBytes: 200 * 1024 * 1024,
  /** Largest total uncompressed size of an xlsx zip, checked before anything is inflated. */
  maxInflatedBytes: 1024 * 1024 * 1024,
  /** More rows than Excel's 1,048,576 can only be a broken or hostile file. */
  maxRowsPerSheet: 1_100_000,
  /** Excel's own limit for one cell. */
  maxCellLength: 32_767,
  /** Longest a legacy .xls may take to parse (in a worker) before it is given up as damaged. */
  parseTimeoutMs: 60_000,
} as const;

/** The limits actually in force. */
export type IngestLimits = { [K in keyof typeof DEFAULT_LIMITS]: number };

/** A config rule: files whose path matches `pattern` (glob with * and ?, or a substring) get this point/county. */
export interface PointRule {
  pattern: string;
  point: string | null;
  county: string | null;
}

/** Normalised ingest options: what the core sees, never raw strings or undefined-meaning-default. */
export interface IngestOptions {
  /** Read only this sheet of each workbook; null for every sheet. */
  sheet: string | null;
  maps: ForcedMapping[];
  /** Default synonyms followed by the user's, per field. */
  synonyms: Readonly<Record<Field, readonly string[]>>;
  point: string | null;
  county: string | null;
  rules: PointRule[];
  limits: IngestLimits;
  /** Split a cell of several numbered opinions (1.… 2.…) into one record each; --no-split turns it off. */
  split: boolean;
  /** County-level names the official list lacks (开发区, 新区 …), recognised in file and point names too. */
  counties: string[];
  /** Other names of a point → the name it goes by (config pointNames): 东湖街道基层立法联系点 → 东湖街道立法联系点. */
  pointNames: ReadonlyMap<string, string>;
}

const positive = z.number().int().positive();

/** The accepted raw input: flags and config as the CLI hands them over. */
export const IngestOptionsInputSchema = z
  .object({
    sheet: z.string().optional(),
    maps: z.union([z.array(z.string()), z.record(z.string(), z.string())]).optional(),
    synonyms: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
    point: z.string().optional(),
    county: z.string().optional(),
    split: z.boolean().optional(),
    counties: z.array(z.string()).optional(),
    /** Other names of a point → the name it goes by (config pointNames). */
    pointNames: z.record(z.string().min(1), z.string().min(1)).optional(),
    rules: z
      .array(
        z.object({
          pattern: z.string().min(1),
          point: z.string().optional(),
          county: z.string().optional(),
        }),
      )
      .optional(),
    limits: z
      .object({
        maxFileBytes: positive.optional(),
        maxInflatedBytes: positive.optional(),
        maxRowsPerSheet: positive.optional(),
        maxCellLength: positive.optional(),
        parseTimeoutMs: positive.optional(),
      })
      .optional(),
  })
  .strict();
/** Options as a caller writes them: every field optional. */
export type IngestOptionsInput = z.input<typeof IngestOptionsInputSchema>;

/** Validates and fills defaults; throws YijianError E_BAD_CONFIG (or E_BAD_MAPPING) naming the bad setting. */
/**
 * The config's pointNames as the readers use them: keyed as records carry names (simplified, trimmed), so 東湖街道 in
 * the config finds 东湖街道 in a sheet.
 */
export function pointNameMap(names: Readonly<Record<string, string>>): ReadonlyMap<string, string> {
  return new Map(Object.entries(names).map(([from, to]) => [simplifiedName(from.trim()), to.trim()]));
}

export function normalizeIngestOptions(input: unknown = {}): IngestOptions {
  const parsed = IngestOptionsInputSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => `${issue.path.map(String).join('.') || '（根）'}：${issue.message}`)
      .join('；');
    throw new YijianError('E_BAD_CONFIG', `读取设置无效：${detail}`, {
      hint: '请检查配置文件中的 sheet、maps、synonyms、point、county、split、rules、limits 各项。',
    });
  }
  const raw = parsed.data;
  const mapSpecs = Array.isArray(raw.maps)
    ? raw.maps
    : Object.entries(raw.maps ?? {}).map(([field, target]) => `${field}=${target}`);
  return {
    sheet: blankToNull(raw.sheet),
    maps: parseMapSpecs(mapSpecs),
    synonyms: mergeSynonyms(raw.synonyms ?? {}),
    point: blankToNull(raw.point),
    county: blankToNull(raw.county),
    rules: (raw.rules ?? []).map((rule) => ({
      pattern: rule.pattern,
      point: blankToNull(rule.point),
      county: blankToNull(rule.county),
    })),
    limits: {
      maxFileBytes: raw.limits?.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes,
      maxInflatedBytes: raw.limits?.maxInflatedBytes ?? DEFAULT_LIMITS.maxInflatedBytes,
      maxRowsPerSheet: raw.limits?.maxRowsPerSheet ?? DEFAULT_LIMITS.maxRowsPerSheet,
      maxCellLength: raw.limits?.maxCellLength ?? DEFAULT_LIMITS.maxCellLength,
      parseTimeoutMs: raw.limits?.parseTimeoutMs ?? DEFAULT_LIMITS.parseTimeoutMs,
    },
    split: raw.split ?? true,
    counties: (raw.counties ?? []).map((name) => name.trim()).filter((name) => name !== ''),
    pointNames: pointNameMap(raw.pointNames ?? {}),
  };
}

function mergeSynonyms(user: Readonly<Record<string, string | string[]>>): Record<Field, readonly string[]> {
  const merged = Object.fromEntries(FIELDS.map((field) => [field, [...DEFAULT_SYNONYMS[field]]])) as Record<
    Field,
    string[]
  >;
  for (const [name, value] of Object.entries(user)) {
    const field = resolveFieldName(name);
    if (field === null) {
      throw new YijianError('E_BAD_CONFIG', `同义词设置中的字段“${name}”不存在。`, {
        hint: `可用字段：${FIELDS.join('、')}，或其中文表头（如 意见建议）。`,
      });
    }
    const list = typeof value === 'string' ? [value] : value;
    for (const synonym of list) if (synonym.trim() !== '') merged[field].push(synonym.trim());
  }
  return merged;
}

function blankToNull(value: string | undefined): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
