/** `yijian feedback` options: flags + config + cwd → one resolved object. */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { FeedbackFormat } from '../../report/feedback.js';
import type { DecisionSheetSource } from '../../decisions/read-sheet.js';
import { flagPath, formatsFlag, loadedConfig, resolveWith, type OptionSources } from './common.js';
import { decisionSheetOf } from './decisions.js';

/** The formats feedback writes (stats writes those but docx), in the order they are listed. */
export const FEEDBACK_FORMATS: readonly FeedbackFormat[] = ['docx', 'md', 'xlsx', 'html'];

/** --formats of feedback and stats. */
export const feedbackFormats = formatsFlag(FEEDBACK_FORMATS, '输出格式');

/** Feedback flags as commander hands them over. */
export const FeedbackFlagsSchema = z.object({
  digest: z.string(),
  decisions: z.string(),
  output: z.string().optional(),
  force: z.boolean().optional(),
  strict: z.boolean().optional(),
  json: z.boolean().optional(),
  formats: feedbackFormats.optional(),
  templates: z.string().optional(),
  date: z.string().optional(),
  issuer: z.string().optional(),
  contact: z.string().optional(),
});
export type FeedbackFlags = z.input<typeof FeedbackFlagsSchema>;

/** Everything a feedback run needs, resolved once. */
export interface FeedbackOptions {
  /** digest.json (a folder given for --digest means the digest.json inside it). */
  digestPath: string;
  /** The filled decision sheet and how it is read. */
  decisions: DecisionSheetSource;
  outputDir: string;
  force: boolean;
  strict: boolean;
  json: boolean;
  formats: FeedbackFormat[];
  templatesDir: string | null;
  /** --date, or null: the digest's own date is used then (it is known once the digest is read). */
  date: string | null;
  /** 落款: --issuer, else the config's issuer, else '' (the letters say nobody; the run warns). */
  issuer: string;
  /** 联系人 and telephone: --contact, else the config's contact, else '' (no line). */
  contact: string;
}

/** The schema: flags + config + cwd → FeedbackOptions. */
export const FeedbackOptionsSchema = z
  .object({ flags: FeedbackFlagsSchema, config: loadedConfig, cwd: z.string() })
  .transform(({ flags, config, cwd }): FeedbackOptions => {
    const digestArg = flagPath(cwd, flags.digest);
    return {
      digestPath: existsSync(digestArg) && statSync(digestArg).isDirectory() ? join(digestArg, 'digest.json') : digestArg,
      decisions: decisionSheetOf(cwd, flags.decisions),
      outputDir: flagPath(cwd, flags.output ?? 'yijian-feedback'),
      force: flags.force ?? false,
      strict: flags.strict ?? false,
      json: flags.json ?? false,
      formats: flags.formats ?? [...FEEDBACK_FORMATS],
      templatesDir: flags.templates === undefined ? null : flagPath(cwd, flags.templates),
      date: flags.date ?? null,
      issuer: flags.issuer ?? config.config.issuer ?? '',
      contact: (flags.contact ?? config.config.contact ?? '').trim(),
    };
  });

/** Resolves feedback's options; a bad flag is YijianError E_USAGE naming it. */
export function resolveFeedbackOptions(sources: OptionSources<FeedbackFlags>): FeedbackOptions {
  return resolveWith(FeedbackOptionsSchema, sources);
}
