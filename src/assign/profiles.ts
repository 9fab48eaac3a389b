/**
 * One feature space (words or bigrams) of the article profiles: per profile the counts of its own text
 * and the sum of the opinions it learned, turned into TF-IDF unit vectors with an inverted index
 * (feature → profiles) when the first opinion is scored. Feature ids are small integers (features.ts).
 */
import { invertVectors, type SparseCounts } from './features.js';
import { WeightedQuery, type Idf } from './weighting.js';

/**
 * Weight of the learned part of a profile against the article's own text, by the number of opinions
 * learned: one citing opinion counts a little, many count at most LEARNED_MAX times the article's own
 * text. With the nearest learned opinion scored beside the profile, 4 placed the most uncited opinions
 * of the tuning batches (1, 2, 4, 6, 10 tried; 6 and more let a few letters drown an article's wording).
 */
const LEARNED_HALF = 2;
const LEARNED_MAX = 4;
/** A feature in more than this share of the profiles (and more than COMMON_MIN) is skipped when scoring. */
const COMMON_SHARE = 1 / 16;
const COMMON_MIN = 128;

/** The inverted index of the mixed profiles, in compressed rows: feature f's postings are start[f]..start[f+1]. */
interface Postings {
  readonly start: Int32Array;
  readonly profiles: Int32Array;
  readonly weights: Float64Array;
  readonly idf: Float64Array;
  readonly unseenIdf: number;
  /** The same two, as one object that stays the same until the profiles change. */
  readonly weighting: Idf;
  /** Posting lists longer than this are skipped when scoring (see score). */
  readonly commonCap: number;
}

/** Learned opinions waiting to be summed into a profile: summed in one dense pass every so often. */
const FLUSH_AT = 8192;

/** A profile's learned sum: consolidated sparse part plus the (id, weight) pairs added since. */
interface Learned {
  ids: Int32Array;
  weights: Float64Array;
  pendingIds: number[];
  pendingWeights: number[];
}

export class ProfileSpace {
  private readonly own: SparseCounts[] = [];
  private readonly learned: Learned[] = [];
  private postings: Postings | null = null;
  /** Dense scratch for sums, grown to the largest feature id. */
  private scratch = new Float64Array(1024);
  /** Reused for the query's vector. */
  private readonly query = new WeightedQuery();

  addProfile(counts: SparseCounts): void {
    this.own.push(counts);
    this.learned.push({ ids: new Int32Array(0), weights: new Float64Array(0), pendingIds: [], pendingWeights: [] });
    this.postings = null;
  }

  /** Adds an opinion as a unit vector × weight: a long letter does not count for more than a short one. */
  learn(profile: number, counts: SparseCounts, weight: number): void {
    const target = this.learned[profile]!;
    let norm = 0;
    for (let k = 0; k < counts.weights.length; k++) norm += counts.weights[k]! * counts.weights[k]!;
    norm = Math.sqrt(norm);
    if (norm === 0) return;
    const scale = weight / norm;
    for (let k = 0; k < counts.ids.length; k++) {
      target.pendingIds.push(counts.ids[k]!);
      target.pendingWeights.push(scale * counts.weights[k]!);
    }
    if (target.pendingIds.length >= FLUSH_AT) this.consolidate(target);
    this.postings = null;
  }

  /** Sums the pending pairs into the consolidated part (ids in order of first appearance). */
  private consolidate(target: Learned): void {
    if (target.pendingIds.length === 0) return;
    let max = 0;
    for (const id of target.pendingIds) if (id > max) max = id;
    for (let k = 0; k < target.ids.length; k++) if (target.ids[k]! > max) max = target.ids[k]!;
    if (max >= this.scratch.length) this.scratch = new Float64Array(Math.max(max + 1, this.scratch.length * 2));
    const scratch = this.scratch;
    const order: number[] = [];
    const seen = (id: number): void => {
      if (scratch[id] === 0) order.push(id);
    };
    for (let k = 0; k < target.ids.length; k++) {
      seen(target.ids[k]!);
      scratch[target.ids[k]!]! += target.weights[k]!;
    }
    for (let k = 0; k < target.pendingIds.length; k++) {
      const id = target.pendingIds[k]!;
      seen(id);
      scratch[id]! += target.pendingWeights[k]!;
    }
    target.ids = Int32Array.from(order);
    target.weights = new Float64Array(order.length);
    for (let k = 0; k < order.length; k++) {
      target.weights[k] = scratch[order[k]!]!;
      scratch[order[k]!] = 0;
    }
    target.pendingIds = [];
    target.pendingWeights = [];
  }

  private build(learnedCount: readonly number[], active: readonly boolean[]): Postings {
    for (const target of this.learned) this.consolidate(target);
    let features = 0;
    for (let p = 0; p < this.own.length; p++) {
      const ids = this.own[p]!.ids;
      for (let k = 0; k < ids.length; k++) if (ids[k]! >= features) features = ids[k]! + 1;
      const learnedIds = this.learned[p]!.ids;
      for (let k = 0; k < learnedIds.length; k++) if (learnedIds[k]! >= features) features = learnedIds[k]! + 1;
    }
    const df = new Int32Array(features);
    const lastSeen = new Int32Array(features).fill(-1);
    let n = 0;
    for (let p = 0; p < this.own.length; p++) {
      if (!active[p]) continue;
      n++;
      const count = (id: number): void => {
        if (lastSeen[id] !== p) {
          lastSeen[id] = p;
          df[id]! += 1;
        }
      };
      const ids = this.own[p]!.ids;
      for (let k = 0; k < ids.length; k++) count(ids[k]!);
      const learnedIds = this.learned[p]!.ids;
      for (let k = 0; k < learnedIds.length; k++) count(learnedIds[k]!);
    }
    const idf = new Float64Array(features);
    for (let f = 0; f < features; f++) idf[f] = df[f] === 0 ? 0 : Math.log((1 + n) / (1 + df[f]!)) + 1;

    // Mixed, normalised vectors per profile, then their postings.
    const mixed: { ids: Int32Array; weights: Float64Array }[] = [];
    const scratch = new Float64Array(features);
    const touched: number[] = [];
    for (let p = 0; p < this.own.length; p++) {
      if (!active[p]) {
        mixed.push({ ids: new Int32Array(0), weights: new Float64Array(0) });
        continue;
      }
      const own = this.own[p]!;
      const learned = this.learned[p]!;
      let ownNorm = 0;
      for (let k = 0; k < own.ids.length; k++) ownNorm += (own.weights[k]! * idf[own.ids[k]!]!) ** 2;
      ownNorm = Math.sqrt(ownNorm);
      let learnedNorm = 0;
      for (let k = 0; k < learned.ids.length; k++) learnedNorm += (learned.weights[k]! * idf[learned.ids[k]!]!) ** 2;
      learnedNorm = Math.sqrt(learnedNorm);
      const c = learnedCount[p]!;
      const share = (LEARNED_MAX * c) / (c + LEARNED_HALF);
      const add = (id: number, w: number): void => {
        if (scratch[id] === 0 && w !== 0) touched.push(id);
        scratch[id]! += w;
      };
      if (ownNorm > 0) for (let k = 0; k < own.ids.length; k++) add(own.ids[k]!, (own.weights[k]! * idf[own.ids[k]!]!) / ownNorm);
      if (learnedNorm > 0) {
        for (let k = 0; k < learned.ids.length; k++) add(learned.ids[k]!, (share * learned.weights[k]! * idf[learned.ids[k]!]!) / learnedNorm);
      }
      let norm = 0;
      for (const id of touched) norm += scratch[id]! * scratch[id]!;
      norm = Math.sqrt(norm);
      const ids = Int32Array.from(touched);
      const weights = new Float64Array(ids.length);
      for (let k = 0; k < ids.length; k++) {
        weights[k] = norm === 0 ? 0 : scratch[ids[k]!]! / norm;
        scratch[ids[k]!] = 0;
      }
      touched.length = 0;
      if (norm === 0) {
        mixed.push({ ids: new Int32Array(0), weights: new Float64Array(0) });
        continue;
      }
      mixed.push({ ids, weights });
    }
    const { start, owners: profiles, weights } = invertVectors(mixed, features);
    const unseenIdf = Math.log(1 + n) + 1;
    return { start, profiles, weights, idf, unseenIdf, weighting: { idf, unseenIdf }, commonCap: Math.max(COMMON_MIN, Math.ceil(n * COMMON_SHARE)) };
  }

  /** The IDF the profiles are weighted with (built on first use after a change). */
  weighting(learnedCount: readonly number[], active: readonly boolean[]): Idf {
    if (this.postings === null) this.postings = this.build(learnedCount, active);
    return this.postings.weighting;
  }

  /** Cosine of the query with every profile it shares a feature with, added into `scores` × `factor`. */
  score(query: SparseCounts, scores: Float64Array, factor: number, learnedCount: readonly number[], active: readonly boolean[]): void {
    if (this.postings === null) this.postings = this.build(learnedCount, active);
    const { start, profiles, weights, commonCap } = this.postings;
    const { ids, weights: qw, size, norm } = this.query.weigh(query, this.postings.weighting);
    if (norm === 0) return;
    for (let k = 0; k < size; k++) {
      const id = ids[k]!;
      const from = start[id]!;
      const to = start[id + 1]!;
      // A feature in most profiles barely tells them apart (its IDF is near the floor) but walking its list
      // is most of the cost against a long draft (民法典: 1,260 articles): it counts in the length only.
      if (to - from > commonCap) continue;
      const scale = (factor * qw[k]!) / norm;
      for (let at = from; at < to; at++) scores[profiles[at]!]! += scale * weights[at]!;
    }
  }
}
