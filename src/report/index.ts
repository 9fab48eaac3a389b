/** The report entry: a Digest in, the rendered report files out (the caller writes them atomically). */
import type { Digest } from '../model.js';
import { buildReportView, pointsCell } from './model.js';
import { renderDocx } from './render-docx.js';
import { renderHtml, renderMarkdown } from './render-text.js';
import { renderXlsx, renderXlsxBook, type XlsxRow } from './render-xlsx.js';
import { readTemplate } from './templates.js';
import type { ReportView } from './view.js';
import { parseXlsxLayout } from './xlsx-layout.js';
import { type MaskedOpinions, maskPersonalData } from '../text/mask.js';
import { nearDifferencesByCanonical } from '../dedupe/diff.js';
import type { CarriedDecisions } from '../decisions/carried.js';

/** Output formats a run may ask for. */
export type ReportFormat = 'md' | 'html' | 'docx' | 'xlsx';

/** Normalised report options (the CLI builds them once from flags and config). */
export interface ReportOptions {
  formats: readonly ReportFormat[];
  /** The user's templates folder (files there override the defaults one by one), or null. */
  templatesDir: string | null;
  /** Show contacts unmasked on the decision sheet. */
  showContact: boolean;
  /** Decisions carried forward from an earlier decision sheet (`digest --decisions`), pre-filled. */
  carried?: CarriedDecisions | undefined;
  /** The digest's opinions masked already, on a second thread while digest.json was written (mask-ahead.ts). */
  maskedOpinions?: MaskedOpinions | undefined;
}

/** One rendered output file: its name and its content. */
export interface RenderedFile {
  name: string;
  data: Buffer | string;
}

/** Output file names, as staff know the reports. */
export const REPORT_FILES = {
  summaryMd: '汇总报告.md',
  summaryHtml: '汇总报告.html',
  summaryDocx: '汇总报告.docx',
  digestDocx: '条文意见对照表.docx',
  digestXlsx: '条文意见对照表.xlsx',
  decisionXlsx: '采纳情况登记表.xlsx',
} as const;

/** Excel's limit is 32,767 characters a cell; longer text is cut with a visible note, never silently. */
const CELL_LIMIT = 32_000;
function fitCell(text: string): string {
  return text.length <= CELL_LIMIT ? text : `${text.slice(0, CELL_LIMIT)}……（内容过长已截断，完整内容见条文意见对照表.docx）`;
}

/** Rows of 条文意见对照表.xlsx: one per cluster, in draft order. */
export function articleDigestRows(view: ReportView): XlsxRow[] {
  return view.sections.flatMap((section) =>
    section.clusters.map((c) => ({
      id: c.id,
      articleLabel: c.articleLabel,
      articleText: fitCell(section.text),
      representative: fitCell(c.representative),
      keywordsText: c.keywordsText,
      opinions: c.opinions,
      submissions: c.submissions,
      pointsText: fitCell(pointsCell(c.points)),
      membersText: fitCell(c.members.map((m, i) =>
        [`${i + 1}. ${m.text}（${m.sourcesText}）${m.assignmentMark}${m.guessMark}`, ...m.proposalLines.map((l) => `   ${l}`)].join('\n')).join('\n')),
      assignmentNote: [c.assignmentNote, c.nearbyNote].filter((note) => note !== '').join('；'),
      decision: '',
    })),
  );
}

/** Rows of 采纳情况登记表.xlsx: one per cluster, decision and reason left for the drafters (or carried forward). */
export function decisionRows(view: ReportView, carried?: CarriedDecisions): XlsxRow[] {
  const members = new Map(view.sections.flatMap((s) => s.clusters.map((c) => [c.id, c.members.map((m) => m.recordId).join(' ')] as const)));
  return view.decisionRows.map((row) => ({
    id: row.id,
    articleLabel: row.articleLabel,
    topic: row.topic,
    representative: fitCell(row.representative),
    keywordsText: row.keywordsText,
    opinions: row.opinions,
    submissions: row.submissions,
    countText: row.countText,
    pointsText: fitCell(row.pointsText),
    contactsText: fitCell(row.contactsText),
    assignmentNote: row.assignmentNote,
    decision: carried?.clusters.get(row.id)?.decision ?? '',
    reason: fitCell(carried?.clusters.get(row.id)?.reason ?? ''),
    status: carried?.clusters.get(row.id)?.status ?? '',
    correction: carried?.clusters.get(row.id)?.correction ?? '',
    // A suggestion beside the correction column, never read back: only what a person writes in 更正条款 counts.
    candidatesText: row.candidatesCell,
    // The distinct opinions of the cluster, so a later run can tell whether its membership changed.
    membersText: fitCell(members.get(row.id) ?? ''),
  }));
}

/** Rows of the 单条意见 sheet: one per distinct opinion, where a decision overrides its cluster's. */
export function opinionRows(view: ReportView, carried?: CarriedDecisions, nearDifferences?: ReadonlyMap<string, string>): XlsxRow[] {
  return view.sections.flatMap((section) =>
    section.clusters.flatMap((c) =>
      c.members.map((m) => ({
        recordId: m.recordId,
        clusterId: c.id,
        articleLabel: c.articleLabel,
        opinion: fitCell(m.text),
        pointsText: fitCell(pointsCell([...new Set(m.sources.map((s) => s.point))])),
        assignmentNote: m.assignmentNote,
        decision: carried?.opinions.get(m.recordId)?.decision ?? '',
        reason: fitCell(carried?.opinions.get(m.recordId)?.reason ?? ''),
        correction: carried?.opinions.get(m.recordId)?.correction ?? '',
        candidatesText: m.candidatesCell,
        moveTo: carried?.opinions.get(m.recordId)?.moveTo ?? '',
        nearDifferences: fitCell(nearDifferences?.get(m.recordId) ?? ''),
      })),
    ),
  );
}

const ARTICLE_DIGEST_FIELDS = ['id', 'articleLabel', 'articleText', 'representative', 'keywordsText', 'opinions', 'submissions', 'pointsText', 'membersText', 'assignmentNote', 'decision'];
const DECISION_FIELDS = ['id', 'articleLabel', 'topic', 'representative', 'keywordsText', 'opinions', 'submissions', 'countText', 'pointsText', 'contactsText', 'assignmentNote', 'decision', 'reason', 'status', 'membersText', 'correction', 'candidatesText'];
const OPINION_FIELDS = ['recordId', 'clusterId', 'articleLabel', 'assignmentNote', 'opinion', 'pointsText', 'decision', 'reason', 'correction', 'moveTo', 'candidatesText', 'nearDifferences'];

/** Renders the asked reports from `digest`; same digest and options, same bytes. */
export async function renderReports(digest: Digest, options: ReportOptions): Promise<RenderedFile[]> {
  const view = buildReportView(digest, { showContact: options.showContact, maskedOpinions: options.maskedOpinions });
  const wants = (format: ReportFormat): boolean => options.formats.includes(format);
  const dir = options.templatesDir;
  const files: RenderedFile[] = [];
  if (wants('md')) {
    files.push({ name: REPORT_FILES.summaryMd, data: renderMarkdown(await readTemplate('summary/summary.md.hbs', dir), view) });
  }
  if (wants('html')) {
    files.push({ name: REPORT_FILES.summaryHtml, data: renderHtml(await readTemplate('summary/summary.html.hbs', dir), view) });
  }
  if (wants('docx')) {
    files.push({ name: REPORT_FILES.summaryDocx, data: renderDocx(await readTemplate('summary/summary.docx', dir), view) });
    files.push({
      name: REPORT_FILES.digestDocx,
      data: renderDocx(await readTemplate('article-digest/article-digest.docx', dir), view),
    });
  }
  if (wants('xlsx')) {
    const digestTemplate = await readTemplate('article-digest/article-digest.xlsx.json', dir);
    files.push({
      name: REPORT_FILES.digestXlsx,
      data: renderXlsx(digestTemplate, parseXlsxLayout(digestTemplate), articleDigestRows(view), ARTICLE_DIGEST_FIELDS, 'report', view.digestTitle),
    });
    const decisionTemplate = await readTemplate('decision-sheet/decision-sheet.xlsx.json', dir);
    const opinionTemplate = await readTemplate('decision-sheet/opinion-sheet.xlsx.json', dir);
    files.push({
      name: REPORT_FILES.decisionXlsx,
      data: renderXlsxBook([
        {
          template: decisionTemplate, layout: parseXlsxLayout(decisionTemplate), rows: decisionRows(view, options.carried), known: DECISION_FIELDS,
          pageHeader: view.decisionTitle,
        },
        {
          template: opinionTemplate, layout: parseXlsxLayout(opinionTemplate),
          rows: opinionRows(view, options.carried, nearDifferencesByCanonical(digest.records, digest.duplicateGroups, maskPersonalData)), known: OPINION_FIELDS,
          pageHeader: `${view.decisionTitle}（单条意见）`,
        },
      ], 'report'),
    });
  }
  return files;
}
