/**
 * 同上 and 〃 as clerks type them: in the 条款 cell for "the same article as above", in the 意见建议 cell for a second
 * person who said the same. Before, a 条款 of 同上 was unreadable (the opinion was guessed by similarity, 第十条 →
 * 第十四条) and an opinion of 同上 became an opinion reading 同上.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDitto } from '../../src/ingest/ditto.js';
import { ingestGrid } from '../../src/ingest/sheet.js';
import { noticeText } from '../../src/notices.js';
import { grid, options } from './helpers.js';

describe('isDitto', () => {
  it.each(['同上', '同上。', '同上条', '同上意见', '〃', '″', '同前', ' 同上 '])('%s says "as above"', (text) => expect(isDitto(text)).toBe(true));
  it.each(['同上一条意见，另外建议增设充电桩', '上同', '同意', '第十条', '', '同上级部门协商'])('%s does not', (text) => expect(isDitto(text)).toBe(false));
  it('never takes a text longer than six characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 7, maxLength: 40 }), (text) => {
        expect(isDitto(text)).toBe(false);
      }),
    );
  });
});

describe('a sheet with 同上 cells', () => {
  const rows = [
    ['序号', '提出人', '条款', '意见建议'],
    ['1', '王建国', '第十条', '楼道里不能停电动车，建议写清楚。'],
    ['2', '李秀英', '同上', '停车棚要加装充电桩。'],
    ['3', '张伟', '第十九条', '充电时间不能超过八小时。'],
    ['4', '刘敏', '', '同上'],
    ['5', '陈静', '〃', '充电桩要有人管。'],
  ];
  const out = ingestGrid(grid(rows, [], '意见'), { file: '东湖街道立法联系点.xlsx', path: 'in/东湖街道立法联系点.xlsx', encoding: null }, options());

  it('takes the article or the opinion of the record above', () => {
    expect(out.records.map((r) => [r.source.row, r.submitter, r.article, r.opinion])).toEqual([
      [2, '王建国', '第十条', '楼道里不能停电动车，建议写清楚。'],
      [3, '李秀英', '第十条', '停车棚要加装充电桩。'],
      [4, '张伟', '第十九条', '充电时间不能超过八小时。'],
      [5, '刘敏', '第十九条', '充电时间不能超过八小时。'],
      [6, '陈静', '第十九条', '充电桩要有人管。'],
    ]);
  });

  it('says each fill with the row it came from', () => {
    expect(out.notices.filter((n) => n.code === 'W_DITTO_FILLED').map(noticeText)).toEqual([
      '3 处写的是“同上”（或“〃”），已取上一条意见的条款或意见（第 3 行的条款取自第 2 行，第 5 行的意见取自第 4 行，第 6 行的条款取自第 5 行）；意见写“同上”的，作与上一条相同的意见计入；请核对。',
    ]);
  });

  it('leaves a 同上 on the first row as written', () => {
    const first = ingestGrid(grid([['条款', '意见建议'], ['同上', '楼道里不能停电动车。']]), { file: 'a.xlsx', path: 'a.xlsx', encoding: null }, options());
    expect(first.records.map((r) => r.article)).toEqual(['同上']);
    expect(first.notices.some((n) => n.code === 'W_DITTO_FILLED')).toBe(false);
  });
});
