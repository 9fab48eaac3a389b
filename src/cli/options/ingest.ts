/** The reading slice that inspect, merge and digest share: --sheet, --map, --point, --county, --no-split with the config. */
import { z } from 'zod';
import { normalizeIngestOptions, type IngestOptions } from '../../ingest/index.js';
import type { LoadedConfig } from '../../config/load.js';

/** Reading flags as commander hands them over. */
export const IngestFlagsSchema = z.object({
  sheet: z.string().optional(),
  map: z.array(z.string()).optional(),
  point: z.string().optional(),
  county: z.string().optional(),
  strict: z.boolean().optional(),
  /** commander's --no-split: false when given. */
  split: z.boolean().optional(),
});
export type IngestFlags = z.input<typeof IngestFlagsSchema>;

/**
 * Flags and config turned into the one options object ingestion sees (flags win over the config; config
 * maps come first so a flag's mapping of the same field wins). The ingest stage's own normaliser fills its
 * defaults (limits, synonyms) and checks the mappings (E_BAD_MAPPING names the --map or config key).
 */
export function ingestOptionsOf(flags: IngestFlags, loaded: LoadedConfig): IngestOptions {
  const config = loaded.config;
  const configMaps = Object.entries(config.columns?.map ?? {}).map(([field, column]) => `${field}=${column}`);
  return normalizeIngestOptions({
    ...(flags.sheet ?? config.sheet) !== undefined ? { sheet: flags.sheet ?? config.sheet } : {},
    maps: [...configMaps, ...(flags.map ?? [])],
    synonyms: config.columns?.synonyms ?? {},
    ...(flags.point ?? config.point) !== undefined ? { point: flags.point ?? config.point } : {},
    ...(flags.county ?? config.county) !== undefined ? { county: flags.county ?? config.county } : {},
    rules: (config.points ?? []).map((rule) => ({
      pattern: rule.pattern,
      ...(rule.point !== undefined ? { point: rule.point } : {}),
      ...(rule.county !== undefined ? { county: rule.county } : {}),
    })),
    limits: config.limits ?? {},
    ...(config.counties !== undefined ? { counties: config.counties } : {}),
    ...(config.pointNames !== undefined ? { pointNames: config.pointNames } : {}),
    ...(flags.split === false ? { split: false } : config.columns?.split !== undefined ? { split: config.columns.split } : {}),
  });
}
