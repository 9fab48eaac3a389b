/**
 * The order of article keys when no draft is at hand: numbered articles numerically, then
 * divisions (编, 章), then general opinions, the title, and unassigned opinions last.
 */
import type { ArticleKey } from '../model.js';

/** Rank of each kind of key; numbered articles come first. */
const KIND_RANK = { article: 0, part: 1, chapter: 2, general: 3, title: 4, unassigned: 5, other: 6 } as const;

interface ParsedKey {
  readonly rank: number;
  /** Numbers to compare left to right; a missing part counts as 0 (12 < 12.1). */
  readonly numbers: readonly number[];
}

const ARTICLE = /^(\d+)(?:-(\d+))?(?:\.(\d+)(?:\.(\d+))?)?$/;
const CHAPTER = /^ch(\d+)(?:\.s(\d+))?$/;
const PART = /^part(\d+)$/;

function parse(key: string): ParsedKey {
  const article = ARTICLE.exec(key);
  if (article !== null) {
    // Draft order: 12, 12.1, 12.2.3, then 12-1 (第十二条之一 follows every paragraph of 第十二条).
    const [, number, suffix, paragraph, item] = article;
    return { rank: KIND_RANK.article, numbers: [Number(number), Number(suffix ?? 0), Number(paragraph ?? 0), Number(item ?? 0)] };
  }
  const chapter = CHAPTER.exec(key);
  if (chapter !== null) return { rank: KIND_RANK.chapter, numbers: [Number(chapter[1]), Number(chapter[2] ?? 0)] };
  const part = PART.exec(key);
  if (part !== null) return { rank: KIND_RANK.part, numbers: [Number(part[1])] };
  if (key === 'general' || key === 'title' || key === 'unassigned') return { rank: KIND_RANK[key], numbers: [] };
  return { rank: KIND_RANK.other, numbers: [] };
}

/** Compares article keys: 1 < 2 < 10 < 12 < 12.2 < 12-1 < 13 < part1 < ch3 < ch3.s2 < general < title < unassigned. */
export function compareArticleKeys(a: ArticleKey, b: ArticleKey): number {
  if (a === b) return 0;
  const pa = parse(a);
  const pb = parse(b);
  if (pa.rank !== pb.rank) return pa.rank - pb.rank;
  const length = Math.max(pa.numbers.length, pb.numbers.length);
  for (let i = 0; i < length; i++) {
    const diff = (pa.numbers[i] ?? 0) - (pb.numbers[i] ?? 0);
    if (diff !== 0) return diff;
  }
  // Keys outside the schema: by text, so the order is still total and deterministic.
  return a < b ? -1 : 1;
}
