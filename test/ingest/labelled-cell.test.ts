/**
 * An opinion cell typed as a small form (条款：第十条 / 意见：… / 理由：…, or 【条款】…【意见】…【理由】…). Before, the
 * labels and the 理由 stayed in the opinion's text: the report printed 条款：第十条 意见：… as the opinion, and the
 * 理由 was never a 理由.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelledParts } from '../../src/ingest/labelled-cell.js';
import { ingestGrid } from '../../src/ingest/sheet.js';
import { noticeText } from '../../src/notices.js';
import { grid, options } from './helpers.js';

describe('labelledParts', () => {
  it.each([
    ['条款：第十条\n意见：上牌要跑两次，建议网上办理。\n理由：群众办事太麻烦。', { article: '第十条', opinion: '上牌要跑两次，建议网上办理。', reason: '群众办事太麻烦。' }],
    ['【条款】第十九条【意见】楼道充电要严管【理由】太危险', { article: '第十九条', opinion: '楼道充电要严管', reason: '太危险' }],
    ['涉及条款：第二十条；具体意见：电池更换要有标准；修改建议：增加“应当符合国家标准”。', { article: '第二十条', opinion: '电池更换要有标准', suggestion: '增加“应当符合国家标准”。' }],
    ['意见：头盔太热。\n依据：夏天气温高。', { opinion: '头盔太热。', reason: '夏天气温高。' }],
  ])('%s', (text, parts) => expect(labelledParts(text)).toEqual(parts));

  it.each([
    '关于第二十五条：头盔应当免费发放。理由：农村老人买不起。',
    '意见：头盔太热。',
    '条款：第十条',
    '建议上牌网上办理，理由：跑两次太麻烦。',
    '楼道充电太危险。',
  ])('leaves %s whole', (text) => expect(labelledParts(text)).toBeNull());

  it('keeps every character of the parts it labels', () => {
    const body = fc.stringMatching(/^[一-龥，]{1,20}$/u);
    fc.assert(
      fc.property(body, body, body, (article, opinion, reason) => {
        const parts = labelledParts(`条款：${article}\n意见：${opinion}\n理由：${reason}`);
        expect(parts).toEqual({ article, opinion, reason });
      }),
    );
  });
});

describe('a sheet of labelled cells', () => {
  const out = ingestGrid(grid([
    ['序号', '提出人', '条款', '意见建议', '理由'],
    ['1', '王建国', '', '条款：第十条\n意见：上牌要网上办。\n理由：跑两次太麻烦。', ''],
    ['2', '李秀英', '第十九条', '【条款】第二十条【意见】楼道充电要严管【理由】太危险', '居民反映'],
    ['3', '张伟', '', '楼道充电太危险。', ''],
  ], [], '意见'), { file: '东湖街道立法联系点.xlsx', path: 'in/东湖街道立法联系点.xlsx', encoding: null }, options());

  it('gives each part to its field, the row\'s own cells first', () => {
    expect(out.records.map((r) => [r.article, r.opinion, r.reason])).toEqual([
      ['第十条', '上牌要网上办。', '跑两次太麻烦。'],
      ['第十九条', '楼道充电要严管', '居民反映'],
      [null, '楼道充电太危险。', null],
    ]);
    expect(out.notices.filter((n) => n.code === 'W_LABELLED_CELLS').map(noticeText)).toEqual([
      '第 2 行、第 3 行的意见一格写成“条款：…… 意见：…… 理由：……”，各部分已分别读作条款、意见、修改建议和理由（本行这几栏原有内容的，以原有内容为准）；请核对。',
    ]);
  });
});
