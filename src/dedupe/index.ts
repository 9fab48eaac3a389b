/** Exact and near duplicates among opinion records (去重). */
export {
  DEFAULT_NEAR_THRESHOLD,
  MIN_NEAR_LENGTH,
  findDuplicateGroups,
  type DedupeItem,
  type DedupeOptions,
} from './groups.js';
export { SHINGLE_SIZE, jaccard, shingleSet } from './shingles.js';
export { DEFAULT_BANDING, type BandingParams } from './minhash.js';
export { findNearPairs, type NearPairs } from './near.js';
export { groupAroundCanonicals } from './canonical-split.js';
export { hashHex } from './hash.js';
