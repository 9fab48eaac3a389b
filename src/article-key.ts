/**
 * The article key (条款键): the one place that knows what a key looks like, how keys sort, which
 * article a key belongs to, and how people name it. Every other module goes through these functions
 * instead of matching keys with its own regex.
 *
 * Keys: `12`, `12.2`, `12.2.3` (条, 款, 项), `12-1` and `12-1.2` (第十二条之一), `part2` (编), `ch3`,
 * `ch3.s2`, `part2.ch3` (a chapter of a code whose chapters restart per 编), `general` (总体意见),
 * `title` (名称), `unassigned` (未归入条文).
 */
import { z } from 'zod';
import { YijianError } from './errors.js';
import { numberToChinese } from './numerals.js';

/** A number inside a key: no leading zeros, so that every key has exactly one spelling. */
const N = '(0|[1-9]\\d*)';
const ARTICLE_RE = new RegExp(`^${N}(?:-${N})?(?:\\.${N}(?:\\.${N})?)?$`);
const PART_RE = new RegExp(`^part${N}$`);
const CHAPTER_RE = new RegExp(`^(?:part${N}\\.)?ch${N}(?:\\.s${N})?$`);
const WORDS = ['general', 'title', 'unassigned'] as const;

/** The key format as a zod check, unbranded; the branded schema below is what model.ts's fields use. */
export const ArticleKeyTextSchema = z
  .string()
  .refine((text) => parseArticleKey(text) !== null, { message: '不是条款键（如 12、12.2、12-1、ch3、general）' });
/** A key that passed parseArticleKey: the brand keeps unchecked strings out of places that expect one. */
export const ArticleKeySchema = ArticleKeyTextSchema.brand<'ArticleKey'>();
export type ArticleKey = z.infer<typeof ArticleKeySchema>;

/** A key read into its parts. */
export type ParsedArticleKey =
  | {
      readonly kind: 'article';
      /** 第十二条 → 12 */
      readonly article: number;
      /** 之一 → 1; null for an ordinary article. */
      readonly sub: number | null;
      /** 款, 1-based; null when the key names the whole article. */
      readonly paragraph: number | null;
      /** 项, 1-based; only with a paragraph. */
      readonly item: number | null;
    }
  | { readonly kind: 'part'; readonly part: number }
  | { readonly kind: 'chapter'; readonly part: number | null; readonly chapter: number; readonly section: number | null }
  | { readonly kind: 'general' | 'title' | 'unassigned' };

/** 总体意见 and the other keys that name no part of the draft's text. */
export const UNASSIGNED = 'unassigned' as ArticleKey;
export const GENERAL = 'general' as ArticleKey;
export const TITLE = 'title' as ArticleKey;

const numberOrNull = (text: string | undefined): number | null => (text === undefined ? null : Number(text));

/** Reads a key into its parts; null for anything that is not a canonical key. */
export function parseArticleKey(text: string): ParsedArticleKey | null {
  const article = ARTICLE_RE.exec(text);
  if (article !== null) {
    const [, number, sub, paragraph, item] = article;
    return { kind: 'article', article: Number(number), sub: numberOrNull(sub), paragraph: numberOrNull(paragraph), item: numberOrNull(item) };
  }
  const part = PART_RE.exec(text);
  if (part !== null) return { kind: 'part', part: Number(part[1]) };
  const chapter = CHAPTER_RE.exec(text);
  if (chapter !== null) return { kind: 'chapter', part: numberOrNull(chapter[1]), chapter: Number(chapter[2]), section: numberOrNull(chapter[3]) };
  for (const word of WORDS) if (text === word) return { kind: word };
  return null;
}

/** The key of parsed parts: the inverse of parseArticleKey. */
export function formatArticleKey(parsed: ParsedArticleKey): ArticleKey {
  switch (parsed.kind) {
    case 'article': {
      const sub = parsed.sub === null ? '' : `-${parsed.sub}`;
      const paragraph = parsed.paragraph === null ? '' : `.${parsed.paragraph}${parsed.item === null ? '' : `.${parsed.item}`}`;
      return `${parsed.article}${sub}${paragraph}` as ArticleKey;
    }
    case 'part':
      return `part${parsed.part}` as ArticleKey;
    case 'chapter':
      return `${parsed.part === null ? '' : `part${parsed.part}.`}ch${parsed.chapter}${parsed.section === null ? '' : `.s${parsed.section}`}` as ArticleKey;
    default:
      return parsed.kind as ArticleKey;
  }
}

/** The text as a key, or null: for strings that come from outside (a cell, a JSON file). */
export function asArticleKey(text: string): ArticleKey | null {
  return parseArticleKey(text) === null ? null : (text as ArticleKey);
}

/**
 * Keys built by code that knows the format (the citation scanner, a draft's own numbering): checked once here,
 * so a wrong one fails loudly instead of travelling on as a key nobody can sort or label.
 */
export function checkedKeys(texts: readonly string[]): ArticleKey[] {
  return texts.map(checkedKey);
}

/** One key built by code that knows the format; see checkedKeys. */
export function checkedKey(text: string): ArticleKey {
  const key = asArticleKey(text);
  if (key === null) throw new YijianError('E_INTERNAL', `内部错误：“${text}”不是条款键。`);
  return key;
}

/** Rank of each kind: numbered articles first, then divisions (编 with their chapters, then bare 章), then the words. */
const RANK = { article: 0, part: 1, chapter: 2, general: 3, title: 4, unassigned: 5 } as const;
/** Strings that are not keys (a draft's `s3`, `ch3_2`): after every key, so the order stays total. */
const OTHER_RANK = 6;

/** Numbers compared left to right; a missing part counts as 0, so 12 < 12.1 < 12.2.3 < 12-1 < 13. */
function sortNumbers(parsed: ParsedArticleKey): readonly number[] {
  switch (parsed.kind) {
    case 'article':
      // 第十二条之一 follows every paragraph of 第十二条, as in the draft.
      return [parsed.article, parsed.sub ?? 0, parsed.paragraph ?? 0, parsed.item ?? 0];
    case 'part':
      return [parsed.part, 0, 0];
    case 'chapter':
      return [parsed.part ?? 0, parsed.chapter, parsed.section ?? 0];
    default:
      return [];
  }
}

function sortRank(parsed: ParsedArticleKey): number {
  // A chapter of a 编 (part2.ch3) sorts with its 编: part2 < part2.ch1 < part3, as the code reads.
  return parsed.kind === 'chapter' && parsed.part !== null ? RANK.part : RANK[parsed.kind];
}

/**
 * The one order of keys: the draft's reading order for articles (1 < 2 < 10 < 12 < 12.2 < 12-1 < 13),
 * then 编, 章 and 节, then 总体意见, 名称, and unassigned opinions last. Total over all strings:
 * what is not a key comes after every key, by code unit.
 */
export function compareArticleKeys(a: string, b: string): number {
  if (a === b) return 0;
  const pa = parseArticleKey(a);
  const pb = parseArticleKey(b);
  const ra = pa === null ? OTHER_RANK : sortRank(pa);
  const rb = pb === null ? OTHER_RANK : sortRank(pb);
  if (ra !== rb) return ra - rb;
  const na = pa === null ? [] : sortNumbers(pa);
  const nb = pb === null ? [] : sortNumbers(pb);
  const length = Math.max(na.length, nb.length);
  for (let i = 0; i < length; i++) {
    const diff = (na[i] ?? 0) - (nb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return a < b ? -1 : 1;
}

/** The article a key belongs to: 7.2 → 7, 12-1.2.3 → 12-1; every other key (and non-key) unchanged. */
export function baseArticle<K extends string>(key: K): K {
  const parsed = parseArticleKey(key);
  if (parsed === null || parsed.kind !== 'article' || parsed.paragraph === null) return key;
  return formatArticleKey({ ...parsed, paragraph: null, item: null }) as string as K;
}

/** True for keys of numbered articles and their paragraphs and items (not 编/章/节 or the words). */
export function isArticle(key: string): boolean {
  return parseArticleKey(key)?.kind === 'article';
}

/** True for 编, 章 and 节 keys. */
export function isDivision(key: string): boolean {
  const kind = parseArticleKey(key)?.kind;
  return kind === 'part' || kind === 'chapter';
}

/** What people call the keys that name no text of the draft. */
const WORD_LABELS = { general: '总体意见', title: '草案名称', unassigned: '未归入条文' } as const;

/** The divisions of a draft, as far as a label needs them. */
export interface DivisionNames {
  readonly divisions: readonly { readonly key: string; readonly label: string }[];
  /** The articles with their paragraphs (款), when known: an item of a one-paragraph article is named without 第一款. */
  readonly articles?: readonly { readonly key: string; readonly paragraphs: readonly string[] }[];
}

const cn = (n: number): string => numberToChinese(n);

/**
 * How people name a key, in one style everywhere: 第二十条, 第二十条第三款, 第十二条之一第二款第（三）项,
 * 第三章第二节, 第二编第三章, 总体意见, 草案名称, 未归入条文. Numbers are always Chinese numerals, whatever
 * the draft wrote (第20条 is 第二十条). A 编, 章 or 节 the draft has is named as the draft heads it
 * (第三章 停放与充电, or 附则, which has no number to say); without a draft, by its number.
 */
export function articleLabel(key: string, draft?: DivisionNames | null): string {
  const parsed = parseArticleKey(key);
  if (parsed === null) return key;
  switch (parsed.kind) {
    case 'article': {
      const head = `第${cn(parsed.article)}条${parsed.sub === null ? '' : `之${cn(parsed.sub)}`}`;
      // 第十九条第（二）项, not 第十九条第一款第（二）项, when the article has one paragraph only (as drafters write it).
      const onlyParagraph = parsed.paragraph === 1 && parsed.item !== null
        && draft?.articles?.find((a) => a.key === baseArticle(key))?.paragraphs.length === 1;
      const paragraph = parsed.paragraph === null || onlyParagraph ? '' : `第${cn(parsed.paragraph)}款`;
      const item = parsed.item === null ? '' : `第（${cn(parsed.item)}）项`;
      return `${head}${paragraph}${item}`;
    }
    case 'part':
    case 'chapter': {
      const division = draft?.divisions.find((d) => d.key === key);
      if (division !== undefined) return division.label;
      return divisionLabel(parsed);
    }
    default:
      return WORD_LABELS[parsed.kind];
  }
}

/** 第三章, 第三章第二节, 第二编第三章: a division by its numbers alone, without the draft's heading words. */
export function divisionLabel(parsed: Extract<ParsedArticleKey, { kind: 'part' | 'chapter' }>): string {
  if (parsed.kind === 'part') return `第${cn(parsed.part)}编`;
  const part = parsed.part === null ? '' : `第${cn(parsed.part)}编`;
  return `${part}第${cn(parsed.chapter)}章${parsed.section === null ? '' : `第${cn(parsed.section)}节`}`;
}
