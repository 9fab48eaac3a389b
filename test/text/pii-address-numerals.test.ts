/**
 * Door numbers written in Chinese numerals (session 23): 五号楼六〇一室, 三单元二〇二 and 十二栋一单元五〇三室 were printed
 * as typed, while 5号楼601室 was masked. They are read by the typed rules, each numeral one digit, and masked the same
 * way; what is no home in Arabic digits (5号线, 5号楼, 3室2厅) is none in numerals either, nor is 第五条 or 三个月.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberToChinese } from '../../src/numerals.js';
import { findPersonalData, maskPersonalData } from '../../src/text/pii.js';

/** A number read digit by digit, as room numbers are written: 601 → 六〇一. */
const digitByDigit = (n: number, zero = '〇'): string => [...String(n)].map((d) => (d === '0' ? zero : numberToChinese(Number(d)))).join('');

describe('door numbers in Chinese numerals', () => {
  it.each([
    ['五号楼六〇一室', '*号楼***室'],
    ['三单元二〇二', '*单元***'],
    ['十二栋一单元五〇三室', '**栋*单元***室'],
    ['家住阳光小区五号楼六零一室，楼道堆物严重', '家住阳光小区*号楼***室，楼道堆物严重'],
    ['我住和平里七区三号楼二单元四〇二，楼上漏水', '我住和平里七区*号楼*单元***，楼上漏水'],
    ['某某路一二三弄五号六〇一室', '某某路***弄*号***室'],
    ['5号楼六〇一室', '*号楼***室'],
    ['三〇一室的住户', '***室的住户'],
  ])('%s → %s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
    expect(findPersonalData(text).map((m) => m.kind)).toEqual(['address']);
    expect(maskPersonalData(masked)).toBe(masked);
  });

  it.each([
    '第五条', '第十二条第二款', '第三章第二节', '三个月内', '乘地铁五号线到三号口', '五号线', '五号楼前的草坪', '三号楼一单元门口的垃圾',
    '三室一厅的房子', '在一楼', '十室九空', '五月六号开会', '中央一号文件', '二〇二四年五月', '三号楼五层', '十二栋楼', '每户一室',
    '长宁路九九九号的商场', '一二〇急救', '五号令', '共三百户',
  ])('leaves %s alone', (text) => expect(maskPersonalData(text)).toBe(text));

  it('hides every numeral of building, stair and room, keeps the units and the length (property)', () => {
    const building = fc.integer({ min: 1, max: 99 }).map((n) => numberToChinese(n));
    const unit = fc.option(fc.integer({ min: 1, max: 9 }).map((n) => `${numberToChinese(n)}单元`), { nil: '' });
    const room = fc.tuple(fc.integer({ min: 101, max: 3299 }), fc.constantFrom('〇', '零')).map(([n, zero]) => digitByDigit(n, zero));
    const kind = fc.constantFrom('号楼', '栋', '幢', '号');
    const end = fc.constantFrom('室', '');
    fc.assert(fc.property(building, kind, unit, room, end, (b, k, u, r, e) => {
      const door = `${b}${k}${u}${r}${e}`;
      const text = `家住某小区${door}，狗叫扰民`;
      const masked = maskPersonalData(text);
      expect(masked).toHaveLength(text.length);
      expect(masked.startsWith('家住某小区')).toBe(true);
      expect(masked.endsWith('，狗叫扰民')).toBe(true);
      const shown = masked.slice('家住某小区'.length, masked.length - '，狗叫扰民'.length);
      expect(shown).not.toMatch(/[〇零一二三四五六七八九十]/u);
      expect(shown.replace(/\*/gu, '')).toBe(`${k}${u === '' ? '' : '单元'}${e}`);
      expect(maskPersonalData(masked)).toBe(masked);
    }));
  });

  it('citations and counts in numerals are never masked (property)', () => {
    const n = fc.integer({ min: 1, max: 300 }).map((k) => numberToChinese(k));
    const shape = fc.constantFrom('第{}条', '第{}条第二款', '第{}章', '{}个月', '{}号线', '{}号楼', '{}年', '{}户', '第{}项', '{}层楼高', '{}号文件');
    fc.assert(fc.property(n, shape, (k, s) => {
      const text = `根据${s.replace('{}', k)}的规定`;
      expect(maskPersonalData(text)).toBe(text);
    }));
  });
});
