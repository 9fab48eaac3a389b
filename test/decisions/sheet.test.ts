import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { applyDecisions } from '../../src/decisions/apply.js';
import { parseDecisionWorkbook } from '../../src/decisions/sheet.js';
import type { Digest, DigestRecord } from '../../src/model.js';

const HEADER = ['编号', '条款', '代表性意见', '意见数/提交数', '联系点', '联系方式', '采纳情况', '理由说明', '编号（核对用）'];

function book(sheets: Record<string, unknown[][]>): XLSX.WorkBook {
  const workbook = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), name);
  // Round-trip through bytes, as a file saved by Excel would be read.
  return XLSX.read(XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }), { type: 'buffer' });
}

const row = (id: string, decision: string, reason = '', check = id): unknown[] => [id, '第一条', '意见', '1/1', '甲', '', decision, reason, check];

describe('parseDecisionWorkbook', () => {
  it('finds the header below a title row and reads rows in any order, by id', () => {
    const sheet = parseDecisionWorkbook(book({ 采纳情况: [['登记表标题'], HEADER, row('2-b', ' 不予采纳 ', '与上位法不符'), row('1-a', '已采纳', '已修改')] }), 'x.xlsx');
    expect(sheet.problems).toEqual([]);
    expect(sheet.clusters.map((e) => [e.id, e.decision, e.reason, e.cell.address])).toEqual([
      ['2-b', '未采纳', '与上位法不符', 'G3'],
      ['1-a', '采纳', '已修改', 'G4'],
    ]);
  });

  it.each([
    ['unknown decision', [HEADER, row('1-a', '同意')], 'unknown-decision', 'G2'],
    ['missing id', [HEADER, ['', '', '', '', '', '', '采纳', '', '']], 'missing-id', 'G2'],
    ['duplicated id', [HEADER, row('1-a', '采纳'), row('1-a', '未采纳')], 'duplicate-id', 'A3'],
  ])('reports %s with its cell', (_name, rows, code, address) => {
    const sheet = parseDecisionWorkbook(book({ 采纳情况: rows }), '登记表.xlsx');
    expect(sheet.problems.map((p) => [p.code, p.cell?.address])).toEqual([[code, address]]);
    expect(sheet.problems[0]?.message).toContain(`登记表.xlsx 工作表 采纳情况 ${address}`);
  });

  it('falls back to the hidden check id when 编号 was cleared', () => {
    const sheet = parseDecisionWorkbook(book({ 采纳情况: [HEADER, row('', '采纳', '', '1-a')] }), 'x.xlsx');
    expect(sheet.clusters.map((e) => e.id)).toEqual(['1-a']);
  });

  it('reads the 单条意见 sheet as per-opinion overrides', () => {
    const sheet = parseDecisionWorkbook(book({
      采纳情况: [HEADER, row('1-a', '采纳')],
      单条意见: [['意见编号', '类编号', '条款', '意见', '联系点', '采纳情况', '理由说明'], ['r2', '1-a', '第一条', '意见', '乙', '参考', '另行研究']],
    }), 'x.xlsx');
    expect(sheet.opinions.map((e) => [e.id, e.decision, e.reason])).toEqual([['r2', '作为参考', '另行研究']]);
  });

  it('says so when no sheet has the decision columns', () => {
    const sheet = parseDecisionWorkbook(book({ Sheet1: [['序号', '意见']] }), 'x.xlsx');
    expect(sheet.problems.map((p) => p.code)).toEqual(['no-decision-sheet']);
  });
});

/** A tiny digest: r1 and its duplicate r3 in cluster 1-a, r2 in cluster 2-b. */
function digest(): Digest {
  const record = (id: string, cluster: string, group: string | null, canonical: boolean): DigestRecord => ({
    id, source: { file: 'a.xlsx', sheet: 'S', row: 2 }, seq: null, point: '甲', pointSource: 'column', county: null, submitter: null,
    submitterType: null, article: null, opinion: `意见${id}`, suggestion: null, reason: null, contact: null, date: null,
    articles: [{ key: '1', source: 'column', confidence: 1, cited: null, notInDraft: false }], duplicateGroup: group, canonical, cluster,
  });
  return {
    schemaVersion: 1, date: null, draft: null,
    totals: { files: 1, failedFiles: 0, rows: 3, records: 3, rejects: 0, blanks: 0, exactGroups: 1, nearGroups: 0, duplicates: 1, distinctOpinions: 2, clusters: 2, points: 1, counties: 0 },
    settings: { near: 0.8, assignThreshold: 0.2 }, files: [], failures: [],
    records: [record('r1', '1-a', 'D1', true), record('r2', '2-b', null, true), record('r3', '1-a', 'D1', false)],
    duplicateGroups: [{ id: 'D1', kind: 'exact', canonical: 'r1', members: ['r1', 'r3'], submissions: 2, points: ['甲'], counties: [], minSimilarity: 1 }],
    clusters: [
      { id: '1-a', article: '1', representative: 'r1', keywords: [], opinions: ['r1'], submissions: 2, points: ['甲'], counties: [] },
      { id: '2-b', article: '1', representative: 'r2', keywords: [], opinions: ['r2'], submissions: 1, points: ['甲'], counties: [] },
    ],
    rejects: [],
  };
}

describe('applyDecisions', () => {
  it('gives a cluster decision to its opinions and their duplicates; a missing row is 待研究', () => {
    const sheet = parseDecisionWorkbook(book({ 采纳情况: [HEADER, row('1-a', '已采纳', '已修改')] }), 'x.xlsx');
    const applied = applyDecisions(digest(), sheet);
    expect(applied.records.map((d) => [d.recordId, d.decision, d.reason, d.from])).toEqual([
      ['r1', '采纳', '已修改', 'cluster'], ['r2', '待研究', '', 'none'], ['r3', '采纳', '已修改', 'cluster'],
    ]);
  });

  it('lets a 单条意见 row override the cluster for the opinion and its duplicates', () => {
    const sheet = parseDecisionWorkbook(book({
      采纳情况: [HEADER, row('1-a', '采纳')],
      单条意见: [['意见编号', '类编号', '采纳情况', '理由说明'], ['r1', '1-a', '转交', '交公安']],
    }), 'x.xlsx');
    expect(applyDecisions(digest(), sheet).records.map((d) => d.decision)).toEqual(['已转送', '待研究', '已转送']);
  });

  it('reports ids the digest does not have, with the cell', () => {
    const sheet = parseDecisionWorkbook(book({ 采纳情况: [HEADER, row('9-z', '采纳')] }), 'x.xlsx');
    const applied = applyDecisions(digest(), sheet);
    expect(applied.problems.map((p) => [p.code, p.cell?.address])).toEqual([['unknown-id', 'A2']]);
    expect(applied.records.every((d) => d.decision === '待研究')).toBe(true);
  });
});
