/**
 * 联系人及电话 beside 提出单位/个人: the header's first word (联系人) took the 提出人 field, and every name in the letters
 * was a phone number (masked, but still no name), while the names column was left unread.
 */
import { describe, expect, it } from 'vitest';
import { ingestGrid } from '../../src/ingest/sheet.js';
import { noticeText } from '../../src/notices.js';
import { grid, options } from './helpers.js';

const source = { file: '东湖街道立法联系点.csv', path: 'in/东湖街道立法联系点.csv', encoding: null };

describe('a 提出人 column of phone numbers', () => {
  it('is the 联系方式 column, and the names column the 提出人', () => {
    const out = ingestGrid(grid([
      ['编号', '提出单位/个人', '条文序号', '具体修改意见', '联系人及电话'],
      ['1', '王建国', '第十条', '上牌要网上办。', '13812345678'],
      ['2', '李秀英', '第十九条', '楼道充电要严管。', '0571-87654321'],
      ['3', '张伟', '第二十条', '电池要回收。', '13912345678'],
    ]), source, options());
    expect(out.records.map((r) => [r.submitter, r.contact])).toEqual([
      ['王建国', '13812345678'], ['李秀英', '0571-87654321'], ['张伟', '13912345678'],
    ]);
    expect(out.notices.filter((n) => n.code === 'W_COLUMN_FROM_CONTENT').map(noticeText)).toEqual(['E 列「联系人及电话」的内容多为电话号码，按内容作“联系方式”列。']);
    expect(out.notices.some((n) => n.code === 'W_COLUMNS_COMPETE')).toBe(false);
  });

  it('stays the 提出人 when it holds names, or when the sheet has a 联系方式 column, or when --map says so', () => {
    const names = ingestGrid(grid([['联系人', '意见建议'], ['王建国', '上牌要网上办。'], ['李秀英', '楼道充电要严管。']]), source, options());
    expect(names.records.map((r) => r.submitter)).toEqual(['王建国', '李秀英']);
    const both = ingestGrid(grid([['联系人', '联系电话', '意见建议'], ['13812345678', '13912345678', '上牌要网上办。']]), source, options());
    expect(both.records.map((r) => [r.submitter, r.contact])).toEqual([['13812345678', '13912345678']]);
    const forced = ingestGrid(grid([['联系人及电话', '意见建议'], ['13812345678', '上牌要网上办。']]), source, options({ maps: ['提出人=A'] }));
    expect(forced.records.map((r) => [r.submitter, r.contact])).toEqual([['13812345678', null]]);
  });
});
