/**
 * Found on fresh submissions (fixtures/pii-fresh, session 23): an online form's export headed 提交时间 | 您的意见 | 条款 |
 * 称呼 | 联系方式 lost every submitter — 称呼 (how to address you) was read as no field, and merge wrote the 提出人
 * column empty. And a sheet without a 联系方式 column that keeps its contacts under 备注 (联系人：王先生 13912345610,
 * 微信：laoli_1960) was merged without them, and without a word.
 */
import { describe, expect, it } from 'vitest';
import { ingestGrid } from '../../src/ingest/sheet.js';
import { buildSynonymIndex, DEFAULT_SYNONYMS, matchHeader } from '../../src/ingest/synonyms.js';
import { grid, options } from './helpers.js';

const index = buildSynonymIndex(DEFAULT_SYNONYMS);
const source = { file: '城北区-老年大学立法联系点.tsv', path: 'in/城北区-老年大学立法联系点.tsv', encoding: 'UTF-8' };

describe('an online form names the submitter 称呼 or 昵称', () => {
  it.each(['称呼', '您的称呼', '称呼（先生/女士）', '昵称', '微信昵称'])('%s → submitter', (header) => {
    expect(matchHeader(header, index)?.field).toBe('submitter');
  });

  it('the form export gives each record its submitter', () => {
    const out = ingestGrid(grid([
      ['提交时间', '您的意见', '条款', '称呼', '联系方式'],
      ['2024-06-03 09:12', '老年代步车算不算电动自行车，请写清楚。', '第二条', '钱老师', '电话：021—6275—5678转8021'],
      ['2024-06-03 10:40', '建议充电桩装在室外。', '第十九条', '孙老师', ''],
    ]), source, options());
    expect(out.records.map((r) => [r.submitter, r.article, r.contact])).toEqual([
      ['钱老师', '第二条', '电话：021—6275—5678转8021'],
      ['孙老师', '第十九条', null],
    ]);
  });
});

describe('contacts under a column no field is read from', () => {
  const noticesOf = (rows: string[][]): string[] => ingestGrid(grid(rows, [], '群众诉求'), { ...source, file: '新村.xlsx', path: 'in/新村.xlsx', encoding: null }, options()).report.notices ?? [];

  it('are said, naming the column and the rows, with the --map that reads them', () => {
    const said = noticesOf([
      ['序号', '法条', '群众诉求', '反映人', '备注'],
      ['1', '第十九条', '村里没有充电桩。', '老张', '联系人：王先生 13912345610'],
      ['2', '第十条', '登记要去城里，太远。', '老李', '微信：laoli_1960'],
      ['3', '第三十条', '罚款太多了。', '老刘', '已电话回访'],
    ]).filter((n) => n.includes('电话、邮箱或账号'));
    expect(said).toEqual([
      "E 列「备注」没有读取，但第 2 行、第 3 行在这一列写有电话、邮箱或账号，本表又没有“联系方式”一栏，合并后的表中没有这些联系方式；如要读作联系方式，请用 --map '新村.xlsx:群众诉求:联系方式=E' 指定。",
    ]);
  });

  it('are not said when the sheet has a 联系方式 column, or the remarks hold no contact (an ID, a door number, 第12条)', () => {
    expect(noticesOf([
      ['序号', '意见建议', '联系电话', '备注'],
      ['1', '村里没有充电桩。', '13912345611', '另一号码 13912345612'],
    ]).filter((n) => n.includes('电话、邮箱或账号'))).toEqual([]);
    expect(noticesOf([
      ['序号', '意见建议', '备注'],
      ['1', '村里没有充电桩。', '身份证110105198001011237，住5号楼601室，同第12条'],
    ]).filter((n) => n.includes('电话、邮箱或账号'))).toEqual([]);
  });
});

describe('a numbered remark block under the table', () => {
  it('注：1.… then 2.联系电话：… are both 注释行; the second is no 分段标题', () => {
    const out = ingestGrid(grid([
      ['序号', '姓名', '条款', '意见建议'],
      ['1', '甲', '第十条', '登记点太少。'],
      ['2', '乙', '第十二条', '号牌补领太慢。'],
      ['注：1.本表由社区填报；', '', '', ''],
      ['2.联系电话：13912345678（社区王主任）', '', '', ''],
      ['（三）请于6月10日前报送。', '', '', ''],
    ]), source, options());
    expect(out.records.map((r) => r.source.row)).toEqual([2, 3]);
    expect(out.report.noteRows?.map((n) => [n.row, n.kind])).toEqual([[4, 'remark'], [5, 'remark'], [6, 'remark']]);
    expect(out.report.notices ?? []).toEqual([]);
  });

  it('a numbered sub-title after the opinions, with no remark above it, is still a sub-title', () => {
    const out = ingestGrid(grid([
      ['序号', '提出人', '条款', '意见建议'],
      ['1', '甲', '第十条', '登记点太少。'],
      ['二、甘家口街道立法联系点', '', '', ''],
      ['1', '乙', '第十二条', '号牌补领太慢。'],
    ]), source, options());
    expect(out.report.noteRows?.map((n) => [n.row, n.kind])).toEqual([[3, 'subtitle']]);
    expect(out.records.map((r) => r.point)).toEqual([expect.any(String), '甘家口街道立法联系点']);
  });
});
