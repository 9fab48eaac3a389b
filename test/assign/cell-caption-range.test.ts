/**
 * 条款 cells written fresh: an article named by its caption (佩戴头盔), a range typed with a tilde (19～21) or a
 * hyphen (19-20, read before as the key 第十九条之二十, which the draft does not have).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DRAFT_TXT } from '../cli/run-cli.js';
import { ASSIGN_DEFAULTS, createAssigner } from '../../src/assign/assign.js';
import { parseArticleCell } from '../../src/text/article-ref.js';
import { parseDraft } from '../../src/text/draft.js';
import { articleLabel } from '../../src/article-key.js';

const draft = parseDraft(readFileSync(DRAFT_TXT, 'utf8'), 'draft.txt');
const assigner = createAssigner(draft, (text) => [...text], { ...ASSIGN_DEFAULTS, examples: [] });
const cell = (article: string): [string, string][] => assigner.cited({ article, opinion: '意见。' }).map((a) => [a.key, a.source]);

describe('an article named by its caption in the 条款 cell', () => {
  it.each([
    ['佩戴头盔', '25'],
    ['（禁止违规充电）', '19'],
    ['关于“载人规定”', '26'],
    ['【佩戴头盔】', '25'],
    ['佩戴头盔的规定', '25'],
  ])('%s → 第 %s 条, from the column', (text, key) => expect(cell(text)).toEqual([[key, 'column']]));

  it.each(['头盔', '头盔那条', '电动自行车', '罚款'])('%s is no caption of the draft (left to the similarity)', (text) => {
    expect(cell(text)).toEqual([]);
  });
});

describe('a range of articles in the 条款 cell', () => {
  it('typed with a tilde is the range, whatever the draft', () => {
    expect(parseArticleCell('19～21').keys).toEqual(['19', '20', '21']);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 20 }), fc.constantFrom('~', '～', '〜'), (from, span, tilde) => {
        expect(parseArticleCell(`${from}${tilde}${from + span}`).keys).toEqual(Array.from({ length: span + 1 }, (_, i) => String(from + i)));
      }),
    );
  });

  it('typed with a hyphen is the range when the draft has no such 之 article but has both ends', () => {
    expect(cell('19-20')).toEqual([['19', 'column'], ['20', 'column']]);
    expect(cell('19-21')).toEqual([['19', 'column'], ['20', 'column'], ['21', 'column']]);
    // The draft has 第十二条之一: 12-1 is that article, as yijian writes keys.
    expect(cell('12-1')).toEqual([['12-1', 'column']]);
    // Past the draft's end it stays what was written, flagged as not in the draft.
    expect(assigner.cited({ article: '45-60', opinion: '意见。' }).map((a) => [a.key, a.notInDraft])).toEqual([['45-60', true]]);
  });
});

describe('an item named without its paragraph (第十九条第（二）项)', () => {
  const listed = parseDraft([
    '某市条例',
    '第一条 禁止下列行为：',
    '（一）在楼道充电；',
    '（二）飞线充电；',
    '（三）私拉电线。',
    '第二条 市人民政府履行下列职责：',
    '（一）制定政策；',
    '（二）组织实施。',
    '区人民政府履行下列职责：',
    '（一）贯彻执行；',
    '（二）监督管理。',
    '第三条 本条例自公布之日起施行。',
  ].join('\n'), 'draft.txt');
  const a = createAssigner(listed, (text) => [...text], { ...ASSIGN_DEFAULTS, examples: [] });
  const keys = (article: string | null, opinion = '意见。'): string[] => a.cited({ article, opinion }).map((x) => x.key);

  it('is that item of the article\'s one list, from the column and from the text', () => {
    expect(keys('第一条第（二）项')).toEqual(['1.1.2']);
    expect(keys('1条2项')).toEqual(['1.1.2']);
    expect(keys(null, '第一条第三项的私拉电线要说清楚。')).toEqual(['1.1.3']);
  });

  it('is also a cell ending in the item\'s numeral (第一条（二）), not in a caption', () => {
    expect(keys('第一条（二）')).toEqual(['1.1.2']);
    expect(cell('第十九条（禁止违规充电）')).toEqual([['19', 'column']]);
    expect(cell('第十九条（二）')).toEqual([['19.1.2', 'column']]);
  });

  it('stays the article where the paragraph cannot be told or the item is not there', () => {
    expect(keys('第二条第（二）项')).toEqual(['2']);
    expect(keys('第一条第（五）项')).toEqual(['1']);
    expect(keys('第三条第（一）项')).toEqual(['3']);
    expect(keys('第二条第二款第（一）项')).toEqual(['2.2.1']);
  });

  it('is named as drafters write it: no 第一款 where the article has one paragraph', () => {
    expect(articleLabel('1.1.2', listed)).toBe('第一条第（二）项');
    expect(articleLabel('2.1.2', listed)).toBe('第二条第一款第（二）项');
    expect(articleLabel('1.1.2')).toBe('第一条第一款第（二）项');
  });
});

describe('a 条款 cell that says the opinion is on no one article', () => {
  it.each(['不涉及具体条款', '不涉及具体条文', '无具体条款', '全部', '全部条款', '所有条款', '各条'])('%s is a general opinion', (text) => {
    expect(parseArticleCell(text)).toMatchObject({ keys: ['general'], unreadable: false });
  });

  it('全部 inside a citation is no such word, and 不涉及 alone is a blank cell', () => {
    expect(parseArticleCell('第十二条全部').keys).toEqual(['12']);
    expect(parseArticleCell('不涉及')).toMatchObject({ keys: [], unreadable: false });
  });
});

describe('numbers apart by spaces in the 条款 cell', () => {
  it('are a list, as with 、 (before, 19 20 was 第二十条 alone)', () => {
    expect(parseArticleCell('19 20').keys).toEqual(['19', '20']);
    expect(parseArticleCell('19  20 21').keys).toEqual(['19', '20', '21']);
    expect(parseArticleCell('12 - 15').keys).toEqual(['12', '13', '14', '15']);
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 5 }), fc.constantFrom(' ', '  ', '\u3000'), (numbers, gap) => {
      expect(parseArticleCell(numbers.join(gap)).keys).toEqual(numbers.map(String));
    }));
  });
});

describe('a 条款 cell that quotes the article instead of naming it', () => {
  it('files the opinion under the one article whose words it quotes', () => {
    expect(cell('禁止下列违规充电行为：（一）在建筑物的公共门厅、疏散楼梯')).toEqual([['19', 'column']]);
    expect(cell('第二十五条 驾驶、乘坐电动自行车应当佩戴安全头盔。')).toEqual([['25', 'column']]);
  });

  it('takes no short phrase, and no words several articles share, for a quote', () => {
    expect(cell('电动自行车')).toEqual([]);
    expect(cell('本条例自年月日起施行')).toEqual([]);
    // 违反本条例第 …… 规定 opens many penalty articles: no one article is quoted.
    expect(assigner.cited({ article: '违反本条例规定的，由公安机关', opinion: '意见。' })).toEqual([]);
  });
});
