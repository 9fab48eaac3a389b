import { describe, expect, it } from 'vitest';
import { applyDecisions } from '../../src/decisions/apply.js';
import { digest, HEADER, parse, row } from './tiny.js';

describe('parseDecisionGrids', () => {
  it('finds the header below a title row and reads rows in any order, by id', () => {
    const sheet = parse({ 采纳情况: [['登记表标题'], HEADER, row('2-b', ' 不予采纳 ', '与上位法不符'), row('1-a', '已采纳', '已修改')] }, 'x.xlsx');
    expect(sheet.problems).toEqual([]);
    expect(sheet.clusters.map((e) => [e.id, e.decision, e.reason, e.cell.address])).toEqual([
      ['2-b', '未采纳', '与上位法不符', 'G3'],
      ['1-a', '采纳', '已修改', 'G4'],
    ]);
  });

  it.each([
    ['unknown decision', [HEADER, row('1-a', '同意')], 'W_UNKNOWN_DECISION', 'G2'],
    ['missing id', [HEADER, ['', '', '', '', '', '', '采纳', '', '']], 'W_MISSING_ID', 'G2'],
    ['duplicated id', [HEADER, row('1-a', '采纳'), row('1-a', '未采纳')], 'W_DUPLICATE_ID', 'A3'],
  ])('reports %s with its cell', (_name, rows, code, address) => {
    const sheet = parse({ 采纳情况: rows }, '登记表.xlsx');
    expect(sheet.problems.map((p) => [p.code, p.cell?.address])).toEqual([[code, address]]);
    expect(sheet.problems[0]?.message).toContain(`文件 登记表.xlsx 工作表“采纳情况” ${address}`);
  });

  it('falls back to the hidden check id when 编号 was cleared', () => {
    const sheet = parse({ 采纳情况: [HEADER, row('', '采纳', '', '1-a')] }, 'x.xlsx');
    expect(sheet.clusters.map((e) => e.id)).toEqual(['1-a']);
  });

  it('reads the 单条意见 sheet as per-opinion overrides', () => {
    const sheet = parse({
      采纳情况: [HEADER, row('1-a', '采纳')],
      单条意见: [['意见编号', '类编号', '条款', '意见', '联系点', '采纳情况', '理由说明'], ['r2', '1-a', '第一条', '意见', '乙', '参考', '另行研究']],
    }, 'x.xlsx');
    expect(sheet.opinions.map((e) => [e.id, e.decision, e.reason])).toEqual([['r2', '作为参考', '另行研究']]);
  });

  it('says so when no sheet has the decision columns', () => {
    const sheet = parse({ Sheet1: [['序号', '意见']] }, 'x.xlsx');
    expect(sheet.problems.map((p) => p.code)).toEqual(['W_NO_DECISION_SHEET']);
  });
});

describe('applyDecisions', () => {
  it('gives a cluster decision to its opinions and their duplicates; a missing row is 待研究', () => {
    const sheet = parse({ 采纳情况: [HEADER, row('1-a', '已采纳', '已修改')] }, 'x.xlsx');
    const applied = applyDecisions(digest(), sheet);
    expect(applied.records.map((d) => [d.recordId, d.decision, d.reason, d.from])).toEqual([
      ['r1', '采纳', '已修改', 'cluster'], ['r2', '待研究', '', 'none'], ['r3', '采纳', '已修改', 'cluster'],
    ]);
  });

  it('lets a 单条意见 row override the cluster for the opinion and its duplicates', () => {
    const sheet = parse({
      采纳情况: [HEADER, row('1-a', '采纳')],
      单条意见: [['意见编号', '类编号', '采纳情况', '理由说明'], ['r1', '1-a', '转交', '交公安']],
    }, 'x.xlsx');
    expect(applyDecisions(digest(), sheet).records.map((d) => d.decision)).toEqual(['已转送', '待研究', '已转送']);
  });

  it('reports ids the digest does not have, with the cell', () => {
    const sheet = parse({ 采纳情况: [HEADER, row('9-z', '采纳')] }, 'x.xlsx');
    const applied = applyDecisions(digest(), sheet);
    expect(applied.problems.map((p) => [p.code, p.cell?.address])).toEqual([['W_UNKNOWN_ID', 'A2']]);
    expect(applied.records.every((d) => d.decision === '待研究')).toBe(true);
  });
});
