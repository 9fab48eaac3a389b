/**
 * Two tables one below the other in one sheet (一、座谈会意见 with its header, 二、书面意见 with another, columns in
 * another order). Before: the header naming more fields won, and the other table's opinions above it were dropped
 * without a word, outside every count.
 */
import { describe, expect, it } from 'vitest';
import { ingestGrid } from '../../src/ingest/sheet.js';
import { grid, options } from './helpers.js';

const source = { file: '东湖街道立法联系点.xlsx', path: 'in/东湖街道立法联系点.xlsx', encoding: null };
const SHEET = [
  ['东湖街道立法联系点意见汇总表'],
  ['一、座谈会意见'],
  ['序号', '提出人', '条款', '意见建议'],
  ['1', '张三', '第十九条', '楼道充电太危险。'],
  ['2', '李四', '第二十五条', '头盔要统一发放。'],
  [],
  ['二、书面意见'],
  ['序号', '姓名', '涉及条款', '具体意见', '联系电话'],
  ['1', '王五', '第十四条', '停车点太少。', '13812345678'],
  ['2', '赵六', '', '电梯要装阻车系统。', '13912345678'],
];

describe('a sheet of two tables', () => {
  const out = ingestGrid(grid(SHEET), source, options());

  it('reads each table by its own header: nothing above the larger header is lost', () => {
    expect(out.records.map((r) => [r.source.row, r.submitter, r.article, r.opinion, r.contact])).toEqual([
      [4, '张三', '第十九条', '楼道充电太危险。', null],
      [5, '李四', '第二十五条', '头盔要统一发放。', null],
      [9, '王五', '第十四条', '停车点太少。', '13812345678'],
      [10, '赵六', null, '电梯要装阻车系统。', '13912345678'],
    ]);
  });

  it('counts every row below the first header, the second header a 说明行, and says what it did', () => {
    const r = out.report;
    expect(r.headerRows).toEqual([3]);
    expect(r.rows).toBe(SHEET.length - 3);
    expect(r.rows).toBe(r.records - (r.splitParts ?? 0) + r.rejects + r.blanks + (r.notes ?? 0));
    expect(r.noteRows?.map((n) => [n.row, n.kind])).toEqual([[7, 'subtitle'], [8, 'tableHeader']]);
    expect(out.notices.map((n) => n.code)).toContain('W_TABLES_IN_SHEET');
    expect(r.tables?.map((t) => [t.headerRows, t.columns.filter((c) => c.field !== null).map((c) => `${c.column}:${c.field}`)])).toEqual([
      [[3], ['A:seq', 'B:submitter', 'C:article', 'D:opinion']],
      [[8], ['A:seq', 'B:submitter', 'C:article', 'D:opinion', 'E:contact']],
    ]);
    expect(r.notices?.[0]).toBe('本表上下有 2 张表，各按自己的表头读取：第 3 行表头下 2 条（意见取自D 列「意见建议」），第 8 行表头下 2 条（意见取自D 列「具体意见」）；请核对。');
  });

  it('a header printed again at a page break is one table, as before', () => {
    const repeated = ingestGrid(grid([SHEET[2]!, SHEET[3]!, SHEET[2]!, SHEET[4]!]), source, options());
    expect(repeated.records).toHaveLength(2);
    expect(repeated.notices.map((n) => n.code)).not.toContain('W_TABLES_IN_SHEET');
    expect(repeated.report.noteRows?.map((n) => n.kind)).toEqual(['header']);
  });

  it('a data row of short cells naming no opinion field is no second header', () => {
    const plain = ingestGrid(grid([['提出人', '条款', '意见建议'], ['张三', '第十九条', '好'], ['李四', '序号', '条款']]), source, options());
    expect(plain.notices.map((n) => n.code)).not.toContain('W_TABLES_IN_SHEET');
    expect(plain.records).toHaveLength(2);
    const short = ingestGrid(grid([['序号', '联系点', '意见建议', '联系方式'], ['1', '滨江社区', '〔意见1〕', '“引号”'], ['', '滨江社区', '意见', '建议']]), source, options());
    expect(short.notices.map((n) => n.code)).not.toContain('W_TABLES_IN_SHEET');
    expect(short.records).toHaveLength(2);
  });
});
