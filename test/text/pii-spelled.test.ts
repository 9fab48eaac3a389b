/**
 * Personal data written out in running text (src/text/pii-spelled.ts, through findPersonalData): phone numbers in
 * Chinese numerals and QQ / WeChat accounts named by their label are masked like typed ones; ordinary numerals
 * (dates, article numbers, counts) never are.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskContact, maskPersonalData } from '../../src/text/pii.js';

describe('numbers spelled in Chinese numerals', () => {
  it.each([
    ['我的电话一三九一二三四五六七八，请回电', '我的电话一三九****五六七八，请回电'],
    ['电话：壹叁玖壹贰叁肆伍陆柒捌', '电话：壹叁玖****伍陆柒捌'],
    ['电话号码是幺三九幺二三四五六七八', '电话号码是幺三九****五六七八'],
    ['手机一三九 一二三四 五六七八', '手机一三九****五六七八'],
    ['座机零二一六二七五一二三四', '座机零二一****一二三四'],
    ['电话是六二七五一二三四', '电话是****一二三四'],
  ])('%s → %s', (text, masked) => expect(maskPersonalData(text)).toBe(masked));

  it.each([
    '二〇二四年六月二十日提出',
    '第一百二十三条第二款',
    '一二三四五六七条意见',
    '六二七五一二三四户居民',
    '三三两两的人在遛狗',
  ])('leaves ordinary numerals alone: %s', (text) => expect(maskPersonalData(text)).toBe(text));

  it('never masks a text of Chinese numerals that reads as no mobile, landline or ID number', () => {
    const digit = fc.constantFrom(...'〇一二三四五六七八九十百千年月日条款'.split(''));
    fc.assert(fc.property(fc.array(digit, { maxLength: 14 }).map((a) => a.join('')), (text) => {
      const masked = maskPersonalData(text);
      if (masked !== text) expect(masked).toMatch(/\*{4}/u);
      expect([...masked].length).toBeLessThanOrEqual([...text].length);
    }));
  });
});

describe('QQ and WeChat accounts named in running text', () => {
  it.each([
    ['QQ号：12345678', 'QQ号：****5678'],
    ['我的QQ 1234567890，有事联系', '我的QQ ******7890，有事联系'],
    ['微信号：zhangsan_88，欢迎联系', '微信号：z***，欢迎联系'],
    ['加我wx: wxid_abc123', '加我wx: w***'],
    ['手机13912345678（微信同号）', '手机139****5678（微信同号）'],
  ])('%s → %s', (text, masked) => expect(maskPersonalData(text)).toBe(masked));

  it('leaves a label without an account, and a group number, alone', () => {
    expect(maskPersonalData('建议在微信公众号上公布养犬须知')).toBe('建议在微信公众号上公布养犬须知');
    expect(maskPersonalData('请加入QQ群讨论')).toBe('请加入QQ群讨论');
  });

  it('masks them in a 联系方式 cell as before', () => {
    expect(maskContact('微信：wang_xiu88')).toBe('微信：w***');
  });
});
