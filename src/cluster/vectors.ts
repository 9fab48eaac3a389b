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

/**
 * The character features of each term, as numbers: a one-character term as itself, a two-character term as its
 * two characters, a longer term as its bigrams. A pair of code points is one safe integer, so no two-character
 * string is made per gram (at 100,000 opinions those strings were a good part of the clustering's garbage);
 * single characters stay below 0x110000, pairs above.
 *
 * A two-character word's one bigram is the word itself, which the word space already holds; its characters are
 * what paraphrases share when no synonym list folds their words: 拴绳 / 牵绳 / 绳子, 狂叫 / 吠叫, 群租 / 租户 /
 * 出租, 查账 / 记账. Session 23 (bench/RESULTS.md), under gold articles with the tuning domains' synonyms removed
 * (domain) and with none: tuning pair F1 0.784 / 0.784 → 0.828 / 0.828, with all synonyms 0.896 → 0.900, the
 * settings unchanged; better in domain and none on each tuning batch alone. Not kept: the characters of every
 * word beside all bigrams 0.899 / 0.806 / 0.822 at best (wordShare 0.5, threshold 0.1) for +40 % clustering CPU;
 * characters of longer words too 0.895 / 0.812 / 0.829; characters instead of every bigram 0.904 / 0.799 / 0.834;
 * characters only when in at most 5–20 % of the batch's opinions 0.880–0.894 / 0.778–0.804 / 0.777–0.809.
 */
export function gramKeys(terms: readonly string[]): number[] {
  const keys: number[] = [];
  for (const term of terms) {
    // Called once per distinct word of a batch (batch-ids.ts), so the array per word costs little.
    const codes = Array.from(term, (char) => char.codePointAt(0)!);
    if (codes.length <= 2) keys.push(...codes);
    else for (let k = 1; k < codes.length; k++) keys.push((codes[k - 1]! + 1) * 0x110000 + codes[k]!);
  }
  return keys;
}

/** Document frequencies by dense id (0 … size − 1): the batch's, counted once for every article. */
export interface DenseFrequency {
  /** Opinions counted. */
  readonly n: number;
  readonly df: Int32Array;
}

/** In how many of the id lists each id occurs; ids are below `size`. */
export function denseFrequency(idLists: readonly Int32Array[], size: number): DenseFrequency {
  const df = new Int32Array(size);
  // The list an id was last counted in (1-based), so an id repeated in one list counts once.
  const lastSeen = new Int32Array(size);
  for (let i = 0; i < idLists.length; i++) {
    const ids = idLists[i]!;
    for (let t = 0; t < ids.length; t++) {
      const id = ids[t]!;
      if (lastSeen[id] === i + 1) continue;
      lastSeen[id] = i + 1;
      df[id]!++;
    }
  }
  return { n: idLists.length, df };
}

/**
 * Builds TF-IDF vectors: (1 + ln tf) · (1 + ln((1 + n) / (1 + df))), L2-normalised. The document
 * frequencies are the lists' own unless `batch` is given.
 */
export function buildVectors<K>(keyLists: readonly (readonly K[])[], batch: DocumentFrequency<K> | null): ArticleVectors<K> {
  const idOf = new Map<K, number>();
  const keys: K[] = [];
  const idLists = keyLists.map((list) => {
    const ids = new Int32Array(list.length);
    list.forEach((key, t) => {
      let id = idOf.get(key);
      if (id === undefined) {
        id = keys.length;
        idOf.set(key, id);
        keys.push(key);
      }
      ids[t] = id;
    });
    return ids;
  });
  const frequency = batch === null ? null : { n: batch.n, df: Int32Array.from(keys, (key) => batch.df.get(key) ?? 1) };
  const built = buildIdVectors(idLists, frequency, new Int32Array(keys.length).fill(-1));
  return { vocabulary: built.vocabulary.map((id) => keys[id]!), vectors: built.vectors };
}

/**
 * buildVectors over ids the whole batch shares (no map lookup per term: at 100,000 opinions those lookups were
 * most of the vectors' time). The vectors' term ids are the article's own, in order of first use; `vocabulary`
 * gives each one's batch id. `scratch` is −1 for every batch id, and is so again on return.
 */
export function buildIdVectors(
  idLists: readonly Int32Array[],
  batch: DenseFrequency | null,
  scratch: Int32Array,
): ArticleVectors<number> {
  let size = 0;
  for (const ids of idLists) size += ids.length;
  const source = new Int32Array(size);
  const starts = new Int32Array(idLists.length);
  const ends = new Int32Array(idLists.length);
  let at = 0;
  idLists.forEach((ids, i) => {
    starts[i] = at;
    source.set(ids, at);
    at += ids.length;
    ends[i] = at;
  });
  const flat = buildFlatVectors(source, starts, ends, batch, scratch);
  const vectors: TermVector[] = [];
  for (let i = 0; i < idLists.length; i++) vectors.push({ terms: flat.terms.subarray(flat.starts[i]!, flat.starts[i + 1]!), weights: flat.weights.subarray(flat.starts[i]!, flat.starts[i + 1]!) });
  return { vocabulary: flat.vocabulary, vectors };
}

/** The vectors of buildIdVectors in two buffers: vector i is terms and weights [starts[i] … starts[i + 1]). */
export interface FlatVectors {
  /** Batch id of each of the article's own ids. */
  readonly vocabulary: number[];
  readonly terms: Int32Array;
  readonly weights: Float64Array;
  readonly starts: Int32Array;
}

/**
 * buildIdVectors for the id lists source[listStarts[i] … listEnds[i]) (a batch's flat ids, read in place), into two
 * buffers with no object per vector: articleVectors reads each part once to make the article's vectors, and a view
 * and an object per vector and part were most of the vectors' garbage.
 */
export function buildFlatVectors(
  source: Int32Array,
  listStarts: Int32Array,
  listEnds: Int32Array,
  batch: DenseFrequency | null,
  scratch: Int32Array,
): FlatVectors {
  const count = listStarts.length;
  const vocabulary: number[] = [];
  // Every list's term ids in one buffer, each list then sorted so equal ids are runs: counting needs no map per list.
  let size = 0;
  for (let i = 0; i < count; i++) size += listEnds[i]! - listStarts[i]!;
  const flat = new Int32Array(size);
  const starts = new Int32Array(count + 1);
  let k = 0;
  for (let i = 0; i < count; i++) {
    starts[i] = k;
    for (let t = listStarts[i]!, end = listEnds[i]!; t < end; t++) {
      const global = source[t]!;
      let id = scratch[global]!;
      if (id < 0) {
        id = vocabulary.length;
        scratch[global] = id;
        vocabulary.push(global);
      }
      flat[k++] = id;
    }
  }
  starts[count] = k;
  for (const global of vocabulary) scratch[global] = -1;
  const localDf = batch === null ? new Int32Array(vocabulary.length) : null;
  let unique = 0;
  for (let i = 0; i < count; i++) {
    const from = starts[i]!;
    const to = starts[i + 1]!;
    if (to - from > 1) flat.subarray(from, to).sort();
    for (let j = from; j < to; j++) {
      if (j > from && flat[j] === flat[j - 1]) continue;
      unique++;
      if (localDf !== null) localDf[flat[j]!]!++;
    }
  }
  const n = batch === null ? count : batch.n;
  const idf = new Float64Array(vocabulary.length);
  for (let id = 0; id < vocabulary.length; id++) {
    const df = localDf !== null ? localDf[id]! : batch!.df[vocabulary[id]!]!;
    idf[id] = 1 + Math.log((1 + n) / (1 + df));
  }
  // All vectors of the article live in two buffers: two typed arrays of their own per opinion cost more in
  // bookkeeping than in weights, and at a million opinions the freed buffers were a good part of the digest's peak memory.
  const allTerms = new Int32Array(unique);
  const allWeights = new Float64Array(unique);
  const vectorStarts = new Int32Array(count + 1);
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const start = offset;
    const from = starts[i]!;
    const to = starts[i + 1]!;
    for (let j = from; j < to; ) {
      const id = flat[j]!;
      let repeats = 0;
      while (j < to && flat[j] === id) {
        repeats++;
        j++;
      }
      allTerms[offset] = id;
      allWeights[offset] = (1 + Math.log(repeats)) * idf[id]!;
      offset++;
    }
    let norm = 0;
    for (let t = start; t < offset; t++) norm += allWeights[t]! * allWeights[t]!;
    norm = Math.sqrt(norm);
    for (let t = start; t < offset; t++) allWeights[t] = norm > 0 ? allWeights[t]! / norm : 0;
    // Heaviest first, ties by id: an insertion sort in place (an opinion has a few dozen terms: a merge of runs
    // was no faster on the 100k bench corpus, 24.6 terms a vector on average, 76 at most).
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
    vectorStarts[i + 1] = offset;
  }
  return { vocabulary, terms: allTerms, weights: allWeights, starts: vectorStarts };
}
