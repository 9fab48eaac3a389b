/**
 * One-permutation MinHash (Li, Owen & Zhang 2012) with rotation densification (Shrivastava &
 * Li 2014), folded straight into LSH band hashes. One hash per shingle instead of one per
 * shingle and per permutation keeps a million keys to a fraction of a second; only the band
 * hashes are kept (bands × 4 bytes per key), never the signatures or the shingle sets.
 */
import { fmix32, mixWord } from './hash.js';

/** How a key's signature is cut into LSH bands. */
export interface BandingParams {
  /** Number of bands; a pair is a candidate when any band agrees. */
  readonly bands: number;
  /** Signature values per band. */
  readonly rows: number;
}

/**
 * 32 bands of 3 rows: a pair with Jaccard 0.5 becomes a candidate with probability 0.986,
 * one with 0.6 with 0.9995, while unrelated opinions on the same article (≤ 0.18 measured)
 * do with ≤ 0.17 and are then rejected by verification.
 */
export const DEFAULT_BANDING: BandingParams = { bands: 32, rows: 3 };

const EMPTY = 0xffffffff;
const TWO_POW_32 = 4294967296;

/** Reusable scratch space for one signature: allocate once per run, not once per key. */
export interface SignatureScratch {
  readonly bins: Uint32Array;
  readonly filled: Uint8Array;
}

/** Scratch space for `bands × rows` bins. */
export function createScratch(params: BandingParams): SignatureScratch {
  const size = params.bands * params.rows;
  return { bins: new Uint32Array(size), filled: new Uint8Array(size) };
}

/** Writes the `params.bands` band hashes of the first `count` shingle hashes into `out` at `offset`. */
export function writeBandHashes(
  shingles: Uint32Array,
  count: number,
  params: BandingParams,
  scratch: SignatureScratch,
  out: Uint32Array,
  offset: number,
): void {
  const { bins, filled } = scratch;
  const size = bins.length;
  bins.fill(EMPTY);
  filled.fill(0);
  for (let i = 0; i < count; i++) {
    const h = shingles[i]!;
    // The bin comes from the hash's position in [0, 2^32): the high bits, evenly split.
    const bin = Math.floor((h * size) / TWO_POW_32);
    filled[bin] = 1;
    if (h < bins[bin]!) bins[bin] = h;
  }
  densify(bins, filled);
  for (let band = 0; band < params.bands; band++) {
    let h = fmix32(0x3c6ef372 + band);
    // A band takes bins far apart (band, band + bands, …): neighbouring empty bins borrow the
    // same value in densification, so adjacent bins would make boilerplate-only bands common.
    for (let r = 0; r < params.rows; r++) h = mixWord(h, bins[r * params.bands + band]!);
    out[offset + band] = fmix32(h);
  }
}

/**
 * Empty bins borrow the value of the next filled bin to the right (circularly), salted with the
 * distance, so two keys with the same filled bins still agree on the empty ones.
 */
function densify(bins: Uint32Array, filled: Uint8Array): void {
  const size = bins.length;
  let anyFilled = -1;
  for (let i = 0; i < size; i++) {
    if (filled[i] === 1) {
      anyFilled = i;
      break;
    }
  }
  if (anyFilled < 0) return;
  for (let i = 0; i < size; i++) {
    if (filled[i] === 1) continue;
    let distance = 1;
    let j = (i + 1) % size;
    while (filled[j] !== 1) {
      j = (j + 1) % size;
      distance++;
    }
    bins[i] = fmix32(bins[j]! ^ Math.imul(distance, 0x9e3779b9));
  }
}
