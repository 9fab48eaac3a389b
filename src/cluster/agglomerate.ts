/**
 * Average-link agglomerative clustering over sparse unit vectors, on a neighbour graph instead of all
 * pairs. Each opinion looks up its candidate neighbours in an inverted index over its heaviest terms;
 * clusters then merge best pair first while the average cosine between their members stays at or
 * above the threshold. The average of all member-pair cosines of two clusters is exactly
 * (ΣA · ΣB) / (|A| |B|) for unit vectors, so it is computed from the clusters' summed vectors, never
 * pair by pair; the graph only says which clusters are worth comparing. An article with n opinions
 * costs about n × CANDIDATES cosines to build the graph and a bounded number of comparisons per merge.
 */
import type { TermVector } from './vectors.js';

/** An opinion's first terms (the caller puts its heaviest words first) used to look up neighbours. */
const LOOKUP_TERMS = 12;
/** Neighbours kept per opinion (the most similar among those found). */
const NEIGHBOURS = 10;
/** Opinions scored per lookup: those with the largest partial dot product over the lookup terms. */
const CANDIDATES = 32;
/** A term whose posting list is this long stops taking new opinions: it no longer tells them apart. */
const POSTING_CAP = 48;
/**
 * Two clusters that were never linked are compared term by term only when one has at most this many
 * members; between two larger ones the unknown member pairs count as 0 (the link is then a lower bound of
 * the average, so big clusters merge only through known similar pairs). Keeps a merge's cost bounded.
 */
const EXACT_MEMBERS = 2;
/** Neighbour clusters remembered per cluster after a merge (the most similar): bounds work per merge. */
const CLUSTER_NEIGHBOURS = 16;

/** A finished cluster: member positions ascending, and its summed vector. */
export interface AgglomeratedCluster {
  readonly members: number[];
  readonly sum: Map<number, number>;
}

interface Working {
  members: number[];
  /** Summed member vectors; null while the cluster is one opinion (its vector is the sum): most stay so. */
  sum: Map<number, number> | null;
  /** Neighbour cluster → ΣA · ΣC, kept so that a merge costs only the dot products of the smaller side. */
  links: Map<number, number>;
  /** Bumped on every merge so queued pairs that predate it are recognised as stale. */
  version: number;
  alive: boolean;
}

/** Binary max-heap of candidate merges, in typed arrays (a million queued pairs as objects kept the GC busy); ties by smaller cluster ids, so the order is total. */
class MergeHeap {
  private score = new Float64Array(1024);
  private pair = new Int32Array(4 * 1024);
  size = 0;
  private before(x: number, y: number): boolean {
    const sx = this.score[x]!;
    const sy = this.score[y]!;
    if (sx !== sy) return sx > sy;
    const ax = this.pair[4 * x]!;
    const ay = this.pair[4 * y]!;
    if (ax !== ay) return ax < ay;
    return this.pair[4 * x + 1]! < this.pair[4 * y + 1]!;
  }
  private swap(x: number, y: number): void {
    const s = this.score[x]!;
    this.score[x] = this.score[y]!;
    this.score[y] = s;
    for (let k = 0; k < 4; k++) {
      const p = this.pair[4 * x + k]!;
      this.pair[4 * x + k] = this.pair[4 * y + k]!;
      this.pair[4 * y + k] = p;
    }
  }
  push(score: number, a: number, b: number, va: number, vb: number): void {
    if (this.size === this.score.length) {
      const scores = new Float64Array(2 * this.size);
      scores.set(this.score);
      this.score = scores;
      const pairs = new Int32Array(8 * this.size);
      pairs.set(this.pair);
      this.pair = pairs;
    }
    let i = this.size++;
    this.score[i] = score;
    this.pair[4 * i] = a;
    this.pair[4 * i + 1] = b;
    this.pair[4 * i + 2] = va;
    this.pair[4 * i + 3] = vb;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  /** Removes the best pair and writes it into `out` (score, then a, b, va, vb). */
  pop(out: { score: number; a: number; b: number; va: number; vb: number }): void {
    out.score = this.score[0]!;
    out.a = this.pair[0]!;
    out.b = this.pair[1]!;
    out.va = this.pair[2]!;
    out.vb = this.pair[3]!;
    const last = --this.size;
    if (last === 0) return;
    this.score[0] = this.score[last]!;
    this.pair.copyWithin(0, 4 * last, 4 * last + 4);
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < last && this.before(l, best)) best = l;
      if (r < last && this.before(r, best)) best = r;
      if (best === i) break;
      this.swap(i, best);
      i = best;
    }
  }
}

function dot(a: Map<number, number>, b: Map<number, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, w] of small) {
    const v = large.get(term);
    if (v !== undefined) sum += w * v;
  }
  return sum;
}

/** One neighbour of an opinion: its position and their cosine. */
export interface Neighbour {
  readonly j: number;
  readonly score: number;
}

/** The neighbour graph and what it cost. */
export interface NeighbourGraph {
  /** Per vector, up to NEIGHBOURS others with cosine ≥ the floor, most similar first. */
  readonly graph: Neighbour[][];
  /** Cosines computed: at most CANDIDATES per vector, whatever the article's size. */
  readonly comparisons: number;
  /** One more than the largest term id. */
  readonly vocabulary: number;
}

/** For each vector, up to NEIGHBOURS others with cosine ≥ `floor`, found through the inverted index. */
export function neighbourGraph(vectors: readonly TermVector[], floor: number): NeighbourGraph {
  let vocabulary = 0;
  for (const v of vectors) for (let t = 0; t < v.terms.length; t++) if (v.terms[t]! >= vocabulary) vocabulary = v.terms[t]! + 1;
  // The inverted index in flat arrays by term id (ids are dense, 0 … vocabulary − 1): posting lists of a
  // Map of arrays cost a lookup and a growing array per term, most of the index's time at 18,000 opinions.
  const postingStart = new Int32Array(vocabulary + 1);
  for (const v of vectors) {
    const lookup = Math.min(LOOKUP_TERMS, v.terms.length);
    for (let t = 0; t < lookup; t++) postingStart[v.terms[t]! + 1]!++;
  }
  for (let id = 0; id < vocabulary; id++) postingStart[id + 1] = postingStart[id]! + Math.min(POSTING_CAP, postingStart[id + 1]!);
  const postings = new Int32Array(postingStart[vocabulary]!);
  const postingSize = new Int32Array(vocabulary);
  for (let i = 0; i < vectors.length; i++) {
    const v = vectors[i]!;
    const lookup = Math.min(LOOKUP_TERMS, v.terms.length);
    for (let t = 0; t < lookup; t++) {
      const id = v.terms[t]!;
      if (postingSize[id]! < POSTING_CAP) postings[postingStart[id]! + postingSize[id]!++] = i;
    }
  }
  const partial = new Float64Array(vectors.length);
  // The query's weights spread over the vocabulary, so each candidate's cosine is one pass over its terms.
  const dense = new Float64Array(vocabulary);
  const touched = new Int32Array(Math.max(1, Math.min(vectors.length, LOOKUP_TERMS * POSTING_CAP)));
  const best = new Int32Array(CANDIDATES);
  const bestScore = new Float64Array(CANDIDATES);
  const near = new Int32Array(NEIGHBOURS);
  const nearScore = new Float64Array(NEIGHBOURS);
  let comparisons = 0;
  const graph: Neighbour[][] = new Array<Neighbour[]>(vectors.length);
  for (let i = 0; i < vectors.length; i++) {
    const v = vectors[i]!;
    let touchedCount = 0;
    const lookup = Math.min(LOOKUP_TERMS, v.terms.length);
    for (let t = 0; t < lookup; t++) {
      const id = v.terms[t]!;
      const w = v.weights[t]!;
      for (let k = postingStart[id]!, to = k + postingSize[id]!; k < to; k++) {
        const j = postings[k]!;
        if (j === i) continue;
        if (partial[j] === 0) touched[touchedCount++] = j;
        partial[j] = partial[j]! + w + 1e-9;
      }
    }
    // The best candidates by partial score (ties by position), then exact cosines. A bounded insertion
    // into the best-so-far list, not a sort of everyone touched: most lookups touch hundreds.
    let bestCount = 0;
    for (let k = 0; k < touchedCount; k++) {
      const j = touched[k]!;
      const p = partial[j]!;
      bestCount = keepTop(best, bestScore, bestCount, j, p);
    }
    for (let t = 0; t < v.terms.length; t++) dense[v.terms[t]!] = v.weights[t]!;
    // The NEIGHBOURS most similar at or above the floor, most similar first (ties by position), kept the same way.
    let nearCount = 0;
    for (let k = 0; k < bestCount; k++) {
      const j = best[k]!;
      const u = vectors[j]!;
      let score = 0;
      for (let t = 0; t < u.terms.length; t++) score += u.weights[t]! * dense[u.terms[t]!]!;
      if (score < floor) continue;
      nearCount = keepTop(near, nearScore, nearCount, j, score);
    }
    comparisons += bestCount;
    for (let t = 0; t < v.terms.length; t++) dense[v.terms[t]!] = 0;
    for (let k = 0; k < touchedCount; k++) partial[touched[k]!] = 0;
    const found: Neighbour[] = new Array<Neighbour>(nearCount);
    for (let k = 0; k < nearCount; k++) found[k] = { j: near[k]!, score: nearScore[k]! };
    graph[i] = found;
  }
  return { graph, comparisons, vocabulary };
}

/** What agglomerate needs of the settings. */
export interface AgglomerateSettings {
  readonly threshold: number;
}

/** The clusters and how many vector or cluster dot products they cost (for the sub-quadratic test). */
export interface Agglomeration {
  readonly clusters: AgglomeratedCluster[];
  readonly comparisons: number;
}

/**
 * Clusters the vectors (positions in the caller's deterministic order) by average link at
 * `threshold`. Vectors without terms stay alone. Clusters come back ordered by their first member.
 */
export function agglomerate(vectors: readonly TermVector[], { threshold }: AgglomerateSettings): Agglomeration {
  const built = neighbourGraph(vectors, threshold);
  const graph = built.graph;
  let comparisons = built.comparisons;
  const clusters: Working[] = vectors.map((_v, i) => ({ members: [i], sum: null, links: new Map<number, number>(), version: 0, alive: true }));
  const sumOf = (c: Working): Map<number, number> => {
    if (c.sum !== null) return c.sum;
    const v = vectors[c.members[0]!]!;
    const sum = new Map<number, number>();
    for (let t = 0; t < v.terms.length; t++) sum.set(v.terms[t]!, v.weights[t]!);
    return sum;
  };
  const sizeOf = (c: Working): number => (c.sum === null ? vectors[c.members[0]!]!.terms.length : c.sum.size);
  // A one-opinion side of a merge spread over the vocabulary: its dot with another one-opinion cluster
  // is then one pass over the other's terms (a nested scan of both cost most of the merging time).
  // Two: both sides of a merge may be one opinion, and each is spread once per merge, not once per neighbour.
  const denseA = new Float64Array(built.vocabulary);
  const denseB = new Float64Array(built.vocabulary);
  /** ΣX · ΣC, X spread into `dense` when it is one opinion; never builds a map for a one-opinion side. */
  const sumDot = (X: Working, C: Working, dense: Float64Array): number => {
    comparisons++;
    if (X.sum === null && C.sum === null) {
      const v = vectors[C.members[0]!]!;
      let d = 0;
      for (let t = 0; t < v.terms.length; t++) d += v.weights[t]! * dense[v.terms[t]!]!;
      return d;
    }
    const [single, other] = X.sum === null ? [X, C] : C.sum === null ? [C, X] : [null, null];
    if (single !== null && other !== null) {
      const v = vectors[single.members[0]!]!;
      const sum = other.sum!;
      let d = 0;
      for (let t = 0; t < v.terms.length; t++) {
        const w = sum.get(v.terms[t]!);
        if (w !== undefined) d += v.weights[t]! * w;
      }
      return d;
    }
    return dot(X.sum!, C.sum!);
  };
  const spread = (X: Working, dense: Float64Array, on: boolean): void => {
    if (X.sum !== null) return;
    const v = vectors[X.members[0]!]!;
    for (let t = 0; t < v.terms.length; t++) dense[v.terms[t]!] = on ? v.weights[t]! : 0;
  };
  // Neighbour relations are symmetric for clusters: if i found j, j can merge with i.
  graph.forEach((list, i) => {
    for (const { j, score } of list) {
      if (clusters[i]!.links.has(j)) continue;
      clusters[i]!.links.set(j, score);
      clusters[j]!.links.set(i, score);
    }
  });
  const average = (numerator: number, a: Working, b: Working): number => numerator / (a.members.length * b.members.length);
  const heap = new MergeHeap();
  for (let a = 0; a < clusters.length; a++) {
    for (const [b, d] of clusters[a]!.links) {
      if (b <= a) continue;
      const score = average(d, clusters[a]!, clusters[b]!);
      if (score >= threshold) heap.push(score, a, b, 0, 0);
    }
  }
  const numerators: { c: number; d: number; score: number }[] = [];
  const around = new Set<number>();
  const top = { score: 0, a: 0, b: 0, va: 0, vb: 0 };
  while (heap.size > 0) {
    heap.pop(top);
    const A = clusters[top.a]!;
    const B = clusters[top.b]!;
    if (!A.alive || !B.alive || A.version !== top.va || B.version !== top.vb) continue;
    // ΣA∪B · ΣC = ΣA · ΣC + ΣB · ΣC: known for linked clusters, computed (smaller map first) for the others.
    around.clear();
    for (const c of A.links.keys()) around.add(c);
    for (const c of B.links.keys()) around.add(c);
    around.delete(top.a);
    around.delete(top.b);
    numerators.length = 0;
    const unknown = (X: Working, C: Working, dense: Float64Array): number =>
      Math.min(X.members.length, C.members.length) > EXACT_MEMBERS ? 0 : sumDot(X, C, dense);
    spread(A, denseA, true);
    spread(B, denseB, true);
    for (const c of around) {
      const C = clusters[c]!;
      if (!C.alive) continue;
      const d = (A.links.get(c) ?? unknown(A, C, denseA)) + (B.links.get(c) ?? unknown(B, C, denseB));
      numerators.push({ c, d, score: 0 });
    }
    spread(A, denseA, false);
    spread(B, denseB, false);
    // Merge into the one with the smaller id (its first member), reusing the larger map: ids stay
    // order-independent and a big cluster absorbing a small one costs the small one's terms.
    // The smaller side is added term by term; a one-opinion smaller side straight from its vector, never as a map.
    const [bigSide, smallSide] = sizeOf(A) >= sizeOf(B) ? [A, B] : [B, A];
    const big = sumOf(bigSide);
    if (smallSide.sum === null) {
      const v = vectors[smallSide.members[0]!]!;
      for (let t = 0; t < v.terms.length; t++) big.set(v.terms[t]!, (big.get(v.terms[t]!) ?? 0) + v.weights[t]!);
    } else {
      for (const [term, w] of smallSide.sum) big.set(term, (big.get(term) ?? 0) + w);
    }
    A.sum = big;
    for (const m of B.members) A.members.push(m);
    B.alive = false;
    B.sum = null;
    B.links.clear();
    A.version++;
    for (const n of numerators) n.score = average(n.d, A, clusters[n.c]!);
    numerators.sort((x, y) => y.score - x.score || x.c - y.c);
    // The neighbours kept link to the merged cluster (its entry overwritten in place), the others forget both halves.
    for (let k = CLUSTER_NEIGHBOURS; k < numerators.length; k++) {
      const C = clusters[numerators[k]!.c]!;
      C.links.delete(top.a);
      C.links.delete(top.b);
    }
    A.links.clear();
    for (let k = 0; k < numerators.length && k < CLUSTER_NEIGHBOURS; k++) {
      const { c, d, score } = numerators[k]!;
      A.links.set(c, d);
      const C = clusters[c]!;
      C.links.delete(top.b);
      C.links.set(top.a, d);
      if (score >= threshold) {
        const [a, b] = top.a < c ? [top.a, c] : [c, top.a];
        heap.push(score, a, b, clusters[a]!.version, clusters[b]!.version);
      }
    }
  }
  return {
    clusters: clusters.filter((c) => c.alive).map((c) => ({ members: [...c.members].sort((x, y) => x - y), sum: sumOf(c) })),
    comparisons,
  };
}

/**
 * Puts j with score s into a bounded best-first list (ids and scores; ties go to the smaller id), whose
 * capacity is the arrays' length; returns the new count. One insertion step, not a sort of everyone touched.
 */
function keepTop(ids: Int32Array, scores: Float64Array, count: number, j: number, s: number): number {
  const cap = ids.length;
  let kept = count;
  if (kept === cap) {
    const last = scores[cap - 1]!;
    if (s < last || (s === last && j > ids[cap - 1]!)) return kept;
    kept--;
  }
  let at = kept;
  while (at > 0 && (scores[at - 1]! < s || (scores[at - 1]! === s && ids[at - 1]! > j))) {
    ids[at] = ids[at - 1]!;
    scores[at] = scores[at - 1]!;
    at--;
  }
  ids[at] = j;
  scores[at] = s;
  return kept + 1;
}
