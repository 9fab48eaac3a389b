/** feedback.json: what `yijian feedback` decided for every record, for `yijian stats` and scripts. */
import { z } from 'zod';
import { ProvenanceSchema } from '../model.js';
import { DecisionSchema } from './values.js';

export const FEEDBACK_SCHEMA_VERSION = 1;

/** One record with its decision. Opinion text is masked: this file travels like a report. */
export const FeedbackRecordSchema = z.object({
  id: z.string(),
  source: ProvenanceSchema,
  point: z.string().nullable(),
  county: z.string().nullable(),
  /** The article as people name it: 第十二条, 总体意见 … */
  articleLabel: z.string(),
  opinion: z.string(),
  /** The distinct opinion it belongs to (canonical record id of its duplicate group, or its own id). */
  opinionId: z.string(),
  cluster: z.string(),
  decision: DecisionSchema,
  reason: z.string(),
  from: z.enum(['cluster', 'opinion', 'none']),
});
export type FeedbackRecord = z.infer<typeof FeedbackRecordSchema>;

/** The whole of feedback.json. */
export const FeedbackDocumentSchema = z.object({
  schemaVersion: z.literal(FEEDBACK_SCHEMA_VERSION),
  kind: z.literal('yijian-feedback'),
  draft: z.object({ title: z.string(), file: z.string() }).nullable(),
  /** The earlier round the opinions were written on (digest --cited-draft): what the letters thank the point for. */
  citedDraft: z.object({ title: z.string(), file: z.string() }).nullable().optional(),
  date: z.string().nullable(),
  records: z.array(FeedbackRecordSchema),
});
export type FeedbackDocument = z.infer<typeof FeedbackDocumentSchema>;
