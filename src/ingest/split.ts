/**
 * Several numbered opinions in one cell (1.… 2.…, 一、… 二、…, （1）…, ①…, （一）…, and in words: 一是…二是…,
 * 第一，…第二，…, 首先…其次…最后…) → one text each. Only a real list splits: markers of one style, numbered
 * 1, 2, 3 … in order, each at the start of the cell, of a line or after a sentence or clause — so 2024.5,
 * 第1、2款, 3.5米, a lone "1.", 第一条 (a citation) and a lone 一是 inside a sentence stay whole.
 */

/** A marker style and how to read its number. */
export interface MarkerStyle {
  name: string;
  pattern: RegExp;
  /** Bracketed and circled markers are unambiguous: they need no sentence end before them. */
  anywhere: boolean;
  /**
   * What every marker of the style holds, tested before the pattern: a text without it is not scanned. The
   * patterns' look-behinds (\p{Script=Han}) made scanning every cell with all nine most of the splitting's time,
   * and hardly any cell holds a list.
   */
  hint: RegExp;
  /** The marker's number; LAST for 最后, which ends a list of any length. */
  value: (token: string) => number | null;
  /** Word markers (一是, 首先) also occur in prose: each item must say something (at least this many characters). */
  minItem?: number;
}

/** The value of 最后: the next number, whatever it is, and the end of the list. */
const LAST = -1;
const ORDER_WORDS: Readonly<Record<string, number>> = { 首先: 1, 其次: 2, 再次: 3, 然后: 3, 最后: LAST };

const CHINESE_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
/** Numbers as single characters, as Word and WPS number a list pasted into a cell: ⑴, ㈠, ❶, ➀, ⒈. One family per list. */
const SYMBOL_FAMILIES: readonly string[] = [
  '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇',
  '㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩',
  '❶❷❸❹❺❻❼❽❾❿',
  '➀➁➂➃➄➅➆➇➈➉',
  '➊➋➌➍➎➏➐➑➒➓',
  '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛',
];
const symbolStyle = (family: string, index: number): MarkerStyle => ({
  name: `symbol-${index}`,
  hint: new RegExp(`[${family}]`, 'u'),
  pattern: new RegExp(`([${family}])`, 'gu'),
  anywhere: true,
  value: (t) => family.indexOf(t) + 1 || null,
});

// 一 … 九十九, enough for any list in one cell.
function chineseNumber(token: string): number | null {
  if (/^[一二三四五六七八九]$/u.test(token)) return CHINESE_DIGITS[token] ?? null;
  const m = /^([二三四五六七八九]?)十([一二三四五六七八九]?)$/u.exec(token);
  if (m === null) return null;
  const tens = m[1] === '' || m[1] === undefined ? 1 : (CHINESE_DIGITS[m[1]] ?? 0);
  const ones = m[2] === '' || m[2] === undefined ? 0 : (CHINESE_DIGITS[m[2]] ?? 0);
  return tens * 10 + ones;
}

/** The marker styles, each with its hint (exported for the test that every marker passes its hint). */
export const MARKER_STYLES: readonly MarkerStyle[] = [
  // 1. 1． 1、 1) — a dot not followed by a digit (1.5, 2024.5), and not after 第 (第1、2款); after 、 or ）
  // a number may follow (2、120平方米的要求).
  { name: 'arabic', hint: /\d[.．、)）]/u, pattern: /(?<![第\d.．])(\d{1,2})(?:[.．](?![\d.．])|[、)）])/gu, anywhere: false, value: (t) => Number(t) },
  { name: 'paren-arabic', hint: /[（(]\d/u, pattern: /(?<!第)[（(](\d{1,2})[)）]/gu, anywhere: true, value: (t) => Number(t) },
  { name: 'chinese', hint: /[一二三四五六七八九十][、.．)）]/u, pattern: /(?<![第\p{Script=Han}（(])([一二三四五六七八九十]{1,3})[、.．)）]/gu, anywhere: false, value: chineseNumber },
  { name: 'paren-chinese', hint: /[（(][一二三四五六七八九十]/u, pattern: /(?<!第)[（(]([一二三四五六七八九十]{1,3})[)）]/gu, anywhere: true, value: chineseNumber },
  { name: 'circled', hint: /[①-⑳]/u, pattern: /([①-⑳])/gu, anywhere: true, value: (t) => CIRCLED.indexOf(t) + 1 || null },
  ...SYMBOL_FAMILIES.map(symbolStyle),
  // 意见一：…意见二：…, 建议1：…, 问题一，…: a labelled list, the label repeated before each item.
  {
    name: 'labelled',
    hint: /(?:意见|建议|问题)[一二三四五六七八九十\d]/u,
    pattern: /(?<!\p{Script=Han})(?:意见|建议|问题)([一二三四五六七八九十]{1,3}|\d{1,2})[：:，,、.．]/gu,
    anywhere: false,
    value: (t) => (/^\d+$/u.test(t) ? Number(t) : chineseNumber(t)),
    minItem: 4,
  },
  // 一是…二是…, 其一…其二…: after a clause, never inside a word (统一是, 唯一是).
  { name: 'shi', hint: /[一二三四五六七八九十]是/u, pattern: /(?<![第\p{Script=Han}])([一二三四五六七八九十]{1,3})是/gu, anywhere: false, value: chineseNumber, minItem: 4 },
  { name: 'qi', hint: /其[一二三四五六七八九十]/u, pattern: /(?<!\p{Script=Han})其([一二三四五六七八九十]{1,3})[，,、：:是]?/gu, anywhere: false, value: chineseNumber, minItem: 4 },
  // 第一，…第二，… — the comma is what makes it an enumeration: 第一条, 第一款 are citations.
  { name: 'ordinal', hint: /第[一二三四五六七八九十]/u, pattern: /(?<!\p{Script=Han})第([一二三四五六七八九十]{1,3})点?[，,、：:]/gu, anywhere: false, value: chineseNumber, minItem: 4 },
  // 首先，…其次，…最后，…: only with the comma, else 首先要… is prose and the marker part of the sentence.
  { name: 'order', hint: /(?:首先|其次|再次|然后|最后)[，,：:]/u, pattern: /(?<!\p{Script=Han})(首先|其次|再次|然后|最后)[，,：:]/gu, anywhere: false, value: (t) => ORDER_WORDS[t] ?? null, minItem: 4 },
];

// Where a list item may begin: the start, a line break, or after the end of a sentence or clause.
const BOUNDARY_BEFORE = /[\n\r。；;！!？?：:，,\s]$/u;

/** One piece of a split cell: its text and 1-based number. */
export interface OpinionPart {
  part: number;
  text: string;
}

/**
 * The numbered opinions in a cell, or null when it is not a list of two or more. A lead-in before the first
 * marker ("对第十条提三点意见：") is kept at the front of every part: it says what each part is about.
 */
export function splitOpinion(text: string): OpinionPart[] | null {
  let best: OpinionPart[] | null = null;
  for (const style of MARKER_STYLES) {
    if (!style.hint.test(text)) continue;
    const parts = splitBy(text, style);
    if (parts !== null && (best === null || parts.length > best.length)) best = parts;
  }
  return best;
}

function splitBy(text: string, style: MarkerStyle): OpinionPart[] | null {
  const markers: { start: number; end: number }[] = [];
  let expected = 1;
  for (const match of text.matchAll(style.pattern)) {
    const token = match[1] ?? '';
    const start = match.index;
    const value = style.value(token);
    const last = value === LAST && expected >= 2;
    if (value !== expected && !last) continue;
    if (start > 0 && !style.anywhere && !BOUNDARY_BEFORE.test(text.slice(Math.max(0, start - 1), start))) continue;
    if (expected === 1 && start > 0 && !leadInEnds(text.slice(0, start))) continue;
    markers.push({ start, end: start + match[0].length });
    expected += 1;
    if (last) break;
  }
  if (markers.length < 2) return null;
  const first = markers[0];
  if (first === undefined) return null;
  const leadIn = text.slice(0, first.start).trim();
  const parts: OpinionPart[] = [];
  for (const [i, marker] of markers.entries()) {
    const next = markers[i + 1];
    // The separator before the next marker (；, ;, a comma) belongs to neither item.
    const body = text
      .slice(marker.end, next === undefined ? text.length : next.start)
      .trim()
      .replace(/^[\s:：]+/u, '')
      .replace(/[；;，,\s]+$/u, '');
    // An empty item means the "list" was something else (a heading numbered 1. with nothing after it).
    if (body.replace(/[\s。；;，,.]/gu, '') === '') return null;
    if (style.minItem !== undefined && body.replace(/[\s\p{P}]/gu, '').length < style.minItem) return null;
    // A lead-in ending without punctuation (第十二条 1.…) keeps a space before each part's text.
    const joiner = /[\p{P}]$/u.test(leadIn) ? '' : ' ';
    parts.push({ part: i + 1, text: leadIn === '' ? body : `${leadIn}${joiner}${body}` });
  }
  return parts;
}

/** A lead-in that only names the article the list is about: 第十二条 1.…2.…, 关于第十二条第二款 (1)…(2)…. */
const CITATION_LEAD_IN = /^(?:关于|对)?(?:《[^》]{1,30}》)?第[0-9一二三四五六七八九十百零两]+条(?:之[一二三四五六七八九十])?(?:第[0-9一二三四五六七八九十]+[款项])*(?:的?(?:意见|建议))?$/u;

// A lead-in may only be short and end like an introduction (：, or a sentence end), or be a bare citation followed
// by a space, else the list is not the cell's.
function leadInEnds(leadIn: string): boolean {
  const trimmed = leadIn.trim();
  if (trimmed === '') return true;
  if (trimmed.length <= 40 && /[：:。]$/u.test(trimmed)) return true;
  return /\s$/u.test(leadIn) && CITATION_LEAD_IN.test(trimmed);
}
