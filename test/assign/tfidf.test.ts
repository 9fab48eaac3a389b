import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTfidfIndex, cosine, rankDocuments, vectorize } from '../../src/assign/tfidf.js';

const CORPUS = [
  ['犬只', '登记', '犬只'],
  ['犬只', '牵引', '电梯'],
  ['垃圾', '清理', '粪便'],
  [],
];

describe('buildTfidfIndex', () => {
  const index = buildTfidfIndex(CORPUS);

  it('gives rarer terms a higher IDF (smoothed)', () => {
    const idf = (term: string): number => index.idf[index.vocabulary.get(term) ?? -1] ?? Number.NaN;
    expect(idf('犬只')).toBeCloseTo(Math.log(5 / 3) + 1, 12);
    expect(idf('登记')).toBeCloseTo(Math.log(5 / 2) + 1, 12);
    expect(idf('登记')).toBeGreaterThan(idf('犬只'));
  });

  it('vectors are L2-normalised with ascending ids; the empty document is all zero', () => {
    for (const vector of index.documents.slice(0, 3)) {
      expect([...vector.weights].reduce((s, w) => s + w * w, 0)).toBeCloseTo(1, 12);
      expect([...vector.ids]).toEqual([...vector.ids].sort((a, b) => a - b));
    }
    expect(index.documents[3]?.ids.length).toBe(0);
  });

  it.each([
    [['登记', '犬只'], [0, 1]],
    [['粪便'], [2]],
    [['电梯', '电梯', '牵引'], [1]],
    [['犬只', '电梯'], [1, 0]],
    [['未知词'], []],
    [[], []],
  ])('rankDocuments(%j) → documents %j', (tokens, expected) => {
    expect(rankDocuments(index, vectorize(index, tokens), 10).map((r) => r.document)).toEqual(expected);
  });

  it('unseen query terms lower the score but match nothing', () => {
    const plain = rankDocuments(index, vectorize(index, ['登记']), 1)[0]?.score ?? 0;
    const diluted = rankDocuments(index, vectorize(index, ['登记', '噪声']), 1)[0]?.score ?? 0;
    expect(diluted).toBeGreaterThan(0);
    expect(diluted).toBeLessThan(plain);
  });

  it('limit cuts the ranking', () => {
    expect(rankDocuments(index, vectorize(index, ['犬只']), 1)).toHaveLength(1);
    expect(rankDocuments(index, vectorize(index, ['犬只']), 0)).toHaveLength(0);
  });
});

describe('properties', () => {
  const word = fc.constantFrom('甲', '乙', '丙', '丁', '戊', '己', '庚', '辛');
  const doc = fc.array(word, { maxLength: 12 });

  it('ranking keeps the best `limit` by brute-force cosine, sorted best first', () => {
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 30 }), doc, fc.constantFrom(2, 30), (corpus, query, limit) => {
        const index = buildTfidfIndex(corpus);
        const q = vectorize(index, query);
        const ranked = rankDocuments(index, q, limit);
        const brute = index.documents
          .map((d, document) => ({ document, score: cosine(q, d) }))
          .filter((r) => r.score > 1e-12);
        expect(ranked).toHaveLength(Math.min(limit, brute.length));
        for (const r of ranked) expect(r.score).toBeCloseTo(cosine(q, index.documents[r.document] ?? q), 9);
        // Nothing left out scores better than the last one kept (up to rounding).
        const kept = new Set(ranked.map((r) => r.document));
        const floor = ranked.at(-1)?.score ?? 0;
        for (const r of brute) if (!kept.has(r.document)) expect(r.score).toBeLessThanOrEqual(floor + 1e-9);
        for (let i = 1; i < ranked.length; i += 1) {
          expect((ranked[i - 1]?.score ?? 0) >= (ranked[i]?.score ?? 0)).toBe(true);
        }
      }),
    );
  });

  it('cosine is symmetric, within [0, 1], and 1 for a document against itself', () => {
    fc.assert(
      fc.property(fc.array(doc, { minLength: 2, maxLength: 8 }), (corpus) => {
        const index = buildTfidfIndex(corpus);
        const [a, b] = index.documents;
        if (a === undefined || b === undefined) return;
        expect(cosine(a, b)).toBeCloseTo(cosine(b, a), 12);
        expect(cosine(a, b)).toBeGreaterThanOrEqual(0);
        expect(cosine(a, b)).toBeLessThanOrEqual(1);
        if (a.ids.length > 0) expect(cosine(a, a)).toBeCloseTo(1, 12);
      }),
    );
  });

  it('is deterministic: the same corpus gives the same vocabulary and vectors', () => {
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 10 }), (corpus) => {
        expect(buildTfidfIndex(corpus)).toEqual(buildTfidfIndex(corpus.map((d) => [...d])));
      }),
    );
  });
});
