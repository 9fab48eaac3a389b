/**
 * A Word document (.docx) a point sent its opinions in → one sheet grid. Points often send a Word table (意见建议
 * 汇总表.docx) or a letter with the opinions numbered one per paragraph; both are read. The document's blocks
 * become rows from top to bottom, empty paragraphs left out: a paragraph is a row of one cell (a title line, a
 * letter's salutation, an opinion), a table row is a row of its cells, merged cells (gridSpan, vMerge) become
 * merges as in a workbook. Text is what Word shows with changes accepted: deletions left out, insertions kept.
 *
 * A Word document in a folder of submissions may be no submission at all: the draft itself, its 起草说明 or the
 * 征求意见通知. Those are told apart here ({@link wordDocumentKind}) and left out with a notice, never read as opinions.
 */
import { toSimplified } from '../text/normalize.js';
import { docxBlocks, type DocBlock } from '../text/docx.js';
import type { GridCell, MergeRange, SheetGrid } from './grid.js';

export { docxBlocks, type DocBlock } from '../text/docx.js';

/** What a Word document is, as far as its text shows. */
export type WordDocumentKind =
  /** Opinions: a table, or paragraphs that are not a draft or a notice. */
  | { kind: 'opinions' }
  /** The draft's own text: `articles` paragraphs that start like an article (第十条　…). */
  | { kind: 'draft'; articles: number }
  /** A notice, a 说明 or a letter of instructions, by its title. */
  | { kind: 'notice'; title: string };

/** The grid of a Word document, and where its tables are in it (1-based rows, first and last). */
export interface WordGrid {
  grid: SheetGrid;
  tables: { firstRow: number; lastRow: number }[];
  paragraphs: number;
}

// 第十条　… or 第十条（登记上牌）… at a paragraph's start: how a draft's articles begin (a space or a caption after 条).
const ARTICLE_START = /^第[一二三四五六七八九十百千零〇两\d]+条(?:之[一二三四五六七八九十])?(?:[\s\u3000]+|[（(〖【][^）)〗】]{1,12}[）)〗】]\s*)\S/u;
// An opinion written on an article says so in words a draft's article does not use.
const OPINION_WORDS = /建议|意见|希望|认为|觉得|我们|不合理|应增加|应删除|修改为/u;
// The title of a document that is not opinions: a notice, a 说明, a letter of instructions or a decision.
const NOTICE_TITLE = /(?:通知|说明|公告|通告|函|决定|（征求意见稿）|（草案）|草案)$/u;

/** Whether the blocks are opinions, the draft's text, or a notice; only documents without a table can be the latter two. */
export function wordDocumentKind(blocks: readonly DocBlock[]): WordDocumentKind {
  const paragraphs = blocks.flatMap((block) => (block.kind === 'paragraph' && block.text.trim() !== '' ? [toSimplified(block.text.trim())] : []));
  const articles = paragraphs.filter((text) => ARTICLE_START.test(text));
  const opinionArticles = articles.filter((text) => OPINION_WORDS.test(text)).length;
  if (articles.length >= 5 && articles.length - opinionArticles >= 2 * Math.max(1, opinionArticles)) return { kind: 'draft', articles: articles.length };
  if (blocks.some((block) => block.kind === 'table' && block.rows.length >= 2)) return { kind: 'opinions' };
  const title = (paragraphs[0] ?? '').replace(/\s+/gu, '');
  if (title.length <= 60 && NOTICE_TITLE.test(title) && !/(?:意见|建议)(?:汇总|反馈|整理)?$|的(?:意见|建议)|意见建议/u.test(title)) return { kind: 'notice', title: paragraphs[0] ?? '' };
  return { kind: 'opinions' };
}

/** The blocks as one grid named `name`: paragraphs and table rows from top to bottom, empty paragraphs left out. */
export function wordGrid(blocks: readonly DocBlock[], name: string): WordGrid {
  const rows: GridCell[][] = [];
  const merges: MergeRange[] = [];
  const tables: { firstRow: number; lastRow: number }[] = [];
  let paragraphs = 0;
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      const text = block.text.trim();
      if (text === '') continue;
      rows.push([text]);
      paragraphs += 1;
      continue;
    }
    const top = rows.length;
    const kept = block.rows.filter((row) => row.some((text) => text.trim() !== ''));
    if (kept.length === 0) continue;
    // Blank rows of a table are kept (they are rows the form had), so merges keep their places.
    for (const row of block.rows) rows.push([...row]);
    for (const merge of block.merges) merges.push({ s: { r: merge.s.r + top, c: merge.s.c }, e: { r: merge.e.r + top, c: merge.e.c } });
    tables.push({ firstRow: top + 1, lastRow: rows.length });
  }
  return { grid: { name, rows, merges }, tables, paragraphs };
}
