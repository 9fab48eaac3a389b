/**
 * Renders the 修改前后对照表 through the project's templates: Word (docxtemplater, the official-document
 * look of the other reports), Excel (renderXlsxBook and a layout JSON) and Markdown (Handlebars).
 */
import { renderDocx } from './render-docx.js';
import { escapeMarkdown, renderMarkdownWith } from './render-text.js';
import { renderXlsxBook, type XlsxRow } from './render-xlsx.js';
import { escapeXml } from './svg.js';
import { readTemplate } from './templates.js';
import { parseXlsxLayout } from './xlsx-layout.js';
import { breakTitle } from '../text/format.js';
import { cellText, markedText, type CellRun, type CellView, type CompareRowView, type CompareView, type HeadingView } from '../compare/view.js';

/** Formats `compare` writes. */
export const COMPARE_FORMATS = ['docx', 'xlsx', 'md'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

/** Template files of the 对照表, relative to the templates folder. */
export const COMPARE_TEMPLATES = {
  docx: 'compare/compare.docx',
  xlsx: 'compare/compare.xlsx.json',
  md: 'compare/compare.md.hbs',
} as const;

/** Run properties of each mark: inserted bold and underlined, deleted bold and struck through, labels in 黑体. */
const RUN_PROPERTIES: Readonly<Record<CellRun['mark'], string>> = {
  none: '',
  label: '<w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr>',
  inserted: '<w:rPr><w:b/><w:bCs/><w:u w:val="single"/></w:rPr>',
  deleted: '<w:rPr><w:b/><w:bCs/><w:strike/></w:rPr>',
};

const paragraphXml = (runs: readonly CellRun[], style = 'TableText', heading = false): string =>
  `<w:p><w:pPr><w:pStyle w:val="${style}"/>${heading ? '<w:keepNext/><w:jc w:val="center"/>' : ''}</w:pPr>${runs
    .map((r) => `<w:r>${RUN_PROPERTIES[r.mark]}<w:t xml:space="preserve">${escapeXml(r.text)}</w:t></w:r>`)
    .join('')}</w:p>`;

/**
 * A heading's side in Word: centred, in 黑体 where unmarked (a new or deleted heading keeps its mark), and kept
 * on the page of the first article under it.
 */
function headingXml(runs: readonly CellRun[] | null): string {
  if (runs === null) return paragraphXml([], 'TableText', true);
  return paragraphXml(runs.map((r) => (r.mark === 'none' ? { ...r, mark: 'label' as const } : r)), 'TableText', true);
}

/** The table's rows in order: each article row after the 编, 章 and 节 headings that open above it. */
function tableRows<T>(view: CompareView, heading: (h: HeadingView) => T, article: (row: CompareRowView) => T): T[] {
  return view.rows.flatMap((row) => [...row.headings.map(heading), article(row)]);
}

/** A heading's side as plain text, and its words marked `mark`. */
const headingPlain = (runs: readonly CellRun[] | null): string => (runs ?? []).map((r) => r.text).join('');
const headingMarked = (runs: readonly CellRun[] | null, mark: CellRun['mark']): string => (runs ?? []).filter((r) => r.mark === mark).map((r) => r.text).join('、');

/** A cell's paragraphs as WordprocessingML (what the template's {@…} raw tags take); never empty. */
function cellXml(cell: CellView, note: string): string {
  const paragraphs = cell.map((runs) => paragraphXml(runs));
  if (note !== '') paragraphs.push(paragraphXml([{ text: note, mark: 'none' }]));
  return paragraphs.length === 0 ? paragraphXml([]) : paragraphs.join('');
}

/** The data the Word template reads. */
export function docxData(view: CompareView): object {
  return {
    title: view.title,
    // As Word prints it, broken between words: (修改稿) stayed whole only when the line happened to end there.
    titleLines: breakTitle('', view.newDraft.title, '修改前后对照表'),
    sourceLine: `原条文：${view.oldDraft.title}（${view.oldDraft.file}）；修改后条文：${view.newDraft.title}（${view.newDraft.file}）。`,
    summaryLine: view.summaryLine,
    legend: view.legend,
    rows: tableRows(
      view,
      (h): object => ({ no: '', kindText: h.kindText, oldXml: headingXml(h.old), newXml: headingXml(h.new) }),
      (row): object => ({
        no: row.no,
        kindText: row.kindText,
        oldXml: cellXml(row.old, row.change.kind === 'added' ? '（新增）' : ''),
        newXml: cellXml(row.new, row.note),
      }),
    ),
  };
}

/** A cell for a Markdown table: runs escaped, marks as ** and ~~, paragraphs joined by <br>. */
function cellMarkdown(cell: CellView, note: string): string {
  const mark = (r: CellRun): string => {
    const text = escapeMarkdown(r.text);
    if (text.trim() === '') return text;
    return r.mark === 'inserted' ? `**${text}**` : r.mark === 'deleted' ? `~~${text}~~` : text;
  };
  const lines = cell.map((runs) => runs.map(mark).join(''));
  if (note !== '') lines.push(escapeMarkdown(note));
  return lines.length === 0 ? '—' : lines.join('<br>');
}

/** The data the Markdown template reads. */
export function markdownData(view: CompareView): object {
  return {
    title: view.title,
    oldDraft: view.oldDraft,
    newDraft: view.newDraft,
    summaryLine: view.summaryLine,
    legend: '说明：修改后条文中**加粗**的文字为新增或改写的内容；原条文中~~加删除线~~的文字为删去或被改写的内容。',
    rows: tableRows(
      view,
      (h): object => ({ no: '', kindText: h.kindText, oldMd: h.old === null ? '—' : cellMarkdown([h.old], ''), newMd: h.new === null ? '—' : cellMarkdown([h.new], '') }),
      (row): object => ({
        no: row.no,
        kindText: row.kindText,
        oldMd: cellMarkdown(row.old, ''),
        newMd: cellMarkdown(row.new, row.note),
      }),
    ),
  };
}

/** Fields the Excel layout may use. */
export const COMPARE_XLSX_FIELDS = ['no', 'kindText', 'oldLabel', 'oldText', 'newLabel', 'newText', 'similarity', 'deletedText', 'insertedText', 'note'];

/** Rows of the Excel 对照表: one per change, texts plain, the marked words in columns of their own. */
export function xlsxRows(view: CompareView): XlsxRow[] {
  return tableRows<XlsxRow>(view, (h) => ({
    no: '',
    kindText: h.kindText,
    oldLabel: '',
    oldText: headingPlain(h.old),
    newLabel: '',
    newText: headingPlain(h.new),
    similarity: '',
    deletedText: headingMarked(h.old, 'deleted'),
    insertedText: headingMarked(h.new, 'inserted'),
    note: '标题',
  }), (row) => ({
    no: row.no,
    kindText: row.kindText,
    oldLabel: row.oldLabel,
    oldText: cellText(row.old),
    newLabel: row.newLabel,
    newText: cellText(row.new),
    similarity: row.change.similarity,
    deletedText: markedText(row.old, 'deleted'),
    insertedText: markedText(row.new, 'inserted'),
    note: row.note,
  }));
}

/** Renders the asked formats; the same view gives the same bytes. */
export async function renderCompare(view: CompareView, formats: readonly CompareFormat[], templatesDir: string | null): Promise<Map<CompareFormat, Buffer | string>> {
  const out = new Map<CompareFormat, Buffer | string>();
  for (const format of formats) {
    const template = await readTemplate(COMPARE_TEMPLATES[format], templatesDir);
    if (format === 'docx') out.set(format, renderDocx(template, docxData(view)));
    else if (format === 'md') out.set(format, renderMarkdownWith(template, markdownData(view)));
    else out.set(format, renderXlsxBook([{ template, layout: parseXlsxLayout(template), rows: xlsxRows(view), known: COMPARE_XLSX_FIELDS, pageHeader: view.title }]));
  }
  return out;
}
