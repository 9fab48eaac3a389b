/** `yijian inspect` options: flags + config + cwd → one resolved object. */
import { z } from 'zod';
import type { IngestOptions } from '../../ingest/index.js';
import { loadedConfig, resolveWith, unitFlag, type OptionSources } from './common.js';
import { THRESHOLD_DEFAULTS } from './thresholds.js';
import { IngestFlagsSchema, ingestOptionsOf } from './ingest.js';
import { TextFlagsSchema, textOptionsOf, type TextOptions } from './text.js';

/** Inspect flags as commander hands them over. */
export const InspectFlagsSchema = z.object({
  ...IngestFlagsSchema.shape,
  ...TextFlagsSchema.shape,
  json: z.boolean().optional(),
  assign: unitFlag('--assign').optional(),
});
export type InspectFlags = z.input<typeof InspectFlagsSchema>;

/** Everything inspect needs, resolved once. */
export interface InspectOptions {
  /** The files and folders to read, as typed (they are shown in messages as typed). */
  inputs: string[];
  json: boolean;
  strict: boolean;
  /** The assigner's thresholds, used with --draft (as digest's). */
  assign: { threshold: number; minMargin: number; minLead: number; minLeadUnanchored: number };
  ingest: IngestOptions;
  text: TextOptions;
}

/** The schema: flags + config + cwd (+ the file arguments) → InspectOptions. */
export const InspectOptionsSchema = z
  .object({ files: z.array(z.string()), flags: InspectFlagsSchema, config: loadedConfig, cwd: z.string() })
  .transform(({ files, flags, config, cwd }): InspectOptions => ({
    inputs: [...files],
    json: flags.json ?? false,
    strict: flags.strict ?? false,
    assign: {
      threshold: flags.assign ?? config.config.thresholds?.assign ?? THRESHOLD_DEFAULTS.assign,
      minMargin: THRESHOLD_DEFAULTS.assignMargin,
      minLead: THRESHOLD_DEFAULTS.assignLead,
      minLeadUnanchored: THRESHOLD_DEFAULTS.assignLeadUnanchored,
    },
    ingest: ingestOptionsOf(flags, config),
    text: textOptionsOf(flags, config, cwd),
  }));

/** Resolves inspect's options; a bad flag is YijianError E_USAGE naming it. */
export function resolveInspectOptions(files: readonly string[], sources: OptionSources<InspectFlags>): InspectOptions {
  return resolveWith(InspectOptionsSchema, { files: [...files], ...sources });
}
