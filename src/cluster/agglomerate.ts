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

/** Binary max-heap of candidate merges; ties by smaller cluster ids, so the order is total. */
class MergeHeap {
  private readonly items: { score: number; a: number; b: number; va: number; vb: number }[] = [];
  get size(): number {
    return this.items.length;
  }
  private before(x: MergeHeap['items'][number], y: MergeHeap['items'][number]): boolean {
    if (x.score !== y.score) return x.score > y.score;
    if (x.a !== y.a) return x.a < y.a;
    return x.b < y.b;
  }
  push(item: MergeHeap['items'][number]): void {
    const h = this.items;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }
  pop(): MergeHeap['items'][number] | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last !== undefined) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < h.length && this.before(h[l]!, h[best]!)) best = l;
        if (r < h.length && this.before(h[r]!, h[best]!)) best = r;
        if (best === i) break;
        [h[i], h[best]] = [h[best]!, h[i]!];
        i = best;
      }
    }
    return top;
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

/** Dot product of two short vectors without allocating: a nested scan (terms are not sorted by id). */
function vectorDot(x: TermVector, y: TermVector): number {
  let sum = 0;
  for (let i = 0; i < x.terms.length; i++) {
    const term = x.terms[i]!;
    for (let k = 0; k < y.terms.length; k++) {
      if (y.terms[k] === term) {
        sum += x.weights[i]! * y.weights[k]!;
        break;
      }
    }
  }
  return sum;
}

/** One neighbour of an opinion: its position and their cosine. */
export interface Neighbour {
  readonly j: number;
  readonly score: number;
}

/** For each vector, up to NEIGHBOURS others with cosine ≥ `floor`, found through the inverted index. */
export function neighbourGraph(vectors: readonly TermVector[], floor: number): Neighbour[][] {
  const postings = new Map<number, number[]>();
  let vocabulary = 0;
  for (let i = 0; i < vectors.length; i++) {
    const v = vectors[i]!;
    for (let t = 0; t < v.terms.length; t++) if (v.terms[t]! >= vocabulary) vocabulary = v.terms[t]! + 1;
    const lookup = Math.min(LOOKUP_TERMS, v.terms.length);
    for (let t = 0; t < lookup; t++) {
      let list = postings.get(v.terms[t]!);
      if (list === undefined) postings.set(v.terms[t]!, (list = []));
      if (list.length < POSTING_CAP) list.push(i);
    }
  }
  const partial = new Float64Array(vectors.length);
  // The query's weights spread over the vocabulary, so each candidate's cosine is one pass over its terms.
  const dense = new Float64Array(vocabulary);
  const touched: number[] = [];
  const graph: Neighbour[][] = vectors.map(() => []);
  for (let i = 0; i < vectors.length; i++) {
    const v = vectors[i]!;
    touched.length = 0;
    const lookup = Math.min(LOOKUP_TERMS, v.terms.length);
    for (let t = 0; t < lookup; t++) {
      for (const j of postings.get(v.terms[t]!) ?? []) {
        if (j === i) continue;
        if (partial[j] === 0) touched.push(j);
        partial[j] = partial[j]! + v.weights[t]! + 1e-9;
      }
    }
    // The best candidates by partial score (ties by position), then exact cosines.
    if (touched.length > CANDIDATES) touched.sort((x, y) => partial[y]! - partial[x]! || x - y);
    for (let t = 0; t < v.terms.length; t++) dense[v.terms[t]!] = v.weights[t]!;
    const scored: { j: number; score: number }[] = [];
    for (let k = 0; k < touched.length && k < CANDIDATES; k++) {
      const j = touched[k]!;
      const u = vectors[j]!;
      let score = 0;
      for (let t = 0; t < u.terms.length; t++) score += u.weights[t]! * dense[u.terms[t]!]!;
      if (score >= floor) scored.push({ j, score });
    }
    for (let t = 0; t < v.terms.length; t++) dense[v.terms[t]!] = 0;
    for (const j of touched) partial[j] = 0;
    scored.sort((x, y) => y.score - x.score || x.j - y.j);
    graph[i] = scored.slice(0, NEIGHBOURS);
  }
  return graph;
}

/**
 * Clusters the vectors (positions in the caller's deterministic order) by average link at
 * `threshold`. Vectors without terms stay alone. Clusters come back ordered by their first member.
 */
/** What agglomerate needs of the settings. */
export interface AgglomerateSettings {
  readonly threshold: number;
}

export function agglomerate(vectors: readonly TermVector[], { threshold }: AgglomerateSettings): AgglomeratedCluster[] {
  const graph = neighbourGraph(vectors, threshold);
  const clusters: Working[] = vectors.map((_v, i) => ({ members: [i], sum: null, links: new Map<number, number>(), version: 0, alive: true }));
  const sumOf = (c: Working): Map<number, number> => {
    if (c.sum !== null) return c.sum;
    const v = vectors[c.members[0]!]!;
    const sum = new Map<number, number>();
    for (let t = 0; t < v.terms.length; t++) sum.set(v.terms[t]!, v.weights[t]!);
    return sum;
  };
  /** ΣX · ΣC without building a map for a one-opinion side. */
  const sumDot = (X: Working, C: Working): number => {
    if (X.sum === null && C.sum === null) return vectorDot(vectors[X.members[0]!]!, vectors[C.members[0]!]!);
    const [single, other] = X.sum === null ? [X, C] : C.sum === null ? [C, X] : [null, null];
    if (single !== null && other !== null) {
      const v = vectors[single.members[0]!]!;
      let d = 0;
      for (let t = 0; t < v.terms.length; t++) d += v.weights[t]! * (other.sum!.get(v.terms[t]!) ?? 0);
      return d;
    }
    return dot(X.sum!, C.sum!);
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
      if (score >= threshold) heap.push({ score, a, b, va: 0, vb: 0 });
    }
  }
  while (heap.size > 0) {
    const top = heap.pop()!;
    const A = clusters[top.a]!;
    const B = clusters[top.b]!;
    if (!A.alive || !B.alive || A.version !== top.va || B.version !== top.vb) continue;
    // ΣA∪B · ΣC = ΣA · ΣC + ΣB · ΣC: known for linked clusters, computed (smaller map first) for the others.
    const around = new Set([...A.links.keys(), ...B.links.keys()]);
    around.delete(top.a);
    around.delete(top.b);
    const numerators: { c: number; d: number }[] = [];
    for (const c of around) {
      const C = clusters[c]!;
      if (!C.alive) continue;
      const unknown = (X: Working): number =>
        Math.min(X.members.length, C.members.length) <= EXACT_MEMBERS ? sumDot(X, C) : 0;
      const d = (A.links.get(c) ?? unknown(A)) + (B.links.get(c) ?? unknown(B));
      numerators.push({ c, d });
    }
    // Merge into the one with the smaller id (its first member), reusing the larger map: ids stay
    // order-independent and a big cluster absorbing a small one costs the small one's terms.
    const sumA = sumOf(A);
    const sumB = sumOf(B);
    const [big, small] = sumA.size >= sumB.size ? [sumA, sumB] : [sumB, sumA];
    for (const [term, w] of small) big.set(term, (big.get(term) ?? 0) + w);
    A.sum = big;
    for (const m of B.members) A.members.push(m);
    B.alive = false;
    B.sum = null;
    B.links.clear();
    A.version++;
    const scored = numerators.map(({ c, d }) => ({ c, d, score: average(d, A, clusters[c]!) }));
    scored.sort((x, y) => y.score - x.score || x.c - y.c);
    const kept = scored.slice(0, CLUSTER_NEIGHBOURS);
    A.links = new Map(kept.map(({ c, d }) => [c, d]));
    for (const { c } of scored) {
      const C = clusters[c]!;
      C.links.delete(top.a);
      C.links.delete(top.b);
    }
    for (const { c, d, score } of kept) {
      clusters[c]!.links.set(top.a, d);
      if (score >= threshold) {
        const [a, b] = top.a < c ? [top.a, c] : [c, top.a];
        heap.push({ score, a, b, va: clusters[a]!.version, vb: clusters[b]!.version });
      }
    }
  }
  return clusters
    .filter((c) => c.alive)
    .map((c) => ({ members: [...c.members].sort((x, y) => x - y), sum: sumOf(c) }));
}
