/**
 * What the assigner needs to know about a draft: which keys it has (to flag citations of articles
 * it lacks) and how to tell a citation of the draft from a citation of another law.
 */
import { baseArticle, checkedKey, parseArticleKey } from '../article-key.js';
import type { ArticleKey, Draft } from '../model.js';
import { ITEM_RE } from '../text/draft-lines.js';
import { toSimplified } from '../text/normalize.js';
import { parseNumeral } from '../numerals.js';

/** Answers "does the draft have this key?" for article, paragraph, item, chapter and section keys. */
export type DraftKeyCheck = (key: ArticleKey) => boolean;

/** Builds the key check for a draft; every key is "in the draft" when there is no draft. */
export function createDraftKeyCheck(draft: Draft | null): DraftKeyCheck {
  if (draft === null) return () => true;
  const paragraphs = new Map<string, readonly string[]>();
  for (const article of draft.articles) {
    // The first article with a key wins, as in the lookup for quoting.
    if (!paragraphs.has(article.key)) paragraphs.set(article.key, article.paragraphs);
  }
  const divisions = new Set(draft.divisions.map((d) => d.key));
  // In a code with 编, chapters are `part2.ch3`: a bare 第三章 matches any 编's third chapter.
  const hasDivision = (key: string): boolean =>
    divisions.has(key) || draft.divisions.some((d) => d.key.endsWith(`.${key}`));
  return (key) => {
    const parsed = parseArticleKey(key);
    if (parsed === null) return hasDivision(key);
    if (parsed.kind !== 'article') return parsed.kind === 'part' || parsed.kind === 'chapter' ? hasDivision(key) : true;
    const found = paragraphs.get(baseArticle(key));
    if (found === undefined) return false;
    if (parsed.paragraph === null) return true;
    const text = found[parsed.paragraph - 1];
    if (text === undefined) return false;
    if (parsed.item === null) return true;
    return text.split('\n').filter((line) => ITEM_RE.test(line)).length >= parsed.item;
  };
}

/**
 * A 条款 cell that names a 章 or 节 by its title (总则, 附则, 法律责任, 养犬登记一章) → that division's key, or null:
 * only a whole cell, in either script, and only a title one division of the draft has.
 */
export function createDivisionTitleLookup(draft: Draft | null): (cell: string) => ArticleKey | null {
  if (draft === null) return () => null;
  const byTitle = new Map<string, ArticleKey | null>();
  for (const division of draft.divisions) {
    const title = toSimplified(division.title.replace(/\s/gu, ''));
    if (title === '') continue;
    // Two divisions of one title (附则 of two 编): the cell cannot say which.
    byTitle.set(title, byTitle.has(title) ? null : checkedKey(division.key));
  }
  return (cell) => {
    // Folded to simplified script on both sides: 侨 points write 總則 / 附則 for 总则 / 附则.
    const title = toSimplified(cell.replace(/[\s《》“”"「」『』‘’]/gu, '')).replace(/(?:部分|一章|一节|章节|章|节)$/u, '');
    return byTitle.get(title) ?? null;
  };
}

/** A law's name without brackets, 《》 and a trailing （征求意见稿）/（草案）, for comparing names. */
function coreName(name: string): string {
  return name
    .replace(/[《》\s]/g, '')
    .replace(/[（(](?:征求意见稿|草案|修订草案|送审稿|修正草案)[）)]$/, '')
    .replace(/(?:征求意见稿|修订草案|草案)$/, '');
}

/** Names that mean "this draft" whatever its title. */
const SELF_NAMES = new Set(['条例', '本条例', '草案', '本草案', '办法', '本办法', '规定', '本规定', '征求意见稿', '意见稿', '本法']);

/**
 * Decides whether a 《name》 written right before a citation names the draft itself. Without a
 * draft, only names of laws (…法, …法典) are taken to be other laws.
 */
export function createSelfNameCheck(draft: Draft | null): (name: string) => boolean {
  const title = draft === null ? '' : coreName(draft.title);
  return (name) => {
    const core = coreName(name);
    if (core === '' || SELF_NAMES.has(core)) return true;
    if (title === '') return !/法典?$/.test(core);
    return title.includes(core) || core.includes(title);
  };
}

/**
 * A 条款 cell that names an article by its caption (佩戴头盔, （禁止违规充电）, 关于“载人规定”, 头盔规定那条 is not
 * one) → that article's key, or null: the whole cell, brackets, quotes and 关于 / 一条 / 条款 / 规定 around it
 * dropped, equal to one caption of the draft (a caption two articles share names neither).
 */
export function createCaptionLookup(draft: Draft | null): (cell: string) => ArticleKey | null {
  if (draft === null) return () => null;
  const byCaption = new Map<string, ArticleKey | null>();
  const fold = (text: string): string => toSimplified(text.replace(/[\s（）()【】[\]《》“”"「」『』‘’]/gu, ''));
  for (const article of draft.articles) {
    if (article.caption === null) continue;
    const caption = fold(article.caption);
    if (caption.length < 2) continue;
    byCaption.set(caption, byCaption.has(caption) ? null : checkedKey(article.key));
  }
  return (cell) => {
    const bare = fold(cell).replace(/^(?:关于|对于|针对|有关)/u, '');
    // The caption may itself end in 规定 (载人规定): tried as written first, then without the ending.
    for (const name of [bare, bare.replace(/(?:的规定|这一条|一条|那条|条款|条文|规定)$/u, '')]) {
      const key = name.length < 2 ? undefined : byCaption.get(name);
      if (key !== undefined) return key;
    }
    return null;
  };
}

/**
 * A bare 19-20 in a 条款 cell is read as the key 第十九条之二十; a draft with no such article but with 第十九条 and
 * 第二十条 means a range (19 to 20): the keys of the range, or null when it is not one.
 */
export function hyphenRange(cell: string, key: ArticleKey, inDraft: DraftKeyCheck): ArticleKey[] | null {
  const match = /^\s*([1-9]\d{0,4})\s*[-－—–]\s*([1-9]\d{0,4})\s*$/u.exec(cell);
  if (match === null || inDraft(key)) return null;
  const from = Number(match[1]);
  const to = Number(match[2]);
  if (to <= from || to - from > 30) return null;
  const keys: ArticleKey[] = [];
  for (let n = from; n <= to; n++) {
    const k = checkedKey(String(n));
    if (!inDraft(k)) return null;
    keys.push(k);
  }
  return keys;
}

/**
 * 第（二）项 or 第二项 right after an article, with no 款 between, or a cell ending 第十九条（二）: the item of the article's
 * one list. (A caption in brackets, 第十九条（禁止违规充电）, is no numeral.)
 */
const ITEM_AFTER_ARTICLE = /条\s*(?:之\s*[一二三四五六七八九十0-9]+\s*)?(?:第?\s*[（(]?\s*([一二三四五六七八九十0-9]{1,3})\s*[）)]?\s*项|[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*$)/u;

/**
 * 第四十三条第（二）项 names an item but not its paragraph (款): where the article has one paragraph with items, the
 * key of that item (43.1.2); null otherwise (no item written, several lists, no such item), the article stands.
 */
export function createItemResolver(draft: Draft | null): (key: ArticleKey, cited: string) => ArticleKey | null {
  if (draft === null) return () => null;
  const lists = new Map<string, number[]>();
  for (const article of draft.articles) {
    if (lists.has(article.key)) continue;
    // For each paragraph holding items, its number (1-based) and how many items it has.
    const withItems = article.paragraphs.flatMap((text, index) => {
      const items = text.split('\n').filter((line) => ITEM_RE.test(line)).length;
      return items > 0 ? [index + 1, items] : [];
    });
    lists.set(article.key, withItems);
  }
  return (key, cited) => {
    // Most citations name no 项: they are passed over before any parsing (this runs on every citation).
    if (!cited.includes('项') && !/[）)]\s*$/u.test(cited)) return null;
    const parsed = parseArticleKey(key);
    if (parsed === null || parsed.kind !== 'article' || parsed.paragraph !== null) return null;
    const match = ITEM_AFTER_ARTICLE.exec(cited);
    if (match === null) return null;
    const item = parseNumeral(match[1] ?? match[2]!);
    const list = lists.get(key);
    if (item === null || item < 1 || list === undefined || list.length !== 2 || item > list[1]!) return null;
    return checkedKey(`${key}.${list[0]}.${item}`);
  };
}

/** Shortest quote of an article's text taken as naming it (fewer characters are common phrases). */
const QUOTE_MIN = 12;

/**
 * A 条款 cell holding the article's own words instead of its number (禁止下列违规充电行为：（一）在建筑物的公共门厅……,
 * pasted from the draft) → that article's key, or null: the cell's first characters, punctuation and spaces left
 * out, found in the text of one article only.
 */
export function createQuoteLookup(draft: Draft | null): (cell: string) => ArticleKey | null {
  if (draft === null) return () => null;
  const bare = (text: string): string => toSimplified(text).replace(/[\s\p{P}\p{S}]/gu, '');
  const texts = draft.articles.map((article) => ({ key: article.key, text: bare(`${article.caption ?? ''}${article.text}`) }));
  // The articles holding each run of QUOTE_MIN characters, built at the first cell that needs it: a column of free
  // text then costs one lookup per cell, not a scan of the draft (民法典: 1,260 articles).
  let runs: Map<string, number[]> | null = null;
  const index = (): Map<string, number[]> => {
    if (runs !== null) return runs;
    runs = new Map();
    texts.forEach((t, at) => {
      for (let i = 0; i + QUOTE_MIN <= t.text.length; i++) {
        const run = t.text.slice(i, i + QUOTE_MIN);
        const list = runs!.get(run);
        if (list === undefined) runs!.set(run, [at]);
        else if (list[list.length - 1] !== at) list.push(at);
      }
    });
    return runs;
  };
  return (cell) => {
    const quote = bare(cell).replace(/^第[一二三四五六七八九十百千零两\d]+条(?:之[一二三四五六七八九十]+)?/u, '').slice(0, 40);
    if (quote.length < QUOTE_MIN) return null;
    const found = (index().get(quote.slice(0, QUOTE_MIN)) ?? []).filter((at) => texts[at]!.text.includes(quote));
    return found.length === 1 ? checkedKey(texts[found[0]!]!.key) : null;
  };
}
