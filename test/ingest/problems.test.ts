/** Sheet problems that must be said, not silently absorbed: a --map that names nothing, a point nobody gave. */
import { describe, expect, it } from 'vitest';
import { ingestGrid } from '../../src/ingest/sheet.js';
import { grid, options } from './helpers.js';

const rows = [
  ['序号', '联系点', '条款', '意见建议'],
  ['1', '东湖街道立法联系点', '第三条', '建议增加规定'],
];

describe('sheet problems', () => {
  it('says when a --map header text is not in the sheet, and keeps the normal mapping', () => {
    const out = ingestGrid(grid(rows), { file: 'a.xlsx', path: 'a.xlsx', encoding: null }, options({ maps: ['意见建议=具体内容'] }));
    expect(out.problems.map((p) => p.code)).toEqual(['E_BAD_MAPPING']);
    expect(out.problems[0]?.message).toContain('--map 意见建议=具体内容');
    expect(out.records).toHaveLength(1);
  });

  it('says when a --map column letter lies past every header', () => {
    const out = ingestGrid(grid(rows), { file: 'a.xlsx', path: 'a.xlsx', encoding: null }, options({ maps: ['意见建议=Z'] }));
    expect(out.problems.map((p) => p.code)).toContain('E_BAD_MAPPING');
    expect(out.report.rows).toBe(out.report.records + out.report.rejects + out.report.blanks);
  });

  it('does not complain about a --map that matched', () => {
    const out = ingestGrid(grid(rows), { file: 'a.xlsx', path: 'a.xlsx', encoding: null }, options({ maps: ['意见建议=D'] }));
    expect(out.problems).toEqual([]);
  });

  it('says when no point can be found in the sheet, the options or the file name', () => {
    const noPoint = [['序号', '条款', '意见建议'], ['1', '第三条', '建议增加规定']];
    const out = ingestGrid(grid(noPoint), { file: '意见汇总表.xlsx', path: '意见汇总表.xlsx', encoding: null }, options());
    expect(out.problems.map((p) => p.code)).toEqual(['E_NO_POINT']);
    expect(out.records[0]?.point).toBeNull();
    const named = ingestGrid(grid(noPoint), { file: '意见汇总表.xlsx', path: '意见汇总表.xlsx', encoding: null }, options({ point: '桃源镇' }));
    expect(named.problems).toEqual([]);
    expect(named.records[0]?.point).toBe('桃源镇');
  });
});
