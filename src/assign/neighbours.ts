/**
 * The opinions an assigner learned from, kept one by one for nearest-neighbour matching: a centroid
 * blurs an article's several concerns into one profile, while an uncited opinion is usually a paraphrase
 * of one citing opinion (狗证太贵 next to 办证费用高). Each example is a TF-IDF unit vector in both spaces,
 * weighted with the article profiles' IDF, behind an inverted index (feature → examples).
 */
import { invertVectors, type Encoded, type SparseCounts } from './features.js';
import { WeightedQuery, type Idf } from './weighting.js';

export type { Idf } from './weighting.js';

/** Examples kept per profile: enough for an article's concerns, bounded at a million opinions. */
const EXAMPLES_PER_PROFILE = 16;
/** Posting lists longer than this are skipped when scoring: such a feature is in most examples. */
const COMMON_CAP = 128;

interface Index {
  readonly start: Int32Array;
  readonly examples: Int32Array;
  readonly weights: Float64Array;
  readonly idf: Idf;
}

/** A unit TF-IDF vector (features the IDF does not know are left out of the vector, not of the length). */
function unitVector(counts: SparseCounts, idf: Idf, scratch: WeightedQuery): { ids: Int32Array; weights: Float64Array } {
  const { ids, weights, size, norm } = scratch.weigh(counts, idf);
  return { ids: ids.slice(0, size), weights: Float64Array.from(weights.subarray(0, size), (w) => (norm === 0 ? 0 : w / norm)) };
}

/** One space of the example index. */
class ExampleSpace {
  private index: Index | null = null;
  /** Reused for the query's vector. */
  private readonly query = new WeightedQuery();

  constructor(private readonly counts: SparseCounts[]) {}

  invalidate(): void {
    this.index = null;
  }

  private build(idf: Idf): Index {
    const vectors = this.counts.map((c) => unitVector(c, idf, this.query));
    const { start, owners, weights } = invertVectors(vectors, idf.idf.length);
    return { start, examples: owners, weights, idf };
  }

  /** Adds cosine × factor of the query with every example sharing a feature into `scores`. */
  score(query: SparseCounts, idf: Idf, scores: Float64Array, factor: number, touched: number[]): void {
    if (this.index === null || this.index.idf !== idf) this.index = this.build(idf);
    const { start, examples, weights } = this.index;
    const { ids, weights: qw, size: n, norm } = this.query.weigh(query, idf);
    if (norm === 0) return;
    const scaleAll = factor / norm;
    for (let k = 0; k < n; k++) {
      const id = ids[k]!;
      const from = start[id]!;
      const to = start[id + 1]!;
      if (to - from > COMMON_CAP) continue;
      const scale = scaleAll * qw[k]!;
      for (let at = from; at < to; at++) {
        const e = examples[at]!;
        if (scores[e] === 0) touched.push(e);
        scores[e]! += scale * weights[at]!;
      }
    }
  }
}

/** The learned opinions of one matcher, by profile. */
export class NeighbourIndex {
  private readonly profiles: number[] = [];
  private readonly wordCounts: SparseCounts[] = [];
  private readonly gramCounts: SparseCounts[] = [];
  private readonly perProfile = new Map<number, number>();
  private readonly seen = new Set<string>();
  private readonly words = new ExampleSpace(this.wordCounts);
  private readonly grams = new ExampleSpace(this.gramCounts);
  private scores = new Float64Array(0);
  private readonly touched: number[] = [];

  /** Keeps an opinion (copied) as an example of `profile`, unless the profile has enough or it is a repeat. */
  add(profile: number, text: string, encoded: Encoded): void {
    const count = this.perProfile.get(profile) ?? 0;
    const key = `${profile}\u0000${text}`;
    if (count >= EXAMPLES_PER_PROFILE || this.seen.has(key)) return;
    this.seen.add(key);
    this.perProfile.set(profile, count + 1);
    this.profiles.push(profile);
    this.wordCounts.push({ ids: encoded.words.ids.slice(), weights: encoded.words.weights.slice() });
    this.gramCounts.push({ ids: encoded.grams.ids.slice(), weights: encoded.grams.weights.slice() });
    this.words.invalidate();
    this.grams.invalidate();
  }

  get size(): number {
    return this.profiles.length;
  }

  /**
   * Per profile, the similarity of its nearest example to the query (word share × word cosine + the
   * rest × bigram cosine), written into `best` (all zero on entry); returns the profiles written.
   */
  nearest(query: Encoded, wordIdf: Idf, gramIdf: Idf, wordShare: number, best: Float64Array, profilesTouched: number[]): void {
    if (this.profiles.length === 0) return;
    if (this.scores.length < this.profiles.length) this.scores = new Float64Array(this.profiles.length);
    const { scores, touched } = this;
    this.words.score(query.words, wordIdf, scores, wordShare, touched);
    this.grams.score(query.grams, gramIdf, scores, 1 - wordShare, touched);
    for (const e of touched) {
      const p = this.profiles[e]!;
      if (best[p] === 0) profilesTouched.push(p);
      if (scores[e]! > best[p]!) best[p] = scores[e]!;
      scores[e] = 0;
    }
    touched.length = 0;
  }
}
