/**
 * Per-article clustering of distinct opinions (意见归类): stable ids, a representative, keywords,
 * and the submissions and contact points behind each cluster.
 */
import { YijianError } from '../errors.js';
import type { ArticleKey, Cluster } from '../model.js';
import { hashHex } from '../dedupe/hash.js';
import { GENERAL, UNASSIGNED, baseArticle, compareArticleKeys } from '../article-key.js';
import { type AgglomeratedCluster, agglomerate } from './agglomerate.js';
import { clusterLabel } from './label.js';
import { buildIdVectors, type DenseFrequency, denseFrequency, gramKeys, type TermVector } from './vectors.js';

/** One distinct opinion: the canonical record of a duplicate group, or a record without duplicates. */
export interface ClusterItem {
  /** Canonical record id. */
  readonly id: string;
  readonly article: ArticleKey;
  /** Meaning-bearing words (segmenter terms), stop words already out. */
  readonly terms: readonly string[];
  /** Submissions behind this opinion, its duplicates included (≥ 1). */
  readonly submissions: number;
  readonly points: readonly string[];
  readonly counties: readonly string[];
  /** The opinion as written, for the cluster's label; without it the label is made of keywords. */
  readonly text?: string;
}

/** The clustering settings a user may change; CLUSTER_DEFAULTS holds their defaults. */
export interface ClusterSettings {
  /**
   * Average cosine between the members of two clusters at or above which they merge (average link), on an article
   * with many opinions; an article with n opinions uses threshold × n / (n + halfSize) (see articleThreshold).
   */
  readonly threshold: number;
  /** Share of the word space in the cosine; the rest is character bigrams inside the words. */
  readonly wordShare: number;
  /** IDF from every opinion of the batch instead of the article's own (few) opinions. */
  readonly batchIdf: boolean;
  /**
   * The threshold for the opinions on no one article (未归入 and 总体意见): there the article no longer keeps
   * the topic together, and words the whole draft shares (物业, 犬只) are enough to pass `threshold`.
   */
  readonly openThreshold: number;
  /**
   * The number of opinions at which an article's threshold is half of `threshold` (0: every article uses
   * `threshold`). An article few people wrote about is mostly about one concern, and its paraphrases share
   * few words; an article with many opinions holds several concerns that share the article's words.
   */
  readonly halfSize: number;
}

/**
 * Defaults, chosen on the tuning batches of fixtures/eval (node bench/eval-clusters.mjs --part tuning,
 * bench/RESULTS.md); never on the held-out batches. openThreshold under the digest's own assignment
 * (--assigned --part tuning), since 未归入 holds what the assigner left: end-to-end F1 0.47 at 0.035,
 * 0.51–0.514 from 0.08 to 0.15, 0.50 at 0.17; 0.13 keeps the bucket's pairs right 65 % of the time (18 % before).
 * threshold with halfSize (session 17, under gold articles, tuning pair F1): one threshold for every article
 * 0.846 at best (0.03; 0.840 at 0.035); with halfSize 12 a plateau of 0.85–0.86 for halfSize 10–16 and threshold
 * 0.065–0.10, 0.862 at 12 / 0.08 (P 0.85, R 0.88; 租赁 R 0.56 → 0.74, 养犬 P 0.94 → 0.99). Tuned articles hold
 * 2–21 opinions: above that the threshold tends to 0.08 unmeasured. Tried and not kept (tuning F1 at best):
 * discounting words most of the article's opinions share 0.814; sharper IDF (idf^1.5–3) 0.816; ask-clause
 * words counted twice or more 0.836; character unigrams besides bigrams 0.852 but +40 % CPU; a centroid-cosine
 * or cohesion guard on merging two clusters of 3+ 0.846 and fragile; in 未归入, weighting words by how much of
 * their use falls on one article: end-to-end 0.474 against 0.476; a second pass merging clusters of 2+ whose
 * centroids are close (cosine 0.1–0.5: no change, 0.03–0.06: 0.852); word pairs beside character bigrams 0.862.
 * Session 18, candidates on big articles (agglomerate.ts POSTING_WINDOW): unchanged on fixtures/eval (its articles
 * are below the window); on the benchmark corpus (node bench/eval-clusters.mjs --scale …/digest.json) share of
 * opinions alone 5.9 / 5.7 / 19.1 % at 10k / 100k / 1M with the first-48 cap, 5.8 / 1.0 / 1.0 % with MinHash-ordered
 * windows; clusterOpinions at 1M 97.0 s CPU before, 96.5 s after (load 1–2).
 */
export const CLUSTER_DEFAULTS: ClusterSettings = {
  threshold: 0.08,
  wordShare: 0.8,
  batchIdf: true,
  openThreshold: 0.13,
  halfSize: 12,
};

/** The threshold clusters of one article merge at: openThreshold on 未归入 and 总体意见, else by the article's size. */
export function articleThreshold(settings: ClusterSettings, article: ArticleKey, opinions: number): number {
  if (isOpen(article)) return settings.openThreshold;
  return settings.halfSize > 0 ? (settings.threshold * opinions) / (opinions + settings.halfSize) : settings.threshold;
}

/** Everything clusterOpinions needs, resolved by the caller. */
export interface ClusterOptions extends ClusterSettings {
  /** Words of a text in order (the segmenter's tokens): labels are cut only between words; null: keyword labels. */
  readonly tokens: ((text: string) => string[]) | null;
  /** The written forms of a (synonym-folded) term, so a label is matched on what people wrote; null: the term alone. */
  readonly forms: ((term: string) => readonly string[]) | null;
}

/** The article an opinion is clustered under: 8.2 and 8.2.1 with 8 (the paragraph stays on the opinion). */
export function clusterArticle(key: ArticleKey): ArticleKey {
  return baseArticle(key);
}

/** 未归入 and 总体意见: opinions that share no article, so nothing but their words says they are alike. */
export function isOpen(article: ArticleKey): boolean {
  return article === UNASSIGNED || article === GENERAL;
}

/** Kept for callers that name the threshold alone. */
export const DEFAULT_CLUSTER_THRESHOLD = CLUSTER_DEFAULTS.threshold;

/** Keywords kept per cluster. */
const KEYWORDS = 5;
/** Heaviest words a label is chosen by. */
const LABEL_WORDS = 12;

/** Clusters distinct opinions within each article; singletons are clusters too. */
export function clusterOpinions(items: readonly ClusterItem[], options: ClusterOptions): Cluster[] {
  const byArticle = new Map<ArticleKey, ClusterItem[]>();
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw new YijianError('E_INTERNAL', `归类时发现重复的意见编号 ${item.id}`);
    seen.add(item.id);
    const article = clusterArticle(item.article);
    let list = byArticle.get(article);
    if (list === undefined) {
      list = [];
      byArticle.set(article, list);
    }
    list.push(item);
  }
  // Words and their bigrams as ids the whole batch shares, each word's bigrams made once per word (not per use):
  // the batch frequencies and every article's vectors then count ids in arrays, with no map lookup per term.
  const wordId = new Map<string, number>();
  const wordOf: string[] = [];
  const gramId = new Map<number, number>();
  const gramsOfWord: Int32Array[] = [];
  const wordsAt = new Map<ClusterItem, Int32Array>();
  const gramsAt = new Map<ClusterItem, Int32Array>();
  for (const item of items) {
    const ids = new Int32Array(item.terms.length);
    let grams = 0;
    item.terms.forEach((term, t) => {
      let id = wordId.get(term);
      if (id === undefined) {
        id = wordOf.length;
        wordId.set(term, id);
        wordOf.push(term);
        gramsOfWord.push(Int32Array.from(gramKeys([term]), (key) => {
          let g = gramId.get(key);
          if (g === undefined) gramId.set(key, (g = gramId.size));
          return g;
        }));
      }
      ids[t] = id;
      grams += gramsOfWord[id]!.length;
    });
    const gramIds = new Int32Array(grams);
    let at = 0;
    for (let t = 0; t < ids.length; t++) {
      gramIds.set(gramsOfWord[ids[t]!]!, at);
      at += gramsOfWord[ids[t]!]!.length;
    }
    wordsAt.set(item, ids);
    gramsAt.set(item, gramIds);
  }
  const batch = options.batchIdf
    ? { words: denseFrequency([...wordsAt.values()], wordOf.length), grams: denseFrequency([...gramsAt.values()], gramId.size) }
    : null;
  const scratch = { words: new Int32Array(wordOf.length).fill(-1), grams: new Int32Array(gramId.size).fill(-1) };

  const clusters: Cluster[] = [];
  for (const [article, list] of byArticle) {
    // Sorted by id so the result does not depend on the order files were read in.
    list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const built = articleVectors(list.map((item) => wordsAt.get(item)!), list.map((item) => gramsAt.get(item)!), options.wordShare, batch, scratch);
    const words = built.words.map((id) => wordOf[id]!);
    const vectors = built.vectors;
    // The article's ids are in its vectors now: freed as we go, not held (two arrays per opinion) to the end.
    for (const item of list) {
      wordsAt.delete(item);
      gramsAt.delete(item);
    }
    const threshold = articleThreshold(options, article, list.length);
    for (const found of agglomerate(vectors, { threshold }).clusters) {
      clusters.push(describe(article, list, words, vectors, found, options.tokens, options.forms));
    }
  }
  assignIds(clusters);
  return clusters.sort(
    (a, b) =>
      compareArticleKeys(a.article, b.article) || b.submissions - a.submissions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * Words and character bigrams in one space: the bigram ids follow the word ids, each part scaled so
 * that a cosine is wordShare × the word cosine + the rest × the bigram cosine. `words` is the word
 * vocabulary (batch word ids): vector ids from its length on are bigrams.
 */
export function articleVectors(
  wordIds: readonly Int32Array[],
  gramIds: readonly Int32Array[],
  wordShare: number,
  batch: { words: DenseFrequency; grams: DenseFrequency } | null,
  scratch: { words: Int32Array; grams: Int32Array },
): { words: readonly number[]; vectors: TermVector[] } {
  const words = buildIdVectors(wordIds, batch === null ? null : batch.words, scratch.words);
  const bigrams = buildIdVectors(gramIds, batch === null ? null : batch.grams, scratch.grams);
  const offset = words.vocabulary.length;
  const a = Math.sqrt(wordShare);
  const b = Math.sqrt(1 - wordShare);
  let size = 0;
  for (let i = 0; i < wordIds.length; i++) size += words.vectors[i]!.terms.length + bigrams.vectors[i]!.terms.length;
  const allTerms = new Int32Array(size);
  const allWeights = new Float64Array(size);
  let at = 0;
  // In how many of the article's opinions each word is (a vector lists a word once).
  const articleDf = new Int32Array(offset);
  for (const w of words.vectors) for (let t = 0; t < w.terms.length; t++) articleDf[w.terms[t]!]!++;
  const vectors = words.vectors.map((w, i): TermVector => {
    const g = bigrams.vectors[i]!;
    // Each part is already a unit vector, so the scaled pair is one too (a² + b² = 1) unless a part is empty.
    const norm = Math.sqrt((w.terms.length > 0 ? a * a : 0) + (g.terms.length > 0 ? b * b : 0));
    const start = at;
    // Words first, then bigrams: neighbours are looked up by an opinion's first words (bigrams of common words
    // would fill the lookup and find everyone); cosines use both. Of the words, those another opinion of the
    // article shares come first (heaviest first), those no other opinion uses after them: such a word finds no
    // neighbour, and the heaviest words are mostly those: a long opinion's twelve rarest words filled its
    // lookup, and two opinions on 第七百一十八条 sharing 转租, 同意 and 知道 (cosine 0.19) never met.
    for (const shared of [true, false]) {
      for (let t = 0; t < w.terms.length; t++) {
        if (articleDf[w.terms[t]!]! > 1 !== shared) continue;
        allTerms[at] = w.terms[t]!;
        allWeights[at] = norm > 0 ? (a * w.weights[t]!) / norm : 0;
        at++;
      }
    }
    for (let t = 0; t < g.terms.length; t++, at++) {
      allTerms[at] = offset + g.terms[t]!;
      allWeights[at] = norm > 0 ? (b * g.weights[t]!) / norm : 0;
    }
    return { terms: allTerms.subarray(start, at), weights: allWeights.subarray(start, at) };
  });
  return { words: words.vocabulary, vectors };
}

function describe(
  article: ArticleKey,
  list: readonly ClusterItem[],
  words: readonly string[],
  vectors: readonly TermVector[],
  found: AgglomeratedCluster,
  tokens: ((text: string) => string[]) | null,
  forms: ((term: string) => readonly string[]) | null,
): Cluster {
  // The most central opinion: the largest cosine to the cluster's summed vector; the first wins ties (by id).
  let representative = found.members[0]!;
  let bestScore = -1;
  for (const position of found.members) {
    const vector = vectors[position]!;
    let score = 0;
    for (let t = 0; t < vector.terms.length; t++) score += vector.weights[t]! * (found.sum.get(vector.terms[t]!) ?? 0);
    if (score > bestScore + 1e-12) {
      bestScore = score;
      representative = position;
    }
  }
  // Keywords are whole words only (bigram ids come after the word ids). Most clusters are one opinion, whose
  // vector lists its words before its bigrams (shared words first, each part heaviest first): its words are
  // sorted, not a summed map of the cluster.
  const weights: [string, number][] = [];
  if (found.members.length === 1) {
    const v = vectors[found.members[0]!]!;
    for (let t = 0; t < v.terms.length; t++) {
      // Bigram ids follow the words.
      if (v.terms[t]! >= words.length) break;
      weights.push([words[v.terms[t]!]!, v.weights[t]!]);
    }
    // Equal weights by text, as for merged clusters.
    weights.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    weights.length = Math.min(weights.length, LABEL_WORDS);
  } else {
    for (const [term, weight] of found.sum) if (term < words.length) weights.push([words[term]!, weight]);
    weights.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    weights.length = Math.min(weights.length, LABEL_WORDS);
  }
  const keywords = weights.slice(0, KEYWORDS).map(([term]) => term);
  const points = new Set<string>();
  const counties = new Set<string>();
  let submissions = 0;
  for (const position of found.members) {
    const item = list[position]!;
    submissions += Math.max(1, item.submissions);
    for (const p of item.points) points.add(p);
    for (const c of item.counties) counties.add(c);
  }
  const central = list[representative]!;
  return {
    id: '', // assigned by assignIds once every cluster is known
    article,
    representative: central.id,
    label: clusterLabel(central.text ?? null, weights, keywords, tokens, forms),
    keywords,
    opinions: [representative, ...found.members.filter((p) => p !== representative)].map((p) => list[p]!.id),
    submissions,
    points: [...points].sort(),
    counties: [...counties].sort(),
  };
}

/**
 * `<article>-<8 hex>` from the sorted member ids. Clusters whose short ids collide (likely
 * among ~100,000 clusters) all get 16 hex digits instead, and in the never-seen case that those
 * collide too, their smallest member id (unique: clusters are disjoint). Independent of order.
 */
function assignIds(clusters: Cluster[]): void {
  const signature = (c: Cluster): string => [...c.opinions].sort().join('\u0000');
  const counts = new Map<string, number>();
  const proposals = clusters.map((c) => {
    const id = `${c.article}-${hashHex(signature(c), 8)}`;
    counts.set(id, (counts.get(id) ?? 0) + 1);
    return id;
  });
  const longCounts = new Map<string, number>();
  for (let i = 0; i < clusters.length; i++) {
    const c = clusters[i]!;
    if (counts.get(proposals[i]!)! > 1) {
      proposals[i] = `${c.article}-${hashHex(signature(c), 16)}`;
      longCounts.set(proposals[i]!, (longCounts.get(proposals[i]!) ?? 0) + 1);
    }
  }
  for (let i = 0; i < clusters.length; i++) {
    const c = clusters[i]!;
    const id = proposals[i]!;
    c.id = (longCounts.get(id) ?? 0) > 1 ? `${id}-${[...c.opinions].sort()[0]!}` : id;
  }
}
