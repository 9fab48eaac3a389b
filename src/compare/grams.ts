/**
 * Character bigrams of an article's normalised text, as sorted integer sets: the unit the alignment
 * compares articles on (Chinese legal text has no spaces, and jieba would make the alignment depend on
 * its dictionary; bigrams of the comparison key are cheap, deterministic and good enough to tell articles apart).
 */
import { comparisonKey } from '../text/normalize.js';
import { intersectionSize } from '../dedupe/shingles.js';

export { intersectionSize };

/** Sorted, distinct bigram codes of a text (its one character when the text is that short). */
export function bigramSet(text: string): Int32Array {
  const chars = [...comparisonKey(text)].map((ch) => ch.codePointAt(0)!);
  if (chars.length === 1) return Int32Array.of(chars[0]!);
  const codes = new Set<number>();
  // Codes of two characters folded into one int: 21 bits each would overflow, but the key is BMP almost always,
  // and a rare collision between two astral bigrams only nudges a similarity.
  for (let i = 0; i + 1 < chars.length; i++) codes.add(((chars[i]! & 0xffff) << 16) ^ (chars[i + 1]! & 0xffff) ^ (chars[i]! >>> 16));
  return Int32Array.from(codes).sort();
}

/** Dice similarity 2|a∩b| / (|a|+|b|), 0 for two empty sets. */
export function dice(a: Int32Array, b: Int32Array): number {
  const total = a.length + b.length;
  return total === 0 ? 0 : (2 * intersectionSize(a, b)) / total;
}

/** The sorted union of several sets. */
export function unionOf(sets: readonly Int32Array[]): Int32Array {
  const all = new Set<number>();
  for (const set of sets) for (const code of set) all.add(code);
  return Int32Array.from(all).sort();
}

/** Codes of `a` that are not in `b` (both sorted). */
export function without(a: Int32Array, b: Int32Array): Int32Array {
  const out: number[] = [];
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j]! < x) j++;
    if (j >= b.length || b[j] !== x) out.push(x);
  }
  return Int32Array.from(out);
}
