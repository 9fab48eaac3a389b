import { describe, expect, it } from 'vitest';
import { computeStats, repeatedInputs, statsRow, type StatsRecord } from '../../src/decisions/stats.js';
import type { FeedbackDocument, FeedbackRecord } from '../../src/decisions/schema.js';
import type { Decision } from '../../src/decisions/values.js';
import { renderStats } from '../../src/report/feedback.js';

const rec = (point: string | null, opinionId: string, decision: Decision, draftKey = '0'): StatsRecord => ({ point, county: null, opinionId, decision, draftKey });

describe('statsRow', () => {
  it.each([
    // [records, submissions, distinct, duplicates, rate by submissions, rate by opinions]
    [[rec('甲', 'o1', '采纳'), rec('甲', 'o2', '未采纳')], 2, 2, 0, '50.0%', '50.0%'],
    [[rec('甲', 'o1', '采纳'), rec('甲', 'o1', '采纳'), rec('甲', 'o2', '未采纳')], 3, 2, 1, '66.7%', '50.0%'],
    [[rec('甲', 'o1', '部分采纳'), rec('甲', 'o2', '待研究')], 2, 2, 0, '100.0%', '100.0%'],
    [[rec('甲', 'o1', '待研究')], 1, 1, 0, '—', '—'],
    [[rec('甲', 'o1', '已转送'), rec('甲', 'o2', '作为参考'), rec('甲', 'o3', '采纳'), rec('甲', 'o4', '待研究')], 4, 4, 0, '33.3%', '33.3%'],
    [[rec('甲', 'o1', '采纳', '0'), rec('甲', 'o1', '采纳', '1')], 2, 2, 0, '100.0%', '100.0%'],
  ])('case %#', (records, submissions, distinct, duplicates, rate, rateOpinions) => {
    const row = statsRow('甲', '', records);
    expect([row.submissions, row.distinct, row.duplicates, row.rateText, row.rateOpinionsText]).toEqual([submissions, distinct, duplicates, rate, rateOpinions]);
    expect(Object.values(row.bySubmissions).reduce((a, b) => a + b, 0)).toBe(submissions);
    expect(Object.values(row.byOpinions).reduce((a, b) => a + b, 0)).toBe(distinct);
  });
});

describe('computeStats', () => {
  const doc = (records: Array<[string | null, string | null, string, Decision]>): FeedbackDocument => ({
    schemaVersion: 1, kind: 'yijian-feedback', draft: null, date: null,
    records: records.map(([point, county, opinionId, decision], i): FeedbackRecord => ({
      id: `r${i}`, source: { file: 'a', sheet: 's', row: i + 2 }, point, county, articleLabel: '第一条', opinion: 'x', opinionId,
      cluster: 'c', decision, reason: '', from: 'cluster',
    })),
  });

  it('groups by point, county (a point keeps the county any record names) and draft', () => {
    const stats = computeStats([
      { name: '草案一', document: doc([['甲', '东区', 'o1', '采纳'], ['甲', null, 'o2', '未采纳'], ['乙', '西区', 'o1', '采纳'], [null, null, 'o3', '待研究']]) },
      { name: '草案二', document: doc([['甲', null, 'o1', '部分采纳']]) },
    ]);
    expect(stats.points.map((p) => [p.name, p.county, p.drafts, p.submissions, p.rateText])).toEqual([
      // Ties in size go in pinyin order: 未 (wei) before 乙 (yi).
      ['甲', '东区', 2, 3, '66.7%'], ['未注明联系点', '未注明县区', 1, 1, '—'], ['乙', '西区', 1, 1, '100.0%'],
    ]);
    expect(stats.counties.map((c) => [c.name, c.points, c.submissions])).toEqual([['东区', 1, 3], ['未注明县区', 1, 1], ['西区', 1, 1]]);
    expect(stats.drafts.map((d) => [d.name, d.submissions, d.distinct])).toEqual([['草案一', 4, 3], ['草案二', 1, 1]]);
    expect([stats.total.submissions, stats.total.distinct, stats.total.drafts]).toEqual([5, 4, 2]);
  });

  it('says how many counties took part without counting 未注明县区 as one (统计.md said 5 个县（市、区） for 4)', async () => {
    const stats = computeStats([
      { name: '草案一', document: doc([['甲', '东区', 'o1', '采纳'], ['乙', '西区', 'o2', '采纳'], ['丙街道', null, 'o3', '未采纳'], ['市律师协会立法联系点', null, 'o4', '未采纳']]) },
    ]);
    // A point whose county nobody wrote, and the city's own lawyers' association, which belongs to no county (市直).
    expect(stats.counties.map((c) => c.name)).toEqual(expect.arrayContaining(['未注明县区', '市直']));
    expect(stats.points.find((p) => p.name === '市律师协会立法联系点')?.county).toBe('市直');
    const [md] = await renderStats(stats, ['md'], null, '意见采纳情况统计', '');
    expect(md!.data.toString()).toContain('共 1 件草案，2 个县（市、区）的 4 个联系点报送意见 4 条');
  });
});

describe('repeatedInputs', () => {
  const input = (name: string, rows: [string, string][]) => ({
    name,
    document: {
      schemaVersion: 1, kind: 'yijian-feedback', draft: null, date: null,
      records: rows.map(([id, opinion]): FeedbackRecord => ({
        id, source: { file: 'a', sheet: 's', row: 2 }, point: '甲', county: null, articleLabel: '第一条', opinion, opinionId: id,
        cluster: 'c', decision: '采纳', reason: '', from: 'cluster',
      })),
    } as FeedbackDocument,
  });

  it('finds the same draft\'s opinions given twice, and only those', () => {
    const june = input('某市养犬管理条例', [['r1', '意见一'], ['r2', '意见二']]);
    const rerun = input('某市养犬管理条例', [['r1', '意见一'], ['r2', '意见二'], ['r3', '补报的意见']]);
    // Next month's draft: the same file name and rows, other opinions.
    const other = input('某市物业管理条例', [['r1', '意见一']]);
    const reconsulted = input('某市养犬管理条例', [['r1', '另一轮的意见']]);
    expect(repeatedInputs([june, other, rerun, reconsulted])).toEqual([{ first: 0, second: 2, shared: 2 }]);
    expect(repeatedInputs([june, other])).toEqual([]);
  });
});
