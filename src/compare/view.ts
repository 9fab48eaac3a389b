/**
 * The 修改前后对照表 as rows to render: for each change, the old and the new cell as paragraphs of
 * marked runs (deleted words on the old side, inserted words on the new side), with the article labels.
 */
import type { Draft, DraftArticle, DraftDivision } from '../model.js';
import { articleBody } from './align.js';
import { diffParagraphs, diffTexts, type DiffPart } from './diff.js';
import { CHANGE_KIND_LABELS, type ArticleChange, type DraftAlignment } from './model.js';

/** A run of text in a cell: plain, the article's label, or a change mark. */
export interface CellRun {
  text: string;
  mark: 'none' | 'label' | 'deleted' | 'inserted';
}

/** A cell: its paragraphs (款), each a list of runs; empty for the missing side of an added or deleted article. */
export type CellView = CellRun[][];

/** A 编, 章 or 节 heading shown above the articles it holds, with what became of it. */
export interface HeadingView {
  kind: DraftDivision['kind'];
  /** 未修改, 修改, 新增, 删除, or 章序调整 (节序调整, 编序调整) when only its number changed. */
  kindText: string;
  /** The old heading (第三章　前期物业), deleted words marked; null for a new one. */
  old: CellRun[] | null;
  /** The new heading, inserted words marked; null for a deleted one. */
  new: CellRun[] | null;
}

export interface CompareRowView {
  no: number;
  /** The 编, 章 and 节 headings that open above this row (none inside a division). */
  headings: HeadingView[];
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

const countSentence = (rows: readonly ArticleChange[], oldCount: number, newCount: number, headings: readonly HeadingView[]): string => {
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
  const headingParts = [CHANGE_KIND_LABELS.modified, CHANGE_KIND_LABELS.added, CHANGE_KIND_LABELS.deleted]
    .map((word): [string, number] => [word, headings.filter((h) => h.kindText === word).length])
    .filter(([, n]) => n > 0);
  return `原稿 ${oldCount} 条，修改后 ${newCount} 条：${parts.filter(([, n]) => n > 0).map(([w, n]) => `${w} ${n} 条`).join('，')}`
    + `${renumbered > 0 ? `；条文序号有变化的 ${renumbered} 条` : ''}`
    + `${headingParts.length > 0 ? `；章节标题${headingParts.map(([w, n]) => `${w} ${n} 处`).join('，')}` : ''}。`;
};

const DIVISION_DEPTH: Readonly<Record<DraftDivision['kind'], number>> = { part: 0, chapter: 1, section: 2 };
const RENUMBERED_TEXT: Readonly<Record<DraftDivision['kind'], string>> = { part: '编序调整', chapter: '章序调整', section: '节序调整' };

/** Each article's divisions, outermost first (编, 章, 节). */
function divisionsByArticle(draft: Draft): Map<string, DraftDivision[]> {
  const out = new Map<string, DraftDivision[]>();
  const ordered = [...draft.divisions].sort((a, b) => DIVISION_DEPTH[a.kind] - DIVISION_DEPTH[b.kind]);
  for (const division of ordered) {
    for (const key of division.articles) {
      const list = out.get(key);
      if (list === undefined) out.set(key, [division]);
      else list.push(division);
    }
  }
  return out;
}

/** A heading as one line: 第三章　前期物业 (the label's space made the ideographic one the reports use). */
const headingText = (division: DraftDivision): string => division.label.replace(/\s+/u, '　');

/**
 * Which old division each new one continues: the old division (of the same kind) most of its articles
 * came from, each old division given to one new one at most (the one that took most of its articles).
 */
function matchDivisions(changes: readonly ArticleChange[], oldDivs: Map<string, DraftDivision[]>, newDivs: Map<string, DraftDivision[]>): Map<DraftDivision, DraftDivision> {
  const votes = new Map<DraftDivision, Map<DraftDivision, number>>();
  for (const change of changes) {
    for (const newKey of change.new) {
      for (const oldKey of change.old) {
        for (const newDivision of newDivs.get(newKey) ?? []) {
          const oldDivision = (oldDivs.get(oldKey) ?? []).find((d) => d.kind === newDivision.kind);
          if (oldDivision === undefined) continue;
          const tally = votes.get(newDivision) ?? new Map<DraftDivision, number>();
          tally.set(oldDivision, (tally.get(oldDivision) ?? 0) + 1);
          votes.set(newDivision, tally);
        }
      }
    }
  }
  // Strongest claims first, so a chapter split in two keeps its heading on the part that took most of it.
  const claims: { to: DraftDivision; from: DraftDivision; n: number }[] = [];
  for (const [to, tally] of votes) for (const [from, n] of tally) claims.push({ to, from, n });
  claims.sort((a, b) => b.n - a.n);
  const matched = new Map<DraftDivision, DraftDivision>();
  const taken = new Set<DraftDivision>();
  for (const claim of claims) {
    if (matched.has(claim.to) || taken.has(claim.from)) continue;
    matched.set(claim.to, claim.from);
    taken.add(claim.from);
  }
  return matched;
}

/** The heading of a new division against the old one it continues (null: a new division). */
function headingView(kind: DraftDivision['kind'], before: DraftDivision | null, after: DraftDivision | null): HeadingView {
  const oldText = before === null ? '' : headingText(before);
  const newText = after === null ? '' : headingText(after);
  if (before === null || after === null) {
    return {
      kind,
      kindText: before === null ? CHANGE_KIND_LABELS.added : CHANGE_KIND_LABELS.deleted,
      old: before === null ? null : [{ text: oldText, mark: 'deleted' }],
      new: after === null ? null : [{ text: newText, mark: 'inserted' }],
    };
  }
  const kindText = before.title === after.title ? (oldText === newText ? CHANGE_KIND_LABELS.unchanged : RENUMBERED_TEXT[kind]) : CHANGE_KIND_LABELS.modified;
  const parts = diffTexts(oldText, newText);
  const runs = (own: DiffPart['kind'], mark: CellRun['mark']): CellRun[] =>
    parts.filter((p) => p.kind === 'equal' || p.kind === own).map((p) => ({ text: p.text, mark: p.kind === 'equal' ? 'none' : mark }));
  return { kind, kindText, old: runs('delete', 'deleted'), new: runs('insert', 'inserted') };
}

/**
 * The headings to show above each change, in table order: a new division's heading where its first article
 * comes, an old division nothing continues where its first article was.
 */
function headingsOf(changes: readonly ArticleChange[], oldDraft: Draft, newDraft: Draft): HeadingView[][] {
  const oldDivs = divisionsByArticle(oldDraft);
  const newDivs = divisionsByArticle(newDraft);
  const matched = matchDivisions(changes, oldDivs, newDivs);
  const continued = new Set(matched.values());
  const opened = new Set<DraftDivision>();
  return changes.map((change) => {
    const headings: HeadingView[] = [];
    for (const oldKey of change.old) {
      for (const division of oldDivs.get(oldKey) ?? []) {
        if (continued.has(division) || opened.has(division)) continue;
        opened.add(division);
        headings.push(headingView(division.kind, division, null));
      }
    }
    const first = change.new[0];
    for (const division of first === undefined ? [] : (newDivs.get(first) ?? [])) {
      if (opened.has(division)) continue;
      opened.add(division);
      headings.push(headingView(division.kind, matched.get(division) ?? null, division));
    }
    return headings;
  });
}

/** Builds the view of an alignment of `oldDraft` → `newDraft`. */
export function buildCompareView(oldDraft: Draft, newDraft: Draft, alignment: DraftAlignment, options: CompareViewOptions): CompareView {
  const oldByKey = new Map(oldDraft.articles.map((a) => [a.key, a]));
  const newByKey = new Map(newDraft.articles.map((a) => [a.key, a]));
  const allHeadings = headingsOf(alignment.changes, oldDraft, newDraft);
  const isShown = (c: ArticleChange): boolean => !options.changedOnly || c.kind !== 'unchanged' || c.renumbered;
  // With only the changed articles listed, the headings of the rows left out go to the next row shown, where
  // an unchanged one is kept only when nothing of its own level or above opens after it.
  const headingsShown = new Map<ArticleChange, HeadingView[]>();
  let carried: HeadingView[] = [];
  alignment.changes.forEach((change, index) => {
    carried.push(...allHeadings[index]!);
    if (!isShown(change)) return;
    headingsShown.set(change, carried.filter((h, at) => h.kindText !== CHANGE_KIND_LABELS.unchanged || !carried.slice(at + 1).some((later) => DIVISION_DEPTH[later.kind] <= DIVISION_DEPTH[h.kind])));
    carried = [];
  });
  const shown = alignment.changes.filter(isShown);
  const rows = shown.map((change, index): CompareRowView => {
    const olds = change.old.map((k) => oldByKey.get(k)!);
    const news = change.new.map((k) => newByKey.get(k)!);
    const before = olds.map(articleBody).join('\n');
    const after = news.map(articleBody).join('\n');
    const parts = diffParagraphs(before, after);
    return {
      no: index + 1,
      headings: headingsShown.get(change) ?? [],
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
    summaryLine: countSentence(alignment.changes, oldDraft.articles.length, newDraft.articles.length, allHeadings.flat()),
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
