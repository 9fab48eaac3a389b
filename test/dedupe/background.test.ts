import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packKeys, packSets, unpackKeys, unpackSets } from '../../src/dedupe/background.js';
import { findDuplicateSets } from '../../src/dedupe/groups.js';

describe('what crosses to the search thread and back', () => {
  it('gives back the very keys it was given, empty ones and surrogate pairs included', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { maxLength: 40 }), (keys) => {
        expect(unpackKeys(packKeys(keys, 0.5))).toEqual(keys);
      }),
    );
  });

  it('gives back the sets the search found', () => {
    const keys = ['建议增加犬只免疫规定', '建议增加犬只免疫规定', '同意', '建议增加犬只免疫的规定', '同意', '无意见', ''];
    const sets = findDuplicateSets(keys, { near: 0.5 });
    expect(sets.length).toBeGreaterThan(1);
    expect(unpackSets(packSets(sets))).toEqual(sets);
  });
});
