/** `yijian stats` options: flags + cwd → one resolved object. */
import { z } from 'zod';
import { pointNameMap } from '../../ingest/options.js';
import type { FeedbackFormat } from '../../report/feedback.js';
import { flagPath, loadedConfig, resolveWith, type OptionSources } from './common.js';
import { feedbackFormats } from './feedback.js';

/** Stats flags as commander hands them over. */
export const StatsFlagsSchema = z.object({
  output: z.string().optional(),
  force: z.boolean().optional(),
  json: z.boolean().optional(),
  formats: feedbackFormats.optional(),
  templates: z.string().optional(),
  title: z.string().optional(),
});
export type StatsFlags = z.input<typeof StatsFlagsSchema>;

/** Everything a stats run needs, resolved once. */
export interface StatsOptions {
  /** Each input as typed (for messages) and resolved. */
  inputs: { typed: string; path: string }[];
  outputDir: string;
  force: boolean;
  json: boolean;
  /** xlsx, md, html (docx, accepted in the list, is feedback's letters: stats has none). */
  formats: FeedbackFormat[];
  templatesDir: string | null;
  title: string;
  /** The config's pointNames (simplified keys): a point's other names → the one it goes by. */
  pointNames: ReadonlyMap<string, string>;
  /** The config's extra county names, for telling point names alike. */
  counties: readonly string[];
}

/** The schema: flags + cwd (+ the inputs) → StatsOptions. */
export const StatsOptionsSchema = z
  .object({ inputs: z.array(z.string()), flags: StatsFlagsSchema, config: loadedConfig, cwd: z.string() })
  .transform(({ inputs, flags, config, cwd }): StatsOptions => ({
    inputs: inputs.map((typed) => ({ typed, path: flagPath(cwd, typed) })),
    outputDir: flagPath(cwd, flags.output ?? 'yijian-stats'),
    force: flags.force ?? false,
    json: flags.json ?? false,
    formats: (flags.formats ?? ['xlsx', 'md', 'html']).filter((format) => format !== 'docx'),
    templatesDir: flags.templates === undefined ? null : flagPath(cwd, flags.templates),
    title: flags.title ?? '意见采纳情况统计',
    pointNames: pointNameMap(config.config.pointNames ?? {}),
    counties: config.config.counties ?? [],
  }));

/** Resolves stats' options; a bad flag is YijianError E_USAGE naming it. */
export function resolveStatsOptions(inputs: readonly string[], sources: OptionSources<StatsFlags>): StatsOptions {
  return resolveWith(StatsOptionsSchema, { inputs: [...inputs], ...sources });
}
