/**
 * An online form's export (问卷星, 腾讯问卷) as a point sends it: questions as headers (4、您的意见涉及草案哪一条？),
 * metadata columns of its own (来源 = 微信, 来自IP, 所用时间) and (跳过) / (空) for questions left unanswered.
 * Before: the article question was no column, 来源 was read as the point (微信), and (空) was a 修改建议.
 */
import { describe, expect, it } from 'vitest';
import { ingestGrid } from '../../src/ingest/sheet.js';
import { matchQuestionHeader, questionCore, surveyMetaColumns } from '../../src/ingest/header-words.js';
import { pointFromFileName } from '../../src/ingest/point.js';
import { grid, options } from './helpers.js';

const HEADER = ['序号', '提交答卷时间', '所用时间', '来源', '来源详情', '来自IP', '1、您的姓名：', '2、您的身份：', '3、您的联系电话：', '4、您的意见涉及草案哪一条？', '5、您的具体意见和建议：', '6、您的修改建议（选填）：'];
const ROWS = [
  HEADER,
  ['1', '2024/5/20 10:23:45', '125秒', '微信', 'N/A', '112.10.23.45(浙江-杭州)', '张三', '群众', '13812345678', '第十九条', '楼道里充电太危险了，建议物业加强巡查。', '(空)'],
  ['2', '2024/5/20 11:02:11', '88秒', '手机提交', 'N/A', '39.1.2.3(浙江-杭州)', '(跳过)', '企业', '(跳过)', '(跳过)', '平台给骑手的配送时间太短。', '建议规定平台不得以最短时间考核骑手。'],
  ['3', '2024/5/21 09:00:00', '300秒', '链接', 'N/A', '10.1.1.1(浙江-杭州)', '王五', '其他', '', '总体意见', '(跳过)', '（空）'],
];
const source = { file: '问卷星导出-东湖街道立法联系点.xlsx', path: 'in/问卷星导出-东湖街道立法联系点.xlsx', encoding: null };

describe('an online form\'s questions as headers', () => {
  it.each([
    ['4、您的意见涉及草案哪一条？', 'article'],
    ['您对草案第几条有意见？', 'article'],
    ['Q3. 您的意见针对哪一条款：', 'article'],
    ['1、您的姓名：', 'submitter'],
    ['Q2. 您的身份是？', 'submitterType'],
    ['5、您的具体意见和建议：', 'opinion'],
    ['6、您的修改建议（选填）：', 'suggestion'],
    ['3、您的联系电话：', 'contact'],
  ])('%s → %s', (header, field) => expect(matchQuestionHeader(header)?.field).toBe(field));

  it('leaves headers that ask nothing alone', () => {
    expect(questionCore('意见建议')).toBeNull();
    expect(questionCore('条款')).toBeNull();
    expect(matchQuestionHeader('7、您所在的楼栋：')).toBeNull();
  });
});

describe('the export read whole', () => {
  const out = ingestGrid(grid(ROWS), source, options());

  it('maps the questions and none of the export\'s own columns', () => {
    const mapped = Object.fromEntries(out.report.columns.filter((c) => c.field !== null).map((c) => [c.column, c.field]));
    expect(mapped).toEqual({ A: 'seq', B: 'date', G: 'submitter', H: 'submitterType', I: 'contact', J: 'article', K: 'opinion', L: 'suggestion' });
    expect(surveyMetaColumns(HEADER)).toEqual(new Set([2, 3, 4, 5]));
    // Not from 来源 (微信, 手机提交): from the file name, the export's own name taken off.
    expect(out.records.map((r) => [r.point, r.pointSource])).toEqual([
      ['东湖街道立法联系点', 'filename'], ['东湖街道立法联系点', 'filename'],
    ]);
  });

  it('reads (跳过) and (空) as empty cells: no such 提出人, 条款 or 修改建议, and no opinion of (跳过)', () => {
    expect(out.records.map((r) => [r.submitter, r.article, r.suggestion, r.contact])).toEqual([
      ['张三', '第十九条', null, '13812345678'],
      [null, null, '建议规定平台不得以最短时间考核骑手。', null],
    ]);
    // Row 4 answered only 总体意见 and skipped the opinion: a row without an opinion, said so.
    expect(out.rejects.map((r) => [r.source.row, r.reason])).toEqual([[4, 'E_NO_OPINION']]);
  });

  it('a sheet that is no export keeps its 来源 column as the point', () => {
    const plain = ingestGrid(grid([['来源', '意见建议'], ['东湖街道立法联系点', '楼道充电太危险。']]), { ...source, file: 'a.xlsx', path: 'in/a.xlsx' }, options());
    expect(plain.records.map((r) => [r.point, r.pointSource])).toEqual([['东湖街道立法联系点', 'column']]);
    expect(pointFromFileName('腾讯问卷-滨江社区立法联系点-导出数据.xlsx')).toBe('滨江社区立法联系点');
  });
});

describe('numbered instructions are no questions', () => {
  it.each([
    '1. 本表用于收集对《某市电动自行车管理条例（征求意见稿）》的意见建议，每行填写一条意见。',
    '2. “条款”一栏请从下拉列表中选择意见针对的条文（列表即右侧“下拉选项”）；针对草案整体的选“总体意见”。',
    '3. 一条意见涉及几个条文的，可以手工填写，如“第十二条、第十三条”或“第十二条第二款”。',
  ])('%s', (line) => expect(questionCore(line)).toBeNull());
});
