/** 更正条款 / 移入类编号 read, checked against the draft, and applied: pure tests on hand-made sheets. */
import { describe, expect, it } from 'vitest';
import { checkedKey } from '../../src/article-key.js';
import { applySheet } from '../../src/decisions/apply.js';
import { buildFeedbackDocument } from '../../src/decisions/feedback.js';
import { digest, digestOnDraft, HEADER, OPINION_HEADER, opinionRow, parse, row } from './tiny.js';
import { noticeText } from '../../src/notices.js';

const CLUSTER_HEADER = [...HEADER, '更正条款'];

describe('更正条款 and 移入类编号', () => {
  it('spreads a cluster correction to its opinions and their duplicates, marked corrected', () => {
    const sheet = parse({ 采纳情况: [CLUSTER_HEADER, [...row('1-a', '采纳'), '第一条第二款']] }, '登记表.xlsx');
    expect(sheet.clusters[0]?.correction?.cell.address).toBe('J2');
    const { digest: corrected, applied } = applySheet(digestOnDraft(), sheet);
    expect(applied.problems).toEqual([]);
    expect(corrected.records.map((r) => [r.id, r.articles.map((a) => `${a.key}:${a.source}`).join()])).toEqual([
      ['r1', '1.2:corrected'], ['r2', '1:column'], ['r3', '1.2:corrected'],
    ]);
    expect(corrected.records[0]?.articles[0]?.cited).toBe('第一条第二款');
    const labels = buildFeedbackDocument(corrected, applied).records.map((r) => r.articleLabel);
    expect(labels).toEqual(['第一条', '第一条', '第一条']);
  });

  it('lets an opinion row win over its cluster row, and reads 总体意见 and arabic numerals', () => {
    const sheet = parse({
      采纳情况: [CLUSTER_HEADER, [...row('1-a', '采纳'), '第1条第2款']],
      单条意见: [OPINION_HEADER, opinionRow('r1', '1-a', '', '', '第2条'), opinionRow('r2', '2-b', '', '', '总体意见')],
    }, '登记表.xlsx');
    const { digest: corrected } = applySheet(digestOnDraft(), sheet);
    expect(corrected.records.map((r) => r.articles.map((a) => a.key).join())).toEqual(['2', 'general', '2']);
  });

  it('moves an opinion and its duplicate into another cluster: that cluster\'s decision and article reach them', () => {
    const d = digestOnDraft();
    d.clusters[1] = { ...d.clusters[1]!, article: checkedKey('2') };
    const sheet = parse({
      采纳情况: [CLUSTER_HEADER, row('1-a', '未采纳', '不符合上位法'), row('2-b', '采纳', '已修改第二条')],
      单条意见: [OPINION_HEADER, opinionRow('r1', '1-a', '', '', '', '2-b')],
    }, '登记表.xlsx');
    const { digest: corrected, applied, corrections } = applySheet(d, sheet);
    expect(corrections).toEqual({ articles: 2, moves: 1 });
    expect(corrected.records.map((r) => [r.cluster, r.articles[0]?.key, r.articles[0]?.source])).toEqual([
      ['2-b', '2', 'corrected'], ['2-b', '1', 'column'], ['2-b', '2', 'corrected'],
    ]);
    expect(applied.records.map((r) => [r.decision, r.reason])).toEqual([
      ['采纳', '已修改第二条'], ['采纳', '已修改第二条'], ['采纳', '已修改第二条'],
    ]);
    const target = corrected.clusters.find((c) => c.id === '2-b');
    expect([target?.opinions, target?.submissions]).toEqual([['r2', 'r1'], 3]);
    // The emptied cluster stays known, so its own row is not reported as an unknown id.
    expect(applied.problems).toEqual([]);
  });

  it.each([
    ['an unreadable article', '看着办', 'W_UNKNOWN_ARTICLE', 'H2', '无法识别为条款'],
    ['an article the draft lacks', '第九十九条', 'W_ARTICLE_NOT_IN_DRAFT', 'H2', '第九十九条 在草案中不存在（草案共 2 条）'],
    ['a paragraph the draft lacks', '第二条第三款', 'W_ARTICLE_NOT_IN_DRAFT', 'H2', '在草案中不存在'],
  ])('reports %s with its cell and leaves the article as it was', (_name, written, code, address, text) => {
    const sheet = parse({ 采纳情况: [CLUSTER_HEADER], 单条意见: [OPINION_HEADER, opinionRow('r2', '2-b', '', '', written)] }, '登记表.xlsx');
    const { digest: corrected, applied } = applySheet(digestOnDraft(), sheet);
    expect(applied.problems.map((p) => [p.code, p.cell?.sheet, p.cell?.address])).toEqual([[code, '单条意见', address]]);
    expect(applied.problems[0]?.message).toContain(`文件 登记表.xlsx 工作表“单条意见” ${address}（第 2 行“更正条款”列）`);
    expect(applied.problems[0]?.message).toContain(text);
    expect(corrected.records[1]?.articles[0]?.source).toBe('column');
  });

  it('reports a move to a cluster id the digest does not have, with its cell', () => {
    const sheet = parse({ 采纳情况: [CLUSTER_HEADER], 单条意见: [OPINION_HEADER, opinionRow('r2', '2-b', '', '', '', '9-zz')] }, '登记表.xlsx');
    const { digest: corrected, applied } = applySheet(digest(), sheet);
    expect(applied.problems.map((p) => [p.code, p.cell?.address])).toEqual([['W_UNKNOWN_CLUSTER', 'I2']]);
    expect(applied.problems[0]?.message).toContain('移入类编号“9-zz”');
    expect(corrected.records[1]?.cluster).toBe('2-b');
  });

  it('reports a correction on a row whose id is unknown once, as the unknown id', () => {
    const sheet = parse({ 采纳情况: [CLUSTER_HEADER, [...row('9-z', ''), '第二条']] }, '登记表.xlsx');
    const { applied } = applySheet(digestOnDraft(), sheet);
    expect(applied.problems.map((p) => [p.code, p.cell?.address])).toEqual([['W_UNKNOWN_ID', 'A2']]);
  });
});

describe('decision sheets as drafters leave them', () => {
  it('applies a merged 采纳情况 cell (and its merged reason) to every row it covers, and says so', () => {
    const rows = [HEADER, ...['1-a', '2-b', '3-c', '4-d', '5-e'].map((id, i) => row(id, i === 0 ? '部分采纳' : '', i === 0 ? '合并理由' : '')), row('6-f', '')];
    const sheet = parse({ 采纳情况: rows }, '登记表.xlsx', { 采纳情况: { merges: ['G2:G6', 'H2:H6'] } });
    expect(sheet.clusters.map((e) => [e.id, e.decision, e.reason])).toEqual([
      ['1-a', '部分采纳', '合并理由'], ['2-b', '部分采纳', '合并理由'], ['3-c', '部分采纳', '合并理由'],
      ['4-d', '部分采纳', '合并理由'], ['5-e', '部分采纳', '合并理由'], ['6-f', '待研究', ''],
    ]);
    expect(sheet.notices.map((notice) => [notice.code, notice.location])).toEqual([
      ['W_MERGED_CELLS_SPREAD', { file: '登记表.xlsx', sheet: '采纳情况', row: 2, column: 'G' }],
      ['W_MERGED_CELLS_SPREAD', { file: '登记表.xlsx', sheet: '采纳情况', row: 2, column: 'H' }],
    ]);
    expect(sheet.notices.map(noticeText)).toContain('文件 登记表.xlsx 工作表“采纳情况” G2:G6 是合并单元格，其中的“部分采纳”用于所覆盖的 5 行');
  });

  it('never prefers a hidden 采纳情况登记表 over a visible one, and says which was used', () => {
    const sheet = parse({
      采纳情况登记表: [HEADER, row('1-a', '未采纳', '旧版本')],
      '采纳情况登记表 (2)': [HEADER, row('1-a', '采纳', '定稿')],
    }, '登记表.xlsx', { 采纳情况登记表: { hidden: true } });
    expect(sheet.clusters.map((e) => [e.decision, e.reason, e.cell.sheet])).toEqual([['采纳', '定稿', '采纳情况登记表 (2)']]);
    expect(sheet.problems).toEqual([]);
    expect(sheet.notices.map((notice) => notice.code)).toEqual(['W_HIDDEN_SHEET_SKIPPED']);
    expect(sheet.notices.map(noticeText)).toEqual(['文件 登记表.xlsx：工作表“采纳情况登记表”是隐藏的，未读取；采用可见的工作表“采纳情况登记表 (2)”']);
  });

  it('reads a hidden decision sheet when it is the only one, and says so', () => {
    const sheet = parse({ 说明: [['请在第二张表填写']], 采纳情况登记表: [HEADER, row('1-a', '采纳')] }, '登记表.xlsx', { 采纳情况登记表: { hidden: true } });
    expect(sheet.clusters.map((e) => e.decision)).toEqual(['采纳']);
    expect(sheet.notices.map((notice) => notice.code)).toEqual(['W_HIDDEN_SHEET_READ']);
    expect(noticeText(sheet.notices[0]!)).toContain('只在隐藏的工作表“采纳情况登记表”中找到采纳情况');
  });
});

describe('a move and a cluster correction together', () => {
  it('gives an opinion moved out of a corrected cluster the article of the cluster it joins', () => {
    const d = digestOnDraft();
    d.clusters[1] = { ...d.clusters[1]!, article: checkedKey('2') };
    const sheet = parse({
      采纳情况: [CLUSTER_HEADER, [...row('1-a', '采纳'), '第一条第二款']],
      单条意见: [OPINION_HEADER, opinionRow('r1', '1-a', '', '', '', '2-b')],
    }, '登记表.xlsx');
    const { digest: corrected } = applySheet(d, sheet);
    expect(corrected.records.map((r) => [r.id, r.cluster, r.articles[0]?.key])).toEqual([['r1', '2-b', '2'], ['r2', '2-b', '1'], ['r3', '2-b', '2']]);
  });
});
