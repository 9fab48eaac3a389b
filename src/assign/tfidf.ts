/**
 * Sparse TF-IDF vectors and cosine similarity over token arrays, with an inverted index so that a
 * query touches only the documents that share one of its terms. Pure and deterministic.
 */

/** An L2-normalised sparse vector: term ids ascending, weights aligned with them. */
export interface SparseVector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/** A corpus turned into vectors, with the IDF and the inverted index (term → documents). */
export interface TfidfIndex {
  /** term → id; ids are given in order of first appearance, so equal corpora give equal ids. */
  readonly vocabulary: ReadonlyMap<string, number>;
  /** Inverse document frequency per term id. */
  readonly idf: Float64Array;
  /** IDF given to a query term the corpus never saw (it still counts in the query's length). */
  readonly unseenIdf: number;
  readonly documents: readonly SparseVector[];
  /** Per term id: the documents containing it and the term's weight in each. */
  readonly postings: readonly { readonly documents: Int32Array; readonly weights: Float64Array }[];
}

/** One document's similarity to a query. */
export interface ScoredDocument {
  /** Index of the document in the corpus. */
  document: number;
  /** Cosine similarity, 0..1. */
  score: number;
}

/** Term counts of a token array, sublinear (1 + ln tf) so one repeated word does not dominate. */
function termFrequencies(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) {
    if (token !== '') counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  for (const [term, count] of counts) counts.set(term, 1 + Math.log(count));
  return counts;
}

/** Builds ids ascending + weights, L2-normalised; `extraSquares` adds length from unseen terms. */
function normalised(entries: [number, number][], extraSquares: number): SparseVector {
  entries.sort((a, b) => a[0] - b[0]);
  let squares = extraSquares;
  for (const [, weight] of entries) squares += weight * weight;
  const norm = Math.sqrt(squares);
  const ids = new Int32Array(entries.length);
  const weights = new Float64Array(entries.length);
  entries.forEach(([id, weight], index) => {
    ids[index] = id;
    weights[index] = norm === 0 ? 0 : weight / norm;
  });
  return { ids, weights };
}

/** Builds the IDF (smoothed: ln((1+N)/(1+df)) + 1), the document vectors and the inverted index. */
export function buildTfidfIndex(corpus: readonly (readonly string[])[]): TfidfIndex {
  const vocabulary = new Map<string, number>();
  const frequencies = corpus.map(termFrequencies);
  const documentFrequency: number[] = [];
  for (const counts of frequencies) {
    for (const term of counts.keys()) {
      let id = vocabulary.get(term);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(term, id);
        documentFrequency.push(0);
      }
      documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;
    }
  }
  const n = corpus.length;
  const idf = Float64Array.from(documentFrequency, (df) => Math.log((1 + n) / (1 + df)) + 1);
  const documents = frequencies.map((counts) =>
    normalised(
      [...counts].map(([term, tf]): [number, number] => {
        const id = vocabulary.get(term) ?? 0;
        return [id, tf * (idf[id] ?? 0)];
      }),
      0,
    ),
  );
  const postingLists = documentFrequency.map(() => ({ documents: [] as number[], weights: [] as number[] }));
  documents.forEach((vector, document) => {
    vector.ids.forEach((id, index) => {
      const list = postingLists[id];
      list?.documents.push(document);
      list?.weights.push(vector.weights[index] ?? 0);
    });
  });
  const postings = postingLists.map((list) => ({
    documents: Int32Array.from(list.documents),
    weights: Float64Array.from(list.weights),
  }));
  return { vocabulary, idf, unseenIdf: Math.log(1 + n) + 1, documents, postings };
}

/** Vectorises a query against the index; terms the corpus never saw lengthen it but match nothing. */
export function vectorize(index: TfidfIndex, tokens: readonly string[]): SparseVector {
  const entries: [number, number][] = [];
  let unseenSquares = 0;
  for (const [term, tf] of termFrequencies(tokens)) {
    const id = index.vocabulary.get(term);
    if (id === undefined) unseenSquares += (tf * index.unseenIdf) ** 2;
    else entries.push([id, tf * (index.idf[id] ?? 0)]);
  }
  return normalised(entries, unseenSquares);
}

/** Cosine similarity of two normalised sparse vectors (a merge over the sorted ids). */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] ?? 0;
    const y = b.ids[j] ?? 0;
    if (x === y) {
      sum += (a.weights[i] ?? 0) * (b.weights[j] ?? 0);
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  // Rounding can push an identical pair a hair above 1.
  return Math.min(1, Math.max(0, sum));
}

/** Order of a ranking: higher score first, then lower document index (so ties are deterministic). */
function ranksBefore(score: number, document: number, other: ScoredDocument): boolean {
  return score > other.score || (score === other.score && document < other.document);
}

/**
 * The `limit` documents most similar to the query, best first (ties: lower index first).
 * Only documents sharing a term with the query are scored; documents scoring 0 are left out.
 */
export function rankDocuments(index: TfidfIndex, query: SparseVector, limit: number): ScoredDocument[] {
  // A dense accumulator over the corpus plus the list of touched documents: no Map, no full scan.
  const scores = new Float64Array(index.documents.length);
  const seen = new Uint8Array(index.documents.length);
  const touched: number[] = [];
  for (let position = 0; position < query.ids.length; position += 1) {
    const list = index.postings[query.ids[position] ?? -1];
    if (list === undefined) continue;
    const weight = query.weights[position] ?? 0;
    for (let k = 0; k < list.documents.length; k += 1) {
      const document = list.documents[k] ?? 0;
      if (seen[document] === 0) {
        seen[document] = 1;
        touched.push(document);
      }
      scores[document] = (scores[document] ?? 0) + weight * (list.weights[k] ?? 0);
    }
  }
  const cap = Math.max(0, limit);
  if (cap > 16) {
    const ranked = touched
      .map((document) => ({ document, score: Math.min(1, scores[document] ?? 0) }))
      .filter((r) => r.score > 0);
    ranked.sort((a, b) => b.score - a.score || a.document - b.document);
    return ranked.slice(0, cap);
  }
  // Keep the best few by insertion: the assigner asks for 2, so this beats sorting every touched document.
  const best: ScoredDocument[] = [];
  for (const document of touched) {
    const score = Math.min(1, scores[document] ?? 0);
    if (score <= 0 || cap === 0) continue;
    let at = best.length;
    while (at > 0 && ranksBefore(score, document, best[at - 1] ?? { document, score })) at -= 1;
    if (at < cap) {
      best.splice(at, 0, { document, score });
      if (best.length > cap) best.pop();
    }
  }
  return best;
}
