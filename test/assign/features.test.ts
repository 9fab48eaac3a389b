import { describe, expect, it } from 'vitest';
import { charGrams, FeatureEncoder } from '../../src/assign/features.js';

/** A sparse view as a plain { id: weight } object, for comparing. */
const asObject = (counts: { ids: Int32Array; weights: Float64Array }): Record<number, number> =>
  Object.fromEntries([...counts.ids].map((id, k) => [id, Number(counts.weights[k]!.toFixed(6))]));

describe('FeatureEncoder', () => {
  it('gives words and bigrams ids in order of first appearance, counts sublinear (1 + ln n)', () => {
    const encoder = new FeatureEncoder();
    const { words, grams } = encoder.keep(['养犬人', '犬只', '养犬人']);
    // 养犬人 → 0, 犬只 → 1; bigrams 养犬 0, 犬人 1, 犬只 2.
    expect(asObject(words)).toEqual({ 0: Number((1 + Math.log(2)).toFixed(6)), 1: 1 });
    expect(asObject(grams)).toEqual({ 0: Number((1 + Math.log(2)).toFixed(6)), 1: Number((1 + Math.log(2)).toFixed(6)), 2: 1 });
    expect(encoder.sizes).toEqual({ words: 2, grams: 3 });
  });

  it('encode() reuses its buffers for the next text; keep() copies', () => {
    const encoder = new FeatureEncoder();
    const kept = encoder.keep(['牵引带']);
    const view = encoder.encode(['牵引带']);
    const snapshot = asObject(view.words);
    encoder.encode(['狂犬病', '疫苗']);
    expect(asObject(kept.words)).toEqual(snapshot);
    expect(asObject(encoder.keep([]).words)).toEqual({});
  });

  it('charGrams cuts bigrams inside each word, single characters as themselves', () => {
    expect(charGrams(['犬', '牵引带', '狗证'])).toEqual(['犬', '牵引', '引带', '狗证']);
  });
});
