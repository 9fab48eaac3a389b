/**
 * Average-link agglomerative clustering over sparse unit vectors, on a neighbour graph instead of all
 * pairs. Each opinion looks up its candidate neighbours in an inverted index over its heaviest terms;
 * clusters then merge best pair first while the average cosine between their members stays at or
 * above the threshold. The average of all member-pair cosines of two clusters is exactly
 * (ΣA · ΣB) / (|A| |B|) for unit vectors, so it is computed from the clusters' summed vectors, never
 * pair by pair; the graph only says which clusters are worth comparing. An article with n opinions
 * costs about n × CANDIDATES cosines to build the graph and a bounded number of comparisons per merge.
 */
import { LinkTable } from './link-table.js';
import { SummedVector, summedDot } from './summed-vector.js';
import type { TermVector } from './vectors.js';

/** An opinion's first terms (the caller puts its heaviest words first) used to look up neighbours. */
const LOOKUP_TERMS = 12;
/** Neighbours kept per opinion (the most similar among those found). */
const NEIGHBOURS = 10;
/** Opinions scored per lookup: those with the largest partial dot product over the lookup terms. */
const CANDIDATES = 32;
/**
 * Holders of a term a lookup reads when its list is longer: those nearest the opinion in the list's order, which
 * is by a MinHash of each holder's other lookup terms (so the window holds the opinions sharing more of them).
 */
const POSTING_WINDOW = 48;
/**
 * Two clusters that were never linked are compared term by term only when one has at most this many
 * members; between two larger ones the unknown member pairs count as 0 (the link is then a lower bound of
 * the average, so big clusters merge only through known similar pairs). Keeps a merge's cost bounded.
 */
const EXACT_MEMBERS = 2;
/** Neighbour clusters remembered per cluster after a merge (the most similar): bounds work per merge. */
const CLUSTER_NEIGHBOURS = 16;

/** A finished cluster: member positions ascending, and its summed vector (terms in order of first arrival). */
export interface AgglomeratedCluster {
  readonly members: number[];
  readonly sum: SummedVector;
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

/** The neighbour graph in flat arrays: vector i's neighbours are ids[i × NEIGHBOURS …], `counts[i]` of them. */
interface FlatGraph {
  readonly ids: Int32Array;
  readonly scores: Float64Array;
  readonly counts: Uint8Array;
  readonly comparisons: number;
  readonly vocabulary: number;
}

/** For each vector, up to NEIGHBOURS others with cosine ≥ `floor`, found through the inverted index. */
export function neighbourGraph(vectors: readonly TermVector[], floor: number): NeighbourGraph {
  const flat = flatNeighbourGraph(vectors, floor);
  const graph = Array.from(vectors, (_v, i): Neighbour[] =>
    Array.from({ length: flat.counts[i]! }, (_n, k) => ({ j: flat.ids[i * NEIGHBOURS + k]!, score: flat.scores[i * NEIGHBOURS + k]! })),
  );
  return { graph, comparisons: flat.comparisons, vocabulary: flat.vocabulary };
}

/**
 * neighbourGraph as agglomerate reads it: ten small objects and an array per opinion were some seven
 * million objects at a million opinions, all alive until the merging was done.
 */
function flatNeighbourGraph(vectors: readonly TermVector[], floor: number): FlatGraph {
  let vocabulary = 0;
  for (const v of vectors) for (let t = 0; t < v.terms.length; t++) if (v.terms[t]! >= vocabulary) vocabulary = v.terms[t]! + 1;
  // The inverted index in flat arrays by term id (ids are dense, 0 … vocabulary − 1): posting lists of a
  // Map of arrays cost a lookup and a growing array per term, most of the index's time at 18,000 opinions.
  // Every holder of a lookup term is listed, and a lookup reads POSTING_WINDOW of them around the opinion's own
  // place in the list (all of a short list). The lists used to stop at their first 48 holders: on an article of
  // thousands, every later opinion found only those 48, which then held thousands of links each, kept 16 when
  // they merged, and left the rest alone (a million opinions made 129,150 clusters, 100,000 made 5,169).
  const postingStart = new Int32Array(vocabulary + 1);
  for (const v of vectors) {
    const lookup = Math.min(LOOKUP_TERMS, v.terms.length);
    for (let t = 0; t < lookup; t++) postingStart[v.terms[t]! + 1]!++;
  }
  for (let id = 0; id < vocabulary; id++) postingStart[id + 1] = postingStart[id]! + postingStart[id + 1]!;
  const postings = new Int32Array(postingStart[vocabulary]!);
  /** Where vector i's lookup term t sits in that term's list: the centre of its window. */
  const placeOf = new Int32Array(vectors.length * LOOKUP_TERMS);
  sortedPostings(vectors, postingStart, postings, placeOf);
  const postingSize = (id: number): number => postingStart[id + 1]! - postingStart[id]!;
  const partial = new Float64Array(vectors.length);
  // The query's weights spread over the vocabulary, so each candidate's cosine is one pass over its terms.
  const dense = new Float64Array(vocabulary);
  const touched = new Int32Array(Math.max(1, Math.min(vectors.length, LOOKUP_TERMS * (POSTING_WINDOW + 1))));
  const best = new Int32Array(CANDIDATES);
  const bestScore = new Float64Array(CANDIDATES);
  const near = new Int32Array(NEIGHBOURS);
  const nearScore = new Float64Array(NEIGHBOURS);
  let comparisons = 0;
  const ids = new Int32Array(vectors.length * NEIGHBOURS);
  const scores = new Float64Array(vectors.length * NEIGHBOURS);
  const counts = new Uint8Array(vectors.length);
  for (let i = 0; i < vectors.length; i++) {
    const v = vectors[i]!;
    let touchedCount = 0;
    const lookup = Math.min(LOOKUP_TERMS, v.terms.length);
    for (let t = 0; t < lookup; t++) {
      const id = v.terms[t]!;
      const w = v.weights[t]!;
      // The window: POSTING_WINDOW holders around the opinion's own place (itself skipped), shifted to stay inside.
      const size = postingSize(id);
      let from = 0;
      if (size > POSTING_WINDOW + 1) from = Math.min(Math.max(0, placeOf[i * LOOKUP_TERMS + t]! - (POSTING_WINDOW >> 1)), size - POSTING_WINDOW - 1);
      for (let k = postingStart[id]! + from, to = k + Math.min(size, POSTING_WINDOW + 1); k < to; k++) {
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
    ids.set(near.subarray(0, nearCount), i * NEIGHBOURS);
    scores.set(nearScore.subarray(0, nearCount), i * NEIGHBOURS);
    counts[i] = nearCount;
  }
  return { ids, scores, counts, comparisons, vocabulary };
}

/** Bits of a posting's sort key given to the MinHash; the rest (up to 53) are the holder's position. */
const hashBits = (n: number): number => 53 - Math.max(1, Math.ceil(Math.log2(n + 1)));

/** A 32-bit mix of two integers (murmur3's finaliser over a ⊕ b·golden): the MinHash's hash family. */
function mix(a: number, b: number): number {
  let h = (a ^ Math.imul(b, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Fills every term's posting list (between postingStart[id] and postingStart[id + 1]) with the vectors that have it
 * among their lookup terms, ordered by a MinHash of their other lookup terms (hashed with the list's term as the
 * seed, so each list orders its holders differently), ties by position; and `placeOf` with each one's place.
 * Two opinions sharing most of their lookup terms get the same hash in most of the lists they share: they
 * sit side by side there, whatever the article's size. Deterministic: the order depends only on the vectors.
 */
function sortedPostings(vectors: readonly TermVector[], postingStart: Int32Array, postings: Int32Array, placeOf: Int32Array): void {
  const n = vectors.length;
  const bits = hashBits(n);
  const scale = 2 ** (53 - bits);
  const keys = new Float64Array(postings.length);
  const filled = new Int32Array(postingStart.length);
  for (let i = 0; i < n; i++) {
    const v = vectors[i]!;
    const lookup = Math.min(LOOKUP_TERMS, v.terms.length);
    for (let t = 0; t < lookup; t++) {
      const id = v.terms[t]!;
      const at = postingStart[id]! + filled[id]!++;
      if (postingStart[id + 1]! - postingStart[id]! <= POSTING_WINDOW + 1) {
        // A short list is read whole: its order does not matter, no hash needed.
        keys[at] = i;
        continue;
      }
      let least = 0xffffffff;
      for (let u = 0; u < lookup; u++) {
        if (u === t) continue;
        const h = mix(v.terms[u]!, id);
        if (h < least) least = h;
      }
      // The hash's top bits, then the position: one number, so a list sorts natively.
      keys[at] = Math.floor(least / 2 ** (32 - Math.min(32, bits))) * scale + i;
    }
  }
  for (let id = 0; id + 1 < postingStart.length; id++) {
    const from = postingStart[id]!;
    const to = postingStart[id + 1]!;
    if (to - from > POSTING_WINDOW + 1) keys.subarray(from, to).sort();
    for (let k = from; k < to; k++) {
      const i = keys[k]! % scale;
      postings[k] = i;
      const v = vectors[i]!;
      for (let t = 0; t < LOOKUP_TERMS; t++) {
        if (v.terms[t] === id) {
          placeOf[i * LOOKUP_TERMS + t] = k - from;
          break;
        }
      }
    }
  }
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
  const built = flatNeighbourGraph(vectors, threshold);
  let comparisons = built.comparisons;
  const n = vectors.length;
  // Clusters by id (the position of their first member), in typed arrays: an object, a members array and a
  // Map of links per opinion (some 700,000 of each at a million opinions) kept the garbage collector busy.
  // Members are a linked list (first member = the id, `nextMember` … −1), so a merge appends in O(1).
  const nextMember = new Int32Array(n).fill(-1);
  const lastMember = Int32Array.from({ length: n }, (_v, i) => i);
  const size = new Int32Array(n).fill(1);
  /** Bumped on every merge so queued pairs that predate it are recognised as stale. */
  const version = new Int32Array(n);
  const alive = new Uint8Array(n).fill(1);
  /** Summed member vectors; null while the cluster is one opinion (its vector is the sum): most stay so. */
  const sums: (SummedVector | null)[] = new Array<SummedVector | null>(n).fill(null);
  const sumOf = (c: number): SummedVector => sums[c] ?? SummedVector.of(vectors[c]!.terms, vectors[c]!.weights);
  const sizeOf = (c: number): number => (sums[c] === null ? vectors[c]!.terms.length : sums[c]!.size);
  // A one-opinion side of a merge spread over the vocabulary: its dot with another one-opinion cluster
  // is then one pass over the other's terms (a nested scan of both cost most of the merging time).
  // Two: both sides of a merge may be one opinion, and each is spread once per merge, not once per neighbour.
  const denseA = new Float64Array(built.vocabulary);
  const denseB = new Float64Array(built.vocabulary);
  /** ΣX · ΣC, X spread into `dense` when it is one opinion; never builds a map for a one-opinion side. */
  const sumDot = (x: number, c: number, dense: Float64Array): number => {
    comparisons++;
    const sumX = sums[x]!;
    const sumC = sums[c]!;
    if (sumX === null && sumC === null) {
      const v = vectors[c]!;
      let d = 0;
      for (let t = 0; t < v.terms.length; t++) d += v.weights[t]! * dense[v.terms[t]!]!;
      return d;
    }
    if (sumX === null || sumC === null) {
      const v = vectors[sumX === null ? x : c]!;
      const sum = (sumX === null ? sumC : sumX)!;
      let d = 0;
      for (let t = 0; t < v.terms.length; t++) {
        const w = sum.get(v.terms[t]!);
        if (w !== undefined) d += v.weights[t]! * w;
      }
      return d;
    }
    return summedDot(sumX, sumC);
  };
  const spread = (x: number, dense: Float64Array, on: boolean): void => {
    if (sums[x] !== null) return;
    const v = vectors[x]!;
    for (let t = 0; t < v.terms.length; t++) dense[v.terms[t]!] = on ? v.weights[t]! : 0;
  };
  // Neighbour cluster → ΣA · ΣC, kept so that a merge costs only the dot products of the smaller side.
  // Neighbour relations are symmetric for clusters: if i found j, j can merge with i (the first cosine found stays).
  const degrees = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < built.counts[i]!; k++) {
      degrees[i]!++;
      degrees[built.ids[i * NEIGHBOURS + k]!]!++;
    }
  }
  const links = new LinkTable(n, degrees);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < built.counts[i]!; k++) {
      const j = built.ids[i * NEIGHBOURS + k]!;
      if (links.find(i, j) < 0) links.set(i, j, built.scores[i * NEIGHBOURS + k]!);
    }
  }
  const average = (numerator: number, a: number, b: number): number => numerator / (size[a]! * size[b]!);
  const heap = new MergeHeap();
  const around: number[] = [];
  for (let a = 0; a < n; a++) {
    around.length = 0;
    links.begin();
    links.appendNeighbours(a, around);
    for (const b of around) {
      if (b <= a) continue;
      const score = average(links.valueAt(links.find(a, b)), a, b);
      if (score >= threshold) heap.push(score, a, b, 0, 0);
    }
  }
  /** ΣA∪B · ΣC per neighbour c of a merge, by cluster id. */
  const numerator = new Float64Array(n);
  const kept = new Int32Array(CLUSTER_NEIGHBOURS);
  const keptScore = new Float64Array(CLUSTER_NEIGHBOURS);
  /** The merge (numbered from 1) in which a neighbour was last kept. */
  const keptIn = new Int32Array(n);
  let merges = 0;
  const unknown = (x: number, c: number, dense: Float64Array): number =>
    Math.min(size[x]!, size[c]!) > EXACT_MEMBERS ? 0 : sumDot(x, c, dense);
  const top = { score: 0, a: 0, b: 0, va: 0, vb: 0 };
  while (heap.size > 0) {
    heap.pop(top);
    const a = top.a;
    const b = top.b;
    if (alive[a] === 0 || alive[b] === 0 || version[a] !== top.va || version[b] !== top.vb) continue;
    // ΣA∪B · ΣC = ΣA · ΣC + ΣB · ΣC: known for linked clusters, computed (smaller map first) for the others.
    around.length = 0;
    links.begin();
    links.exclude(a);
    links.exclude(b);
    links.appendNeighbours(a, around);
    links.appendNeighbours(b, around);
    spread(a, denseA, true);
    spread(b, denseB, true);
    let count = 0;
    for (const c of around) {
      if (alive[c] === 0) continue;
      const withA = links.find(a, c);
      const withB = links.find(b, c);
      numerator[c] = (withA >= 0 ? links.valueAt(withA) : unknown(a, c, denseA)) + (withB >= 0 ? links.valueAt(withB) : unknown(b, c, denseB));
      around[count++] = c;
    }
    around.length = count;
    spread(a, denseA, false);
    spread(b, denseB, false);
    // Merge into the one with the smaller id (its first member), reusing the larger map: ids stay
    // order-independent and a big cluster absorbing a small one costs the small one's terms.
    // The smaller side is added term by term; a one-opinion smaller side straight from its vector, never as a map.
    const bigSide = sizeOf(a) >= sizeOf(b) ? a : b;
    const smallSide = bigSide === a ? b : a;
    const big = sumOf(bigSide);
    const small = sums[smallSide]!;
    if (small === null) {
      const v = vectors[smallSide]!;
      for (let t = 0; t < v.terms.length; t++) big.add(v.terms[t]!, v.weights[t]!);
    } else {
      for (let k = 0; k < small.size; k++) big.add(small.termOf(k), small.weightOf(k));
    }
    sums[a] = big;
    nextMember[lastMember[a]!] = b;
    lastMember[a] = lastMember[b]!;
    size[a] = size[a]! + size[b]!;
    alive[b] = 0;
    sums[b] = null;
    version[a]!++;
    // The merged cluster keeps its CLUSTER_NEIGHBOURS most similar neighbours (ties by id), the others forget both halves.
    let keptCount = 0;
    for (const c of around) keptCount = keepTop(kept, keptScore, keptCount, c, average(numerator[c]!, a, c));
    merges++;
    for (let k = 0; k < keptCount; k++) keptIn[kept[k]!] = merges;
    for (const c of around) {
      // A kept link of A is overwritten below, not deleted and made again (which would list it anew).
      if (keptIn[c] !== merges) links.delete(a, c);
      links.delete(b, c);
    }
    links.forget(b);
    for (let k = 0; k < keptCount; k++) {
      const c = kept[k]!;
      links.set(a, c, numerator[c]!);
      if (keptScore[k]! >= threshold) {
        const x = Math.min(a, c);
        const y = Math.max(a, c);
        heap.push(keptScore[k]!, x, y, version[x]!, version[y]!);
      }
    }
  }
  const clusters: AgglomeratedCluster[] = [];
  for (let c = 0; c < n; c++) {
    if (alive[c] === 0) continue;
    const members: number[] = [];
    for (let m = c; m >= 0; m = nextMember[m]!) members.push(m);
    // The merging's own sum, not a Map copy of it (a Map per cluster was a tenth of the clustering's garbage).
    clusters.push({ members: members.sort((x, y) => x - y), sum: sums[c] ?? SummedVector.of(vectors[c]!.terms, vectors[c]!.weights) });
  }
  return { clusters, comparisons };
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
