/**
 * Near-duplicate linking: LSH banding over MinHash band hashes proposes candidate pairs among
 * distinct keys; each candidate is verified with the exact Jaccard similarity of shingle sets
 * and verified pairs are joined in a union-find. Never compares every pair.
 */
import { type BandingParams, createScratch, DEFAULT_BANDING, writeBandHashes } from './minhash.js';
import { jaccard, shingleSet, writeShingleHashes } from './shingles.js';
import { UnionFind } from './union-find.js';

/** Buckets up to this size are verified pair by pair; larger ones only along a short window. */
const SMALL_BUCKET = 16;
/**
 * In a large bucket (a form letter edited thousands of times, or boilerplate shared by many
 * opinions) each key is checked against its WINDOW predecessors only: a real family still
 * chains together, while shared boilerplate costs bands × WINDOW checks per key, not n².
 */
const WINDOW = 3;
/** Shingle sets kept for verification at once; the cache is cleared beyond this. */
const CACHE_LIMIT = 512;

/** What the linking did, for benchmarks and tests. */
export interface NearLinkStats {
  /** Candidate pairs whose similarity was computed. */
  verified: number;
  /** Verified pairs at or above the threshold that joined two sets. */
  joined: number;
}

/**
 * Joins in `sets` every pair of `keys[eligible[i]]` with Jaccard ≥ `threshold` that LSH proposes.
 * `sets` is indexed like `keys`.
 */
export function linkNearDuplicates(
  keys: readonly string[],
  eligible: Uint32Array,
  threshold: number,
  sets: UnionFind,
  params: BandingParams = DEFAULT_BANDING,
): NearLinkStats {
  const stats: NearLinkStats = { verified: 0, joined: 0 };
  const count = eligible.length;
  if (count < 2) return stats;

  const bandHashes = new Uint32Array(count * params.bands);
  const scratch = createScratch(params);
  let shingles = new Uint32Array(256);
  for (let e = 0; e < count; e++) {
    const key = keys[eligible[e]!]!;
    if (shingles.length < key.length) shingles = new Uint32Array(key.length * 2);
    const written = writeShingleHashes(key, shingles);
    writeBandHashes(shingles, written, params, scratch, bandHashes, e * params.bands);
  }

  // Pack (band hash, position) into one exactly representable double so a native numeric
  // sort groups equal band hashes; the hash loses low bits when positions need more than 21
  // bits, which only adds candidates that verification then rejects.
  const positionBits = Math.max(1, Math.ceil(Math.log2(count)));
  const hashBits = Math.min(32, 53 - positionBits);
  const positionScale = 2 ** positionBits;
  const hashShift = 32 - hashBits;
  const packed = new Float64Array(count);
  const cache = new Map<number, Uint32Array>();
  const setOf = (position: number): Uint32Array => {
    let set = cache.get(position);
    if (set === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      set = shingleSet(keys[eligible[position]!]!);
      cache.set(position, set);
    }
    return set;
  };
  const tryPair = (a: number, b: number): void => {
    const ka = eligible[a]!;
    const kb = eligible[b]!;
    if (sets.find(ka) === sets.find(kb)) return;
    stats.verified++;
    if (jaccard(setOf(a), setOf(b)) >= threshold && sets.union(ka, kb)) stats.joined++;
  };

  for (let band = 0; band < params.bands; band++) {
    for (let e = 0; e < count; e++) {
      const hash = bandHashes[e * params.bands + band]! >>> hashShift;
      packed[e] = hash * positionScale + e;
    }
    packed.sort();
    let runStart = 0;
    while (runStart < count) {
      const bucket = Math.floor(packed[runStart]! / positionScale);
      let runEnd = runStart + 1;
      while (runEnd < count && Math.floor(packed[runEnd]! / positionScale) === bucket) runEnd++;
      const size = runEnd - runStart;
      if (size > 1) {
        const reach = size <= SMALL_BUCKET ? size : WINDOW;
        for (let j = runStart + 1; j < runEnd; j++) {
          const b = packed[j]! - bucket * positionScale;
          for (let i = Math.max(runStart, j - reach); i < j; i++) {
            tryPair(packed[i]! - bucket * positionScale, b);
          }
        }
      }
      runStart = runEnd;
    }
  }
  return stats;
}
