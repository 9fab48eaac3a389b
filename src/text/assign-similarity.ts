/**
 * Finds the draft article an opinion is most similar to: TF-IDF over the draft's articles, each
 * article's document being its caption, its chapter and section titles and its text.
 */
import type { ArticleAssignment, ArticleKey, Draft } from '../model.js';
import { buildTfidfIndex, rankDocuments, vectorize, type TfidfIndex } from './tfidf.js';

/** The best article for an opinion and how far ahead of the runner-up it is. */
export interface SimilarityMatch {
  /** Article key of the best match, or null when no article shares a term with the opinion. */
  key: string | null;
  score: number;
  /** Score of the second-best article (0 when there is none). */
  runnerUp: number;
}

/** Ranks the articles of one draft against opinions. */
export interface ArticleMatcher {
  match(opinion: string): SimilarityMatch;
}

/** The text an article is compared on: caption and division titles carry its topic in few words. */
export function articleDocument(draft: Draft, index: number): string {
  const article = draft.articles[index];
  if (article === undefined) return '';
  const titles = draft.divisions
    .filter((d) => d.key === article.chapter || d.key === article.section)
    .map((d) => d.title);
  return [article.caption ?? '', ...titles, article.text].filter((part) => part !== '').join('\n');
}

/** The article a key belongs to (7.2 → 7, 12-1.2 → 12-1); null for chapters, 总体意见 and the like. */
function articleOf(key: ArticleKey): string | null {
  return /^(\d+(?:-\d+)?)(?:\.\d+)*$/.exec(key)?.[1] ?? null;
}

/**
 * Builds the matcher: the draft's articles are segmented once, here. Each labelled example's terms join its
 * article's document: the words people use about an article describe it better than its legal text.
 */
export function createArticleMatcher(
  draft: Draft,
  terms: (text: string) => string[],
  examples: readonly { opinion: string; key: ArticleKey }[] = [],
): ArticleMatcher {
  const extra = new Map<string, string[]>();
  for (const example of examples) {
    const article = articleOf(example.key);
    if (article === null) continue;
    const list = extra.get(article);
    const found = terms(example.opinion);
    if (list === undefined) extra.set(article, [...found]);
    else list.push(...found);
  }
  const index: TfidfIndex = buildTfidfIndex(
    draft.articles.map((article, i) => [...terms(articleDocument(draft, i)), ...(extra.get(article.key) ?? [])]),
  );
  return {
    match(opinion) {
      const ranked = rankDocuments(index, vectorize(index, terms(opinion)), 2);
      const [best, second] = ranked;
      if (best === undefined) return { key: null, score: 0, runnerUp: 0 };
      return { key: draft.articles[best.document]?.key ?? null, score: best.score, runnerUp: second?.score ?? 0 };
    },
  };
}

/**
 * Turns a match into an assignment: the best article when it reaches `threshold` and leads the
 * runner-up by `minMargin`, else `unassigned` with the best score as its confidence.
 */
export function similarityAssignment(found: SimilarityMatch, threshold: number, minMargin: number): ArticleAssignment {
  // Four decimals: scores are compared to a threshold given with two, and digest.json stays readable.
  const confidence = Math.round(found.score * 1e4) / 1e4;
  if (found.key !== null && found.score >= threshold && found.score - found.runnerUp >= minMargin) {
    return { key: found.key, source: 'similarity', confidence, cited: null, notInDraft: false };
  }
  return { key: 'unassigned', source: 'none', confidence, cited: null, notInDraft: false };
}
