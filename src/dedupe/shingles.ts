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
  const count = writeShingleHashes(key, hashes, size);
  const sorted = hashes.subarray(0, count).sort();
  let unique = 0;
  for (let i = 0; i < count; i++) {
    if (i === 0 || sorted[i] !== sorted[unique - 1]) sorted[unique++] = sorted[i]!;
  }
  return sorted.slice(0, unique);
}

/** How many hashes two sorted sets share. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
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
