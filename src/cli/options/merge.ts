/** `yijian merge` options: flags + config + cwd → one resolved object. */
import { extname } from 'node:path';
import { z } from 'zod';
import { YijianError } from '../../errors.js';
import type { IngestOptions } from '../../ingest/index.js';
import { flagPath, loadedConfig, resolveWith, type OptionSources } from './common.js';
import { IngestFlagsSchema, ingestOptionsOf } from './ingest.js';

/** Merge flags as commander hands them over. */
export const MergeFlagsSchema = z.object({
  ...IngestFlagsSchema.shape,
  output: z.string().optional(),
  force: z.boolean().optional(),
  json: z.boolean().optional(),
});
export type MergeFlags = z.input<typeof MergeFlagsSchema>;

/** Everything a merge needs, resolved once. */
export interface MergeOptions {
  /** The files and folders to read, as typed (they are shown in messages as typed). */
  inputs: string[];
  /** -o as typed, for the message that names it. */
  outputAsTyped: string;
  output: string;
  format: '.xlsx' | '.csv';
  /** The problem rows' CSV beside a .csv output; null for .xlsx (they are a sheet of the workbook). */
  rejectsPath: string | null;
  force: boolean;
  json: boolean;
  strict: boolean;
  ingest: IngestOptions;
}

/** The schema: flags + config + cwd (+ the file arguments) → MergeOptions. */
export const MergeOptionsSchema = z
  .object({ files: z.array(z.string()), flags: MergeFlagsSchema, config: loadedConfig, cwd: z.string() })
  .transform(({ files, flags, config, cwd }): MergeOptions => {
    const output = flagPath(cwd, flags.output ?? '');
    const format = extname(output).toLowerCase();
    if (format !== '.xlsx' && format !== '.csv') {
      throw new YijianError('E_USAGE', `输出文件须为 .xlsx 或 .csv：${flags.output ?? ''}`, { hint: '例如 -o 汇总.xlsx' });
    }
    return {
      inputs: [...files],
      outputAsTyped: flags.output ?? output,
      output,
      format,
      rejectsPath: format === '.csv' ? output.replace(/\.csv$/i, '.问题行.csv') : null,
      force: flags.force ?? false,
      json: flags.json ?? false,
      strict: flags.strict ?? false,
      ingest: ingestOptionsOf(flags, config),
    };
  });

/** Resolves merge's options; a bad flag is YijianError E_USAGE naming it. */
export function resolveMergeOptions(files: readonly string[], sources: OptionSources<MergeFlags>): MergeOptions {
  return resolveWith(MergeOptionsSchema, { files: [...files], ...sources });
}
