/** `yijian compare OLD NEW` options: flags + cwd → one resolved object. */
import { extname } from 'node:path';
import { z } from 'zod';
import { YijianError } from '../../errors.js';
import { COMPARE_FORMATS, type CompareFormat } from '../../report/compare.js';
import { DEFAULT_ALIGN_OPTIONS, type AlignOptions } from '../../compare/align.js';
import { flagPath, formatsFlag, loadedConfig, resolveWith, type OptionSources } from './common.js';

/** The default output name (without extension), in the current folder. */
export const DEFAULT_COMPARE_OUTPUT = '修改前后对照表';

/** Compare flags as commander hands them over. */
export const CompareFlagsSchema = z.object({
  output: z.string().optional(),
  force: z.boolean().optional(),
  json: z.boolean().optional(),
  formats: formatsFlag(COMPARE_FORMATS, '输出格式').optional(),
  templates: z.string().optional(),
  changedOnly: z.boolean().optional(),
});
export type CompareFlags = z.input<typeof CompareFlagsSchema>;

/** Everything a comparison needs, resolved once. */
export interface CompareOptions {
  oldPath: string;
  newPath: string;
  /** Output path without extension; null with --json and no -o (nothing is written). */
  base: string | null;
  formats: CompareFormat[];
  templatesDir: string | null;
  force: boolean;
  json: boolean;
  changedOnly: boolean;
  /** The alignment's thresholds (not user settings: tuned on generated rounds of the fixtures' laws). */
  align: AlignOptions;
}

/** The schema: the two rounds + flags + cwd → CompareOptions. -o with an extension writes that format only. */
export const CompareOptionsSchema = z
  .object({ oldPath: z.string(), newPath: z.string(), flags: CompareFlagsSchema, config: loadedConfig, cwd: z.string() })
  .transform(({ oldPath, newPath, flags, cwd }): CompareOptions => {
    let formats = flags.formats ?? [...COMPARE_FORMATS];
    let base: string | null = flags.output === undefined ? (flags.json === true ? null : DEFAULT_COMPARE_OUTPUT) : flags.output;
    if (base !== null) {
      const extension = extname(base).slice(1).toLowerCase();
      if (extension !== '') {
        if (!(COMPARE_FORMATS as readonly string[]).includes(extension)) {
          throw new YijianError('E_USAGE', `不支持的输出格式“.${extension}”：${base}`, { hint: '输出文件请用 .docx、.xlsx 或 .md，或不带扩展名（三种都写）。' });
        }
        formats = [extension as CompareFormat];
        base = base.slice(0, -extension.length - 1);
      }
      base = flagPath(cwd, base);
    }
    return {
      oldPath: flagPath(cwd, oldPath),
      newPath: flagPath(cwd, newPath),
      base,
      formats,
      templatesDir: flags.templates === undefined ? null : flagPath(cwd, flags.templates),
      force: flags.force ?? false,
      json: flags.json ?? false,
      changedOnly: flags.changedOnly ?? false,
      align: DEFAULT_ALIGN_OPTIONS,
    };
  });

/** Resolves compare's options; a bad flag is YijianError E_USAGE naming it. */
export function resolveCompareOptions(oldPath: string, newPath: string, sources: OptionSources<CompareFlags>): CompareOptions {
  return resolveWith(CompareOptionsSchema, { oldPath, newPath, ...sources });
}
