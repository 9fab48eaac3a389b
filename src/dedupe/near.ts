/**
 * Near-duplicate linking: LSH banding over MinHash band hashes proposes candidate pairs among
 * distinct keys; each candidate is verified with the exact Jaccard similarity of shingle sets
 * and verified pairs are joined in a union-find. Never compares every pair.
 */
import { type BandingParams, createScratch, DEFAULT_BANDING, writeBandHashes } from './minhash.js';
import { buildShingleSetTable, jaccardAtLeast, sharedNeeded } from './shingles.js';
import { UnionFind } from './union-find.js';

/** Buckets up to this size are verified pair by pair; larger ones only along a short window. */
const SMALL_BUCKET = 16;
/**
 * In a large bucket (a form letter edited thousands of times, or boilerplate shared by many
 * opinions) each key is checked against its WINDOW predecessors only: a real family still
 * chains together, while shared boilerplate costs bands × WINDOW checks per key, not n².
 */
const WINDOW = 3;

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

  // Every eligible key's shingle set, built once into one buffer: candidates arrive in bucket order, so
  // sets built on demand were rebuilt for almost every one of the millions of verified pairs. MinHash
  // depends only on the set, so the band hashes are taken from the same table.
  const table = buildShingleSetTable(keys, eligible);
  const bandHashes = new Uint32Array(count * params.bands);
  const scratch = createScratch(params);
  for (let e = 0; e < count; e++) {
    const from = table.start[e]!;
    const to = table.start[e + 1]!;
    writeBandHashes(table.hashes.subarray(from, to), to - from, params, scratch, bandHashes, e * params.bands);
  }

  // Pack (band hash, position) into one exactly representable double so a native numeric
  // sort groups equal band hashes; the hash loses low bits when positions need more than 21
  // bits, which only adds candidates that verification then rejects.
  const positionBits = Math.max(1, Math.ceil(Math.log2(count)));
  const hashBits = Math.min(32, 53 - positionBits);
  const positionScale = 2 ** positionBits;
  const hashShift = 32 - hashBits;
  const packed = new Float64Array(count);
  // A pair that shared a small bucket in an earlier band was verified there: verify it once, not
  // per band. (In a large bucket only a window of pairs is tried, so those may be tried again.)
  const inSmallBucket = new Uint8Array(count * params.bands);
  const collidedBefore = (a: number, b: number, band: number): boolean => {
    for (let earlier = 0; earlier < band; earlier++) {
      const slot = a * params.bands + earlier;
      if (inSmallBucket[slot] === 1 && bandHashes[slot] === bandHashes[b * params.bands + earlier]) return true;
    }
    return false;
  };
  let currentBand = 0;
  const tryPair = (a: number, b: number): void => {
    const ka = eligible[a]!;
    const kb = eligible[b]!;
    if (sets.find(ka) === sets.find(kb)) return;
    // Jaccard can never exceed the ratio of the smaller set to the larger: skip pairs that cannot pass.
    if (sharedNeeded(table.start[a + 1]! - table.start[a]!, table.start[b + 1]! - table.start[b]!, threshold) < 0) return;
    if (collidedBefore(a, b, currentBand)) return;
    stats.verified++;
    if (jaccardAtLeast(table, a, b, threshold) && sets.union(ka, kb)) stats.joined++;
  };

  for (let band = 0; band < params.bands; band++) {
    currentBand = band;
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
        if (size <= SMALL_BUCKET) {
          for (let j = runStart; j < runEnd; j++) inSmallBucket[(packed[j]! - bucket * positionScale) * params.bands + band] = 1;
        }
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
