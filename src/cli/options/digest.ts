/** `yijian digest` options: flags + config + cwd → one resolved object, every default filled, paths absolute. */
import { resolve } from 'node:path';
import { z } from 'zod';
import { YijianError } from '../../errors.js';
import { REPORT_FORMATS, type ReportFormat } from '../../config/schema.js';
import { resolveConfigPath } from '../../config/load.js';
import { DEFAULT_ALIGN_OPTIONS, type AlignOptions } from '../../compare/align.js';
import type { IngestOptions } from '../../ingest/index.js';
import type { DecisionSheetSource } from '../../decisions/read-sheet.js';
import { decisionSheetOf } from './decisions.js';
import { formatsFlag, loadedConfig, pathOption, resolveWith, unitFlag, type OptionSources } from './common.js';
import { IngestFlagsSchema, ingestOptionsOf } from './ingest.js';
import { TextFlagsSchema, textOptionsOf, type TextOptions } from './text.js';
import { THRESHOLD_DEFAULTS } from './thresholds.js';

/** Digest flags as commander hands them over (also built by the guided flow). */
export const DigestFlagsSchema = z.object({
  ...IngestFlagsSchema.shape,
  ...TextFlagsSchema.shape,
  output: z.string().optional(),
  force: z.boolean().optional(),
  json: z.boolean().optional(),
  formats: formatsFlag(REPORT_FORMATS, '报告格式').optional(),
  near: unitFlag('--near').optional(),
  assign: unitFlag('--assign').optional(),
  cluster: unitFlag('--cluster').optional(),
  templates: z.string().optional(),
  date: z.string().optional(),
  showContact: z.boolean().optional(),
  /** An earlier, filled 采纳情况登记表 whose decisions carry forward. */
  decisions: z.string().optional(),
  /** The earlier round of the draft the submissions' citations refer to. */
  citedDraft: z.string().optional(),
});
export type DigestFlags = z.input<typeof DigestFlagsSchema>;

/** Everything a digest run needs, resolved once. */
export interface DigestOptions {
  /**
   * The files and folders to read: the arguments as typed (they are shown in messages as typed), else the
   * config's inputs against the config's folder.
   */
  inputs: string[];
  outputDir: string;
  force: boolean;
  json: boolean;
  strict: boolean;
  formats: ReportFormat[];
  templatesDir: string | null;
  /** Only when asked (--date): otherwise outputs carry no date. */
  date: string | null;
  showContact: boolean;
  /** The old decision sheet to carry forward (--decisions) and how it is read, or null. */
  decisions: DecisionSheetSource | null;
  /** The earlier round the citations refer to (--cited-draft, else the config's citedDraft), or null. */
  citedDraft: string | null;
  /** How that round is aligned to the draft (compare's thresholds). */
  align: AlignOptions;
  thresholds: { near: number; assign: number; assignMargin: number; assignLead: number; assignLeadUnanchored: number; cluster: number };
  ingest: IngestOptions;
  text: TextOptions;
}

/** The schema: flags + config + cwd (+ the file arguments) → DigestOptions. */
export const DigestOptionsSchema = z
  .object({ files: z.array(z.string()), flags: DigestFlagsSchema, config: loadedConfig, cwd: z.string() })
  .transform(({ files, flags, config: loaded, cwd }): DigestOptions => {
    const config = loaded.config;
    return {
      inputs: inputsOf(files, loaded),
      outputDir: pathOption(cwd, flags.output, loaded, config.output) ?? resolve(cwd, 'yijian-output'),
      force: flags.force ?? false,
      json: flags.json ?? false,
      strict: flags.strict ?? false,
      formats: flags.formats ?? config.formats ?? [...REPORT_FORMATS],
      templatesDir: pathOption(cwd, flags.templates, loaded, config.templates),
      date: flags.date ?? null,
      showContact: flags.showContact ?? false,
      decisions: flags.decisions === undefined ? null : decisionSheetOf(cwd, flags.decisions),
      citedDraft: pathOption(cwd, flags.citedDraft, loaded, config.citedDraft),
      align: DEFAULT_ALIGN_OPTIONS,
      thresholds: {
        near: flags.near ?? config.thresholds?.near ?? THRESHOLD_DEFAULTS.near,
        assign: flags.assign ?? config.thresholds?.assign ?? THRESHOLD_DEFAULTS.assign,
        assignMargin: THRESHOLD_DEFAULTS.assignMargin,
        assignLead: THRESHOLD_DEFAULTS.assignLead,
        assignLeadUnanchored: THRESHOLD_DEFAULTS.assignLeadUnanchored,
        cluster: flags.cluster ?? config.thresholds?.cluster ?? THRESHOLD_DEFAULTS.cluster,
      },
      ingest: ingestOptionsOf(flags, loaded),
      text: textOptionsOf(flags, loaded, cwd),
    };
  });

/** Resolves digest's options; a bad flag is YijianError E_USAGE naming it. */
export function resolveDigestOptions(files: readonly string[], sources: OptionSources<DigestFlags>): DigestOptions {
  return resolveWith(DigestOptionsSchema, { files: [...files], ...sources });
}

/** The files a command reads: its arguments, else the config's `inputs` (resolved against the config's folder). */
export function inputsOf(files: readonly string[], loaded: OptionSources<unknown>['config']): string[] {
  if (files.length > 0) return [...files];
  const configured = loaded.config.inputs;
  if (configured === undefined) {
    throw new YijianError('E_USAGE', '缺少参数 <files>：没有指定要读取的意见文件或目录，配置文件中也没有 inputs。', {
      hint: '例如 yijian digest 各联系点/ ；或在 yijian.config.json 中写 "inputs": ["各联系点/"]。',
    });
  }
  return configured.map((path) => resolveConfigPath(loaded, path));
}
