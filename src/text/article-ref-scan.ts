/**
 * The citation scanner behind article-ref.ts: reads 第十二条第二款第（三）项, ranges, lists, 之一,
 * 第三章第二节 and 第一编 at one position of a folded string. Positions index the original text,
 * because folding maps every code unit to exactly one code unit.
 */
import { parseArticleKey } from '../article-key.js';
import { YijianError } from '../errors.js';
import { arabicToNumber, chineseToNumber, isChineseNumeralChar } from '../numerals.js';

/** Largest range we expand; anything wider is a typo, not a citation of 200+ articles. */
export const MAX_RANGE = 200;

/** free text is strict about bare forms (三条建议); a 条款 cell is a citation by definition. */
export type ScanMode = 'text' | 'cell';

/** One citation found by the scanner; `keys` empty and `bad` set when it is malformed (reversed range…). */
export interface ScannedCitation {
  start: number;
  end: number;
  keys: string[];
  bad: boolean;
}

const FOLD_PAIRS: readonly (readonly [string, string])[] = [
  ['０１２３４５６７８９', '0123456789'],
  ['（）', '()'],
  ['－—–―‐‑~～〜∼', '----------'],
  ['條項節編', '条项节编'],
  // Traditional forms of the words a 条款 cell or an opinion uses for the whole draft or its title
  // (總體意見, 條例名稱, 徵求意見稿): a point that writes in traditional script means the same thing.
  ['總體見綜稱標題辦規徵議', '总体见综称标题办规征议'],
  ['，；', ',;'],
  ['\u3000\u00a0\t', '   '],
];

const FOLD_MAP: ReadonlyMap<string, string> = new Map(
  FOLD_PAIRS.flatMap(([from, to]) => [...from].map((ch, i): [string, string] => [ch, to[i] ?? ch])),
);

/** FOLD_MAP by code unit, every other code unit to itself (FOLD_MAP's characters are all single BMP code units). */
const FOLD_TABLE: Uint16Array = (() => {
  const table = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) table[code] = code;
  for (const [from, to] of FOLD_MAP) {
    if (from.length !== 1 || to.length !== 1) throw new YijianError('E_INTERNAL', `引用识别的折叠表须一个编码单元对一个：${from} → ${to}`);
    table[from.charCodeAt(0)] = to.charCodeAt(0);
  }
  return table;
})();

/** Where foldForScan builds its result, a chunk at a time: one buffer, not one per opinion. */
const FOLD_BUFFER = new Uint16Array(8192);

/**
 * Folds the characters citations care about, one code unit for one code unit. By table, not by a regular
 * expression with a replacer: every opinion is folded, and nearly every one holds a ， to fold (the replacer's
 * call per match was half the time of finding an opinion's citations).
 */
export function foldForScan(text: string): string {
  const length = text.length;
  let first = 0;
  while (first < length && FOLD_TABLE[text.charCodeAt(first)] === text.charCodeAt(first)) first++;
  if (first === length) return text;
  let out = '';
  for (let from = 0; from < length; from += FOLD_BUFFER.length) {
    const to = Math.min(length, from + FOLD_BUFFER.length);
    for (let i = from; i < to; i++) FOLD_BUFFER[i - from] = FOLD_TABLE[text.charCodeAt(i)]!;
    out += String.fromCharCode.apply(null, FOLD_BUFFER.subarray(0, to - from) as unknown as number[]);
  }
  return out;
}

const LIST_SEPARATORS = ['以及', '或者', '、', ',', '和', '及', '与', '或', '跟', '&'] as const;
const RANGE_SEPARATORS = ['至', '到', '-'] as const;
/** Words that, right after a bare 三条, make it a count of things, not an article (三条建议, 一条龙). */
const COUNT_NOUNS = [
  '建议', '意见', '措施', '举措', '办法', '路', '街', '道', '线', '龙', '鱼', '狗', '犬', '腿', '命', '河', '船',
  '短信', '消息', '新闻', '信息', '标语', '原则', '要求', '理由', '经验', '做法', '途径', '渠道', '例', '件', '款项',
];
/** Words right before a bare 十二条 that make it a citation in free text (条例十二条). */
const PREFIXES = ['条例', '草案', '征求意见稿', '意见稿', '》', '原', '法规', '办法', '规定', '本法'];

interface NumberToken {
  value: number;
  end: number;
  arabic: boolean;
}

interface NumberItem {
  from: number;
  to: number;
}

/** Scans one folded string; every method takes a position and returns the position after what it read. */
export class CitationScanner {
  constructor(
    private readonly s: string,
    private readonly mode: ScanMode,
  ) {}

  private spaces(i: number): number {
    while (this.s[i] === ' ') i++;
    return i;
  }

  private word(i: number, words: readonly string[]): number {
    for (const w of words) if (this.s.startsWith(w, i)) return i + w.length;
    return -1;
  }

  /** Arabic digits (up to 6) or a maximal run of Chinese numeral characters that parses. */
  private number(i: number): NumberToken | null {
    const s = this.s;
    let j = i;
    if (s[j] !== undefined && s[j]! >= '0' && s[j]! <= '9') {
      while (s[j] !== undefined && s[j]! >= '0' && s[j]! <= '9') j++;
      const value = j - i <= 6 ? arabicToNumber(s.slice(i, j)) : null;
      return value === null ? null : { value, end: j, arabic: true };
    }
    while (j < s.length && isChineseNumeralChar(s[j] as string)) j++;
    if (j === i) return null;
    const value = chineseToNumber(s.slice(i, j));
    return value === null ? null : { value, end: j, arabic: false };
  }

  /** NUM, NUM-NUM, NUM至NUM, and lists of those joined by 、/和 (第十二、十三条; 12～15条). */
  private numberList(i: number): { items: NumberItem[]; end: number; arabic: boolean } | null {
    const first = this.number(i);
    if (first === null) return null;
    const items: NumberItem[] = [];
    let end = first.end;
    let current: NumberToken = first;
    for (;;) {
      let item: NumberItem = { from: current.value, to: current.value };
      const afterRange = this.word(this.spaces(end), RANGE_SEPARATORS);
      if (afterRange >= 0) {
        let k = this.spaces(afterRange);
        if (this.s[k] === '第') k = this.spaces(k + 1);
        const to = this.number(k);
        if (to !== null) {
          item = { from: current.value, to: to.value };
          end = to.end;
        }
      }
      items.push(item);
      const afterList = this.word(this.spaces(end), LIST_SEPARATORS);
      if (afterList < 0) break;
      let k = this.spaces(afterList);
      if (this.s[k] === '第') k = this.spaces(k + 1);
      const next = this.number(k);
      if (next === null) break;
      current = next;
      end = next.end;
    }
    return { items, end, arabic: first.arabic };
  }

  /** 第（三）项, (3)项, 第3项, 三项: an item number. */
  private item(i: number): { value: number; end: number } | null {
    let k = this.spaces(i);
    if (this.s[k] === '第') k = this.spaces(k + 1);
    const open = this.s[k] === '(';
    if (open) k = this.spaces(k + 1);
    const n = this.number(k);
    if (n === null) return null;
    k = this.spaces(n.end);
    if (open) {
      if (this.s[k] !== ')') return null;
      k = this.spaces(k + 1);
    }
    return this.s[k] === '项' ? { value: n.value, end: k + 1 } : null;
  }

  /** 第二、三款 / 十二条 at `k`: an optional 第, a list of numbers, then `unit`; `end` is just past the unit. */
  private counted(k: number, unit: '款' | '条'): { items: NumberItem[]; end: number } | null {
    if (this.s[k] === '第') k = this.spaces(k + 1);
    const list = this.numberList(k);
    if (list === null) return null;
    const at = this.spaces(list.end);
    return this.s[at] === unit ? { items: list.items, end: at + 1 } : null;
  }

  /** 第二款第（三）项 / 二款 / 第二、三款 after an article: suffixes like `.2.3`. */
  private paragraphs(i: number): { suffixes: string[]; end: number; bad: boolean } | null {
    const counted = this.counted(this.spaces(i), '款');
    if (counted === null) return null;
    let end = counted.end;
    const expanded = expand(counted.items);
    if (expanded === null) return { suffixes: [], end, bad: true };
    let suffixes = expanded.map((p) => `.${p}`);
    const item = expanded.length === 1 ? this.item(end) : null;
    if (item !== null) {
      suffixes = [`${suffixes[0] ?? ''}.${item.value}`];
      end = item.end;
    }
    return { suffixes, end, bad: false };
  }

  /** One article unit: 第十二条之一第二款第（三）项, 第十二、十三条, 第12-15条, 12条2款. */
  private articleUnit(i: number): { keys: string[]; end: number; bad: boolean; single: number | null } | null {
    const counted = this.counted(i, '条');
    if (counted === null) return null;
    let end = counted.end;
    const expanded = expand(counted.items);
    if (expanded === null) return { keys: [], end, bad: true, single: null };
    if (expanded.length > 1 || counted.items.length > 1) {
      return { keys: expanded.map(String), end, bad: false, single: null };
    }
    let base = String(expanded[0]);
    const single = expanded[0] ?? null;
    const afterZhi = this.s[this.spaces(end)] === '之' ? this.number(this.spaces(this.spaces(end) + 1)) : null;
    if (afterZhi !== null && afterZhi.value > 0) {
      base += `-${afterZhi.value}`;
      end = afterZhi.end;
    }
    const paras = this.paragraphs(end);
    if (paras === null) {
      // 第十二条第（三）项 without a paragraph: keep the article, not a guessed paragraph.
      const item = this.item(end);
      return { keys: [base], end: item?.end ?? end, bad: false, single };
    }
    if (paras.bad) return { keys: [], end: paras.end, bad: true, single: null };
    const keys = paras.suffixes.map((suffix) => base + suffix);
    end = paras.end;
    // 第十二条第二款、第三款 / 第二款至第四款: more paragraphs of the same article.
    for (;;) {
      const rangeAt = this.word(this.spaces(end), RANGE_SEPARATORS);
      const sep = rangeAt >= 0 ? rangeAt : this.word(this.spaces(end), LIST_SEPARATORS);
      if (sep < 0) break;
      const more = this.paragraphs(sep);
      if (more === null || more.bad) break;
      if (rangeAt >= 0) {
        const from = paragraphNumber(keys[keys.length - 1] ?? '');
        const to = more.suffixes.length === 1 ? paragraphNumber(more.suffixes[0] ?? '') : null;
        const span = from !== null && to !== null ? expand([{ from: from + 1, to }]) : null;
        if (span === null) return { keys: [], end: more.end, bad: true, single: null };
        keys.push(...span.map((p) => `${base}.${p}`));
      } else {
        keys.push(...more.suffixes.map((suffix) => base + suffix));
      }
      end = more.end;
    }
    return { keys, end, bad: false, single: null };
  }

  /** A chapter/section/part citation: 第三章, 第三章第二节, 第一编; an article right after wins. */
  private division(i: number): ScannedCitation | null {
    if (this.s[i] !== '第') return null;
    const n = this.number(this.spaces(i + 1));
    if (n === null || n.value <= 0) return null;
    const unitAt = this.spaces(n.end);
    const unit = this.s[unitAt];
    let end = unitAt + 1;
    let keys: string[];
    if (unit === '编') {
      keys = [`part${n.value}`];
      const chapter = this.division(this.spaces(end));
      if (chapter !== null && !chapter.bad && !chapter.keys.some((key) => key.startsWith('part'))) return { ...chapter, start: i };
    } else if (unit === '章') {
      keys = [`ch${n.value}`];
      const k = this.spaces(end);
      const section = this.s[k] === '第' ? this.number(this.spaces(k + 1)) : null;
      if (section !== null && section.value > 0 && this.s[this.spaces(section.end)] === '节') {
        keys = [`ch${n.value}.s${section.value}`];
        end = this.spaces(section.end) + 1;
      }
    } else {
      return null;
    }
    const article = this.articleChain(this.spaces(end), false);
    if (article !== null && !article.bad && article.keys.length > 0) return { ...article, start: i };
    return { start: i, end, keys, bad: false };
  }

  /** Whether a bare (no 第) article at [start, end) counts in free text. */
  private bareAllowed(start: number, end: number, arabic: boolean, hasParagraph: boolean): boolean {
    if (this.mode === 'cell' || hasParagraph) return true;
    const before = this.s.slice(Math.max(0, start - 5), start);
    if (PREFIXES.some((p) => before.endsWith(p))) return true;
    if (!arabic) return false;
    return !COUNT_NOUNS.some((noun) => this.s.startsWith(noun, end));
  }

  /**
   * Reads a citation starting exactly at `i` (divisions, then articles with their continuations).
   * `fresh` is false when continuing a chain, where bare forms are always in scope.
   */
  citationFrom(i: number): ScannedCitation | null {
    const prev = i > 0 ? (this.s[i - 1] as string) : '';
    if (/[0-9]/.test(prev) || isChineseNumeralChar(prev)) return null;
    return this.division(i) ?? this.articleChain(i, true);
  }

  /** Articles with their ranges and lists: 第十二条至第十五条, 第12条、第14条, 12条,14条. */
  private articleChain(i: number, fresh: boolean): ScannedCitation | null {
    const first = this.articleUnit(i);
    if (first === null) return null;
    if (fresh && this.s[i] !== '第') {
      const arabic = /[0-9]/.test(this.s[i] as string);
      const hasParagraph = first.keys.some(isParagraph);
      if (!this.bareAllowed(i, first.end, arabic, hasParagraph)) return null;
    }
    const keys = [...first.keys];
    let end = first.end;
    let bad = first.bad;
    let last = first;
    for (;;) {
      const rangeAt = last.single !== null ? this.word(this.spaces(end), RANGE_SEPARATORS) : -1;
      if (rangeAt >= 0) {
        const to = this.articleUnit(this.spaces(rangeAt));
        if (to !== null && to.keys.length === 1 && !to.bad && isWholeArticle(to.keys[0] ?? '')) {
          const range = expandArticleRange(last.single as number, keys[keys.length - 1] ?? '', to.keys[0] as string);
          keys.pop();
          if (range === null) bad = true;
          else keys.push(...range);
          end = to.end;
          last = { ...to, single: null };
          continue;
        }
      }
      const sepAt = this.word(this.spaces(end), LIST_SEPARATORS);
      if (sepAt < 0) break;
      const next = this.articleUnit(this.spaces(sepAt));
      if (next === null) break;
      keys.push(...next.keys);
      bad ||= next.bad;
      end = next.end;
      last = next;
    }
    return { start: i, end, keys: bad ? [] : dedupe(keys), bad };
  }
}

/** 12 or 12-1: a key a range can end at (not a paragraph or item). */
function isWholeArticle(key: string): boolean {
  const parsed = parseArticleKey(key);
  return parsed?.kind === 'article' && parsed.paragraph === null;
}

/** 12.2 or 12.2.3: a key that names a 款 (or 项) of an article. */
function isParagraph(key: string): boolean {
  const parsed = parseArticleKey(key);
  return parsed?.kind === 'article' && parsed.paragraph !== null;
}

/** Expands number items (ranges inclusive); null when one is reversed, zero or too wide. */
function expand(items: readonly NumberItem[]): number[] | null {
  const out: number[] = [];
  for (const { from, to } of items) {
    if (from <= 0 || to < from || to - from + 1 > MAX_RANGE) return null;
    for (let n = from; n <= to; n++) out.push(n);
  }
  return out;
}

/** 第十二条至第十五条 → 12..15; a start with 之 (12-1) keeps it, an end with 之 adds it last. */
function expandArticleRange(from: number, fromKey: string, toKey: string): string[] | null {
  const [toMain, toSub] = toKey.split('-');
  const to = Number(toMain);
  const base = expand([{ from, to }]);
  if (base === null) return null;
  const keys = base.map(String);
  if (fromKey.includes('-')) keys[0] = fromKey;
  if (toSub !== undefined) keys.push(toKey);
  return keys;
}

/** The paragraph of `12.2` or `.2` (null for `12.2.3`: a range cannot start or end at an item). */
function paragraphNumber(key: string): number | null {
  const match = /\.(\d+)$/.exec(key);
  if (match === null || /\.\d+\.\d+$/.test(key)) return null;
  return Number(match[1]);
}

function dedupe(keys: readonly string[]): string[] {
  return [...new Set(keys)];
}
