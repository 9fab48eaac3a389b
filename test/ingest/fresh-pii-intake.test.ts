/**
 * Found on fresh submissions (fixtures/pii-fresh, session 23): an online form's export headed 提交时间 | 您的意见 | 条款 |
 * 称呼 | 联系方式 lost every submitter — 称呼 (how to address you) was read as no field, and merge wrote the 提出人
 * column empty.
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
