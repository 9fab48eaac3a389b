/**
 * A cluster's summed member vector while clusters merge (agglomerate.ts), in typed arrays: terms in the
 * order they first arrived and an open-addressing index from term to slot. It replaces a Map per merged
 * cluster, whose get and set were about a fifth of the merging time at a million opinions. Iteration follows
 * first arrival exactly as a Map's does, so every dot product adds its terms in the same order and the
 * clusters come out bit for bit as before.
 */

/** Term → summed weight, iterated in order of first arrival. */
export class SummedVector {
  private termAt: Int32Array;
  private weightAt: Float64Array;
  /** Slot + 1 per index cell, 0 for an empty one. */
  private index: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected: number) {
    let cells = 16;
    while (cells < 2 * expected) cells *= 2;
    this.index = new Int32Array(cells);
    this.mask = cells - 1;
    this.termAt = new Int32Array(cells >> 1);
    this.weightAt = new Float64Array(cells >> 1);
  }

  /** A vector's terms and weights as a sum of one. */
  static of(terms: Int32Array, weights: Float64Array): SummedVector {
    const sum = new SummedVector(terms.length);
    for (let t = 0; t < terms.length; t++) sum.add(terms[t]!, weights[t]!);
    return sum;
  }

  /** The summed weight of `term`, or undefined when no member has it. */
  get(term: number): number | undefined {
    const slot = this.slotOf(term);
    return slot < 0 ? undefined : this.weightAt[slot];
  }

  /** Adds `weight` to `term` (0 + weight for a new term, as `(map.get(term) ?? 0) + weight` did). */
  add(term: number, weight: number): void {
    let cell = hash(term) & this.mask;
    for (;;) {
      const at = this.index[cell]!;
      if (at === 0) break;
      if (this.termAt[at - 1] === term) {
        this.weightAt[at - 1] = this.weightAt[at - 1]! + weight;
        return;
      }
      cell = (cell + 1) & this.mask;
    }
    if (this.size === this.termAt.length) {
      this.grow();
      cell = hash(term) & this.mask;
      while (this.index[cell] !== 0) cell = (cell + 1) & this.mask;
    }
    this.termAt[this.size] = term;
    this.weightAt[this.size] = 0 + weight;
    this.size++;
    this.index[cell] = this.size;
  }

  /** The term in slot `k` (0 … size − 1, order of first arrival). */
  termOf(k: number): number {
    return this.termAt[k]!;
  }

  /** The summed weight in slot `k`. */
  weightOf(k: number): number {
    return this.weightAt[k]!;
  }

  private slotOf(term: number): number {
    let cell = hash(term) & this.mask;
    for (;;) {
      const at = this.index[cell]!;
      if (at === 0) return -1;
      if (this.termAt[at - 1] === term) return at - 1;
      cell = (cell + 1) & this.mask;
    }
  }

  /** Twice the room: the index is kept at most half full. */
  private grow(): void {
    const cells = 2 * this.index.length;
    const terms = new Int32Array(cells >> 1);
    terms.set(this.termAt);
    const weights = new Float64Array(cells >> 1);
    weights.set(this.weightAt);
    this.termAt = terms;
    this.weightAt = weights;
    this.index = new Int32Array(cells);
    this.mask = cells - 1;
    for (let k = 0; k < this.size; k++) {
      let cell = hash(terms[k]!) & this.mask;
      while (this.index[cell] !== 0) cell = (cell + 1) & this.mask;
      this.index[cell] = k + 1;
    }
  }
}

/** Term ids are dense small integers: a multiplicative hash spreads neighbouring ids over the index. */
function hash(term: number): number {
  return Math.imul(term, 0x9e3779b1) >>> 7;
}

/** ΣA · ΣB over the smaller side's terms in their order, as the Map version added them. */
export function summedDot(a: SummedVector, b: SummedVector): number {
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  let sum = 0;
  for (let k = 0; k < small.size; k++) {
    const v = large.get(small.termOf(k));
    if (v !== undefined) sum += small.weightOf(k) * v;
  }
  return sum;
}
