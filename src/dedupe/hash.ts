/**
 * Seeded, deterministic 32-bit hashing (MurmurHash3 style). Used for shingles, MinHash bins,
 * LSH bands and stable ids: no Math.random anywhere, so the same input gives the same output.
 */

/** MurmurHash3's 32-bit finaliser: spreads every input bit over the whole word. */
export function fmix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Mixes one 32-bit word into a running hash (MurmurHash3 body step). */
export function mixWord(hash: number, word: number): number {
  let k = Math.imul(word | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let h = (hash | 0) ^ k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) >>> 0;
}

/** MurmurHash3-style 32-bit hash of a string's UTF-16 code units, with a seed. */
export function hashString32(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) h = mixWord(h, text.charCodeAt(i));
  return fmix32(h ^ text.length);
}

/** A hex digest of `hexDigits` (≤ 16) characters built from two independently seeded hashes. */
export function hashHex(text: string, hexDigits: number): string {
  const high = hashString32(text, 0x9747b28c).toString(16).padStart(8, '0');
  const low = hashString32(text, 0x5bd1e995).toString(16).padStart(8, '0');
  return (high + low).slice(0, Math.max(1, Math.min(16, hexDigits)));
}
