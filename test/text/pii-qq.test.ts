/**
 * QQ numbers in opinion text (session 23). The labelled-account rule read only `QQ号：` + ASCII digits written without a
 * break: QQ号码是123456789, QQ：1234 5678, QQ１２３４５６７８９ (full-width) and a number glued to more digits
 * (QQ12345678901234567890123) were printed whole; the second of "QQ 123456789 或 987654321" too; and in
 * 微信号是wxid_abc123 the wx of the account was read as a label, leaving "wxi***".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData, maskPersonalData } from '../../src/text/pii.js';

describe('QQ and WeChat accounts named in running text', () => {
  it.each([
    ['QQ号码是123456789', 'QQ号码是*****6789'],
    ['QQ号为：123456789，晚上在线', 'QQ号为：*****6789，晚上在线'],
    ['QQ：1234 5678', 'QQ：****5678'],
    ['QQ号：123-456-789', 'QQ号：*****6789'],
    ['QQ１２３４５６７８９后面', 'QQ*****６７８９后面'],
    ['扣扣号码为１２３４５６７８', '扣扣号码为****５６７８'],
    ['QQ12345678901234567890123', 'QQ*******************0123'],
    ['QQ 123456789 或 987654321', 'QQ *****6789 或 *****4321'],
    ['QQ:12345678/87654321', 'QQ:****5678/****4321'],
    ['Qq123456789后面', 'Qq*****6789后面'],
    ['QQ号123456789.', 'QQ号*****6789.'],
    ['微信号是wxid_abc123', '微信号是w***'],
    ['微信 ID：zhangsan88', '微信 ID：z***'],
    // Kept as before.
    ['QQ123456789后面', 'QQ*****6789后面'],
    ['QQ号:12345678910', 'QQ号:*******8910'],
    ['扣扣 12345678', '扣扣 ****5678'],
  ])('%s → %s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
    expect(maskPersonalData(masked)).toBe(masked);
    const found = findPersonalData(text);
    // Never two matches over the same characters.
    for (let k = 1; k < found.length; k += 1) expect(found[k]!.start).toBeGreaterThanOrEqual(found[k - 1]!.end);
  });

  it.each(['请加入QQ群讨论', 'QQ群123456789', 'QQ 2024年加的群', '用QQmail发的', '微信公众号文章'])('leaves %s alone', (text) => {
    expect(maskPersonalData(text)).toBe(text);
  });

  it('a QQ number after its label and a year after it: the year is no part of the number', () => {
    expect(maskPersonalData('QQ 12345678 2024年5月加的群')).toBe('QQ ****5678 2024年5月加的群');
  });

  it('no more than four digits of a labelled QQ number stay readable, however it is written (property)', () => {
    const qq = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 4, max: 9 })).chain(([lead, rest]) =>
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: rest, maxLength: rest }).map((digits) => `${lead}${digits.join('')}`));
    const label = fc.constantFrom('QQ', 'qq', 'ＱＱ', '扣扣', 'QQ号', 'QQ号码', 'qq号');
    const filler = fc.constantFrom('', '是', '为', '：', ':', ' ', '是：', ' : ');
    const wide = fc.boolean();
    const tail = fc.constantFrom('', '后面', '，有事联系', '。', '（常用）', '或微信zhang_88', '123');
    fc.assert(fc.property(qq, label, filler, wide, tail, (number, l, f, w, t) => {
      const written = w ? [...number].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('') : number;
      const text = `我的${l}${f}${written}${t}`;
      const once = maskPersonalData(text);
      const ascii = once.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
      for (let k = 0; k + 5 <= number.length; k += 1) expect(ascii).not.toContain(number.slice(k, k + 5));
      expect(maskPersonalData(once)).toBe(once);
    }));
  });
});
