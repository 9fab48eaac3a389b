/**
 * The numeric part of clustering one article: its opinions' vectors, their agglomeration, and for each
 * cluster the representative and the heaviest words — everything but the label and the cluster's points,
 * and as typed arrays, so that a second thread (cluster-worker.ts) can do it and hand the answer back
 * without copying objects. Both threads run this same code on the same ids: the same clusters, bit for bit.
 */
import { agglomerate, type AgglomeratedCluster } from './agglomerate.js';
import { splitClusters } from './split.js';
import { buildFlatVectors, type DenseFrequency, type TermVector } from './vectors.js';

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
  const positions = new Int32Array(to - from);
  for (let i = from; i < to; i++) positions[i - from] = i;
  const built = articleVectors(ids, positions, settings.wordShare, settings.batch, settings.scratch);
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
  // The LABEL_WORDS first by weight (equal weights by text: a total order, words are distinct), kept by a bounded
  // insertion as they come: a merged cluster's sum holds thousands of terms, and a pair per term sorted whole
  // was a tenth of the clustering's garbage.
  const words: number[] = [];
  const weights: number[] = [];
  const before = (word: number, weight: number, at: number): boolean =>
    weight > weights[at]! || (weight === weights[at]! && wordOf[word]! < wordOf[words[at]!]!);
  const offer = (word: number, weight: number): void => {
    if (words.length === LABEL_WORDS && !before(word, weight, LABEL_WORDS - 1)) return;
    let at = words.length === LABEL_WORDS ? LABEL_WORDS - 1 : words.length;
    words[at] = word;
    weights[at] = weight;
    while (at > 0 && before(word, weight, at - 1)) {
      words[at] = words[at - 1]!;
      weights[at] = weights[at - 1]!;
      at--;
    }
    words[at] = word;
    weights[at] = weight;
  };
  if (found.members.length === 1) {
    const v = vectors[found.members[0]!]!;
    for (let t = 0; t < v.terms.length; t++) {
      // Bigram ids follow the words.
      if (v.terms[t]! >= vocabulary.length) break;
      offer(vocabulary[v.terms[t]!]!, v.weights[t]!);
    }
  } else {
    const sum = found.sum;
    for (let k = 0; k < sum.size; k++) if (sum.termOf(k) < vocabulary.length) offer(vocabulary[sum.termOf(k)]!, sum.weightOf(k));
  }
  return words.map((word, k): [number, number] => [word, weights[k]!]);
}

/**
 * Words and their characters (bigrams of longer words, the two characters of a two-character word: gramKeys)
 * in one space: the character ids follow the word ids, each part scaled so that a cosine is wordShare × the word
 * cosine + the rest × the character cosine, for the opinions at `positions` of the batch's ids, in that order.
 * `words` is the word vocabulary (batch word ids): vector ids from its length on are bigrams.
 */
export function articleVectors(
  ids: FlatIds,
  positions: Int32Array,
  wordShare: number,
  batch: { words: DenseFrequency; grams: DenseFrequency } | null,
  scratch: { words: Int32Array; grams: Int32Array },
): { words: readonly number[]; vectors: TermVector[] } {
  const count = positions.length;
  const ranges = (starts: Int32Array): { from: Int32Array; to: Int32Array } => {
    const from = new Int32Array(count);
    const to = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      from[i] = starts[positions[i]!]!;
      to[i] = starts[positions[i]! + 1]!;
    }
    return { from, to };
  };
  const wordRanges = ranges(ids.wordStarts);
  const gramRanges = ranges(ids.gramStarts);
  const words = buildFlatVectors(ids.words, wordRanges.from, wordRanges.to, batch === null ? null : batch.words, scratch.words);
  const bigrams = buildFlatVectors(ids.grams, gramRanges.from, gramRanges.to, batch === null ? null : batch.grams, scratch.grams);
  const offset = words.vocabulary.length;
  const a = Math.sqrt(wordShare);
  const b = Math.sqrt(1 - wordShare);
  const allTerms = new Int32Array(words.terms.length + bigrams.terms.length);
  const allWeights = new Float64Array(allTerms.length);
  let at = 0;
  // In how many of the article's opinions each word is (a vector lists a word once).
  const articleDf = new Int32Array(offset);
  for (let t = 0; t < words.terms.length; t++) articleDf[words.terms[t]!]!++;
  const vectors: TermVector[] = new Array<TermVector>(count);
  for (let i = 0; i < count; i++) {
    const wFrom = words.starts[i]!;
    const wTo = words.starts[i + 1]!;
    const gFrom = bigrams.starts[i]!;
    const gTo = bigrams.starts[i + 1]!;
    // Each part is already a unit vector, so the scaled pair is one too (a² + b² = 1) unless a part is empty.
    const norm = Math.sqrt((wTo > wFrom ? a * a : 0) + (gTo > gFrom ? b * b : 0));
    const start = at;
    // Words first, then bigrams: neighbours are looked up by an opinion's first words (bigrams of common words
    // would fill the lookup and find everyone); cosines use both. Of the words, those another opinion of the
    // article shares come first (heaviest first), those no other opinion uses after them: such a word finds no
    // neighbour, and the heaviest words are mostly those: a long opinion's twelve rarest words filled its
    // lookup, and two opinions on 第七百一十八条 sharing 转租, 同意 and 知道 (cosine 0.19) never met.
    for (const shared of [true, false]) {
      for (let t = wFrom; t < wTo; t++) {
        if (articleDf[words.terms[t]!]! > 1 !== shared) continue;
        allTerms[at] = words.terms[t]!;
        allWeights[at] = norm > 0 ? (a * words.weights[t]!) / norm : 0;
        at++;
      }
    }
    for (let t = gFrom; t < gTo; t++, at++) {
      allTerms[at] = offset + bigrams.terms[t]!;
      allWeights[at] = norm > 0 ? (b * bigrams.weights[t]!) / norm : 0;
    }
    vectors[i] = { terms: allTerms.subarray(start, at), weights: allWeights.subarray(start, at) };
  }
  return { words: words.vocabulary, vectors };
}
