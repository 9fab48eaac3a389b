/**
 * A form's 意见建议 cell, or an online form's last question (其他意见和建议), answered 无 / 暂无意见 / 没有 / "/":
 * the person has no opinion. Before, each such answer was an opinion of its own — 无 clustered with 无 into a
 * 主要意见 of the summary, and counted in every point's total.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNoOpinion } from '../../src/ingest/rows.js';
import { ingestGrid } from '../../src/ingest/sheet.js';
import { noticeText } from '../../src/notices.js';
import { grid, options } from './helpers.js';

describe('isNoOpinion', () => {
  it.each(['无', '无。', '没有', '没有！', '暂无', '暂无意见', '暂时没有意见', '无意见', '没意见', '无意见建议', '无其他意见', '本人无意见', '我们没有什么意见', '/', '／', '-', '——', '。', 'N/A', '无 '])('%s is no opinion', (text) => {
    expect(isNoOpinion(text)).toBe(true);
  });
  it.each(['同意', '赞成', '无障碍设施要写进去', '没有停车位怎么办', '无其他意见，同意草案', '无意见，但第十条的罚款太高', '建议无', '有', '第十条', '没有充电桩，建议增设'])('%s is an opinion', (text) => {
    expect(isNoOpinion(text)).toBe(false);
  });
  it('never takes a text that names an article, a number or more than sixteen characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 17, maxLength: 60 }), (text) => {
        expect(isNoOpinion(text)).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (n) => {
        expect(isNoOpinion(`第${n}条`)).toBe(false);
        expect(isNoOpinion(`无${n}`)).toBe(false);
      }),
    );
  });
});

describe('a sheet with 无 answers', () => {
  const rows = [
    ['序号', '提出人', '条款', '意见建议', '修改建议'],
    ['1', '王建国', '第十条', '楼道里不能停电动车，建议写清楚。', ''],
    ['2', '李秀英', '', '无', ''],
    ['3', '张伟', '第十二条', '暂无意见。', ''],
    ['4', '刘敏', '第十九条', '无', '建议把罚款降到五十元。'],
    ['5', '陈静', '', '同意', ''],
    ['6', '杨磊', '', '', ''],
  ];
  const out = ingestGrid(grid(rows, [], '意见'), { file: '东湖街道立法联系点.xlsx', path: 'in/东湖街道立法联系点.xlsx', encoding: null }, options());

  it('keeps the opinions, 同意 among them, and a 修改建议 written beside 无', () => {
    expect(out.records.map((r) => [r.source.row, r.opinion])).toEqual([
      [2, '楼道里不能停电动车，建议写清楚。'],
      [5, '建议把罚款降到五十元。'],
      [6, '同意'],
    ]);
  });
  it('counts the 无 rows as 说明行 and says so, and the sheet still adds up', () => {
    expect(out.report.noteRows?.filter((n) => n.kind === 'noOpinion').map((n) => n.row)).toEqual([3, 4]);
    expect(out.notices.filter((n) => n.code === 'W_NO_OPINION_ANSWERS').map(noticeText)).toEqual([
      '第 3 行、第 4 行的意见一格只写了“无”“暂无意见。”，表示没有意见，记为说明行，不作意见（共 2 行）。',
    ]);
    expect(out.report.rows).toBe(out.report.records + out.report.rejects + out.report.blanks + (out.report.notes ?? 0));
    // A row with a name and no opinion at all is still a 问题行.
    expect(out.rejects.map((r) => [r.source.row, r.reason])).toEqual([[7, 'E_NO_OPINION']]);
  });
});
