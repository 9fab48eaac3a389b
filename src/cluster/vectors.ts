/**
 * TF-IDF vectors of the opinions on one article. The IDF comes from the whole batch by default
 * (ClusterSettings.batchIdf): an article holds a handful of opinions, and there a per-article IDF made a
 * word in two of five opinions look common; measured on fixtures/eval, batch IDF grouped more paraphrases
 * (tuning pair F1 0.76 → 0.80 at threshold 0.04). The article's own legal words are kept: they are what tells the
 * leash opinions on 第二十二条 from the dog-waste ones. Smoothing keeps small batches sane.
 */

/** A sparse, L2-normalised term vector; terms are ids in the article's vocabulary. */
export interface TermVector {
  /** Term ids, heaviest first (ties by id). */
  readonly terms: Int32Array;
  readonly weights: Float64Array;
}

/** An article's vocabulary and the vectors of its opinions, in input order. */
export interface ArticleVectors<K> {
  /** Term key by id. */
  readonly vocabulary: readonly K[];
  readonly vectors: readonly TermVector[];
}

/** Document frequencies over a whole batch, for IDF that does not swing with an article's few opinions. */
export interface DocumentFrequency<K> {
  /** Opinions counted. */
  readonly n: number;
  readonly df: ReadonlyMap<K, number>;
}

/** Counts in how many of the key lists each key occurs. */
export function documentFrequency<K>(keyLists: Iterable<readonly K[]>): DocumentFrequency<K> {
  const df = new Map<K, number>();
  // The list a key was last counted in, by the key's position in `df` (one map lookup per key).
  const slot = new Map<K, number>();
  const counts: number[] = [];
  const lastSeen: number[] = [];
  let n = 0;
  for (const keys of keyLists) {
    n++;
    for (const key of keys) {
      let at = slot.get(key);
      if (at === undefined) {
        at = counts.length;
        slot.set(key, at);
        counts.push(0);
        lastSeen.push(0);
      }
      if (lastSeen[at] === n) continue;
      lastSeen[at] = n;
      counts[at]!++;
    }
  }
  for (const [key, at] of slot) df.set(key, counts[at]!);
  return { n, df };
}

/**
 * Character bigrams inside each term (a one-character term as itself), as numbers: a pair of code points
 * is one safe integer, so no two-character string is made per gram (at 100,000 opinions those strings
 * were a good part of the clustering's garbage). Single characters stay below 0x110000, pairs above.
 */
export function gramKeys(terms: readonly string[]): number[] {
  const keys: number[] = [];
  for (const term of terms) {
    let previous = -1;
    let count = 0;
    for (const char of term) {
      const code = char.codePointAt(0)!;
      if (previous >= 0) keys.push((previous + 1) * 0x110000 + code);
      previous = code;
      count++;
    }
    if (count === 1) keys.push(previous);
  }
  return keys;
}

/**
 * Builds TF-IDF vectors: (1 + ln tf) · (1 + ln((1 + n) / (1 + df))), L2-normalised. The document
 * frequencies are the lists' own unless `batch` is given.
 */
export function buildVectors<K>(keyLists: readonly (readonly K[])[], batch: DocumentFrequency<K> | null): ArticleVectors<K> {
  const idOf = new Map<K, number>();
  const vocabulary: K[] = [];
  // Every list's term ids in one buffer, each list then sorted so equal ids are runs: counting needs no map per list.
  let size = 0;
  for (const keys of keyLists) size += keys.length;
  const flat = new Int32Array(size);
  const starts = new Int32Array(keyLists.length + 1);
  let k = 0;
  for (let i = 0; i < keyLists.length; i++) {
    starts[i] = k;
    for (const key of keyLists[i]!) {
      let id = idOf.get(key);
      if (id === undefined) {
        id = vocabulary.length;
        idOf.set(key, id);
        vocabulary.push(key);
      }
      flat[k++] = id;
    }
  }
  starts[keyLists.length] = k;
  const localDf = batch === null ? new Int32Array(vocabulary.length) : null;
  let unique = 0;
  for (let i = 0; i < keyLists.length; i++) {
    const from = starts[i]!;
    const to = starts[i + 1]!;
    if (to - from > 1) flat.subarray(from, to).sort();
    for (let j = from; j < to; j++) {
      if (j > from && flat[j] === flat[j - 1]) continue;
      unique++;
      if (localDf !== null) localDf[flat[j]!]!++;
    }
  }
  const n = batch === null ? keyLists.length : batch.n;
  const idf = new Float64Array(vocabulary.length);
  for (let id = 0; id < vocabulary.length; id++) {
    const df = localDf !== null ? localDf[id]! : batch!.df.get(vocabulary[id]!) ?? 1;
    idf[id] = 1 + Math.log((1 + n) / (1 + df));
  }
  // All vectors of the article live in two buffers, each vector a view of its part: two typed arrays
  // of their own per opinion cost more in bookkeeping than in weights, and at a million opinions the
  // freed buffers were a good part of the digest's peak memory.
  const allTerms = new Int32Array(unique);
  const allWeights = new Float64Array(unique);
  const vectors: TermVector[] = [];
  let offset = 0;
  for (let i = 0; i < keyLists.length; i++) {
    const start = offset;
    const from = starts[i]!;
    const to = starts[i + 1]!;
    for (let j = from; j < to; ) {
      const id = flat[j]!;
      let count = 0;
      while (j < to && flat[j] === id) {
        count++;
        j++;
      }
      allTerms[offset] = id;
      allWeights[offset] = (1 + Math.log(count)) * idf[id]!;
      offset++;
    }
    let norm = 0;
    for (let t = start; t < offset; t++) norm += allWeights[t]! * allWeights[t]!;
    norm = Math.sqrt(norm);
    for (let t = start; t < offset; t++) allWeights[t] = norm > 0 ? allWeights[t]! / norm : 0;
    // Heaviest first, ties by id: an insertion sort in place (an opinion has a few dozen terms).
    for (let t = start + 1; t < offset; t++) {
      const w = allWeights[t]!;
      const id = allTerms[t]!;
      let at = t;
      while (at > start && (allWeights[at - 1]! < w || (allWeights[at - 1]! === w && allTerms[at - 1]! > id))) {
        allWeights[at] = allWeights[at - 1]!;
        allTerms[at] = allTerms[at - 1]!;
        at--;
      }
      allWeights[at] = w;
      allTerms[at] = id;
    }
    vectors.push({ terms: allTerms.subarray(start, offset), weights: allWeights.subarray(start, offset) });
  }
  return { vocabulary, vectors };
}
