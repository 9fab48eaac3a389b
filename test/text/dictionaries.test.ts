import { describe, expect, test } from 'vitest';
import { formatUserDict, parseStopWords, parseUserDict } from '../../src/text/dictionaries.js';

describe('parseUserDict', () => {
  test.each([
    ['电动自行车', { word: '电动自行车', freq: null, tag: null }],
    ['电动自行车 3000', { word: '电动自行车', freq: 3000, tag: null }],
    ['电动自行车 n', { word: '电动自行车', freq: null, tag: 'n' }],
    ['電動自行車 3000 nz', { word: '电动自行车', freq: 3000, tag: 'nz' }],
    ['  ＡＢＣ  12\tn  ', { word: 'abc', freq: 12, tag: 'n' }],
  ])('%j', (line, entry) => {
    expect(parseUserDict(line, 'u.txt')).toEqual([entry]);
  });

  test('skips blank lines, comments and a BOM', () => {
    expect(parseUserDict('\ufeff# c\n\n头盔 10 n\r\n', 'u.txt')).toEqual([{ word: '头盔', freq: 10, tag: 'n' }]);
  });

  test.each([
    ['a b c d', 1],
    ['ok 1 n\n词 0 n', 2],
    ['词 -5 n', 1],
    ['词 10 名词', 1],
    ['词 名词', 1],
  ])('%j is E_BAD_CONFIG at line %d', (text, row) => {
    expect(() => parseUserDict(text, 'u.txt')).toThrow(
      expect.objectContaining({ code: 'E_BAD_CONFIG', location: { file: 'u.txt', row } }),
    );
  });

  test('formatUserDict never lets a frequency pass for a tag', () => {
    const text = formatUserDict([
      { word: '甲', freq: 10, tag: null },
      { word: '乙', freq: null, tag: 'v' },
      { word: '丙', freq: null, tag: null },
    ]);
    expect(text).toBe('甲 10 n\n乙 v\n丙\n');
    expect(parseUserDict(text, 'x')).toEqual([
      { word: '甲', freq: 10, tag: 'n' },
      { word: '乙', freq: null, tag: 'v' },
      { word: '丙', freq: null, tag: null },
    ]);
  });
});

describe('parseStopWords', () => {
  test('one word per line, comments out, normalised', () => {
    expect(parseStopWords('# x\n的\n\n建議\r\nＯＫ\n')).toEqual(['的', '建议', 'ok']);
  });
});
