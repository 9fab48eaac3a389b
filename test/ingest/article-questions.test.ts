/**
 * An online form that asks one question per article (3、您对第十条（登记上牌）有何意见？ …, then 6、其他意见和建议：),
 * as counties set up in 问卷星 for a short draft. Before, the article columns were 未映射的列: of three people's
 * answers to five questions, one opinion was read and the rest were lost without a word.
 */
import { describe, expect, it } from 'vitest';
import { articleOfQuestion } from '../../src/ingest/article-questions.js';
import { ingestGrid } from '../../src/ingest/sheet.js';
import { noticeText } from '../../src/notices.js';
import { sourceLabel } from '../../src/provenance.js';
import { grid, options } from './helpers.js';

const HEADER = ['序号', '提交答卷时间', '所用时间', '来源', '1、您的姓名：', '2、您的身份：', '3、您对第十条（登记上牌）有何意见？', '4、您对第十九条（充电安全）有何意见？', '5、您对第二十三条（佩戴头盔）有何意见？', '6、其他意见和建议：'];
const ROWS = [
  HEADER,
  ['1', '2024/5/20 10:23:45', '125秒', '微信', '张三', '群众', '上牌要跑两次太麻烦，建议网上办。', '(跳过)', '', '无'],
  ['2', '2024/5/20 11:02:11', '88秒', '手机提交', '李四', '快递员', '(跳过)', '单位没有充电桩，只能拿回家充。', '头盔太热，夏天能不能不戴。', '平台的配送时间太短。'],
  ['3', '2024/5/21 09:00:00', '300秒', '链接', '王五', '退休职工', '无', '楼道充电太危险，要严管。', '无意见', '(空)'],
  ['4', '2024/5/21 09:30:00', '61秒', '链接', '赵六', '群众', '无', '', '没有', '暂无'],
  ['5', '2024/5/21 10:00:00', '20秒', '链接', '钱七', '群众', '', '', '', ''],
];
const source = { file: '问卷星导出-东湖街道立法联系点.xlsx', path: 'in/问卷星导出-东湖街道立法联系点.xlsx', encoding: null };

describe('articleOfQuestion', () => {
  it.each([
    ['3、您对第十条（登记上牌）有何意见？', '第十条'],
    ['对第十九条第二款的意见', '第十九条第二款'],
    ['您对草案第三章（停放管理）有什么看法', '第三章'],
    ['Q5. 关于第23条的修改建议', '第23条'],
    ['6、其他意见和建议：', null],
    ['4、您的意见涉及草案哪一条？', null],
    ['条款（如：第十条）', null],
    ['原文（第十条）', null],
  ])('%s → %s', (header, article) => expect(articleOfQuestion(header)).toBe(article));
});

describe('a form with one question per article', () => {
  const out = ingestGrid(grid(ROWS), source, options());

  it('reads every answered question as an opinion on the article its header names, in column order', () => {
    expect(out.records.map((r) => [sourceLabel(r.source), r.article, r.opinion, r.submitter])).toEqual([
      ['问卷星导出-东湖街道立法联系点.xlsx / Sheet1 / 第 2 行', '第十条', '上牌要跑两次太麻烦，建议网上办。', '张三'],
      ['问卷星导出-东湖街道立法联系点.xlsx / Sheet1 / 第 3 行第 1 条', '第十九条', '单位没有充电桩，只能拿回家充。', '李四'],
      ['问卷星导出-东湖街道立法联系点.xlsx / Sheet1 / 第 3 行第 2 条', '第二十三条', '头盔太热，夏天能不能不戴。', '李四'],
      ['问卷星导出-东湖街道立法联系点.xlsx / Sheet1 / 第 3 行第 3 条', null, '平台的配送时间太短。', '李四'],
      ['问卷星导出-东湖街道立法联系点.xlsx / Sheet1 / 第 4 行', '第十九条', '楼道充电太危险，要严管。', '王五'],
    ]);
    expect(new Set(out.records.map((r) => r.id)).size).toBe(5);
  });

  it('counts a row that answered 无 everywhere as a 说明行 and one left blank as a 问题行; the sheet adds up', () => {
    expect(out.report.noteRows?.map((n) => [n.row, n.kind])).toEqual([[5, 'noOpinion']]);
    expect(out.notices.filter((n) => n.code === 'W_NO_OPINION_ANSWERS').map(noticeText)).toEqual(['第 5 行的意见一格只写了“无”，表示没有意见，记为说明行，不作意见（共 1 行）。']);
    expect(out.rejects.map((r) => [r.source.row, r.reason, r.message])).toEqual([[6, 'E_NO_OPINION', '第 6 行各条的意见都没有填写。']]);
    const extra = out.report.splitParts ?? 0;
    expect(extra).toBe(2);
    expect(out.report.rows).toBe(out.report.records - extra + out.report.rejects + out.report.blanks + (out.report.notes ?? 0));
  });

  it('shows the question columns as opinion columns with their article, and says what it did', () => {
    expect(out.report.columns.filter((c) => c.question !== undefined).map((c) => [c.column, c.question])).toEqual([
      ['G', '第十条'], ['H', '第十九条'], ['I', '第二十三条'],
    ]);
    expect(out.notices.filter((n) => n.code === 'W_ARTICLE_QUESTIONS').map(noticeText)).toEqual([
      '本表按条设问：G 列「3、您对第十条（登记上牌）有何意见？」（第十条）、H 列「4、您对第十九条（充电安全）有何意见？」（第十九条）、I 列「5、您对第二十三条（佩戴头盔）有何意见？」（第二十三条）每格的回答各作一条意见，条款取自表头；3 行共读出 5 条，一行有几格回答的记为该行第 1 条、第 2 条……；请核对。',
    ]);
  });

  it('reads a form with no general question too (no 意见建议 column at all)', () => {
    const only = ingestGrid(grid(ROWS.map((row) => row.slice(0, 9))), source, options());
    expect(only.problems).toEqual([]);
    expect(only.records.map((r) => [r.article, r.opinion])).toEqual([
      ['第十条', '上牌要跑两次太麻烦，建议网上办。'],
      ['第十九条', '单位没有充电桩，只能拿回家充。'],
      ['第二十三条', '头盔太热，夏天能不能不戴。'],
      ['第十九条', '楼道充电太危险，要严管。'],
    ]);
  });

  it('leaves a sheet with a 条款 column and an 意见建议 column as it was', () => {
    const plain = ingestGrid(grid([['序号', '条款', '意见建议', '对第十条的理由'], ['1', '第十条', '上牌要网上办。', '跑两次太麻烦']]), source, options());
    expect(plain.records.map((r) => [r.article, r.opinion])).toEqual([['第十条', '上牌要网上办。']]);
  });
});
