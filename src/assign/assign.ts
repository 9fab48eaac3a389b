/**
 * Assigns each opinion to the articles (条) of the draft it concerns: the 条款 column first, then
 * citations in the opinion's text, then general-opinion wording, then similarity to the draft.
 */
import type { ArticleAssignment, ArticleKey, Draft } from '../model.js';
import { createDraftKeyCheck, createSelfNameCheck } from './draft-keys.js';
import {
  createArticleMatcher,
  similarityAssignment,
  type ArticleMatcher,
  type SimilarityMatch,
} from './similarity.js';
import { findArticleRefs, parseArticleCell } from '../text/article-ref.js';

/**
 * Default minimum similarity for an assignment by similarity, chosen with DEFAULT_ASSIGN_MARGIN on the
 * tuning batches of fixtures/eval (npm run eval): the pair that places the most uncited opinions while at
 * most 3 % of them are placed wrongly (0.2 / 0.3: 40 % placed right, 1.6 % wrong, the rest left for people).
 * 0.15 / 0.15 placed 53 % right but 8 % wrong; a wrong guess costs a drafter more than an open one.
 */
export const DEFAULT_ASSIGN_THRESHOLD = 0.2;

/**
 * Default lead of the best article over the runner-up, as a share of the best score: a (near) tie
 * between two articles stays unassigned. Chosen with the threshold on the tuning batches of
 * fixtures/eval (npm run eval; bench/RESULTS.md).
 */
export const DEFAULT_ASSIGN_MARGIN = 0.3;

/** An opinion whose article a person (or an earlier run's correction) has settled. */
export interface LabelledExample {
  opinion: string;
  key: ArticleKey;
}

/** Normalised options of the assigner (the CLI fills the defaults). */
export interface AssignOptions {
  /** Minimum similarity, 0..1, for an assignment by similarity. */
  threshold: number;
  /**
   * Minimum lead of the best article over the second best, as a share of the best score;
   * DEFAULT_ASSIGN_MARGIN when absent.
   */
  minMargin?: number;
  /**
   * Opinions with a known article (corrections made in the 登记表): their words enrich the article's
   * profile before anything is assigned by similarity, as the opinions that cite do.
   */
  examples?: readonly LabelledExample[];
}

/** What the assigner reads of a record. */
export interface AssignInput {
  /** The 条款 cell as written, or null. */
  article: string | null;
  opinion: string;
}

/**
 * Assigns opinions to articles of one draft (or none). A batch is assigned in two passes: `cited` for
 * every opinion (learning from those that name their article), then `guess` for the rest, so an
 * uncited opinion early in the batch profits from citing opinions that come after it.
 */
export interface Assigner {
  /** Cited, else a guess from what was learned so far. Never empty: at least `unassigned` with source `none`. */
  assign(input: AssignInput): ArticleAssignment[];
  /** The 条款 column, a citation in the text or general-opinion wording; [] when there is none. */
  cited(input: AssignInput): ArticleAssignment[];
  /** Adds an opinion to the profiles of the articles it was explicitly assigned to. */
  learn(input: AssignInput, found: readonly ArticleAssignment[]): void;
  /** An assignment by similarity, or `unassigned` when the best article does not lead clearly. */
  guess(input: AssignInput): ArticleAssignment[];
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
    draft === null || draft.articles.length === 0 ? null : createArticleMatcher(draft, terms);
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

  const cited = (input: AssignInput): ArticleAssignment[] => {
    for (const step of [
      () => fromColumn(input.article),
      () => fromText(input.opinion),
      () => fromGeneralWording(input.opinion),
    ]) {
      const found = step();
      if (found.length > 0) return found;
    }
    return [];
  };
  const guess = (input: AssignInput): ArticleAssignment[] => [
    similarityAssignment(matcher?.match(input.opinion) ?? NO_MATCH, options.threshold, minMargin),
  ];
  const learn = (input: AssignInput, found: readonly ArticleAssignment[]): void => {
    if (matcher === null) return;
    // Only what the writer or a person said: guesses would teach the profiles their own mistakes.
    const keys = found.filter((a) => a.source !== 'similarity' && a.source !== 'none' && !a.notInDraft).map((a) => a.key);
    if (keys.length === 0) return;
    const opinionTerms = terms(input.opinion);
    // An opinion on two articles teaches each half as much.
    for (const key of keys) matcher.learn(key, opinionTerms, 1 / keys.length);
  };
  for (const example of options.examples ?? []) {
    learn({ article: null, opinion: example.opinion }, [{ key: example.key, source: 'column', confidence: 1, cited: null, notInDraft: false }]);
  }

  return {
    assign(input) {
      const found = cited(input);
      return found.length > 0 ? found : guess(input);
    },
    cited,
    learn,
    guess,
  };
}
