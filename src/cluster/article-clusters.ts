/**
 * The numeric part of clustering one article: its opinions' vectors, their agglomeration, and for each
 * cluster the representative and the heaviest words — everything but the label and the cluster's points,
 * and as typed arrays, so that a second thread (cluster-worker.ts) can do it and hand the answer back
 * without copying objects. Both threads run this same code on the same ids: the same clusters, bit for bit.
 */
import { agglomerate, type AgglomeratedCluster } from './agglomerate.js';
import { idsOf } from './batch-ids.js';
import { splitClusters } from './split.js';
import { buildIdVectors, type DenseFrequency, type TermVector } from './vectors.js';

/** Heaviest words kept per cluster: what a label is chosen by (its first few are the keywords). */
export const LABEL_WORDS = 12;

/** The flat ids clusterArticleIds reads (batch-ids.ts's BatchIds, or the same arrays in shared memory). */
export interface FlatIds {
  readonly wordStarts: Int32Array;
  readonly words: Int32Array;
  readonly gramStarts: Int32Array;
  readonly grams: Int32Array;
}

/** What clusterArticleIds needs beside the ids. */
export interface ArticleWorkSettings {
  readonly wordShare: number;
  readonly threshold: number;
  /** The split test's ratio (split.ts; 0: off). */
  readonly splitRatio: number;
  /** Batch document frequencies; null: the article's own. */
  readonly batch: { words: DenseFrequency; grams: DenseFrequency } | null;
  /** −1 for every batch word id and bigram id; left so. */
  readonly scratch: { words: Int32Array; grams: Int32Array };
  /** Word by batch id: equal weights are ordered by the word's text. */
  readonly wordOf: readonly string[];
}

/**
 * An article's clusters. Cluster k's opinions are members[memberStarts[k] … memberStarts[k + 1]): positions in
 * the article's list, the representative first, then the others ascending. Its heaviest words (batch word ids)
 * are weightWords[weightStarts[k] … weightStarts[k + 1]), heaviest first, equal weights by text.
 */
export interface ArticleClusters {
  readonly memberStarts: Int32Array;
  readonly members: Int32Array;
  readonly weightStarts: Int32Array;
  readonly weightWords: Int32Array;
  readonly weightValues: Float64Array;
}

/** Clusters the opinions from … to − 1 of `ids` (one article, in its order). */
export function clusterArticleIds(ids: FlatIds, from: number, to: number, settings: ArticleWorkSettings): ArticleClusters {
  const wordIds: Int32Array[] = [];
  const gramIds: Int32Array[] = [];
  for (let i = from; i < to; i++) {
    wordIds.push(idsOf(ids.words, ids.wordStarts, i));
    gramIds.push(idsOf(ids.grams, ids.gramStarts, i));
  }
  const built = articleVectors(wordIds, gramIds, settings.wordShare, settings.batch, settings.scratch);
  const vectors = built.vectors;
  const found = splitClusters(vectors, agglomerate(vectors, { threshold: settings.threshold }).clusters, settings.splitRatio);
  const memberStarts = new Int32Array(found.length + 1);
  const members = new Int32Array(to - from);
  const weightStarts = new Int32Array(found.length + 1);
  const weightWords: number[] = [];
  const weightValues: number[] = [];
  let at = 0;
  found.forEach((cluster, k) => {
    const representative = representativeOf(vectors, cluster);
    members[at++] = representative;
    for (const position of cluster.members) if (position !== representative) members[at++] = position;
    memberStarts[k + 1] = at;
    for (const [word, weight] of heaviestWords(vectors, built.words, cluster, settings.wordOf)) {
      weightWords.push(word);
      weightValues.push(weight);
    }
    weightStarts[k + 1] = weightWords.length;
  });
  return { memberStarts, members, weightStarts, weightWords: Int32Array.from(weightWords), weightValues: Float64Array.from(weightValues) };
}

/** The most central opinion: the largest cosine to the cluster's summed vector; the first wins ties (by id). */
function representativeOf(vectors: readonly TermVector[], found: AgglomeratedCluster): number {
  let representative = found.members[0]!;
  let bestScore = -1;
  for (const position of found.members) {
    const vector = vectors[position]!;
    let score = 0;
    for (let t = 0; t < vector.terms.length; t++) score += vector.weights[t]! * (found.sum.get(vector.terms[t]!) ?? 0);
    if (score > bestScore + 1e-12) {
      bestScore = score;
      representative = position;
    }
  }
  return representative;
}

/**
 * The cluster's LABEL_WORDS heaviest whole words (bigram ids come after the word ids), as [batch word id,
 * weight]. Most clusters are one opinion, whose vector lists its words before its bigrams (shared words first,
 * each part heaviest first): its words are sorted, not a summed map of the cluster.
 */
function heaviestWords(
  vectors: readonly TermVector[],
  vocabulary: readonly number[],
  found: AgglomeratedCluster,
  wordOf: readonly string[],
): [number, number][] {
  const weights: [number, number][] = [];
  if (found.members.length === 1) {
    const v = vectors[found.members[0]!]!;
    for (let t = 0; t < v.terms.length; t++) {
      // Bigram ids follow the words.
      if (v.terms[t]! >= vocabulary.length) break;
      weights.push([vocabulary[v.terms[t]!]!, v.weights[t]!]);
    }
  } else {
    for (const [term, weight] of found.sum) if (term < vocabulary.length) weights.push([vocabulary[term]!, weight]);
  }
  // Equal weights by text.
  weights.sort((a, b) => b[1] - a[1] || (wordOf[a[0]]! < wordOf[b[0]]! ? -1 : wordOf[a[0]]! > wordOf[b[0]]! ? 1 : 0));
  weights.length = Math.min(weights.length, LABEL_WORDS);
  return weights;
}

/**
 * Words and their characters (bigrams of longer words, the two characters of a two-character word: gramKeys)
 * in one space: the character ids follow the word ids, each part scaled so that a cosine is wordShare × the word
 * cosine + the rest × the character cosine. `words` is the word
 * vocabulary (batch word ids): vector ids from its length on are bigrams.
 */
export function articleVectors(
  wordIds: readonly Int32Array[],
  gramIds: readonly Int32Array[],
  wordShare: number,
  batch: { words: DenseFrequency; grams: DenseFrequency } | null,
  scratch: { words: Int32Array; grams: Int32Array },
): { words: readonly number[]; vectors: TermVector[] } {
  const words = buildIdVectors(wordIds, batch === null ? null : batch.words, scratch.words);
  const bigrams = buildIdVectors(gramIds, batch === null ? null : batch.grams, scratch.grams);
  const offset = words.vocabulary.length;
  const a = Math.sqrt(wordShare);
  const b = Math.sqrt(1 - wordShare);
  let size = 0;
  for (let i = 0; i < wordIds.length; i++) size += words.vectors[i]!.terms.length + bigrams.vectors[i]!.terms.length;
  const allTerms = new Int32Array(size);
  const allWeights = new Float64Array(size);
  let at = 0;
  // In how many of the article's opinions each word is (a vector lists a word once).
  const articleDf = new Int32Array(offset);
  for (const w of words.vectors) for (let t = 0; t < w.terms.length; t++) articleDf[w.terms[t]!]!++;
  const vectors = words.vectors.map((w, i): TermVector => {
    const g = bigrams.vectors[i]!;
    // Each part is already a unit vector, so the scaled pair is one too (a² + b² = 1) unless a part is empty.
    const norm = Math.sqrt((w.terms.length > 0 ? a * a : 0) + (g.terms.length > 0 ? b * b : 0));
    const start = at;
    // Words first, then bigrams: neighbours are looked up by an opinion's first words (bigrams of common words
    // would fill the lookup and find everyone); cosines use both. Of the words, those another opinion of the
    // article shares come first (heaviest first), those no other opinion uses after them: such a word finds no
    // neighbour, and the heaviest words are mostly those: a long opinion's twelve rarest words filled its
    // lookup, and two opinions on 第七百一十八条 sharing 转租, 同意 and 知道 (cosine 0.19) never met.
    for (const shared of [true, false]) {
      for (let t = 0; t < w.terms.length; t++) {
        if (articleDf[w.terms[t]!]! > 1 !== shared) continue;
        allTerms[at] = w.terms[t]!;
        allWeights[at] = norm > 0 ? (a * w.weights[t]!) / norm : 0;
        at++;
      }
    }
    for (let t = 0; t < g.terms.length; t++, at++) {
      allTerms[at] = offset + g.terms[t]!;
      allWeights[at] = norm > 0 ? (b * g.weights[t]!) / norm : 0;
    }
    return { terms: allTerms.subarray(start, at), weights: allWeights.subarray(start, at) };
  });
  return { words: words.vocabulary, vectors };
}

