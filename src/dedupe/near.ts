/**
 * Near-duplicate pairs: LSH banding over MinHash band hashes proposes candidate pairs among distinct
 * keys, and each candidate is verified with the exact Jaccard similarity of shingle sets. Never
 * compares every pair.
 */
import { type BandingParams, createScratch, DEFAULT_BANDING, writeBandHashes } from './minhash.js';
import { jaccardAtLeast, sharedNeeded, type ShingleSetTable } from './shingles.js';

/** Buckets up to this size are verified pair by pair; larger ones only along a short window. */
const SMALL_BUCKET = 16;
/**
 * In a large bucket (a form letter edited thousands of times, or boilerplate shared by many
 * opinions) each key is checked against its WINDOW predecessors only: a copy still meets others of
 * its family in some band, while shared boilerplate costs bands × WINDOW checks per key, not n².
 * (Measured on the 1M bench corpus: a window of 8 found no more planted pairs and took 40 % longer.)
 */
const WINDOW = 3;

/** Pairs of table positions found similar: pair i is (`earlier[i]`, `later[i]`), earlier < later. */
export interface NearPairs {
  readonly earlier: Uint32Array;
  readonly later: Uint32Array;
  /** Candidate pairs whose similarity was computed (listed before or not), for benchmarks and tests. */
  readonly verified: number;
}

/**
 * Every pair of the table's sets with Jaccard ≥ `threshold` that LSH proposes (a pair may be listed
 * more than once). `table` holds one shingle set per distinct key, in canonical order.
 */
export function findNearPairs(table: ShingleSetTable, threshold: number, params: BandingParams = DEFAULT_BANDING): NearPairs {
  const count = table.start.length - 1;
  let verified = 0;
  let earlier: Uint32Array = new Uint32Array(1024);
  let later: Uint32Array = new Uint32Array(1024);
  let found = 0;
  if (count < 2) return { earlier: earlier.subarray(0, 0), later: later.subarray(0, 0), verified };

  const bands = params.bands;
  // MinHash depends only on the set, so the band hashes are taken from the table verification uses.
  const bandHashes = new Uint32Array(count * bands);
  const scratch = createScratch(params);
  for (let e = 0; e < count; e++) {
    const from = table.start[e]!;
    const to = table.start[e + 1]!;
    writeBandHashes(table.hashes.subarray(from, to), to - from, params, scratch, bandHashes, e * bands);
  }

  // Pack (band hash, position) into one exactly representable double so a native numeric
  // sort groups equal band hashes; the hash loses low bits when positions need more than 21
  // bits, which only adds candidates that verification then rejects.
  const positionBits = Math.max(1, Math.ceil(Math.log2(count)));
  const hashBits = Math.min(32, 53 - positionBits);
  const positionScale = 2 ** positionBits;
  const hashShift = 32 - hashBits;
  const packed = new Float64Array(count);
  // A pair that shared a small bucket in an earlier band was tried there: list it once, not per band.
  // (In a large bucket only a window of pairs is tried, so those may be listed again.)
  const inSmallBucket = new Uint8Array(count * bands);
  const collidedBefore = (a: number, b: number, band: number): boolean => {
    for (let before = 0; before < band; before++) {
      const slot = a * bands + before;
      if (inSmallBucket[slot] === 1 && bandHashes[slot] === bandHashes[b * bands + before]) return true;
    }
    return false;
  };
  let currentBand = 0;
  const tryPair = (a: number, b: number): void => {
    // Jaccard can never exceed the ratio of the smaller set to the larger: skip pairs that cannot pass.
    if (sharedNeeded(table.start[a + 1]! - table.start[a]!, table.start[b + 1]! - table.start[b]!, threshold) < 0) return;
    verified++;
    if (!jaccardAtLeast(table, a, b, threshold)) return;
    // Only a similar pair is asked whether an earlier band listed it already: most candidates are far
    // apart, and the bounded merge rejects them sooner than the walk over earlier bands would (same
    // pairs listed; measured on 200k keys of the 1M corpus: 8.3 s → 6.2–7.1 s CPU).
    if (collidedBefore(a, b, currentBand)) return;
    if (found === earlier.length) {
      earlier = grow(earlier);
      later = grow(later);
    }
    earlier[found] = Math.min(a, b);
    later[found] = Math.max(a, b);
    found++;
  };

  for (let band = 0; band < bands; band++) {
    currentBand = band;
    for (let e = 0; e < count; e++) {
      const hash = bandHashes[e * bands + band]! >>> hashShift;
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
          for (let j = runStart; j < runEnd; j++) inSmallBucket[(packed[j]! - bucket * positionScale) * bands + band] = 1;
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
  return { earlier: earlier.subarray(0, found), later: later.subarray(0, found), verified };
}

function grow(array: Uint32Array): Uint32Array {
  const larger = new Uint32Array(array.length * 2);
  larger.set(array);
  return larger;
}
