/**
 * Assigns each opinion to the articles (条) of the draft it concerns: the 条款 column first, then
 * citations in the opinion's text, then general-opinion wording, then similarity to the draft.
 */
import type { ArticleAssignment, ArticleKey, Draft } from '../model.js';
import { createDraftKeyCheck, createSelfNameCheck } from './assign-draft.js';
import {
  createArticleMatcher,
  similarityAssignment,
  type ArticleMatcher,
  type SimilarityMatch,
} from './assign-similarity.js';
import { findArticleRefs, parseArticleCell } from './article-ref.js';

/**
 * Default minimum similarity for an assignment by similarity, chosen by measurement on labelled
 * opinions about 上海市养犬管理条例 (see test/text/assign-threshold.test.ts and the report).
 */
export const DEFAULT_ASSIGN_THRESHOLD = 0.1;

/** Default lead of the best article over the runner-up: a (near) tie between two articles stays unassigned. */
export const DEFAULT_ASSIGN_MARGIN = 0.01;

/** Normalised options of the assigner (the CLI fills the defaults). */
export interface AssignOptions {
  /** Minimum cosine similarity, 0..1, for an assignment by similarity. */
  threshold: number;
  /** Minimum lead of the best article over the second best; DEFAULT_ASSIGN_MARGIN when absent. */
  minMargin?: number;
  /**
   * Opinions whose article a person settled (a correction in the 登记表 carried into a rerun): their words
   * are added to that article's profile, so opinions saying the same are found there too.
   */
  examples?: readonly LabelledExample[];
}

/** An opinion with the article it belongs to, as a person decided it. */
export interface LabelledExample {
  opinion: string;
  key: ArticleKey;
}

/** What the assigner reads of a record. */
export interface AssignInput {
  /** The 条款 cell as written, or null. */
  article: string | null;
  opinion: string;
}

/** Assigns opinions to articles of one draft (or none). */
export interface Assigner {
  /** Never empty: at least `unassigned` with source `none`. */
  assign(input: AssignInput): ArticleAssignment[];
}

/**
 * Wording that marks an opinion on the draft as a whole (总体意见). Kept small and precise:
 * a word like 整体 alone also means "the whole of a building" in opinions on property rules.
 */
export const GENERAL_PHRASES: readonly string[] = [
  '总体意见',
  '整体意见',
  '总体上',
  '整体上',
  '通篇',
  '总的来看',
  '总体来看',
  '整体来看',
  '总的来说',
  '整部条例',
  '整个条例',
  '整部草案',
  '整个草案',
  '草案全文',
  '条例全文',
];

const NO_MATCH: SimilarityMatch = { key: null, score: 0, runnerUp: 0 };

/** Keys in order of first appearance, without repeats. */
function firstOfEach<T extends { key: ArticleKey }>(assignments: T[]): T[] {
  const seen = new Set<string>();
  return assignments.filter((a) => {
    if (seen.has(a.key)) return false;
    seen.add(a.key);
    return true;
  });
}

/** The 《name》 written right before a citation, if any (《动物防疫法》第三十条). */
function bracketedNameBefore(text: string, start: number): string | null {
  const match = /《([^《》]{1,60})》\s*$/.exec(text.slice(Math.max(0, start - 64), start));
  return match?.[1] ?? null;
}

/** Creates an assigner; the draft's articles are segmented once, here, when there is a draft. */
export function createAssigner(
  draft: Draft | null,
  terms: (text: string) => string[],
  options: AssignOptions,
): Assigner {
  const inDraft = createDraftKeyCheck(draft);
  const isSelf = createSelfNameCheck(draft);
  const matcher: ArticleMatcher | null =
    draft === null || draft.articles.length === 0 ? null : createArticleMatcher(draft, terms, options.examples ?? []);
  const minMargin = options.minMargin ?? DEFAULT_ASSIGN_MARGIN;

  const explicit = (key: ArticleKey, source: 'column' | 'text', cited: string): ArticleAssignment => ({
    key,
    source: key === 'general' ? 'general' : source,
    confidence: 1,
    cited,
    notInDraft: draft !== null && !inDraft(key),
  });

  const fromColumn = (cell: string | null): ArticleAssignment[] => {
    if (cell === null || cell.trim() === '') return [];
    const parsed = parseArticleCell(cell);
    return firstOfEach(parsed.keys.map((key) => explicit(key, 'column', cell.trim())));
  };

  const fromText = (opinion: string): ArticleAssignment[] =>
    firstOfEach(
      findArticleRefs(opinion)
        // 《民法典》第十条 cites another law, not the draft.
        .filter((citation) => {
          const name = bracketedNameBefore(opinion, citation.start);
          return name === null || isSelf(name);
        })
        .flatMap((citation) => citation.keys.map((key) => explicit(key, 'text', citation.text))),
    );

  const fromGeneralWording = (opinion: string): ArticleAssignment[] => {
    const phrase = GENERAL_PHRASES.find((p) => opinion.includes(p));
    if (phrase === undefined) return [];
    return [{ key: 'general', source: 'general', confidence: 1, cited: phrase, notInDraft: false }];
  };

  const fromSimilarity = (opinion: string): ArticleAssignment[] => [
    similarityAssignment(matcher?.match(opinion) ?? NO_MATCH, options.threshold, minMargin),
  ];

  return {
    assign(input) {
      for (const step of [
        () => fromColumn(input.article),
        () => fromText(input.opinion),
        () => fromGeneralWording(input.opinion),
      ]) {
        const found = step();
        if (found.length > 0) return found;
      }
      return fromSimilarity(input.opinion);
    },
  };
}
