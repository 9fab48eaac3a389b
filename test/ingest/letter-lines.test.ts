/** Opinions sent as a letter pasted into one column: the letter's own lines are 说明行, the numbers 原表序号. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTitleLine, letterPart } from '../../src/ingest/non-data.js';
import { pointFromTitleLines } from '../../src/ingest/point.js';
import { ingestGrid } from '../../src/ingest/sheet.js';
import { grid, options } from './helpers.js';

const LETTER = [
  '西湖街道基层立法联系点关于《某市电动自行车管理条例（征求意见稿）》的意见建议',
  '市司法局：',
  '根据《关于征求〈某市电动自行车管理条例（征求意见稿）〉意见的通知》要求，我街道于5月10日组织辖区居民、物业公司和快递企业代表召开座谈会，现将收集到的意见汇总如下：',
  '一、第十条规定电动自行车应当登记上牌，居民普遍反映上牌要跑车管所，建议在街道设立登记点，方便老年人办理。',
  '二、小区充电桩数量不足，很多居民只能从楼上拉电线充电，存在火灾隐患，建议条例明确新建小区配建充电设施的比例。',
  '三、快递、外卖电动自行车在人行道上逆行、闯红灯的现象突出，建议对平台企业规定管理责任。',
  '四、第二十三条罚款数额偏高，对低收入群体负担较重，建议首次违法以教育为主。',
  '特此报送。',
  '联系人：王小明，电话：13812345678',
  '西湖街道办事处',
  '2024年5月20日',
];
const source = { file: '西湖.csv', path: 'in/西湖.csv', encoding: 'UTF-8' };

describe('a letter pasted into one column', () => {
  const outcome = ingestGrid(grid(LETTER.map((line) => [line]), [], '西湖'), source, options());

  it('gives one record per numbered opinion, the number as the point’s own 序号, the point from the title', () => {
    expect(outcome.records.map((record) => [record.point, record.seq, record.opinion.slice(0, 6), record.source.row])).toEqual([
      ['西湖街道基层立法联系点', '一', '第十条规定电', 4],
      ['西湖街道基层立法联系点', '二', '小区充电桩数', 5],
      ['西湖街道基层立法联系点', '三', '快递、外卖电', 6],
      ['西湖街道基层立法联系点', '四', '第二十三条罚', 7],
    ]);
  });

  it('keeps the salutation, the lead-in, the closing and the sender as 说明行, and the rows add up', () => {
    expect(outcome.report.noteRows?.map((note) => [note.row, note.kind])).toEqual([
      [1, 'title'], [2, 'letter'], [3, 'letter'], [8, 'letter'], [9, 'signature'], [10, 'signature'], [11, 'signature'],
    ]);
    expect(outcome.report.records + outcome.report.rejects + outcome.report.blanks + (outcome.report.notes ?? 0)).toBe(LETTER.length);
    expect(outcome.rejects).toEqual([]);
  });

  it('leaves a list number inside an opinion alone when the lines are not numbered', () => {
    const plain = ingestGrid(grid([['东湖街道基层立法联系点'], ['建议第十条的登记手续简化，允许网上办理。'], ['3.5米宽的人行道上不应该允许停车，建议划定停放区域。']], [], '东湖'), { ...source, file: '东湖.csv' }, options());
    expect(plain.records.map((record) => [record.point, record.seq, record.opinion.slice(0, 4)])).toEqual([
      ['东湖街道基层立法联系点', null, '建议第十'],
      ['东湖街道基层立法联系点', null, '3.5米'],
    ]);
  });
});

describe('the lines of a letter', () => {
  it.each([
    ['市司法局：', 'letter'],
    ['尊敬的区人大常委会法工委：', 'letter'],
    ['各位领导：', 'letter'],
    ['现将居民意见整理如下：', 'letter'],
    ['特此报送。', 'letter'],
    ['以上意见，仅供参考。', 'letter'],
    ['妥否，请审示。', 'letter'],
    ['西湖街道办事处', 'signature'],
    ['某某律师事务所（盖章）', 'signature'],
    ['关于第十条：', null],
    ['建议：', null],
    ['建议如下修改：第十条增加一款。', null],
    ['居民反映电动车充电难，建议增加充电桩。', null],
    ['第十条如下：建议删除。', null],
  ])('%s → %s', (line, part) => {
    expect(letterPart(line)).toBe(part);
  });

  it('property: a line citing an article is never taken for part of the letter', () => {
    const article = fc.constantFrom('第十条', '第二十三条', '第 5 条', '第一百条');
    const words = fc.string({ unit: fc.constantFrom('建', '议', '如', '下', '：', '特', '此', '报', '送', '。', '局', '处'), maxLength: 12 });
    fc.assert(fc.property(words, article, words, (a, cite, b) => letterPart(`${a}${cite}${b}`) === null));
  });

  it('takes a point named alone on its line, or as the sender of the title, for the point', () => {
    expect(isTitleLine('东湖街道基层立法联系点')).toBe(true);
    expect(pointFromTitleLines(['东湖街道基层立法联系点'])).toEqual({ point: '东湖街道基层立法联系点', county: null });
    expect(pointFromTitleLines(['西湖街道基层立法联系点关于《某条例》的意见建议'])).toEqual({ point: '西湖街道基层立法联系点', county: null });
    expect(pointFromTitleLines(['关于征求基层立法联系点意见的通知'])).toEqual({ point: null, county: null });
  });
});
