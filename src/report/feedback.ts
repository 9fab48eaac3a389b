/** Feedback and statistics through the report templates: one md/docx per point; 统计.xlsx/md/html. */
import { renderDocx } from './render-docx.js';
import { renderHtmlWith, renderMarkdownWith, trustedHtml } from './render-text.js';
import { renderXlsxBook, type XlsxRow } from './render-xlsx.js';
import { readTemplate } from './templates.js';
import { barChart } from './svg.js';
import { parseXlsxLayout } from './xlsx-layout.js';
import type { RenderedFile } from './index.js';
import type { PointFeedbackView } from '../decisions/feedback.js';
import type { StatsModel, StatsRow } from '../decisions/stats.js';

/** Formats `feedback` and `stats` may write. */
export type FeedbackFormat = 'md' | 'html' | 'docx' | 'xlsx';

/** Statistics file names. */
export const STATS_FILES = { md: '统计.md', html: '统计.html', xlsx: '统计.xlsx' } as const;

/** How the adoption rate is defined, printed in every statistics report. */
export const RATE_DEFINITION =
  '采纳率 =（采纳 + 部分采纳）÷ 已处理，已处理 = 除“待研究”（含未填写）外的全部意见；' +
  '“按报送”每次报送各计一条（同一意见由多个联系点报送的，分别计入各联系点），“按去重”同一意见在本组内只计一次。尚无已处理意见的，采纳率记为“—”。';

/** Renders each point's feedback in the asked formats (md, docx). */
export async function renderFeedback(points: readonly PointFeedbackView[], formats: readonly FeedbackFormat[], templatesDir: string | null): Promise<RenderedFile[]> {
  const files: RenderedFile[] = [];
  const md = formats.includes('md') ? await readTemplate('feedback/feedback.md.hbs', templatesDir) : null;
  const docx = formats.includes('docx') ? await readTemplate('feedback/feedback.docx', templatesDir) : null;
  for (const point of points) {
    if (md !== null) files.push({ name: `${point.fileStem}.md`, data: renderMarkdownWith(md, point) });
    if (docx !== null) files.push({ name: `${point.fileStem}.docx`, data: renderDocx(docx, point) });
  }
  return files;
}

const FIELDS = [
  'name', 'county', 'drafts', 'points', 'submissions', 'distinct', 'duplicates', 'adopt', 'partly', 'notAdopted', 'referred', 'noted',
  'pending', 'decided', 'rateText', 'decidedOpinions', 'adoptedOpinions', 'rateOpinionsText',
];

/** A statistics row as an Excel row (flat fields the layouts name). */
function xlsxRow(row: StatsRow): XlsxRow {
  const c = row.bySubmissions;
  return {
    name: row.name, county: row.county, drafts: row.drafts, points: row.points, submissions: row.submissions, distinct: row.distinct,
    duplicates: row.duplicates, adopt: c.采纳, partly: c.部分采纳, notAdopted: c.未采纳, referred: c.已转送, noted: c.作为参考,
    pending: c.待研究, decided: row.decided, rateText: row.rateText, decidedOpinions: row.decidedOpinions,
    adoptedOpinions: row.adoptedOpinions, rateOpinionsText: row.rateOpinionsText,
  };
}

/** The context the statistics templates get. */
function statsContext(stats: StatsModel, heading: string, dateText: string): Record<string, unknown> {
  const t = stats.total;
  return {
    ...stats,
    heading,
    dateText,
    rateDefinition: RATE_DEFINITION,
    totalSentence:
      `共 ${stats.drafts.length} 件草案，${stats.namedCounties} 个县（市、区）的 ${stats.points.length} 个联系点报送意见 ${t.submissions} 条` +
      `（去重后 ${t.distinct} 条）；已处理 ${t.decided} 条，其中采纳 ${t.bySubmissions.采纳} 条、部分采纳 ${t.bySubmissions.部分采纳} 条，` +
      `采纳率（按报送）${t.rateText}，（按去重）${t.rateOpinionsText}；待研究 ${t.bySubmissions.待研究} 条。`,
  };
}

/** Renders 统计.md / 统计.html / 统计.xlsx in the asked formats. */
export async function renderStats(stats: StatsModel, formats: readonly FeedbackFormat[], templatesDir: string | null, heading: string, dateText: string): Promise<RenderedFile[]> {
  const files: RenderedFile[] = [];
  const context = statsContext(stats, heading, dateText);
  if (formats.includes('md')) {
    files.push({ name: STATS_FILES.md, data: renderMarkdownWith(await readTemplate('stats/stats.md.hbs', templatesDir), context) });
  }
  if (formats.includes('html')) {
    const rateBars = (rows: readonly StatsRow[]): string =>
      barChart('采纳及部分采纳条数', rows.map((r) => ({ label: r.name, value: r.adopted })));
    const charts = {
      drafts: trustedHtml(barChart('各草案报送意见数', stats.drafts.map((r) => ({ label: r.name, value: r.submissions })))),
      counties: trustedHtml(barChart('各县（市、区）报送意见数', stats.counties.map((r) => ({ label: r.name, value: r.submissions }))) + rateBars(stats.counties)),
      points: trustedHtml(barChart('各联系点报送意见数', stats.points.map((r) => ({ label: r.name, value: r.submissions }))) + rateBars(stats.points)),
    };
    files.push({ name: STATS_FILES.html, data: renderHtmlWith(await readTemplate('stats/stats.html.hbs', templatesDir), { ...context, charts }) });
  }
  if (formats.includes('xlsx')) {
    const sheet = async (file: string, rows: readonly StatsRow[]) => {
      const template = await readTemplate(file, templatesDir);
      const layout = parseXlsxLayout(template);
      // Printed pages say what they count: 《草案》意见采纳情况统计（各联系点）.
      return { template, layout, rows: rows.map(xlsxRow), known: FIELDS, pageHeader: `${heading}（${layout.sheetName}）` };
    };
    files.push({
      name: STATS_FILES.xlsx,
      data: renderXlsxBook([
        await sheet('stats/points.xlsx.json', [...stats.points, stats.total]),
        await sheet('stats/counties.xlsx.json', [...stats.counties, stats.total]),
        await sheet('stats/drafts.xlsx.json', [...stats.drafts, stats.total]),
      ], 'report'),
    });
  }
  return files;
}
