/** 条款 cells written on fresh sheets (session 22): a cell for a new article says where it goes, not which it is. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberToChinese } from '../../src/numerals.js';
import { parseArticleCell } from '../../src/text/article-ref.js';

describe('a count of articles to add or remove is no citation', () => {
  it.each([
    ['第十二条之后增加一条', ['12']],
    ['在第十条后新增一条', ['10']],
    ['第二十二条，建议删去一条', ['22']],
    ['第十二条至第十四条合并为一条', ['12', '13', '14']],
  ])('%s → %s', (cell, keys) => expect(parseArticleCell(cell).keys).toEqual(keys));

  it.each(['新增一条', '建议增加一条', '增加两条', '删去一条'])('%s cites nothing (left to the text and the draft)', (cell) => {
    expect(parseArticleCell(cell)).toMatchObject({ keys: [], unreadable: true });
  });

  it.each([
    ['十二条', ['12']], ['一条', ['1']], ['第一条', ['1']], ['增加第一条', ['1']], ['12条2款', ['12.2']], ['第十二、十三条', ['12', '13']],
  ])('a bare or numbered citation still reads: %s → %s', (cell, keys) => expect(parseArticleCell(cell).keys).toEqual(keys));
});

describe('Chinese numerals alone in the 条款 cell, joined as digits are (十九至二十一, session 26)', () => {
  it.each([
    ['十九至二十一', ['19', '20', '21']],
    ['十九到二十一', ['19', '20', '21']],
    ['十九、二十', ['19', '20']],
    ['十九，二十', ['19', '20']],
    ['十九 二十', ['19', '20']],
    ['十九和二十一', ['19', '21']],
    ['十九～二十一', ['19', '20', '21']],
  ])('%s → %s', (cell, keys) => expect(parseArticleCell(cell)).toMatchObject({ keys, unreadable: false }));

  it('any range written in Chinese numerals reads as the same range in digits (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 20 }), fc.constantFrom('至', '到', '～'), (from, span, joiner) => {
        const chinese = parseArticleCell(`${numberToChinese(from)}${joiner}${numberToChinese(from + span)}`);
        expect(chinese.keys).toEqual(parseArticleCell(`${from}至${from + span}`).keys);
        expect(chinese.keys).toHaveLength(span + 1);
      }),
      { numRuns: 300 },
    );
  });

  it.each(['一二', '十九、'])('%s stays unreadable (never a guess)', (cell) => {
    expect(parseArticleCell(cell)).toMatchObject({ keys: [], unreadable: true });
  });
});
