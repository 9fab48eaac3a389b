/** `yijian form` options: flags + config + cwd → one resolved object. */
import { z } from 'zod';
import { YijianError } from '../../errors.js';
import { DEFAULT_FORM_ROWS, type FormOptions } from '../../form/build.js';
import { flagPath, intFlag, loadedConfig, pathOption, resolveWith, type OptionSources } from './common.js';

/** Form flags as commander hands them over. */
export const FormFlagsSchema = z.object({
  draft: z.string().optional(),
  output: z.string().optional(),
  force: z.boolean().optional(),
  point: z.string().optional(),
  county: z.string().optional(),
  rows: intFlag('--rows', 1, 10_000, '300').optional(),
  templates: z.string().optional(),
});
export type FormFlags = z.input<typeof FormFlagsSchema>;

/** Everything `form` needs, resolved once. */
export interface FormRunOptions {
  /** The draft whose articles make the 条款 drop-down (--draft, else the config's draft). */
  draftPath: string;
  output: string;
  force: boolean;
  templatesDir: string | null;
  /** The form model's slice: point and county (blank is none) and the number of empty rows. */
  form: FormOptions;
}

/**
 * The file name when -o is not given: the point's name first, so that yijian reads the point back from
 * the name of the returned file (联系点 is not a column of the form: a prefilled cell would make every
 * unused row a problem row).
 */
export function defaultFormName(options: FormOptions): string {
  // Characters a file name cannot hold (and path separators, so a name never points into another folder).
  return options.point === null ? '意见征集表.xlsx' : `${options.point.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')}-意见征集表.xlsx`;
}

/** The schema: flags + config + cwd → FormRunOptions. */
export const FormOptionsSchema = z
  .object({ flags: FormFlagsSchema, config: loadedConfig, cwd: z.string() })
  .transform(({ flags, config, cwd }): FormRunOptions => {
    const text = (value: string | undefined): string | null => (value === undefined || value.trim() === '' ? null : value.trim());
    const form: FormOptions = { point: text(flags.point), county: text(flags.county), rows: flags.rows ?? DEFAULT_FORM_ROWS };
    const draftPath = pathOption(cwd, flags.draft, config, config.config.draft);
    if (draftPath === null) {
      throw new YijianError('E_USAGE', '请用 --draft 指定草案文件，意见征集表的“条款”下拉列表按草案的条文生成。', {
        hint: '例如 yijian form --draft 草案.docx --point 东湖街道立法联系点 -o 意见征集表.xlsx',
      });
    }
    return {
      draftPath,
      output: flagPath(cwd, flags.output ?? defaultFormName(form)),
      force: flags.force ?? false,
      templatesDir: flags.templates === undefined ? null : flagPath(cwd, flags.templates),
      form,
    };
  });

/** Resolves form's options; a bad flag is YijianError E_USAGE naming it. */
export function resolveFormOptions(sources: OptionSources<FormFlags>): FormRunOptions {
  return resolveWith(FormOptionsSchema, sources);
}
