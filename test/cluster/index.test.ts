import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neighbourGraph } from '../../src/cluster/agglomerate.js';
import { buildIdVectors, buildVectors, denseFrequency, type TermVector } from '../../src/cluster/vectors.js';

/** TF-IDF written out the plain way: the reference the typed-array builders must agree with. */
function reference(lists: readonly (readonly number[])[], df: (id: number) => number, n: number): Map<number, number>[] {
  return lists.map((list) => {
    const tf = new Map<number, number>();
    for (const id of list) tf.set(id, (tf.get(id) ?? 0) + 1);
    const weights = new Map<number, number>();
    for (const [id, count] of tf) weights.set(id, (1 + Math.log(count)) * (1 + Math.log((1 + n) / (1 + df(id)))));
    const norm = Math.sqrt([...weights.values()].reduce((s, w) => s + w * w, 0));
    for (const [id, w] of weights) weights.set(id, w / norm);
    return weights;
  });
}

const listsArb = fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 12 }), { minLength: 1, maxLength: 25 });

describe('article vectors on batch-wide ids', () => {
  it('weigh every id as TF-IDF with the batch frequencies, heaviest first, and leave the scratch as it was', () => {
    fc.assert(
      fc.property(listsArb, listsArb, (article, rest) => {
        const lists = article.map((l) => Int32Array.from(l));
        const batch = denseFrequency([...lists, ...rest.map((l) => Int32Array.from(l))], 31);
        const scratch = new Int32Array(31).fill(-1);
        const built = buildIdVectors(lists, batch, scratch);
        expect([...scratch].every((x) => x === -1)).toBe(true);
        const want = reference(article, (id) => batch.df[id]!, batch.n);
        built.vectors.forEach((v, i) => {
          const got = new Map([...v.terms].map((t, k) => [built.vocabulary[t]!, v.weights[k]!]));
          expect([...got.keys()].sort()).toEqual([...want[i]!.keys()].sort());
          for (const [id, w] of want[i]!) expect(got.get(id)!).toBeCloseTo(w, 12);
          for (let k = 1; k < v.weights.length; k++) expect(v.weights[k - 1]!).toBeGreaterThanOrEqual(v.weights[k]!);
        });
      }),
    );
  });
  it('give the same vectors as the keyed builder with the lists\' own frequencies', () => {
    fc.assert(
      fc.property(listsArb, (article) => {
        const keyed = buildVectors(article.map((l) => l.map((id) => `词${id}`)), null);
        const ids = buildIdVectors(article.map((l) => Int32Array.from(l)), null, new Int32Array(31).fill(-1));
        expect(keyed.vocabulary).toEqual(ids.vocabulary.map((id) => `词${id}`));
        expect(keyed.vectors).toEqual(ids.vectors);
      }),
    );
  });
});

describe('the neighbour index', () => {
  /** Every other vector sharing a lookup term, its cosine computed as the index does, the ten best ≥ floor. */
  function bruteForce(vectors: readonly TermVector[], floor: number): { j: number; score: number }[][] {
    const lookup = (v: TermVector) => new Set([...v.terms].slice(0, 12));
    return vectors.map((v, i) => {
      const mine = lookup(v);
      const dense = new Map([...v.terms].map((t, k) => [t, v.weights[k]!]));
      const found: { j: number; score: number }[] = [];
      vectors.forEach((u, j) => {
        if (j === i || ![...lookup(u)].some((t) => mine.has(t))) return;
        let score = 0;
        for (let k = 0; k < u.terms.length; k++) score += u.weights[k]! * (dense.get(u.terms[k]!) ?? 0);
        if (score >= floor) found.push({ j, score });
      });
      return found.sort((x, y) => y.score - x.score || x.j - y.j).slice(0, 10);
    });
  }
  it('finds exactly the best neighbours of all pairs while an article is smaller than its caps', () => {
    // Fewer opinions than the posting cap (48) and the candidates per lookup (32): the index misses nobody.
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 20 }), { maxLength: 30 }), fc.double({ min: 0, max: 0.5, noNaN: true }), (lists, floor) => {
        const { vectors } = buildVectors(lists, null);
        expect(neighbourGraph(vectors, floor).graph).toEqual(bruteForce(vectors, floor));
      }),
    );
  });
});
