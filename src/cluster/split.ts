/**
 * The split test after agglomeration: a cluster whose members form two groups each much tighter than the
 * link between them is two concerns that share the article's words (限制消费 and 服务差拒交 on the same
 * 物业费 article), merged because average link at a low threshold joins anything that shares enough. Each
 * cluster is bisected by a deterministic two-means on cosines and split when the groups' link is below
 * `ratio` × the looser group's own average; the halves are tested again, LEVELS deep at most. Linear in the members.
 */
import type { AgglomeratedCluster } from './agglomerate.js';
import { SummedVector } from './summed-vector.js';
import type { TermVector } from './vectors.js';

/**
 * Members each half must keep (tuning: 2 → F1 0.881, 3 → 0.896, 4 → 0.896): a pair split off a cluster was as
 * often two paraphrases of its concern as a second concern.
 */
const MIN_HALF = 3;
/** Reassignment rounds of the two-means (it settles in two or three on opinion vectors). */
const ROUNDS = 8;
/**
 * Splits in a row a cluster's parts may undergo: each level costs a pass over the members, so a big cluster
 * shedding a few opinions at a time cannot cost members² (at most LEVELS × ROUNDS passes in all).
 */
const LEVELS = 8;

/** The averages a split is judged by: within each half (over member pairs) and across the halves. */
export interface SplitScores {
  readonly withinA: number;
  readonly withinB: number;
  readonly across: number;
}

/**
 * Whether two groups with these averages are two clusters: the link across is below `ratio` × the looser
 * group's own average (ratio 0: never). Pure, for the table tests.
 */
export function isSplit(scores: SplitScores, ratio: number): boolean {
  return ratio > 0 && scores.across < ratio * Math.min(scores.withinA, scores.withinB);
}

/** Splits the clusters that fail the test (isSplit); the others come back as they were, ordered by first member. */
export function splitClusters(vectors: readonly TermVector[], clusters: readonly AgglomeratedCluster[], ratio: number): AgglomeratedCluster[] {
  if (ratio <= 0 || !clusters.some((c) => c.members.length >= 2 * MIN_HALF)) return [...clusters];
  let vocabulary = 0;
  for (const v of vectors) for (let t = 0; t < v.terms.length; t++) if (v.terms[t]! >= vocabulary) vocabulary = v.terms[t]! + 1;
  const scratch = { a: new Float64Array(vocabulary), b: new Float64Array(vocabulary) };
  const out: AgglomeratedCluster[] = [];
  let split = false;
  const stack: { cluster: AgglomeratedCluster; level: number }[] = [];
  for (const cluster of clusters) {
    stack.push({ cluster, level: 0 });
    while (stack.length > 0) {
      const { cluster: next, level } = stack.pop()!;
      const halves = next.members.length >= 2 * MIN_HALF && level < LEVELS ? bisect(vectors, next.members, scratch) : null;
      if (halves === null || !isSplit(halves.scores, ratio)) {
        out.push(next);
        continue;
      }
      split = true;
      stack.push(
        { cluster: { members: halves.b, sum: sumOf(vectors, halves.b) }, level: level + 1 },
        { cluster: { members: halves.a, sum: sumOf(vectors, halves.a) }, level: level + 1 },
      );
    }
  }
  return split ? out.sort((x, y) => x.members[0]! - y.members[0]!) : out;
}

/** Adds the members' vectors to a dense sum (sign 1), or zeroes their terms again (−1). */
function spread(vectors: readonly TermVector[], members: readonly number[], dense: Float64Array, sign: number): void {
  for (const m of members) {
    const v = vectors[m]!;
    for (let t = 0; t < v.terms.length; t++) dense[v.terms[t]!] = sign > 0 ? dense[v.terms[t]!]! + v.weights[t]! : 0;
  }
}

/** v · Σ, Σ spread over the vocabulary. */
function dotDense(v: TermVector, dense: Float64Array): number {
  let d = 0;
  for (let t = 0; t < v.terms.length; t++) d += v.weights[t]! * dense[v.terms[t]!]!;
  return d;
}

function selfDot(v: TermVector): number {
  let d = 0;
  for (let t = 0; t < v.weights.length; t++) d += v.weights[t]! * v.weights[t]!;
  return d;
}

/** The summed vector of a group, as the clusters carry it (terms in order of first arrival). */
function sumOf(vectors: readonly TermVector[], members: readonly number[]): SummedVector {
  let expected = 0;
  for (const m of members) expected += vectors[m]!.terms.length;
  const sum = new SummedVector(Math.min(expected, 4096));
  for (const m of members) {
    const v = vectors[m]!;
    for (let t = 0; t < v.terms.length; t++) sum.add(v.terms[t]!, v.weights[t]!);
  }
  return sum;
}

/** The member with the lowest score, the first (smallest position) on ties. */
function leastLike(members: readonly number[], score: (m: number) => number): number {
  let chosen = members[0]!;
  let low = Infinity;
  for (const m of members) {
    const s = score(m);
    if (s < low - 1e-12) {
      low = s;
      chosen = m;
    }
  }
  return chosen;
}

/**
 * Two groups of the members by two-means on cosine: seeded with the member least like the cluster and the
 * member least like that one, then each member goes to the group it is on average closer to (itself left out
 * of its own), until nothing moves; the groups' sums follow the members that move, never rebuilt. Null when a
 * group ends with fewer than MIN_HALF members. `scratch` is zero on entry and on return.
 */
function bisect(
  vectors: readonly TermVector[],
  members: readonly number[],
  scratch: { a: Float64Array; b: Float64Array },
): { a: number[]; b: number[]; scores: SplitScores } | null {
  const { a: denseA, b: denseB } = scratch;
  spread(vectors, members, denseA, 1);
  const seedA = leastLike(members, (m) => dotDense(vectors[m]!, denseA));
  spread(vectors, members, denseA, -1);
  spread(vectors, [seedA], denseA, 1);
  const seedB = leastLike(members, (m) => (m === seedA ? Infinity : dotDense(vectors[m]!, denseA)));
  spread(vectors, [seedB], denseB, 1);
  const side = new Uint8Array(members.length);
  members.forEach((m, k) => {
    side[k] = m === seedA ? 0 : m === seedB ? 1 : dotDense(vectors[m]!, denseA) >= dotDense(vectors[m]!, denseB) ? 0 : 1;
  });
  spread(vectors, [seedA], denseA, -1);
  spread(vectors, [seedB], denseB, -1);
  const self = Float64Array.from(members, (m) => selfDot(vectors[m]!));
  let sizeA = 0;
  members.forEach((m, k) => {
    if (side[k] === 0) sizeA++;
    move(vectors[m]!, side[k] === 0 ? denseA : denseB, 1);
  });
  let sizeB = members.length - sizeA;
  const next = new Uint8Array(members.length);
  let result: { a: number[]; b: number[]; scores: SplitScores } | null = null;
  for (let round = 0; round <= ROUNDS && sizeA >= MIN_HALF && sizeB >= MIN_HALF; round++) {
    let moved = 0;
    for (let k = 0; k < members.length; k++) {
      const v = vectors[members[k]!]!;
      const own = side[k] === 0;
      const toA = own ? (dotDense(v, denseA) - self[k]!) / (sizeA - 1) : dotDense(v, denseA) / sizeA;
      const toB = !own ? (dotDense(v, denseB) - self[k]!) / (sizeB - 1) : dotDense(v, denseB) / sizeB;
      next[k] = toA >= toB ? 0 : 1;
      if (next[k] !== side[k]) moved++;
    }
    if (moved === 0 || round === ROUNDS) {
      result = scored(vectors, members, side, self, sizeA, sizeB, denseA, denseB);
      break;
    }
    for (let k = 0; k < members.length; k++) {
      if (next[k] === side[k]) continue;
      const v = vectors[members[k]!]!;
      move(v, side[k] === 0 ? denseA : denseB, -1);
      move(v, next[k] === 0 ? denseA : denseB, 1);
      if (next[k] === 0) sizeA++, sizeB--;
      else sizeA--, sizeB++;
      side[k] = next[k]!;
    }
  }
  spread(vectors, members, denseA, -1);
  spread(vectors, members, denseB, -1);
  return result;
}

/** Adds (sign 1) or subtracts (−1) one vector to or from a dense sum. */
function move(v: TermVector, dense: Float64Array, sign: number): void {
  for (let t = 0; t < v.terms.length; t++) dense[v.terms[t]!] = dense[v.terms[t]!]! + sign * v.weights[t]!;
}

/** The two groups of a bisection and their averages: ΣA · ΣA, ΣB · ΣB and ΣA · ΣB as sums over the members, self-pairs out. */
function scored(
  vectors: readonly TermVector[],
  members: readonly number[],
  side: Uint8Array,
  self: Float64Array,
  sizeA: number,
  sizeB: number,
  denseA: Float64Array,
  denseB: Float64Array,
): { a: number[]; b: number[]; scores: SplitScores } {
  const a: number[] = [];
  const b: number[] = [];
  let aa = 0;
  let ab = 0;
  let bb = 0;
  for (let k = 0; k < members.length; k++) {
    const v = vectors[members[k]!]!;
    if (side[k] === 0) {
      a.push(members[k]!);
      aa += dotDense(v, denseA) - self[k]!;
      ab += dotDense(v, denseB);
    } else {
      b.push(members[k]!);
      bb += dotDense(v, denseB) - self[k]!;
    }
  }
  return { a, b, scores: { withinA: aa / (sizeA * (sizeA - 1)), withinB: bb / (sizeB * (sizeB - 1)), across: ab / (sizeA * sizeB) } };
}
