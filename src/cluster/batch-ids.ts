/**
 * A clustering batch's words and their character features (vectors.ts, gramKeys) as dense ids, every opinion's ids in one flat array
 * (opinion i's words are words[wordStarts[i] … wordStarts[i + 1])), opinions in the order they are
 * clustered. Two small typed arrays per opinion were two million objects at a million opinions; flat
 * arrays are four, and can live in shared memory, where a clustering thread reads them without a copy.
 */
import { gramKeys, type DenseFrequency } from './vectors.js';

/** Makes an Int32Array of `length` zeros: on the heap, or on a SharedArrayBuffer for a second thread. */
export type Int32Allocator = (length: number) => Int32Array;

/** Plain Int32Arrays. */
export const heapInt32: Int32Allocator = (length) => new Int32Array(length);

/** Int32Arrays over SharedArrayBuffers, readable from a worker thread as they are. */
export const sharedInt32: Int32Allocator = (length) => new Int32Array(new SharedArrayBuffer(4 * Math.max(1, length)), 0, length);

/** The batch's term ids, opinion by opinion. */
export interface BatchIds {
  /** Word by id. */
  readonly wordOf: readonly string[];
  /** Distinct character features, bigrams and single characters (ids 0 … gramCount − 1). */
  readonly gramCount: number;
  readonly wordStarts: Int32Array;
  readonly words: Int32Array;
  readonly gramStarts: Int32Array;
  readonly grams: Int32Array;
}

/**
 * The ids of every term list, in order; each word's character features are made once per word (not per use), so the
 * batch frequencies and every article's vectors count ids in arrays, with no map lookup per term.
 */
export function batchIds(termLists: readonly (readonly string[])[], allocate: Int32Allocator): BatchIds {
  const wordId = new Map<string, number>();
  const wordOf: string[] = [];
  const gramId = new Map<number, number>();
  const gramsOfWord: Int32Array[] = [];
  const wordStarts = allocate(termLists.length + 1);
  let total = 0;
  for (let i = 0; i < termLists.length; i++) {
    total += termLists[i]!.length;
    wordStarts[i + 1] = total;
  }
  const words = allocate(total);
  let grams = 0;
  let at = 0;
  for (const terms of termLists) {
    for (const term of terms) {
      let id = wordId.get(term);
      if (id === undefined) {
        id = wordOf.length;
        wordId.set(term, id);
        wordOf.push(term);
        gramsOfWord.push(Int32Array.from(gramKeys([term]), (key) => {
          let g = gramId.get(key);
          if (g === undefined) gramId.set(key, (g = gramId.size));
          return g;
        }));
      }
      words[at++] = id;
      grams += gramsOfWord[id]!.length;
    }
  }
  const gramStarts = allocate(termLists.length + 1);
  const gramIds = allocate(grams);
  at = 0;
  for (let i = 0; i < termLists.length; i++) {
    for (let k = wordStarts[i]!; k < wordStarts[i + 1]!; k++) {
      const of = gramsOfWord[words[k]!]!;
      gramIds.set(of, at);
      at += of.length;
    }
    gramStarts[i + 1] = at;
  }
  return { wordOf, gramCount: gramId.size, wordStarts, words, gramStarts, grams: gramIds };
}

/** In how many opinions (of `starts.length − 1`) each id occurs, as vectors.ts's denseFrequency counts them. */
export function flatFrequency(flat: Int32Array, starts: Int32Array, size: number, allocate: Int32Allocator = heapInt32): DenseFrequency {
  const df = allocate(size);
  // The opinion an id was last counted in (1-based), so an id repeated in one opinion counts once.
  const lastSeen = new Int32Array(size);
  const n = starts.length - 1;
  for (let i = 0; i < n; i++) {
    for (let k = starts[i]!; k < starts[i + 1]!; k++) {
      const id = flat[k]!;
      if (lastSeen[id] === i + 1) continue;
      lastSeen[id] = i + 1;
      df[id]!++;
    }
  }
  return { n, df };
}
