/**
 * 未归入 opinions shown beside the article cluster they read like (可能同类，待核对). An opinion the assigner left
 * 未归入 is clustered with the other 未归入 opinions, where nothing but draft-wide words (物业, 房东) keeps a topic
 * together, and never meets the opinions on its article that say the same. Here each such opinion is compared
 * with the clusters on its likely articles (可能涉及条文, the assigner's candidates) and, when its average cosine
 * to one cluster's members reaches the threshold, named on that cluster as a guess with its score. Its article
 * and its own cluster do not change: a person decides. Linear: each opinion reads a capped number of clusters.
 */
import type { ArticleKey } from '../model.js';
import { articleVectors } from './article-clusters.js';
import { type BatchIds, flatFrequency } from './batch-ids.js';
import { SummedVector } from './summed-vector.js';
import type { DenseFrequency, TermVector } from './vectors.js';

/** Clusters of one article a lookup reads per word: those where the word weighs most (ties by cluster order). */
const POSTING_CAP = 64;
/** Clusters scored exactly per opinion and article: those with the largest partial score over its words. */
const SCORED = 16;
/** An opinion's heaviest words a lookup reads (bigrams are left to the exact score, as in agglomerate.ts). */
const LOOKUP_WORDS = 12;

/** A 未归入 opinion to place, by its position in the vectors, with its likely articles. */
export interface OpenOpinion {
  readonly position: number;
  readonly candidates: readonly ArticleKey[];
}

/** An article cluster, by its members' positions in the vectors. */
export interface ArticleCluster {
  readonly article: ArticleKey;
  readonly members: readonly number[];
}

/** Opinion `position` read like cluster `cluster` (an index into the clusters given) with this average cosine. */
export interface NearbyMatch {
  readonly position: number;
  readonly cluster: number;
  readonly score: number;
}

/**
 * Average cosine of `v` to each cluster's members, read as v · ΣC / |C|; the best cluster on the opinion's likely
 * articles when it reaches `threshold`. Pure; `vectors` share one space (batch ids, batch IDF).
 */
export function nearbyMatches(
  vectors: readonly TermVector[],
  open: readonly OpenOpinion[],
  clusters: readonly ArticleCluster[],
  threshold: number,
  /** Term ids below this are words, the rest character bigrams: only words are indexed. */
  words: number,
): NearbyMatch[] {
  const wanted = new Set(open.flatMap((o) => o.candidates));
  // Per article: its clusters' summed vectors and an index word → clusters, heaviest first, capped.
  const byArticle = new Map<ArticleKey, { clusters: number[]; sums: SummedVector[]; postings: Map<number, number[]>; partial: Float64Array }>();
  clusters.forEach((cluster, c) => {
    if (!wanted.has(cluster.article)) return;
    let entry = byArticle.get(cluster.article);
    if (entry === undefined) byArticle.set(cluster.article, (entry = { clusters: [], sums: [], postings: new Map(), partial: new Float64Array(0) }));
    let expected = 0;
    for (const m of cluster.members) expected += vectors[m]!.terms.length;
    const sum = new SummedVector(Math.min(expected, 4096));
    for (const m of cluster.members) {
      const v = vectors[m]!;
      for (let t = 0; t < v.terms.length; t++) sum.add(v.terms[t]!, v.weights[t]!);
    }
    const at = entry.clusters.length;
    entry.clusters.push(c);
    entry.sums.push(sum);
    for (let k = 0; k < sum.size; k++) {
      const term = sum.termOf(k);
      if (term >= words) continue;
      let list = entry.postings.get(term);
      if (list === undefined) entry.postings.set(term, (list = []));
      list.push(at);
    }
  });
  for (const entry of byArticle.values()) {
    entry.partial = new Float64Array(entry.clusters.length);
    for (const [term, list] of entry.postings) {
      if (list.length <= POSTING_CAP) continue;
      // The clusters where the word weighs most per member: those it can lift above the threshold.
      const weight = (at: number): number => entry.sums[at]!.get(term)! / clusters[entry.clusters[at]!]!.members.length;
      list.sort((x, y) => weight(y) - weight(x) || x - y);
      list.length = POSTING_CAP;
    }
  }
  const matches: NearbyMatch[] = [];
  for (const opinion of open) {
    const v = vectors[opinion.position]!;
    let best = -1;
    let bestScore = -Infinity;
    for (const article of opinion.candidates) {
      const entry = byArticle.get(article);
      if (entry === undefined) continue;
      // Partial scores over the opinion's words in the article's scratch, then the SCORED best (ties by cluster order).
      const partial = entry.partial;
      const touched: number[] = [];
      for (let t = 0, read = 0; t < v.terms.length && read < LOOKUP_WORDS; t++) {
        if (v.terms[t]! >= words) continue;
        read++;
        for (const at of entry.postings.get(v.terms[t]!) ?? []) {
          if (partial[at] === 0) touched.push(at);
          partial[at] = partial[at]! + v.weights[t]! * entry.sums[at]!.get(v.terms[t]!)! + 1e-12;
        }
      }
      const ranked = touched.length <= SCORED ? touched : touched.sort((x, y) => partial[y]! - partial[x]! || x - y).slice(0, SCORED);
      for (const at of touched) partial[at] = 0;
      for (const at of ranked) {
        const sum = entry.sums[at]!;
        let dot = 0;
        for (let t = 0; t < v.terms.length; t++) dot += v.weights[t]! * (sum.get(v.terms[t]!) ?? 0);
        const c = entry.clusters[at]!;
        const score = dot / clusters[c]!.members.length;
        if (score > bestScore || (score === bestScore && c < best)) {
          bestScore = score;
          best = c;
        }
      }
    }
    if (best >= 0 && bestScore >= threshold) matches.push({ position: opinion.position, cluster: best, score: bestScore });
  }
  return matches;
}

/** Vectors of the given batch positions in one space, in their order: batch ids, batch document frequencies (counted here when absent). */
export function batchVectors(
  ids: BatchIds,
  positions: readonly number[],
  wordShare: number,
  batch: { words: DenseFrequency; grams: DenseFrequency } | null,
): { vectors: TermVector[]; words: number } {
  const frequencies = batch ?? {
    words: flatFrequency(ids.words, ids.wordStarts, ids.wordOf.length),
    grams: flatFrequency(ids.grams, ids.gramStarts, ids.gramCount),
  };
  const scratch = { words: new Int32Array(ids.wordOf.length).fill(-1), grams: new Int32Array(ids.gramCount).fill(-1) };
  const built = articleVectors(
    ids,
    Int32Array.from(positions),
    wordShare,
    frequencies,
    scratch,
  );
  return { vectors: built.vectors, words: built.words.length };
}
