import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { packKeys, packSets, startDuplicateSearch, unpackKeys, unpackSets } from '../../src/dedupe/background.js';
import { findDuplicateSets } from '../../src/dedupe/groups.js';
import { comparisonKey } from '../../src/text/normalize.js';
import { REPO } from '../support/paths.js';

/** Opinions whose comparison keys differ from them: punctuation, full-width letters, traditional characters. */
const OPINIONS = ['建议增加犬只免疫规定。', '建議增加犬隻免疫規定', '同意！', '建议增加犬只免疫的规定，谢谢', 'ＡＢＣ同意', '无意见', '', '建议增加犬只免疫规定'];

describe('what crosses to the search thread and back', () => {
  it('gives back the very keys it was given, empty ones and surrogate pairs included', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { maxLength: 40 }), (keys) => {
        expect(unpackKeys(packKeys(keys, 0.5))).toEqual(keys);
      }),
    );
  });

  it('a job of opinions gives their comparison keys: the thread makes them itself', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { maxLength: 40 }), (texts) => {
        expect(unpackKeys({ ...packKeys(texts, 0.5), texts: true })).toEqual(texts.map(comparisonKey));
      }),
    );
    expect(unpackKeys({ ...packKeys(OPINIONS, 0.5), texts: true })).not.toEqual(OPINIONS);
  });

  it('a search of opinions finds the sets of a search of their keys, in the worker thread and in-process', async () => {
    const expected = findDuplicateSets(OPINIONS.map(comparisonKey), { near: 0.5 });
    expect(expected).toEqual([{ kind: 'exact', members: [0, 1, 7], minSimilarity: 1 }]);
    // Without the keys the raw texts group otherwise: the first two differ in punctuation and script.
    expect(findDuplicateSets(OPINIONS, { near: 0.5 })).not.toEqual(expected);
    expect(await startDuplicateSearch(OPINIONS, { near: 0.5, texts: true }).sets()).toEqual(expected);
    // The compiled module: only there does the search run in a worker thread.
    const compiled = (await import(join(REPO, 'dist', 'dedupe', 'background.js'))) as typeof import('../../src/dedupe/background.js');
    expect(await compiled.startDuplicateSearch(OPINIONS, { near: 0.5, texts: true }).sets()).toEqual(expected);
    expect(await compiled.startDuplicateSearch(OPINIONS.map(comparisonKey), { near: 0.5 }).sets()).toEqual(expected);
  });

  it('gives back the sets the search found', () => {
    const keys = ['建议增加犬只免疫规定', '建议增加犬只免疫规定', '同意', '建议增加犬只免疫的规定', '同意', '无意见', ''];
    const sets = findDuplicateSets(keys, { near: 0.5 });
    expect(sets.length).toBeGreaterThan(1);
    expect(unpackSets(packSets(sets))).toEqual(sets);
  });
});
