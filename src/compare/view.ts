/**
 * The 修改前后对照表 as rows to render: for each change, the old and the new cell as paragraphs of
 * marked runs (deleted words on the old side, inserted words on the new side), with the article labels.
 */
import type { Draft, DraftArticle } from '../model.js';
import { articleBody } from './align.js';
import { diffParagraphs, type DiffPart } from './diff.js';
import { CHANGE_KIND_LABELS, type ArticleChange, type DraftAlignment } from './model.js';

/** A run of text in a cell: plain, the article's label, or a change mark. */
export interface CellRun {
  text: string;
  mark: 'none' | 'label' | 'deleted' | 'inserted';
}

/** A cell: its paragraphs (款), each a list of runs; empty for the missing side of an added or deleted article. */
export type CellView = CellRun[][];

export interface CompareRowView {
  no: number;
  change: ArticleChange;
  /** 修改, 新增, 删除, 移动, 拆分, 合并, 未修改, with 条序调整 when only the number changed. */
  kindText: string;
  oldLabel: string;
  newLabel: string;
  old: CellView;
  new: CellView;
  /** What the labels cannot say (移至, 拆分为, 合并为), shown under the new text; '' when nothing. */
  note: string;
}

export interface CompareView {
  title: string;
  oldDraft: { title: string; file: string };
  newDraft: { title: string; file: string };
  /** One sentence of counts: 共 61 条，修改 12 条，新增 3 条 … */
  summaryLine: string;
  legend: string;
  rows: CompareRowView[];
}

/** Options of the view: whether unchanged articles are listed too. */
export interface CompareViewOptions {
  changedOnly: boolean;
}

export const COMPARE_LEGEND = '说明：修改后条文中加粗并加下划线的文字为新增或改写的内容；原条文中加粗并加删除线的文字为删去或被改写的内容。';

function kindText(change: ArticleChange): string {
  if (change.kind === 'unchanged') return change.renumbered ? '条序调整' : CHANGE_KIND_LABELS.unchanged;
  if (change.kind === 'modified' && change.renumbered) return '修改（条序调整）';
  if (change.kind === 'moved' && change.textChanged) return '移动并修改';
  return CHANGE_KIND_LABELS[change.kind];
}

/**
 * Splits one side of a diff into the paragraphs of its articles, the label in front of each article's
 * first paragraph. `keep` is the side's own mark ('deleted' for old, 'inserted' for new).
 */
function cell(parts: readonly DiffPart[], articles: readonly DraftArticle[], keep: 'deleted' | 'inserted'): CellView {
  const own = keep === 'deleted' ? 'delete' : 'insert';
  const paragraphs: CellRun[][] = [[]];
  for (const part of parts) {
    if (part.kind !== 'equal' && part.kind !== own) continue;
    const mark: CellRun['mark'] = part.kind === 'equal' ? 'none' : keep;
    part.text.split('\n').forEach((piece, index) => {
      if (index > 0) paragraphs.push([]);
      if (piece !== '') paragraphs[paragraphs.length - 1]!.push({ text: piece, mark });
    });
  }
  // Article k starts at the paragraph after the line breaks of the bodies before it.
  let at = 0;
  for (const article of articles) {
    paragraphs[at]?.unshift({ text: `${article.label}　`, mark: 'label' });
    at += articleBody(article).split('\n').length;
  }
  return paragraphs;
}

const joinLabels = (articles: readonly DraftArticle[]): string => articles.map((a) => a.label).join('、');

function noteOf(change: ArticleChange, olds: readonly DraftArticle[], news: readonly DraftArticle[]): string {
  if (change.kind === 'moved') return `（原${joinLabels(olds)}移至此处）`;
  if (change.kind === 'split') return `（原${joinLabels(olds)}拆分为${joinLabels(news)}）`;
  if (change.kind === 'merged') return `（原${joinLabels(olds)}合并为${joinLabels(news)}）`;
  if (change.kind === 'deleted') return '（删除）';
  return '';
}

const countSentence = (rows: readonly ArticleChange[], oldCount: number, newCount: number): string => {
  const count = (test: (c: ArticleChange) => boolean): number => rows.filter(test).length;
  const parts: [string, number][] = [
    ['修改', count((c) => c.kind === 'modified')],
    ['新增', count((c) => c.kind === 'added')],
    ['删除', count((c) => c.kind === 'deleted')],
    ['移动', count((c) => c.kind === 'moved')],
    ['拆分', count((c) => c.kind === 'split')],
    ['合并', count((c) => c.kind === 'merged')],
    ['未修改', count((c) => c.kind === 'unchanged')],
  ];
  const renumbered = count((c) => c.renumbered);
  return `原稿 ${oldCount} 条，修改后 ${newCount} 条：${parts.filter(([, n]) => n > 0).map(([w, n]) => `${w} ${n} 条`).join('，')}`
    + `${renumbered > 0 ? `；条文序号有变化的 ${renumbered} 条` : ''}。`;
};

/** Builds the view of an alignment of `oldDraft` → `newDraft`. */
export function buildCompareView(oldDraft: Draft, newDraft: Draft, alignment: DraftAlignment, options: CompareViewOptions): CompareView {
  const oldByKey = new Map(oldDraft.articles.map((a) => [a.key, a]));
  const newByKey = new Map(newDraft.articles.map((a) => [a.key, a]));
  const shown = alignment.changes.filter((c) => !options.changedOnly || c.kind !== 'unchanged' || c.renumbered);
  const rows = shown.map((change, index): CompareRowView => {
    const olds = change.old.map((k) => oldByKey.get(k)!);
    const news = change.new.map((k) => newByKey.get(k)!);
    const before = olds.map(articleBody).join('\n');
    const after = news.map(articleBody).join('\n');
    const parts = diffParagraphs(before, after);
    return {
      no: index + 1,
      change,
      kindText: kindText(change),
      oldLabel: joinLabels(olds),
      newLabel: joinLabels(news),
      old: olds.length === 0 ? [] : cell(parts, olds, 'deleted'),
      new: news.length === 0 ? [] : cell(parts, news, 'inserted'),
      note: noteOf(change, olds, news),
    };
  });
  return {
    title: `${newDraft.title}修改前后对照表`,
    oldDraft: { title: oldDraft.title, file: oldDraft.file },
    newDraft: { title: newDraft.title, file: newDraft.file },
    summaryLine: countSentence(alignment.changes, oldDraft.articles.length, newDraft.articles.length),
    legend: COMPARE_LEGEND,
    rows,
  };
}

/** A cell as plain text (paragraphs on lines), for Excel and the terminal. */
export function cellText(view: CellView): string {
  return view.map((runs) => runs.map((r) => r.text).join('')).join('\n');
}

/** The marked words of a cell, in order, joined by 、 (what Excel lists as 删去的文字 / 增加的文字). */
export function markedText(view: CellView, mark: 'deleted' | 'inserted'): string {
  return view.flatMap((runs) => runs.filter((r) => r.mark === mark).map((r) => r.text)).join('、');
}
