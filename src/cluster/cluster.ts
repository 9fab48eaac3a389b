/**
 * Per-article clustering of distinct opinions (意见归类): stable ids, a representative, keywords,
 * and the submissions and contact points behind each cluster.
 */
import { YijianError } from '../errors.js';
import type { ArticleKey, Cluster } from '../model.js';
import { hashHex } from '../dedupe/hash.js';
import { GENERAL, UNASSIGNED, baseArticle, compareArticleKeys } from '../article-key.js';
import { type ArticleClusters, clusterArticleIds } from './article-clusters.js';
import { type BatchIds, batchIds, flatFrequency, heapInt32, type Int32Allocator } from './batch-ids.js';
import { clusterLabel } from './label.js';
import { batchVectors, nearbyMatches } from './nearby.js';
import type { DenseFrequency, TermVector } from './vectors.js';

export { articleVectors } from './article-clusters.js';

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
  /** Only on 未归入: the articles it is most like (可能涉及条文), whose clusters it may be shown beside (nearby.ts). */
  readonly candidates?: readonly ArticleKey[];
}

/** The clustering settings a user may change; CLUSTER_DEFAULTS holds their defaults. */
export interface ClusterSettings {
  /**
   * Average cosine between the members of two clusters at or above which they merge (average link), on an article
   * with many opinions; an article with n opinions uses threshold × n / (n + halfSize) (see articleThreshold).
   */
  readonly threshold: number;
  /**
   * Share of the word space in the cosine; the rest is characters inside the words: a two-character word's two
   * characters, a longer word's bigrams (vectors.ts, gramKeys).
   */
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
  /**
   * The split test after merging (split.ts): a cluster whose two halves are linked below splitRatio × the looser
   * half's own average cosine is split in two (0: no test).
   */
  readonly splitRatio: number;
  /**
   * The average cosine to an article cluster's members at which a 未归入 opinion is named on that cluster as
   * 可能同类 (nearby.ts), among the clusters of its likely articles (0: never).
   */
  readonly nearbyThreshold: number;
  /**
   * Above this many 未归入 opinions with likely articles, no 可能同类 notes are made: the pass holds a vector of every
   * member of the clusters they may join, which at a million opinions took some 460 MiB and a minute (bench/RESULTS.md).
   * A consultation's batch has a few hundred; the notes are a hint, and their absence is said in the README.
   */
  readonly nearbyMaxOpen: number;
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
 * Session 20, splitRatio (split.ts, under gold articles, tuning pair F1): 0 → 0.872; with halves of 2+ 0.880 at
 * 0.44–0.47, 0.881 at 0.5–0.53, 0.861 at 0.56; with halves of 3+ (kept) 0.894 at 0.45, 0.896 at 0.5–0.55, 0.884 at
 * 0.6 (P 0.85 → 0.93, R 0.90 → 0.86). Judging by the geometric mean or the larger of the halves' averages: 0.883 at
 * best, on a narrower plateau. With the split, threshold 0.05–0.065 gave 0.875 against 0.881 at 0.08.
 * nearbyThreshold end to end (npm run eval --part tuning, pairs counted with each 未归入 opinion in the cluster it is
 * named on, "含可能同类"): F1 0.57 without, 0.66 from 0.04 to 0.07 (P 0.63 → 0.67, 92 → 72 named), 0.64 at 0.08, 0.62
 * at 0.1; 0.07 names fewest on the plateau. Measured first as a prototype: the best cluster of the whole batch
 * instead of the likely articles' (tuning 0.61 at best, held-out lower), the best member's cosine (0.65) or its
 * geometric mean with the average (0.65): the average over the likely articles' clusters kept.
 * Session 22, 未归入 clustered apart per first likely article (npm run eval --part tuning, end to end): at each
 * likely article's own threshold F1 0.58 (P 0.68, R 0.50), at openThreshold 0.58 (P 0.74, R 0.48), against 0.58
 * (P 0.72, R 0.49) as one bucket: the likely article adds nothing the words do not already say. Not kept.
 * Session 23, measured also without the tuning domains' synonyms (domain) and without any (none), under gold articles
 * (node bench/eval-ablated.mjs domain|none eval-clusters.mjs --part tuning): 0.896 / 0.784 / 0.784. Without synonyms
 * paraphrases share fewer words (same-topic pairs of one article with cosine 0: 32 → 95 of 585) and recall falls
 * (0.86 → 0.70); no setting helps: in none threshold 0.04–0.1 0.750–0.784, halfSize 0–30 0.559–0.784, wordShare
 * 0.5–0.9 0.763–0.786, splitRatio 0 0.801 (but 0.872 with the list), 0.3–0.6 0.766–0.793. Kept: a two-character
 * word's characters in place of its one bigram (vectors.ts, gramKeys), 0.900 / 0.828 / 0.828 with these settings
 * (clusterOpinions on the 100k benchmark's digest 6.1 → 6.4–6.5 s CPU). Not kept: each opinion's vector widened by
 * its 1–3 nearest opinions of the article (× 0.3–1 of their cosine, before merging; labels from the opinion's own
 * words) 0.82–0.87 / 0.69–0.73 with threshold 0.08–0.16 (0.778 in none with no split test); single-character verbs
 * (jieba's tag v, with v / vn / n) kept by the segmenter, 0.886 / 0.763 and 0.873 / 0.759 (and uncited opinions
 * placed right 141 → 139 / 138).
 */
export const CLUSTER_DEFAULTS: ClusterSettings = {
  threshold: 0.08,
  wordShare: 0.8,
  batchIdf: true,
  openThreshold: 0.13,
  halfSize: 12,
  splitRatio: 0.5,
  nearbyThreshold: 0.07,
  nearbyMaxOpen: 20_000,
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

/** A batch ready to cluster: its articles, largest first, each with its opinions sorted by id, and their term ids. */
export interface PreparedBatch {
  readonly articles: readonly ArticleKey[];
  readonly lists: readonly (readonly ClusterItem[])[];
  /** Article a holds opinions articleStarts[a] … articleStarts[a + 1] − 1 of `ids`. */
  readonly articleStarts: Int32Array;
  /** The merge threshold of each article (articleThreshold). */
  readonly thresholds: Float64Array;
  readonly ids: BatchIds;
  /** Batch document frequencies (null without batchIdf). */
  readonly batch: { words: DenseFrequency; grams: DenseFrequency } | null;
}

/**
 * Groups the items by article (sorted by id within it, so the result does not depend on the order files were
 * read in) and gives their words and bigrams batch-wide ids. Articles come largest first: two threads taking
 * them in turn then finish close together. The order changes no cluster: each article is clustered alone.
 */
export function prepareClusterBatch(items: readonly ClusterItem[], settings: ClusterSettings, allocate: Int32Allocator): PreparedBatch {
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
  const articles = [...byArticle.keys()].sort((a, b) => byArticle.get(b)!.length - byArticle.get(a)!.length);
  const lists = articles.map((article) => byArticle.get(article)!.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  const articleStarts = new Int32Array(articles.length + 1);
  lists.forEach((list, a) => (articleStarts[a + 1] = articleStarts[a]! + list.length));
  const ids = batchIds(lists.flatMap((list) => list.map((item) => item.terms)), allocate);
  const batch = settings.batchIdf
    ? { words: flatFrequency(ids.words, ids.wordStarts, ids.wordOf.length, allocate), grams: flatFrequency(ids.grams, ids.gramStarts, ids.gramCount, allocate) }
    : null;
  const thresholds = Float64Array.from(articles, (article, a) => articleThreshold(settings, article, lists[a]!.length));
  return { articles, lists, articleStarts, thresholds, ids, batch };
}

/** Scratch arrays for clusterArticleIds over a batch: −1 for every word and bigram id. */
export function batchScratch(ids: BatchIds): { words: Int32Array; grams: Int32Array } {
  return { words: new Int32Array(ids.wordOf.length).fill(-1), grams: new Int32Array(ids.gramCount).fill(-1) };
}

/** Clusters distinct opinions within each article; singletons are clusters too. */
export function clusterOpinions(items: readonly ClusterItem[], options: ClusterOptions): Cluster[] {
  const prepared = prepareClusterBatch(items, options, heapInt32);
  const scratch = batchScratch(prepared.ids);
  const clusters: Cluster[] = [];
  for (let a = 0; a < prepared.articles.length; a++) {
    const work = clusterArticleIds(prepared.ids, prepared.articleStarts[a]!, prepared.articleStarts[a + 1]!, {
      wordShare: options.wordShare, splitRatio: options.splitRatio, threshold: prepared.thresholds[a]!, batch: prepared.batch, scratch, wordOf: prepared.ids.wordOf,
    });
    for (const cluster of describeClusters(prepared, a, work, options)) clusters.push(cluster);
  }
  markNearby(prepared, clusters, options);
  return finishClusters(clusters);
}

/**
 * What markNearby needs before any cluster is known: the 未归入 opinions with likely articles, and the vectors of
 * those opinions and of every opinion on the articles they may join, in one space. Null when no notes are made.
 * Made apart so that threads.ts can make it on this thread while the worker clusters.
 */
export interface NearbyPlan {
  readonly open: number;
  readonly openItems: readonly { position: number; candidates: ArticleKey[] }[];
  readonly wanted: ReadonlySet<ArticleKey>;
  /** Batch position of each opinion on a wanted article, by id. */
  readonly positionOf: ReadonlyMap<string, number>;
  /** The batch positions the vectors are of, in order: the open opinions, then positionOf's. */
  readonly positions: readonly number[];
  readonly local: ReadonlyMap<number, number>;
  readonly vectors: readonly TermVector[];
  readonly words: number;
}

/** The plan of markNearby for a batch (NearbyPlan), or null. */
export function planNearby(prepared: PreparedBatch, settings: ClusterSettings): NearbyPlan | null {
  if (settings.nearbyThreshold <= 0) return null;
  const open = prepared.articles.indexOf(UNASSIGNED);
  if (open < 0) return null;
  const openItems = prepared.lists[open]!.flatMap((item, j) => {
    const candidates = [...new Set((item.candidates ?? []).map(clusterArticle))].filter((key) => !isOpen(key));
    return candidates.length === 0 ? [] : [{ position: prepared.articleStarts[open]! + j, candidates }];
  });
  if (openItems.length === 0 || openItems.length > settings.nearbyMaxOpen) return null;
  const wanted = new Set(openItems.flatMap((o) => o.candidates));
  const positionOf = new Map<string, number>();
  prepared.articles.forEach((article, a) => {
    if (!wanted.has(article)) return;
    prepared.lists[a]!.forEach((item, j) => positionOf.set(item.id, prepared.articleStarts[a]! + j));
  });
  // One vector space for the open opinions and the members of the clusters they may join.
  const positions = [...openItems.map((o) => o.position), ...positionOf.values()];
  const local = new Map(positions.map((p, i) => [p, i]));
  const { vectors, words } = batchVectors(prepared.ids, positions, settings.wordShare, prepared.batch);
  return { open, openItems, wanted, positionOf, positions, local, vectors, words };
}

/**
 * Names on each article cluster the 未归入 opinions that read like it (Cluster.nearby, nearby.ts), among the
 * clusters of each opinion's likely articles. Changes no cluster's members. `plan` is planNearby's for this batch.
 */
export function markNearby(prepared: PreparedBatch, clusters: Cluster[], settings: ClusterSettings, plan: NearbyPlan | null = planNearby(prepared, settings)): void {
  if (plan === null) return;
  const { open, openItems, wanted, positionOf, positions, local, vectors, words } = plan;
  const targets = clusters.filter((c) => wanted.has(c.article));
  const matches = nearbyMatches(
    vectors,
    openItems.map((o) => ({ position: local.get(o.position)!, candidates: o.candidates })),
    targets.map((c) => ({ article: c.article, members: c.opinions.map((id) => local.get(positionOf.get(id)!)!) })),
    settings.nearbyThreshold,
    words,
  );
  const openIds = prepared.lists[open]!;
  const found = new Map<Cluster, { id: string; score: number }[]>();
  for (const match of matches) {
    const cluster = targets[match.cluster]!;
    const list = found.get(cluster) ?? [];
    list.push({ id: openIds[positions[match.position]! - prepared.articleStarts[open]!]!.id, score: Math.min(1, Math.round(match.score * 1e4) / 1e4) });
    found.set(cluster, list);
  }
  for (const [cluster, list] of found) cluster.nearby = list.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** Stable ids, then the clusters in their order: by article, largest first, then by id. */
export function finishClusters(clusters: Cluster[]): Cluster[] {
  assignIds(clusters);
  return clusters.sort(
    (a, b) =>
      compareArticleKeys(a.article, b.article) || b.submissions - a.submissions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Article a's clusters from their numeric part (clusterArticleIds): label, keywords, submissions and points. */
export function describeClusters(
  prepared: PreparedBatch,
  a: number,
  work: ArticleClusters,
  options: Pick<ClusterOptions, 'tokens' | 'forms'>,
): Cluster[] {
  const article = prepared.articles[a]!;
  const list = prepared.lists[a]!;
  const wordOf = prepared.ids.wordOf;
  const clusters: Cluster[] = [];
  for (let k = 0; k + 1 < work.memberStarts.length; k++) {
    const weights: [string, number][] = [];
    for (let w = work.weightStarts[k]!; w < work.weightStarts[k + 1]!; w++) weights.push([wordOf[work.weightWords[w]!]!, work.weightValues[w]!]);
    const keywords = weights.slice(0, KEYWORDS).map(([term]) => term);
    const points = new Set<string>();
    const counties = new Set<string>();
    let submissions = 0;
    const opinions: string[] = [];
    for (let m = work.memberStarts[k]!; m < work.memberStarts[k + 1]!; m++) {
      const item = list[work.members[m]!]!;
      opinions.push(item.id);
      submissions += Math.max(1, item.submissions);
      for (const p of item.points) points.add(p);
      for (const c of item.counties) counties.add(c);
    }
    const central = list[work.members[work.memberStarts[k]!]!]!;
    clusters.push({
      id: '', // assigned by assignIds once every cluster is known
      article,
      representative: central.id,
      label: clusterLabel(central.text ?? null, weights, keywords, options.tokens, options.forms),
      keywords,
      opinions,
      submissions,
      points: [...points].sort(),
      counties: [...counties].sort(),
    });
  }
  return clusters;
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
