/**
 * Article references (条款引用): the 条款 cell and citations inside opinion text, read to canonical
 * keys (`12`, `12.2`, `12.2.3`, `12-1`, `ch3`, `ch3.s2`, `part1`, `general`, `title`). See DESIGN.md.
 */
import type { ArticleKey } from '../model.js';
import { checkedKeys, GENERAL, TITLE } from '../article-key.js';
import { CitationScanner, foldForScan, type ScannedCitation } from './article-ref-scan.js';
import { isChineseNumeralChar, isChineseNumeralCode } from '../numerals.js';

/** One citation as written, with its place in the input (UTF-16 offsets, end exclusive). */
export interface Citation {
  /** Exactly `input.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  keys: ArticleKey[];
}

/**
 * What a 条款 cell says. Blank: keys [] and unreadable false. Unreadable (nothing citable, or a
 * malformed citation such as a reversed or 200+ range): keys [] and unreadable true — never a guess;
 * `citations` still lists the parts that could be read, for messages.
 */
export interface ArticleCellParse {
  keys: ArticleKey[];
  unreadable: boolean;
  citations: Citation[];
}

/** Free-text phrases clear enough to mean the whole draft or its title (plain 全文/标题 are too common). */
const TEXT_PHRASES: readonly (readonly [string, ArticleKey])[] = [
  ['总体意见', GENERAL],
  ['整体意见', GENERAL],
  ['通篇意见', GENERAL],
  ['草案名称', TITLE],
  ['条例名称', TITLE],
  ['法规名称', TITLE],
  ['规章名称', TITLE],
  ['办法名称', TITLE],
  ['草案标题', TITLE],
  ['条例标题', TITLE],
];

/** Words that, in a 条款 cell, mean the draft as a whole or its title. */
const CELL_WORDS: readonly (readonly [string, ArticleKey])[] = [
  ['总体', GENERAL],
  ['通篇', GENERAL],
  ['整体', GENERAL],
  ['全文', GENERAL],
  ['全篇', GENERAL],
  ['总的', GENERAL],
  ['整部', GENERAL],
  ['综合', GENERAL],
  // Not about one article: the opinion is on the draft as a whole (不涉及 alone is a blank cell).
  ['不涉及具体条款', GENERAL],
  ['不涉及具体条文', GENERAL],
  ['不针对具体条款', GENERAL],
  ['无具体条款', GENERAL],
  ['非具体条款', GENERAL],
  ['名称', TITLE],
  ['标题', TITLE],
  ['题目', TITLE],
];

/** Whole cells that mean every article, so the draft as a whole (全部 inside 第十二条全部删除 is no such word). */
const WHOLE_DRAFT_CELL = /^(?:全部|全部条款|全部条文|所有条款|所有条文|各条|各条款)$/u;

/** Cells that mean "no article" (无, /, —): blank, not unreadable. */
const BLANK_CELL = /^(?:[\s\p{P}\p{S}]*|无|暂无|空|没有|不涉及|n\/?a|none)$/iu;

/** A cell holding only a canonical key (12, 12.2, 12-1.2.3), as some sheets store it. */
const KEY_CELL = /^([1-9]\d{0,5})(-[1-9]\d{0,2})?((?:\.[1-9]\d{0,2}){0,2})$/;
/** Range marks a person types between two numbers; foldForScan makes them hyphens, which keys use for 之. */
const TILDES = /[~～〜∼]/u;

/**
 * Words before a bare 一条 / 两条 that make it a count of articles to add or remove, not a citation: 增加一条,
 * 第十二条之后新增一条, 删去两条 (a 条款 cell for a new article says where it goes, not which article it is).
 */
const COUNTED_BEFORE = /(?:增加|新增|增设|增补|补充|添加|加上|加|删去|删除|删掉|去掉|合并为|合并成|拆分为|拆为|分为|再)$/u;

/** A cell holding only numbers (12、13 / 12-15 / 十二): read as if 条 followed. */
const NUMBERS_CELL = /^[0-9\s、,，\-至到和及]+$/;
/** What joins the numbers of a numbers-only cell (十九至二十一, 十九、二十, 十九 二十). */
const NUMBER_JOINERS = /^[\s、,，\-至到和及]$/u;

/** A cell of Chinese numerals alone or joined as NUMBERS_CELL joins digits: 十九至二十一 is 第十九条至第二十一条. */
function chineseNumbersCell(folded: string): boolean {
  let numerals = 0;
  for (const ch of folded) {
    if (isChineseNumeralChar(ch)) numerals += 1;
    else if (!NUMBER_JOINERS.test(ch)) return false;
  }
  return numerals > 0 && isChineseNumeralChar(folded.charAt(0));
}

function toCitation(input: string, found: ScannedCitation): Citation {
  const end = Math.min(found.end, input.length);
  return { text: input.slice(found.start, end), start: found.start, end, keys: checkedKeys(found.keys) };
}

const DI = '第'.charCodeAt(0);
const ZERO = '0'.charCodeAt(0);
const NINE = '9'.charCodeAt(0);

/**
 * The place to try a citation: 第, a digit, or a Chinese numeral that does not continue a number. Read by code
 * unit: every character of every opinion is tested, and `folded[i]` made a string of each (hanzi are not cached).
 */
function mayStartCitation(folded: string, i: number): boolean {
  const code = folded.charCodeAt(i);
  return code === DI || (code >= ZERO && code <= NINE) || isChineseNumeralCode(code);
}

/** Scans `folded` left to right; every citation (good or malformed) once, in order. */
function scanAll(folded: string, mode: 'text' | 'cell'): ScannedCitation[] {
  const scanner = new CitationScanner(folded, mode);
  const found: ScannedCitation[] = [];
  for (let i = 0; i < folded.length; ) {
    const citation = mayStartCitation(folded, i) ? scanner.citationFrom(i) : null;
    if (citation === null || citation.end <= i) {
      i++;
      continue;
    }
    found.push(citation);
    i = citation.end;
  }
  return found;
}

/** Finds the phrases of `table` in `folded` at places no citation covers. */
function findWords(
  folded: string,
  table: readonly (readonly [string, ArticleKey])[],
  taken: readonly ScannedCitation[],
): ScannedCitation[] {
  const found: ScannedCitation[] = [];
  for (const [word, key] of table) {
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + word.length)) {
      const end = at + word.length;
      const overlaps = [...taken, ...found].some((c) => at < c.end && end > c.start);
      if (!overlaps) found.push({ start: at, end, keys: [key], bad: false });
    }
  }
  return found;
}

function byStart(a: ScannedCitation, b: ScannedCitation): number {
  return a.start - b.start;
}

/**
 * Citations inside free opinion text, in order. Strict about bare forms: 三条建议, 一条龙, 第一时间
 * and a lone 第二款 are not citations; malformed ones (第十五条至第十二条) are left out.
 */
export function findArticleRefs(text: string): Citation[] {
  const folded = foldForScan(text);
  const articles = scanAll(folded, 'text').filter((c) => !c.bad && c.keys.length > 0);
  const phrases = findWords(folded, TEXT_PHRASES, articles);
  return [...articles, ...phrases].sort(byStart).map((c) => toCitation(text, c));
}

/** Reads the whole 条款 cell as a citation: keys in order, or unreadable (never a guess). */
export function parseArticleCell(cell: string): ArticleCellParse {
  const trimmed = cell.trim();
  const folded = foldForScan(trimmed).trim();
  if (BLANK_CELL.test(folded)) return { keys: [], unreadable: false, citations: [] };
  const offset = cell.indexOf(trimmed);
  if (WHOLE_DRAFT_CELL.test(folded)) {
    return { keys: [GENERAL], unreadable: false, citations: [{ text: trimmed, start: offset, end: offset + trimmed.length, keys: [GENERAL] }] };
  }
  const shift = (c: Citation): Citation => ({ ...c, start: c.start + offset, end: c.end + offset });

  // A key as yijian writes it (12-1 for 第十二条之一, 12.2 for 第十二条第二款), not a range typed with a tilde (19～21).
  const keyCell = TILDES.test(trimmed) ? null : KEY_CELL.exec(folded);
  if (keyCell !== null) {
    const keys = checkedKeys([folded]);
    const citation: Citation = { text: trimmed, start: offset, end: offset + trimmed.length, keys };
    return { keys, unreadable: false, citations: [citation] };
  }
  const numbersOnly = NUMBERS_CELL.test(folded) || chineseNumbersCell(folded);
  // 19 20 (numbers apart by spaces alone) is a list, as 19、20 is: the scanner would take the last for the article.
  const listed = numbersOnly ? folded.replace(/([\d一二三四五六七八九十百千零〇两])\s+(?=[\d一二三四五六七八九十百千零〇两])/gu, '$1、') : folded;
  const scanned = scanAll(numbersOnly ? `${listed}条` : folded, 'cell').filter(
    (c) => folded[c.start] === '第' || !COUNTED_BEFORE.test(folded.slice(0, c.start)),
  );
  // Whole phrases first (总体意见, 草案名称), so the citation covers what was written.
  const words = findWords(folded, [...TEXT_PHRASES, ...CELL_WORDS], scanned);
  const all = [...scanned, ...words].sort(byStart);
  const readable = all.filter((c) => !c.bad && c.keys.length > 0);
  const citations = readable.map((c) => shift(toCitation(folded, c))).map((c) => ({
    ...c,
    text: cell.slice(c.start, c.end),
  }));
  const unreadable = readable.length === 0 || all.some((c) => c.bad);
  const keys = unreadable ? [] : checkedKeys([...new Set(readable.flatMap((c) => c.keys))]);
  return { keys, unreadable, citations };
}
