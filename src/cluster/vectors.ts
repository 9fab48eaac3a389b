/**
 * TF-IDF vectors of the opinions on one article. IDF is computed per article, because the
 * clustering question is "which opinions on this article say the same thing": a word every
 * opinion on the article uses (犬链 on the leash article) must not pull them all together, yet
 * would look informative against the whole draft. Smoothing keeps small articles sane.
 */

/** A sparse, L2-normalised term vector; terms are ids in the article's vocabulary. */
export interface TermVector {
  /** Term ids, heaviest first (ties by id). */
  readonly terms: Int32Array;
  readonly weights: Float64Array;
}

/** An article's vocabulary and the vectors of its opinions, in input order. */
export interface ArticleVectors {
  /** Term text by id. */
  readonly vocabulary: readonly string[];
  readonly vectors: readonly TermVector[];
}

/** Builds per-article TF-IDF vectors: (1 + ln tf) · (1 + ln((1 + n) / (1 + df))), L2-normalised. */
export function buildVectors(termLists: readonly (readonly string[])[]): ArticleVectors {
  const idOf = new Map<string, number>();
  const vocabulary: string[] = [];
  const documentFrequency: number[] = [];
  const counts: Map<number, number>[] = [];
  for (const terms of termLists) {
    const tf = new Map<number, number>();
    for (const term of terms) {
      let id = idOf.get(term);
      if (id === undefined) {
        id = vocabulary.length;
        idOf.set(term, id);
        vocabulary.push(term);
        documentFrequency.push(0);
      }
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    for (const id of tf.keys()) documentFrequency[id]!++;
    counts.push(tf);
  }
  const n = termLists.length;
  // All vectors of the article live in two buffers, each vector a view of its part: two typed arrays
  // of their own per opinion cost more in bookkeeping than in weights, and at a million opinions the
  // freed buffers were a good part of the digest's peak memory.
  let size = 0;
  for (const tf of counts) size += tf.size;
  const allTerms = new Int32Array(size);
  const allWeights = new Float64Array(size);
  let offset = 0;
  const vectors = counts.map((tf): TermVector => {
    const entries = [...tf].map(([id, count]): [number, number] => [
      id,
      (1 + Math.log(count)) * (1 + Math.log((1 + n) / (1 + documentFrequency[id]!))),
    ]);
    const norm = Math.sqrt(entries.reduce((sum, [, w]) => sum + w * w, 0));
    entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const start = offset;
    for (const [id, w] of entries) {
      allTerms[offset] = id;
      allWeights[offset] = norm > 0 ? w / norm : 0;
      offset++;
    }
    return { terms: allTerms.subarray(start, offset), weights: allWeights.subarray(start, offset) };
  });
  return { vocabulary, vectors };
}
