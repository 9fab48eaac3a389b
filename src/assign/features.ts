/**
 * Opinions and article texts as sparse integer-id vectors in two spaces: words (segmenter terms,
 * synonyms already folded) and the character bigrams inside those words. A word's bigrams are cut
 * once, when the word is first seen, so the hot loops only add numbers.
 */

/** Sparse term counts: feature ids (no order promised) and their sublinear weights (1 + ln count). */
export interface SparseCounts {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/**
 * The postings of sparse vectors over `features` ids: for feature f, the vectors holding it are
 * owners[start[f] .. start[f+1]) with their weights, in ascending vector order (scores are summed in that
 * order, so results do not depend on how the lists were built).
 */
export interface Postings {
  readonly start: Int32Array;
  readonly owners: Int32Array;
  readonly weights: Float64Array;
}

/** Inverts vectors into postings: one counting pass, one filling pass. */
export function invertVectors(vectors: readonly SparseCounts[], features: number): Postings {
  const start = new Int32Array(features + 1);
  for (const v of vectors) for (let k = 0; k < v.ids.length; k++) start[v.ids[k]! + 1]! += 1;
  for (let f = 0; f < features; f++) start[f + 1]! += start[f]!;
  const fill = start.slice(0, features);
  const owners = new Int32Array(start[features]!);
  const weights = new Float64Array(start[features]!);
  vectors.forEach((v, owner) => {
    for (let k = 0; k < v.ids.length; k++) {
      const at = fill[v.ids[k]!]!++;
      owners[at] = owner;
      weights[at] = v.weights[k]!;
    }
  });
  return { start, owners, weights };
}

/** One opinion or article in both spaces. */
export interface Encoded {
  readonly words: SparseCounts;
  readonly grams: SparseCounts;
}

/**
 * Collects counts of ids without a Map: a dense scratch array and a touched list. The result is a view
 * on reused buffers, valid until the next text is collected (scoring and learning use it at once).
 */
class CountScratch {
  private counts = new Float64Array(1024);
  private touched = new Int32Array(256);
  private weights = new Float64Array(256);
  private n = 0;

  add(id: number): void {
    if (id >= this.counts.length) {
      const grown = new Float64Array(Math.max(id + 1, this.counts.length * 2));
      grown.set(this.counts);
      this.counts = grown;
    }
    if (this.counts[id] === 0) {
      if (this.n === this.touched.length) {
        const ids = new Int32Array(this.n * 2);
        ids.set(this.touched);
        this.touched = ids;
        this.weights = new Float64Array(this.n * 2);
      }
      this.touched[this.n++] = id;
    }
    this.counts[id]! += 1;
  }

  /** The collected counts, sublinear, and the scratch cleared for the next text. */
  take(): SparseCounts {
    const n = this.n;
    for (let k = 0; k < n; k++) {
      const id = this.touched[k]!;
      this.weights[k] = 1 + Math.log(this.counts[id]!);
      this.counts[id] = 0;
    }
    this.n = 0;
    return { ids: this.touched.subarray(0, n), weights: this.weights.subarray(0, n) };
  }
}

/** A copy of a view that outlives the next encode. */
function kept(counts: SparseCounts): SparseCounts {
  return { ids: counts.ids.slice(), weights: counts.weights.slice() };
}

/** Character bigrams inside each term (single-character terms as themselves). */
export function charGrams(terms: readonly string[]): string[] {
  const grams: string[] = [];
  for (const term of terms) {
    const chars = [...term];
    if (chars.length === 1) grams.push(term);
    for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  }
  return grams;
}

/** The vocabularies of one assigner: ids are given in order of first appearance (deterministic). */
export class FeatureEncoder {
  private readonly wordIds = new Map<string, number>();
  private readonly gramIds = new Map<string, number>();
  /** Per word id, the ids of its bigrams. */
  private readonly gramsOfWord: Int32Array[] = [];
  private readonly wordScratch = new CountScratch();
  private readonly gramScratch = new CountScratch();

  /** Number of distinct words and bigrams seen so far. */
  get sizes(): { words: number; grams: number } {
    return { words: this.wordIds.size, grams: this.gramIds.size };
  }

  private wordId(term: string): number {
    let id = this.wordIds.get(term);
    if (id !== undefined) return id;
    id = this.wordIds.size;
    this.wordIds.set(term, id);
    const grams = charGrams([term]);
    const ids = new Int32Array(grams.length);
    grams.forEach((gram, k) => {
      let g = this.gramIds.get(gram);
      if (g === undefined) {
        g = this.gramIds.size;
        this.gramIds.set(gram, g);
      }
      ids[k] = g;
    });
    this.gramsOfWord.push(ids);
    return id;
  }

  /** Counts of a text's terms in both spaces, as views valid until the next call (see `keep`). */
  encode(terms: readonly string[]): Encoded {
    for (const term of terms) {
      const id = this.wordId(term);
      this.wordScratch.add(id);
      const grams = this.gramsOfWord[id]!;
      for (let k = 0; k < grams.length; k++) this.gramScratch.add(grams[k]!);
    }
    return { words: this.wordScratch.take(), grams: this.gramScratch.take() };
  }

  /** Counts of a text's terms in both spaces, copied: for profiles that are kept. */
  keep(terms: readonly string[]): Encoded {
    const encoded = this.encode(terms);
    return { words: kept(encoded.words), grams: kept(encoded.grams) };
  }
}
