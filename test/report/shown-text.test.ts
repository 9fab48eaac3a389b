/** What reports show people: keywords without contact fragments, source places without a repeated CSV name. */
import { describe, expect, it } from 'vitest';
import { sourcePlace } from '../../src/text/format.js';
import { keywordsWithoutPersonalData, stripPersonalData } from '../../src/text/mask.js';

describe('keywordsWithoutPersonalData', () => {
  it.each([
    // [keywords, opinions, expected]
    [['头盔', 'com'], ['头盔罚款问题，建议以教育为主。联系我：liangshufen@example.com'], ['头盔']],
    [['example', '教育'], ['以教育为主 a.b@example.org'], ['教育']],
    [['138', '号牌'], ['号牌补领太慢，电话 138-1234-5678'], ['号牌']],
    // "com" also stands outside the e-mail address: a real word of the opinion, kept.
    [['com'], ['网站 com 域名 x@y.com'], ['com']],
    // The simplified keyword of a traditional-script opinion is not in the text verbatim: kept.
    [['严格', '充电'], ['建議樓道充電要嚴格禁止，xu@example.com'], ['严格', '充电']],
    [[], ['无关键词'], []],
  ])('%j from %j → %j', (keywords, texts, expected) => {
    expect(keywordsWithoutPersonalData(keywords, texts)).toEqual(expected);
  });

  it('strips every kind of personal data the masker knows', () => {
    const stripped = stripPersonalData('手机13812345678 座机0571-87654321 身份证110101199001011234 邮箱 ab@c.cn 电话：87654321');
    expect(stripped).not.toMatch(/[0-9]{4}|@/);
    expect(stripped).toContain('手机');
  });
});

describe('sourcePlace', () => {
  it.each([
    ['明珠社区.csv', '明珠社区', '明珠社区.csv'],
    ['城东区-东湖街道立法联系点-2024年5月.xlsx', '意见汇总', '城东区-东湖街道立法联系点-2024年5月.xlsx / 意见汇总'],
    ['a.b.csv', 'a.b', 'a.b.csv'],
    ['汇总.xlsx', '汇总', '汇总.xlsx'], // a sheet named like its file says nothing new
    ['汇总.xlsx', 'Sheet1', '汇总.xlsx / Sheet1'],
    ['noext', 'noext', 'noext'],
    ['x.csv', '', 'x.csv'],
  ])('sourcePlace(%s, %s) = %s', (file, sheet, expected) => expect(sourcePlace(file, sheet)).toBe(expected));
});
