/** yijian.config.json: what a bureau sets once so next month is one command. */
import { z } from 'zod';
import { FIELDS } from '../model.js';

const fieldName = z.enum(FIELDS);
const unit = z.number().min(0).max(1);
const positiveInt = z.number().int().positive();

/**
 * Notes for people: JSON has no comments, so any object may carry "comment" or "_说明" (ignored by yijian).
 * Spread into every object of the schema so `yijian config init` can explain each section in place.
 */
const notes = {
  comment: z.string().optional(),
  _说明: z.string().optional(),
};

/** A rule giving the point and county of files whose name matches. */
export const PointRuleSchema = z.strictObject({
  ...notes,
  /** A substring of the file's path, or a glob with * and ?. */
  pattern: z.string().min(1),
  point: z.string().min(1).optional(),
  county: z.string().min(1).optional(),
});
export type PointRule = z.infer<typeof PointRuleSchema>;

export const REPORT_FORMATS = ['md', 'html', 'docx', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The whole config file; every key optional, unknown keys are errors (a typo should not pass silently). */
export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Free text for people reading the file ("comment" or "_说明"). */
  ...notes,
  /** Files or folders `digest` reads when none are named on the command line (relative to the config file). */
  inputs: z.array(z.string().min(1)).min(1).optional(),
  columns: z
    .strictObject({
      ...notes,
      /** Extra header synonyms per field: { "opinion": ["群众意见"] }. */
      synonyms: z.partialRecord(fieldName, z.array(z.string().min(1))).optional(),
      /**
       * Forced mappings, as on the command line: { "意见建议": "C" } or { "opinion": "具体内容" }, or for some
       * files only: { "海淀*.xls:意见建议": "E" }, one sheet: { "东湖.xlsx:座谈会:提出人": "备注2" }; "无" says the
       * file or sheet has no such column. The guided flow saves a person's choices here in that scoped form.
       */
      map: z.record(z.string(), z.string().min(1)).optional(),
      /** false: keep a cell of several numbered opinions (1.… 2.…) as one record (as --no-split). */
      split: z.boolean().optional(),
    })
    .optional(),
  point: z.string().min(1).optional(),
  county: z.string().min(1).optional(),
  /** County-level names the built-in official list lacks (开发区, 新区), recognised in file and point names. */
  counties: z.array(z.string().min(1)).optional(),
  points: z.array(PointRuleSchema).optional(),
  /**
   * Other names of a point → the name it goes by: { "东湖街道基层立法联系点": "东湖街道立法联系点" }. Counts,
   * reports and feedback letters then know one point (digest says which names look alike).
   */
  pointNames: z.record(z.string().min(1), z.string().min(1)).optional(),
  sheet: z.string().min(1).optional(),
  dictionary: z
    .strictObject({
      ...notes,
      userDict: z.array(z.string().min(1)).optional(),
      stopWords: z.array(z.string().min(1)).optional(),
      stopWordFiles: z.array(z.string().min(1)).optional(),
      /** Extra synonym lists (one group per line, the first word the canonical one). */
      synonyms: z.array(z.string().min(1)).optional(),
    })
    .optional(),
  thresholds: z
    .strictObject({
      ...notes,
      near: unit.optional(),
      assign: unit.optional(),
      cluster: unit.optional(),
    })
    .optional(),
  draft: z.string().min(1).optional(),
  /** The earlier round of the draft the submissions cite (digest --cited-draft); `draft` is the current one. */
  citedDraft: z.string().min(1).optional(),
  /** 落款 of the feedback letters: the unit that sends them (某市司法局). */
  issuer: z.string().min(1).optional(),
  /** The letters' 联系人 and telephone (张三，021-63210000), printed below the 落款 date. */
  contact: z.string().min(1).optional(),
  templates: z.string().min(1).optional(),
  formats: z.array(z.enum(REPORT_FORMATS)).min(1).optional(),
  output: z.string().min(1).optional(),
  limits: z
    .strictObject({
      ...notes,
      maxFileBytes: positiveInt.optional(),
      maxInflatedBytes: positiveInt.optional(),
      maxRowsPerSheet: positiveInt.optional(),
      maxCellLength: positiveInt.optional(),
      /** Milliseconds a legacy .xls may take to parse before it fails as damaged (default 60000). */
      parseTimeoutMs: positiveInt.optional(),
    })
    .optional(),
});
export type Config = z.infer<typeof ConfigSchema>;
