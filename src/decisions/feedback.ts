/** The feedback model (意见采纳情况反馈): every record with its decision, grouped per contact point. */
import type { Digest } from '../model.js';
import { articleKeyLabel, baseArticleKey } from '../report/format.js';
import { maskDigest, maskPersonalData } from '../report/mask.js';
import { opinionIdOf, type AppliedDecisions } from './apply.js';
import { FEEDBACK_SCHEMA_VERSION, type FeedbackDocument, type FeedbackRecord } from './schema.js';
import { type StatsRow, statsRow } from './stats.js';
import { PENDING } from './values.js';

/** The name used for records whose point is not known, in file names and tables. */
export const NO_POINT = '未注明联系点';
/** The county shown for points whose county is not known. */
export const NO_COUNTY = '未注明县区';

/** Builds feedback.json's document from a digest and the decisions applied to it (pure); personal data masked. */
export function buildFeedbackDocument(unmasked: Digest, applied: AppliedDecisions | null): FeedbackDocument {
  // feedback.json travels like a report, and the letters, statistics and file names are made from it.
  const digest = maskDigest(unmasked);
  const byRecord = new Map((applied?.records ?? []).map((d) => [d.recordId, d]));
  const opinionOf = opinionIdOf(digest);
  const label = (keys: readonly string[]): string =>
    [...new Set(keys.map(baseArticleKey))].map((k) => articleKeyLabel(k, digest.draft)).join('、');
  const records = digest.records.map((r): FeedbackRecord => {
    const decided = byRecord.get(r.id);
    const opinionId = decided?.opinionId ?? opinionOf(r);
    return {
      id: r.id,
      source: r.source,
      point: r.point,
      county: r.county,
      articleLabel: label(r.articles.map((a) => a.key)),
      opinion: r.opinion,
      opinionId,
      cluster: decided?.clusterId ?? r.cluster,
      decision: decided?.decision ?? PENDING,
      reason: maskPersonalData(decided?.reason ?? ''),
      from: decided?.from ?? 'none',
    };
  });
  return {
    schemaVersion: FEEDBACK_SCHEMA_VERSION,
    kind: 'yijian-feedback',
    draft: digest.draft === null ? null : { title: digest.draft.title, file: digest.draft.file },
    date: digest.date,
    records,
  };
}

/** One line of a point's feedback. */
export interface FeedbackItemView {
  no: number;
  recordId: string;
  articleLabel: string;
  opinion: string;
  sourceText: string;
  decision: string;
  reason: string;
}

/** One contact point's feedback: its opinions in source order and its totals. */
export interface PointFeedbackView {
  point: string;
  county: string;
  /** The file name stem, safe on every file system: 东湖街道基层立法联系点-采纳情况反馈 */
  fileStem: string;
  title: string;
  feedbackTitle: string;
  dateText: string;
  items: FeedbackItemView[];
  totals: StatsRow;
  totalsSentence: string;
}

/** Strips characters no file system accepts (and control characters), keeps the Chinese name readable. */
export function safeFileName(name: string): string {
  // A mask's asterisks become full-width ones (allowed everywhere): dropping them would join 138 and 5678.
  const cleaned = name.replace(/\*/g, '＊').replace(/[/\\:?"<>|\u0000-\u001f]/g, '').replace(/^[.\s]+|[.\s]+$/g, '');
  return cleaned === '' ? NO_POINT : cleaned;
}

const collator = new Intl.Collator('zh-CN');

/** Per-point feedback views, points in name order; file stems made unique. */
export function pointFeedback(document: FeedbackDocument, dateText: string): PointFeedbackView[] {
  const byPoint = new Map<string, FeedbackRecord[]>();
  for (const r of document.records) {
    const key = r.point ?? NO_POINT;
    const list = byPoint.get(key);
    if (list === undefined) byPoint.set(key, [r]);
    else list.push(r);
  }
  const title = document.draft?.title ?? '';
  const usedStems = new Set<string>();
  return [...byPoint.keys()].sort(collator.compare).map((point) => {
    // digest.json keeps records in reading order (file, sheet, row): the order the point sent them.
    const records = byPoint.get(point) ?? [];
    let stem = `${safeFileName(point)}-采纳情况反馈`;
    for (let n = 2; usedStems.has(stem); n += 1) stem = `${safeFileName(point)}-${n}-采纳情况反馈`;
    usedStems.add(stem);
    const county = records.find((r) => r.county !== null)?.county ?? NO_COUNTY;
    const totals = statsRow(point, county, records.map((r) => ({ ...r, draftKey: '' })));
    return {
      point,
      county,
      fileStem: stem,
      title,
      feedbackTitle: `${title === '' ? '' : `《${title}》`}意见采纳情况反馈`,
      dateText,
      items: records.map((r, i) => ({
        no: i + 1,
        recordId: r.id,
        articleLabel: r.articleLabel,
        opinion: r.opinion,
        sourceText: `${r.source.file} / ${r.source.sheet} / 第 ${r.source.row} 行`,
        decision: r.decision,
        reason: r.reason === '' ? (r.decision === PENDING ? '正在研究中' : '') : r.reason,
      })),
      totals,
      totalsSentence: totalsSentence(totals),
    };
  });
}

/** "报送意见 12 条（去重后 11 条），其中采纳 3 条、部分采纳 1 条 … 采纳率 40%。" */
export function totalsSentence(row: StatsRow): string {
  const c = row.bySubmissions;
  return (
    `报送意见 ${row.submissions} 条（去重后 ${row.distinct} 条），其中采纳 ${c.采纳} 条、部分采纳 ${c.部分采纳} 条、` +
    `未采纳 ${c.未采纳} 条、已转送有关部门 ${c.已转送} 条、作为参考 ${c.作为参考} 条、待研究 ${c.待研究} 条；` +
    `采纳率（按报送条数）${row.rateText}。`
  );
}
