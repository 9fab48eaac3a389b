/**
 * Character shingles of a comparison key and the similarity measures over them.
 * A shingle set is a sorted Uint32Array of distinct shingle hashes: compact, and two sets
 * intersect in one merge pass.
 */
import { fmix32, mixWord } from './hash.js';

/** Characters per shingle; 3 chosen by measurement (see DEFAULT_NEAR_THRESHOLD). */
export const SHINGLE_SIZE = 3;

/**
 * Writes the hashes of `key`'s character n-grams (the whole key if shorter than n), unsorted and
 * possibly repeated, into `out` (length ≥ key.length) and returns how many. Allocation-free:
 * MinHash needs neither order nor uniqueness, and a million small arrays would cost more in
 * garbage collection than the hashing itself.
 */
export function writeShingleHashes(key: string, out: Uint32Array, size: number = SHINGLE_SIZE): number {
  const count = Math.max(1, key.length - size + 1);
  for (let start = 0; start < count; start++) {
    let h = 0x2f1a3c5d;
    const end = Math.min(key.length, start + size);
    for (let i = start; i < end; i++) h = mixWord(h, key.charCodeAt(i));
    out[start] = fmix32(h);
  }
  return count;
}

/** The sorted distinct hashes of `key`'s character n-grams (the whole key if shorter than n). */
export function shingleSet(key: string, size: number = SHINGLE_SIZE): Uint32Array {
  const hashes = new Uint32Array(Math.max(1, key.length));
  return hashes.slice(0, sortDistinct(hashes.subarray(0, writeShingleHashes(key, hashes, size))));
}

/** Sorts `hashes` in place and moves its distinct values to the front; returns how many there are. */
function sortDistinct(hashes: Uint32Array): number {
  hashes.sort();
  let unique = 0;
  for (let i = 0; i < hashes.length; i++) {
    if (i === 0 || hashes[i] !== hashes[unique - 1]) hashes[unique++] = hashes[i]!;
  }
  return unique;
}

/** How many values two sorted sets share (shingle hashes here; character bigrams in compare/). */
export function intersectionSize(a: Uint32Array | Int32Array, b: Uint32Array | Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** Jaccard similarity |A∩B| / |A∪B| of two shingle sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  const shared = intersectionSize(a, b);
  return shared / (a.length + b.length - shared);
}

/**
 * The shingle sets of many keys in one buffer — set i is `hashes[start[i]] … hashes[start[i + 1] - 1]`,
 * sorted and distinct — so a million sets cost their hashes and one offset each, not a million objects.
 */
export interface ShingleSetTable {
  readonly hashes: Uint32Array;
  readonly start: Uint32Array;
}

/** The table of the shingle sets of `keys[indices[0]]`, `keys[indices[1]]`, … in that order. */
export function buildShingleSetTable(keys: readonly string[], indices: ArrayLike<number>, size: number = SHINGLE_SIZE): ShingleSetTable {
  let capacity = 0;
  for (let i = 0; i < indices.length; i++) capacity += Math.max(1, keys[indices[i]!]!.length);
  const hashes = new Uint32Array(capacity);
  const start = new Uint32Array(indices.length + 1);
  let end = 0;
  for (let i = 0; i < indices.length; i++) {
    const key = keys[indices[i]!]!;
    const from = end;
    const count = writeShingleHashes(key, hashes.subarray(from, from + Math.max(1, key.length)), size);
    end = from + sortDistinct(hashes.subarray(from, from + count));
    start[i + 1] = end;
  }
  // A view, not a copy: the slack left by repeated shingles is small, a second buffer would not be.
  return { hashes: hashes.subarray(0, end), start };
}

/**
 * Whether sets `a` and `b` of `table` have Jaccard similarity ≥ `threshold` — the same answer as
 * `jaccard(a, b) >= threshold`, but the merge stops as soon as the shared count can no longer reach
 * the bound, so the many candidate pairs that are far apart cost a fraction of a full merge.
 */
export function jaccardAtLeast(table: ShingleSetTable, a: number, b: number, threshold: number): boolean {
  const { hashes, start } = table;
  let i = start[a]!;
  const aEnd = start[a + 1]!;
  let j = start[b]!;
  const bEnd = start[b + 1]!;
  const needed = sharedNeeded(aEnd - i, bEnd - j, threshold);
  if (needed < 0) return false;
  let shared = 0;
  while (i < aEnd && j < bEnd) {
    const x = hashes[i]!;
    const y = hashes[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else {
      if (x < y) i++;
      else j++;
      if (shared + Math.min(aEnd - i, bEnd - j) < needed) return false;
    }
  }
  return shared >= needed;
}

/**
 * The least shared count s with s / (sizeA + sizeB − s) ≥ threshold, found with that very
 * expression so the answer matches `jaccard() >= threshold` to the last bit; −1 when even the
 * smaller set inside the larger one falls short.
 */
export function sharedNeeded(sizeA: number, sizeB: number, threshold: number): number {
  const most = Math.min(sizeA, sizeB);
  const total = sizeA + sizeB;
  if (total === 0) return 0;
  let s = Math.max(0, Math.floor((threshold * total) / (1 + threshold)) - 1);
  while (s <= most && !(s / (total - s) >= threshold)) s++;
  return s <= most ? s : -1;
}
