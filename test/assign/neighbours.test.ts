import { describe, expect, it } from 'vitest';
import { FeatureEncoder } from '../../src/assign/features.js';
import { NeighbourIndex } from '../../src/assign/neighbours.js';

/** IDF 1 for every feature the encoder has seen (ids below `size`). */
const flat = (size: number) => ({ idf: new Float64Array(size).fill(1), unseenIdf: 1 });

describe('NeighbourIndex', () => {
  const encoder = new FeatureEncoder();
  const examples: [number, string[]][] = [
    [0, ['狗证', '费用', '太高']],
    [0, ['遛狗', '牵引带']],
    [1, ['狂犬病', '疫苗', '免费']],
  ];
  const index = new NeighbourIndex();
  for (const [profile, terms] of examples) index.add(profile, terms.join(''), encoder.encode(terms));
  // A repeat of the same text for the same profile is kept once.
  index.add(0, '狗证费用太高', encoder.encode(['狗证', '费用', '太高']));
  const query = encoder.keep(['遛狗', '牵引带', '太短']);
  const { words, grams } = encoder.sizes;

  it('keeps one example per distinct text and profile', () => {
    expect(index.size).toBe(3);
  });

  it('scores each profile by its nearest example (not by the sum of its examples), and lists the profiles it wrote', () => {
    const best = new Float64Array(2);
    const touched: number[] = [];
    index.nearest(query, flat(words), flat(grams), 1, best, touched);
    // Word space only (share 1): cosine of {遛狗, 牵引带, 太短} with {遛狗, 牵引带} is 2 / (√3 · √2).
    expect(best[0]).toBeCloseTo(2 / (Math.sqrt(3) * Math.sqrt(2)), 6);
    expect(best[1]).toBe(0);
    expect(touched).toEqual([0]);
  });

  it('keeps at most 16 examples per profile', () => {
    const many = new NeighbourIndex();
    for (let i = 0; i < 20; i++) many.add(0, `意见${i}`, encoder.encode(['狗证', `第${i}`]));
    many.add(1, '另一条', encoder.encode(['疫苗']));
    expect(many.size).toBe(17);
  });
});
