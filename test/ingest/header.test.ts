import { describe, expect, it } from 'vitest';
import { findHeader } from '../../src/ingest/header.js';
import { mapColumns } from '../../src/ingest/columns.js';
import { parseMapSpecs } from '../../src/ingest/map-spec.js';
import { buildSynonymIndex, DEFAULT_SYNONYMS, matchHeader } from '../../src/ingest/synonyms.js';
import { grid, merge } from './helpers.js';

const index = buildSynonymIndex(DEFAULT_SYNONYMS);

describe('loose header matching', () => {
  it.each([
    ['意见建议', 'opinion'],
    ['意见及建议', 'opinion'],
    ['意见和建议', 'opinion'],
    ['意见、建议', 'opinion'],
    ['意见/建议', 'opinion'],
    [' 意 见 建 议 ', 'opinion'],
    ['意见建议：', 'opinion'],
    ['意见建议:', 'opinion'],
    ['*意见建议（必填）', 'opinion'],
    ['县（市、区）', 'county'],
    ['县(市、区)', 'county'],
    ['县（市，区）', 'county'],
    ['区县', 'county'],
    ['No.', 'seq'],
    ['NO', 'seq'],
    ['no.', 'seq'],
    ['序号', 'seq'],
    ['联系电话（手机）', 'contact'],
    ['基层立法联系点', 'point'],
    ['修改建议', 'suggestion'],
    ['修改意见', 'opinion'],
    ['所涉条款', 'article'],
    ['理由依据', 'reason'],
    ['收集日期', 'date'],
    ['单位或个人', 'submitter'],
    ['人员类别', 'submitterType'],
    ['意见/条款', 'article'],
  ])('%s → %s', (header, field) => {
    expect(matchHeader(header, index)?.field).toBe(field);
  });

  it.each(['备注', '', '城关街道', '关于第十二条的意见很多', '__proto__', 'constructor'])('%s matches nothing', (header) => {
    expect(matchHeader(header, index)).toBeNull();
  });
});

describe('findHeader', () => {
  it('finds the header on row 1', () => {
    const found = findHeader(grid([['序号', '条款', '意见建议'], ['1', '第三条', '好']]), index);
    expect(found.rows).toEqual([1]);
    expect(found.headers).toEqual(['序号', '条款', '意见建议']);
  });

  it('skips a merged title row above the header', () => {
    const g = grid(
      [
        ['《某市电动自行车管理条例（征求意见稿）》意见汇总表', '', '', ''],
        ['填报单位：城关街道', '', '', ''],
        ['序号', '联系点', '条款', '意见建议'],
        ['1', '城关', '第三条', '建议删除'],
      ],
      [merge(0, 0, 0, 3)],
    );
    expect(findHeader(g, index).rows).toEqual([3]);
  });

  it('joins a two-row header with a merged upper cell', () => {
    const g = grid(
      [
        ['某条例意见汇总表', '', '', '', ''],
        ['序号', '联系点', '意见', '', ''],
        ['', '', '条款', '意见建议', '理由'],
        ['1', '城关', '第三条', '建议删除', '重复'],
      ],
      [merge(0, 0, 0, 4), merge(1, 0, 2, 0), merge(1, 1, 2, 1), merge(1, 2, 1, 4)],
    );
    const found = findHeader(g, index);
    expect(found.rows).toEqual([2, 3]);
    expect(found.headers).toEqual(['序号', '联系点', '意见/条款', '意见/意见建议', '意见/理由']);
    const plan = mapColumns(found.headers, index, []);
    expect(plan.columns.map((c) => c.field)).toEqual(['seq', 'point', 'article', 'opinion', 'reason']);
  });

  it('finds nothing in a sheet without known headers', () => {
    const found = findHeader(grid([['甲', '乙'], ['1', '2']]), index);
    expect(found.rows).toEqual([]);
  });

  it('looks only at the first 10 rows', () => {
    const rows = Array.from({ length: 12 }, () => ['说明文字']);
    rows.push(['意见建议']);
    expect(findHeader(grid(rows), index).rows).toEqual([]);
  });
});

describe('mapColumns', () => {
  it('keeps the better of two candidate columns and lists the other unmapped', () => {
    const plan = mapColumns(['意见', '意见建议', '条款'], index, []);
    expect(plan.columns).toEqual([
      { column: 'A', header: '意见', field: null, how: 'none' },
      { column: 'B', header: '意见建议', field: 'opinion', how: 'synonym' },
      { column: 'C', header: '条款', field: 'article', how: 'synonym' },
    ]);
  });

  it('on an equal match the leftmost column wins', () => {
    const plan = mapColumns(['意见', '意见'], index, []);
    expect(plan.fieldColumns.get('opinion')).toBe(0);
  });

  it('applies forced mappings by letter and by header text before synonyms', () => {
    const forced = parseMapSpecs(['意见建议=具体内容', 'article=A']);
    const plan = mapColumns(['第几条', '意见', '具体 内容'], index, forced);
    expect(plan.fieldColumns.get('opinion')).toBe(2);
    expect(plan.fieldColumns.get('article')).toBe(0);
    expect(plan.columns.map((c) => [c.column, c.field, c.how])).toEqual([
      ['A', 'article', 'forced'],
      ['B', null, 'none'],
      ['C', 'opinion', 'forced'],
    ]);
  });

  it('uses user synonyms', () => {
    const userIndex = buildSynonymIndex({ ...DEFAULT_SYNONYMS, opinion: [...DEFAULT_SYNONYMS.opinion, '群众呼声'] });
    expect(mapColumns(['群众呼声'], userIndex, []).fieldColumns.get('opinion')).toBe(0);
    expect(mapColumns(['群众呼声'], index, []).fieldColumns.has('opinion')).toBe(false);
  });
});
