import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { chineseToNumber, numberToChinese, parseNumeral, arabicToNumber, isChineseNumeralChar, isChineseNumeralCode } from '../../src/numerals.js';

describe('chineseToNumber', () => {
  test.each([
    ['零', 0],
    ['〇', 0],
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['一十二', 12],
    ['二十', 20],
    ['一百零八', 108],
    ['一百一十', 110],
    ['两百', 200],
    ['二百', 200],
    ['一千二百六十', 1260],
    ['一千零一十', 1010],
    ['一千零八', 1008],
    ['壹佰零捌', 108],
    ['拾贰', 12],
    ['叁仟', 3000],
    ['兩百', 200],
    ['一万', 10000],
    ['十万', 100000],
    ['一万零八', 10008],
    ['一万二千', 12000],
    ['一〇八', 108],
    ['二〇二四', 2024],
  ])('%s → %d', (text, expected) => {
    expect(chineseToNumber(text)).toBe(expected);
  });

  test.each([
    '',
    '12',
    '二三',
    '百',
    '一百二',
    '一万八',
    '一百一千',
    '十十',
    '零八',
    '一百零',
    '一二',
    '十二条',
    '万',
  ])('%j is not a numeral', (text) => {
    expect(chineseToNumber(text)).toBeNull();
  });
});

describe('numberToChinese', () => {
  test.each([
    [0, '零'],
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [100, '一百'],
    [108, '一百零八'],
    [110, '一百一十'],
    [112, '一百一十二'],
    [200, '二百'],
    [1000, '一千'],
    [1010, '一千零一十'],
    [1260, '一千二百六十'],
    [10000, '一万'],
    [10010, '一万零一十'],
    [100000, '十万'],
    [110000, '十一万'],
    [100000000, '一亿'],
  ])('%d → %s', (n, expected) => {
    expect(numberToChinese(n)).toBe(expected);
  });

  test.each([-1, 1.5, Number.NaN, 1e12])('%d is refused with E_INTERNAL', (n) => {
    expect(() => numberToChinese(n)).toThrow(expect.objectContaining({ code: 'E_INTERNAL' }));
  });

  test('round-trips through chineseToNumber', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => {
        expect(chineseToNumber(numberToChinese(n))).toBe(n);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseNumeral', () => {
  test.each([
    ['12', 12],
    ['１２', 12],
    ['十二', 12],
    ['abc', null],
    ['1２', 12],
  ])('%s → %s', (text, expected) => {
    expect(parseNumeral(text)).toBe(expected);
  });

  test('arabicToNumber refuses absurd lengths', () => {
    expect(arabicToNumber('1'.repeat(16))).toBeNull();
  });

  test('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const value = chineseToNumber(text);
        expect(value === null || Number.isInteger(value)).toBe(true);
      }),
    );
  });
});

describe('isChineseNumeralCode', () => {
  test('agrees with isChineseNumeralChar on every BMP code unit', () => {
    const disagree: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (isChineseNumeralCode(code) !== isChineseNumeralChar(String.fromCharCode(code))) disagree.push(code);
    }
    expect(disagree).toEqual([]);
    expect(isChineseNumeralCode('十'.charCodeAt(0))).toBe(true);
    expect(isChineseNumeralCode('第'.charCodeAt(0))).toBe(false);
  });
});
