/**
 * Opinions written on an earlier round (`digest --cited-draft OLD --draft NEW`): their citations name OLD's
 * articles, and are moved to NEW's numbering through the alignment of the two rounds. A citation of an
 * article NEW deleted is kept and flagged (originalDeleted), and the opinion is placed by similarity to NEW.
 */
import type { DigestText } from '../digest/build.js';
import { baseArticle, checkedKey, checkedKeys, isArticle, parseArticleKey, UNASSIGNED } from '../article-key.js';
import type { ArticleAssignment, Draft } from '../model.js';
import { firstOfEach } from '../assign/assign.js';
import { createDraftKeyCheck } from '../assign/draft-keys.js';
import { bigramSet, intersectionSize } from './grams.js';
import type { DraftAlignment } from './model.js';

/** Remaps one record's assignments; `bySimilarity` assigns the opinion against the new draft when a citation has nowhere to go. */
export type CitedRoundRemap = (found: readonly ArticleAssignment[], bySimilarity: () => ArticleAssignment) => ArticleAssignment[];

const NOT_ARTICLES = new Set(['general', 'title', 'unassigned']);

/** Builds the remap for citations of `oldDraft` onto `newDraft`. */
export function createCitedRoundRemap(oldDraft: Draft, newDraft: Draft, alignment: DraftAlignment): CitedRoundRemap {
  const inOld = createDraftKeyCheck(oldDraft);
  const inNew = createDraftKeyCheck(newDraft);
  const oldArticles = new Map(oldDraft.articles.map((a) => [a.key, a]));
  const newArticles = new Map(newDraft.articles.map((a) => [a.key, a]));

  /** The piece of a split that holds old paragraph `paragraph` (1-based): most of its bigrams found there. */
  const pieceHolding = (oldKey: string, paragraph: number, pieces: readonly string[]): string => {
    const text = oldArticles.get(oldKey)?.paragraphs[paragraph - 1] ?? '';
    const grams = bigramSet(text);
    let best = pieces[0]!;
    let bestShared = -1;
    for (const piece of pieces) {
      const shared = intersectionSize(grams, bigramSet(newArticles.get(piece)?.text ?? ''));
      if (shared > bestShared) {
        bestShared = shared;
        best = piece;
      }
    }
    return best;
  };

  const remapOne = (a: ArticleAssignment, bySimilarity: () => ArticleAssignment): ArticleAssignment[] => {
    // Only citations name a round; guesses by similarity were made against the new draft already.
    if ((a.source !== 'column' && a.source !== 'text') || NOT_ARTICLES.has(a.key)) return [a];
    const base = baseArticle(a.key);
    // Chapters and sections (第三章) are kept as cited: drafts rarely renumber them, and an alignment of articles says nothing about them.
    if (!isArticle(a.key)) return [{ ...a, notInDraft: !inNew(a.key) }];
    if (!inOld(a.key) && !oldArticles.has(base)) {
      // Cited an article the earlier round never had: flagged, and not filed under the new article that happens to carry the number.
      return [{ ...a, key: UNASSIGNED, notInDraft: true, originalKey: a.key }];
    }
    const targets = alignment.oldToNew[base] ?? [];
    if (targets.length === 0) {
      const guess = bySimilarity();
      return [{ ...guess, cited: a.cited, notInDraft: false, originalKey: a.key, originalDeleted: true }];
    }
    const rest = a.key.slice(base.length);
    const parsed = parseArticleKey(a.key);
    const paragraph = parsed?.kind === 'article' ? parsed.paragraph : null;
    if (targets.length > 1) {
      // A split article: a paragraph citation goes to the piece holding that paragraph, an article citation to every piece.
      const keys = checkedKeys(paragraph === null ? targets : [pieceHolding(base, paragraph, targets)]);
      return keys.map((key) => ({ ...a, key, notInDraft: false, originalKey: a.key }));
    }
    const key = checkedKey(`${targets[0]!}${rest}`);
    const known = inNew(key);
    // A paragraph the new article does not have: the article itself is still right.
    return [{ ...a, key: known ? key : checkedKey(targets[0]!), notInDraft: false, originalKey: a.key }];
  };

  return (found, bySimilarity) => firstOfEach(found.flatMap((a) => remapOne(a, bySimilarity)));
}

/**
 * Wraps the digest's assigner so citations are read against the earlier round: every assignment goes
 * through `remap`, and a citation of a deleted article falls back to `similarity` (against the new draft).
 */
export function withCitedRound(
  text: DigestText,
  remap: CitedRoundRemap,
  similarity: (opinion: string, terms: () => string[]) => ArticleAssignment,
): DigestText {
  return {
    // Everything else as the digest's own text functions (tokens, forms for labels …).
    ...text,
    // Citations are read on the earlier round and moved to the current numbering; the current draft's
    // profiles learn from them, and guesses for the uncited are made against the current draft alone.
    cited: (input, terms) => remap(text.cited(input, terms), () => similarity(input.opinion, terms)),
  };
}
