/**
 * Finds the draft article an opinion is most similar to. Each article has a profile in two spaces —
 * words (segmenter terms, synonyms already folded) and character bigrams inside those words — made of
 * its own text (caption, chapter and section titles, text) and of the words of the opinions that cite
 * it (or that a person assigned to it). In real batches most opinions name their article, and their
 * words ("狗绳", "遛狗", "拴") describe it better than the legal text ("牵引带"). An opinion is scored
 * against every profile by cosine in both spaces; the mean of the two is its similarity.
 */
import type { ArticleAssignment, ArticleKey, Draft } from '../model.js';

/** The best article for an opinion and how far ahead of the runner-up it is. */
export interface SimilarityMatch {
  /** Article key of the best match, or null when no article shares a term with the opinion. */
  key: string | null;
  score: number;
  /** Score of the second-best article (0 when there is none). */
  runnerUp: number;
}

/** Ranks the articles of one draft (and, once learned, the general opinions) against opinions. */
export interface ArticleMatcher {
  /** Adds an opinion's terms to the profile of `key` (an article key, or `general`); others are ignored. */
  learn(key: ArticleKey, terms: readonly string[], weight?: number): void;
  /** Matches the terms of an opinion. */
  matchTerms(terms: readonly string[]): SimilarityMatch;
  /** Segments and matches an opinion. */
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

/**
 * Weight of the learned part of a profile against the article's own text, by the number of opinions
 * learned: one citing opinion counts a little, many count at most twice the article's own text — with
 * more (6 was tried) the words of a few citing letters drowned an article's own wording and an opinion
 * that nearly quoted it was left unassigned (bench/RESULTS.md, the eval section).
 */
const LEARNED_HALF = 2;
const LEARNED_MAX = 2;
/**
 * Share of the word space in the similarity; the rest is character bigrams, which catch 狗证 against
 * 养犬登记证 and 涨价 against 调价 where whole words differ. Chosen on the tuning batches.
 */
const WORD_SHARE = 0.3;
/** A term in more than this share of the profiles (and more than COMMON_MIN) is skipped when scoring. */
const COMMON_SHARE = 1 / 16;
const COMMON_MIN = 128;
/** Minimum opinions learned before the general-opinion profile competes with articles. */
const GENERAL_MIN = 2;

/** Character bigrams inside each term (single-character terms as themselves). */
export function charGrams(terms: readonly string[]): string[] {
  const grams: string[] = [];
  for (const term of terms) {
    const chars = [...term];
    if (chars.length === 1) grams.push(term);
    for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  }
  return grams;
}

/** Sublinear term counts. */
function counts(tokens: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  for (const [t, c] of tf) tf.set(t, 1 + Math.log(c));
  return tf;
}

/** One feature space (words or bigrams): per profile the text part and the learned part. */
class Space {
  readonly own: Map<string, number>[] = [];
  readonly learned: Map<string, number>[] = [];
  /** Built on demand: term → [(profile, weight)], and the IDF. */
  private postings: Map<string, { profiles: Int32Array; weights: Float64Array }> | null = null;
  private idf = new Map<string, number>();
  private unseenIdf = 1;
  /** Posting lists longer than this are skipped when scoring (see score). */
  private commonCap = Number.POSITIVE_INFINITY;

  addProfile(tokens: readonly string[]): void {
    this.own.push(counts(tokens));
    this.learned.push(new Map());
  }

  learn(profile: number, tokens: readonly string[], weight: number): void {
    const target = this.learned[profile]!;
    const tf = counts(tokens);
    let norm = 0;
    for (const v of tf.values()) norm += v * v;
    norm = Math.sqrt(norm);
    if (norm === 0) return;
    // Each opinion adds a unit vector: a long letter does not count for more than a short one.
    for (const [t, v] of tf) target.set(t, (target.get(t) ?? 0) + (weight * v) / norm);
    this.postings = null;
  }

  private build(learnedCount: readonly number[], active: readonly boolean[]): void {
    const df = new Map<string, number>();
    let n = 0;
    for (let p = 0; p < this.own.length; p++) {
      if (!active[p]) continue;
      n++;
      const seen = new Set([...this.own[p]!.keys(), ...this.learned[p]!.keys()]);
      for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
    }
    this.idf = new Map([...df].map(([t, d]) => [t, Math.log((1 + n) / (1 + d)) + 1]));
    this.unseenIdf = Math.log(1 + n) + 1;
    this.commonCap = Math.max(COMMON_MIN, Math.ceil(n * COMMON_SHARE));
    const lists = new Map<string, { profiles: number[]; weights: number[] }>();
    for (let p = 0; p < this.own.length; p++) {
      if (!active[p]) continue;
      const own = unit(this.own[p]!, this.idf);
      const learned = unit(this.learned[p]!, this.idf);
      const c = learnedCount[p]!;
      const share = (LEARNED_MAX * c) / (c + LEARNED_HALF);
      const mixed = new Map<string, number>();
      for (const [t, w] of own) mixed.set(t, w);
      for (const [t, w] of learned) mixed.set(t, (mixed.get(t) ?? 0) + share * w);
      let norm = 0;
      for (const w of mixed.values()) norm += w * w;
      norm = Math.sqrt(norm);
      if (norm === 0) continue;
      for (const [t, w] of mixed) {
        let list = lists.get(t);
        if (list === undefined) lists.set(t, (list = { profiles: [], weights: [] }));
        list.profiles.push(p);
        list.weights.push(w / norm);
      }
    }
    // Typed posting lists: a query walks them for every uncited opinion of the batch.
    const postings = new Map<string, { profiles: Int32Array; weights: Float64Array }>();
    for (const [t, list] of lists) postings.set(t, { profiles: Int32Array.from(list.profiles), weights: Float64Array.from(list.weights) });
    this.postings = postings;
  }

  /** Cosine of the query with every profile it shares a token with, added into `scores` × `factor`. */
  score(tokens: readonly string[], scores: Float64Array, factor: number, learnedCount: readonly number[], active: readonly boolean[]): void {
    if (this.postings === null) this.build(learnedCount, active);
    const tf = counts(tokens);
    let norm = 0;
    for (const [t, v] of tf) {
      const w = v * (this.idf.get(t) ?? this.unseenIdf);
      norm += w * w;
      tf.set(t, w);
    }
    norm = Math.sqrt(norm);
    if (norm === 0) return;
    for (const [t, w] of tf) {
      const list = this.postings!.get(t);
      // A term in most profiles barely tells them apart (its IDF is near the floor) but walking its list
      // is most of the cost against a long draft (民法典: 1,260 articles): it counts in the length only.
      if (list === undefined || list.profiles.length > this.commonCap) continue;
      const scale = (factor * w) / norm;
      const { profiles, weights } = list;
      for (let k = 0; k < profiles.length; k++) scores[profiles[k]!] = scores[profiles[k]!]! + scale * weights[k]!;
    }
  }
}

/** A count map turned into an L2-normalised TF-IDF map. */
function unit(tf: ReadonlyMap<string, number>, idf: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  let norm = 0;
  for (const [t, v] of tf) {
    const w = v * (idf.get(t) ?? 0);
    out.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, w] of out) out.set(t, w / norm);
  return out;
}

/** Builds the matcher: the draft's articles are segmented once, here. */
export function createArticleMatcher(draft: Draft, terms: (text: string) => string[]): ArticleMatcher {
  const keys: ArticleKey[] = draft.articles.map((a) => a.key);
  // The last profile stands for general opinions (总体意见): no text of its own, only what it learns.
  keys.push('general');
  const profileOf = new Map<string, number>();
  keys.forEach((key, i) => {
    if (!profileOf.has(key)) profileOf.set(key, i);
  });
  const words = new Space();
  const grams = new Space();
  draft.articles.forEach((_, i) => {
    const t = terms(articleDocument(draft, i));
    words.addProfile(t);
    grams.addProfile(charGrams(t));
  });
  words.addProfile([]);
  grams.addProfile([]);
  const learnedCount = keys.map(() => 0);
  const active = keys.map((key) => key !== 'general');
  const scores = new Float64Array(keys.length);

  const matchTerms = (opinionTerms: readonly string[]): SimilarityMatch => {
    scores.fill(0);
        words.score(opinionTerms, scores, WORD_SHARE, learnedCount, active);
    grams.score(charGrams(opinionTerms), scores, 1 - WORD_SHARE, learnedCount, active);
    let best = -1;
    let second = -1;
    for (let p = 0; p < keys.length; p++) {
      if (!active[p] || scores[p]! <= 0) continue;
      if (best < 0 || scores[p]! > scores[best]!) {
        second = best;
        best = p;
      } else if (second < 0 || scores[p]! > scores[second]!) second = p;
    }
    if (best < 0) return { key: null, score: 0, runnerUp: 0 };
    return { key: keys[best]!, score: Math.min(1, scores[best]!), runnerUp: second < 0 ? 0 : Math.min(1, scores[second]!) };
  };

  return {
    learn(key, opinionTerms, weight = 1) {
      // Paragraph and item keys teach their article: 12.2.3 → 12, 12-1.2 → 12-1.
      const base = /^\d/.test(key) ? key.split('.')[0]! : key;
      const profile = profileOf.get(base);
      if (profile === undefined || opinionTerms.length === 0) return;
      words.learn(profile, opinionTerms, weight);
      grams.learn(profile, charGrams(opinionTerms), weight);
      learnedCount[profile]! += weight;
      if (base === 'general' && learnedCount[profile]! >= GENERAL_MIN) active[profile] = true;
    },
    matchTerms,
    match: (opinion) => matchTerms(terms(opinion)),
  };
}

/**
 * Turns a match into an assignment: the best article when it reaches `threshold` and leads the
 * runner-up by `minMargin` (a share of the best score), else `unassigned` with the best score as its
 * confidence.
 */
export function similarityAssignment(found: SimilarityMatch, threshold: number, minMargin: number): ArticleAssignment {
  // Four decimals: scores are compared to a threshold given with two, and digest.json stays readable.
  const confidence = Math.round(found.score * 1e4) / 1e4;
  if (found.key !== null && found.score >= threshold && found.score - found.runnerUp >= minMargin * found.score) {
    // A general opinion found by similarity is still a guess: source `similarity`, so reports mark it.
    return { key: found.key, source: 'similarity', confidence, cited: null, notInDraft: false };
  }
  return { key: 'unassigned', source: 'none', confidence, cited: null, notInDraft: false };
}
