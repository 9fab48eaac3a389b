import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildShingleSetTable, jaccard, jaccardAtLeast, sharedNeeded, shingleSet } from '../../src/dedupe/shingles.js';

// Few distinct characters, so random keys share many shingles and every similarity is reached.
const key = fc.string({ unit: fc.constantFrom(...'建议删除本条规定增加'), minLength: 0, maxLength: 40 });

describe('the shingle-set table', () => {
  it('holds the same sets as shingleSet, in the order asked', () => {
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 12 }), (keys) => {
        const order = keys.map((_key, index) => keys.length - 1 - index);
        const table = buildShingleSetTable(keys, order);
        order.forEach((index, position) => {
          const set = table.hashes.subarray(table.start[position]!, table.start[position + 1]!);
          expect([...set]).toEqual([...shingleSet(keys[index]!)]);
        });
      }),
    );
  });

  it('answers jaccardAtLeast exactly as jaccard() >= threshold, at every threshold', () => {
    fc.assert(
      fc.property(key, key, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, threshold) => {
        const table = buildShingleSetTable([a, b], [0, 1]);
        expect(jaccardAtLeast(table, 0, 1, threshold)).toBe(jaccard(shingleSet(a), shingleSet(b)) >= threshold);
      }),
      { numRuns: 2000 },
    );
  });

  it('needs the least shared count that reaches the threshold, or −1 when none can', () => {
    expect(sharedNeeded(10, 10, 0.5)).toBe(7); // 7 / 13 ≥ 0.5, 6 / 14 < 0.5
    expect(sharedNeeded(3, 10, 0.5)).toBe(-1); // even 3 / 10 falls short
    expect(sharedNeeded(4, 4, 1)).toBe(4);
    expect(sharedNeeded(5, 9, 0)).toBe(0);
  });
});
