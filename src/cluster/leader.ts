/**
 * Single-pass centroid ("leader") clustering with an inverted index: an opinion is compared only
 * with the few clusters that share one of its heaviest terms, so an article with 100,000 opinions
 * costs about 100,000 × CANDIDATES cosine computations, not 100,000².
 */
import type { TermVector } from './vectors.js';

/** An opinion's heaviest terms used to look up candidate clusters. */
const LOOKUP_TERMS = 12;
/** Clusters compared by cosine per opinion: those sharing the most lookup terms. */
const CANDIDATES = 16;
/**
 * A term stops taking new clusters into its posting list beyond this: such a term is shared by
 * so many different clusters that it no longer tells them apart; the opinion's other terms do.
 */
const POSTING_CAP = 128;

/** A cluster in progress: member positions and the summed vector of its members. */
export interface LeaderCluster {
  readonly members: number[];
  readonly centroid: Map<number, number>;
  norm2: number;
}

/** Cosine similarity between a normalised vector and a centroid. */
export function cosineToCentroid(vector: TermVector, centroid: Map<number, number>, norm2: number): number {
  if (norm2 <= 0) return 0;
  let dot = 0;
  for (let i = 0; i < vector.terms.length; i++) dot += vector.weights[i]! * (centroid.get(vector.terms[i]!) ?? 0);
  return dot / Math.sqrt(norm2);
}

/** Scratch counters for candidate lookup, reused across opinions (no per-opinion Map or sort). */
interface LookupScratch {
  counts: Int32Array;
  readonly touched: number[];
  readonly histogram: Int32Array;
}

/** Candidate clusters for a vector: those sharing the most of its heaviest terms (ties: lower index). */
function candidatesFor(vector: TermVector, postings: Map<number, number[]>, scratch: LookupScratch, clusterCount: number): number[] {
  if (scratch.counts.length < clusterCount) {
    const grown = new Int32Array(Math.max(clusterCount, scratch.counts.length * 2));
    grown.set(scratch.counts);
    scratch.counts = grown;
  }
  const { counts, touched, histogram } = scratch;
  const lookup = Math.min(LOOKUP_TERMS, vector.terms.length);
  touched.length = 0;
  for (let t = 0; t < lookup; t++) {
    for (const c of postings.get(vector.terms[t]!) ?? []) {
      if (counts[c] === 0) touched.push(c);
      counts[c]!++;
    }
  }
  let chosen: number[];
  if (touched.length <= CANDIDATES) {
    chosen = touched.slice();
  } else {
    // Counting sort on the shared-term count (≤ LOOKUP_TERMS): the cut-off count, then ties by index.
    histogram.fill(0);
    for (const c of touched) histogram[counts[c]!]!++;
    let cutoff = LOOKUP_TERMS;
    let above = 0;
    while (cutoff > 0 && above + histogram[cutoff]! < CANDIDATES) above += histogram[cutoff--]!;
    chosen = touched.filter((c) => counts[c]! > cutoff);
    const atCutoff = touched.filter((c) => counts[c] === cutoff).sort((x, y) => x - y);
    for (const c of atCutoff) {
      if (chosen.length >= CANDIDATES) break;
      chosen.push(c);
    }
  }
  for (const c of touched) counts[c] = 0;
  return chosen;
}

/** Adds (sign 1) or removes (sign -1) a vector from a cluster's centroid, keeping its squared norm. */
function addToCentroid(cluster: LeaderCluster, vector: TermVector, sign: 1 | -1): void {
  for (let i = 0; i < vector.terms.length; i++) {
    const term = vector.terms[i]!;
    const old = cluster.centroid.get(term) ?? 0;
    const updated = old + sign * vector.weights[i]!;
    // Removing the last contribution leaves float dust: drop it so keywords stay honest.
    if (Math.abs(updated) < 1e-12) cluster.centroid.delete(term);
    else cluster.centroid.set(term, updated);
    cluster.norm2 += (Math.abs(updated) < 1e-12 ? 0 : updated * updated) - old * old;
  }
  if (cluster.norm2 < 1e-12) cluster.norm2 = 0;
}

/**
 * Clusters vectors in the given order; an opinion joins the most similar cluster at or above
 * `threshold`. A second pass moves each opinion to a better cluster found since it was placed
 * (one k-means step), so early opinions are not stranded before their topic's cluster formed.
 */
export function leaderCluster(vectors: readonly TermVector[], threshold: number): LeaderCluster[] {
  const clusters: LeaderCluster[] = [];
  const clusterOf = new Int32Array(vectors.length);
  const postings = new Map<number, number[]>();
  const indexedTerms: Set<number>[] = [];
  const scratch: LookupScratch = { counts: new Int32Array(64), touched: [], histogram: new Int32Array(LOOKUP_TERMS + 1) };

  for (let position = 0; position < vectors.length; position++) {
    const vector = vectors[position]!;
    let best = -1;
    let bestScore = -1;
    for (const c of candidatesFor(vector, postings, scratch, clusters.length)) {
      const cluster = clusters[c]!;
      const score = cosineToCentroid(vector, cluster.centroid, cluster.norm2);
      if (score > bestScore || (score === bestScore && c < best)) {
        best = c;
        bestScore = score;
      }
    }
    // An opinion without terms ("同意" after stop words) has nothing to match on: it stays alone.
    if (best < 0 || bestScore < threshold || vector.terms.length === 0) {
      best = clusters.length;
      clusters.push({ members: [], centroid: new Map(), norm2: 0 });
      indexedTerms.push(new Set());
    }
    clusterOf[position] = best;
    addToCentroid(clusters[best]!, vector, 1);
    const indexed = indexedTerms[best]!;
    const lookup = Math.min(LOOKUP_TERMS, vector.terms.length);
    for (let t = 0; t < lookup; t++) {
      const term = vector.terms[t]!;
      if (indexed.has(term)) continue;
      let list = postings.get(term);
      if (list === undefined) {
        list = [];
        postings.set(term, list);
      }
      if (list.length >= POSTING_CAP) continue;
      list.push(best);
      indexed.add(term);
    }
  }

  for (let position = 0; position < vectors.length; position++) {
    const vector = vectors[position]!;
    if (vector.terms.length === 0) continue;
    const own = clusterOf[position]!;
    const home = clusters[own]!;
    // Similarity to its own cluster without itself (v·v = 1 for a normalised vector).
    const dot = cosineToCentroid(vector, home.centroid, 1);
    const restNorm2 = home.norm2 - 2 * dot + 1;
    let bestScore = restNorm2 > 1e-12 ? (dot - 1) / Math.sqrt(restNorm2) : 0;
    let best = own;
    for (const c of candidatesFor(vector, postings, scratch, clusters.length)) {
      if (c === own) continue;
      const cluster = clusters[c]!;
      const score = cosineToCentroid(vector, cluster.centroid, cluster.norm2);
      if (score >= threshold && (score > bestScore || (score === bestScore && best !== own && c < best))) {
        best = c;
        bestScore = score;
      }
    }
    if (best !== own) {
      addToCentroid(home, vector, -1);
      addToCentroid(clusters[best]!, vector, 1);
      clusterOf[position] = best;
    }
  }

  for (let position = 0; position < vectors.length; position++) clusters[clusterOf[position]!]!.members.push(position);
  return clusters.filter((c) => c.members.length > 0);
}
