/**
 * The one TF-IDF weighting of an opinion (or a kept example) against the article profiles' IDF: the
 * profile spaces (profiles.ts) and the example index (neighbours.ts) both score with it, so an opinion is
 * weighed the same way wherever it is compared.
 */
import type { SparseCounts } from './features.js';

/** IDF per feature id (0 for a feature no profile has) and the IDF of an unseen feature. */
export interface Idf {
  readonly idf: Float64Array;
  readonly unseenIdf: number;
}

/**
 * A query weighed by an IDF, in buffers reused from one query to the next: the features the IDF knows
 * with their weights (count × IDF), and the length over all features. A feature no profile has is left
 * out of the vector but counted in its length at the unseen IDF, so an opinion mostly about something
 * else (the bus stop, the school) stays far from every article instead of being judged on its few
 * shared words.
 */
export class WeightedQuery {
  ids = new Int32Array(256);
  weights = new Float64Array(256);
  /** Features kept in ids / weights. */
  size = 0;
  /** Euclidean length of the whole weighted query (unknown features included). */
  norm = 0;

  /** Weighs `counts` by `idf` into this object (valid until the next call) and returns it. */
  weigh(counts: SparseCounts, idf: Idf): this {
    if (this.ids.length < counts.ids.length) {
      this.ids = new Int32Array(counts.ids.length * 2);
      this.weights = new Float64Array(counts.ids.length * 2);
    }
    const known = idf.idf;
    let n = 0;
    let norm = 0;
    for (let k = 0; k < counts.ids.length; k++) {
      const id = counts.ids[k]!;
      const isKnown = id < known.length && known[id]! > 0;
      const w = counts.weights[k]! * (isKnown ? known[id]! : idf.unseenIdf);
      norm += w * w;
      if (isKnown) {
        this.ids[n] = id;
        this.weights[n++] = w;
      }
    }
    this.size = n;
    this.norm = Math.sqrt(norm);
    return this;
  }
}
