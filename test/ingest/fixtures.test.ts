import { describe, expect, it } from 'vitest';
import { collectInputFiles, readSubmissions } from '../../src/ingest/index.js';
import { options } from './helpers.js';

// The figures of fixtures/EXPECTED.md, read through the whole ingest path.
describe('fixtures/submissions', () => {
  it('reads every sheet with the expected header rows and counts', async () => {
    const files = await collectInputFiles(['fixtures/submissions']);
    const result = await readSubmissions(files, options());
    expect(result.failures).toEqual([]);
    expect(result.sheets.map((s) => [s.file.split('-')[1] ?? s.file, s.encoding, s.headerRows, s.rows, s.records, s.rejects, s.blanks])).toEqual([
      ['东湖街道立法联系点', null, [2, 3], 21, 18, 1, 2],
      ['滨江社区立法联系点', null, [1], 16, 15, 0, 1],
      ['科技园企业立法联系点', 'GBK', [1], 16, 14, 1, 1],
      ['侨联立法联系点', null, [], 3, 0, 0, 0],
      ['侨联立法联系点', null, [2, 3], 8, 7, 0, 0],
      ['华侨新村立法联系点', 'UTF-8 (BOM)', [1], 12, 11, 0, 1],
      ['桃源镇立法联系点', null, [2], 9, 8, 0, 1],
      ['桃源镇立法联系点', null, [1], 8, 8, 0, 0],
      ['河西县城关镇立法联系点意见汇总表.xlsx', null, [1], 15, 12, 1, 2],
    ]);
    expect(result.reconciliation).toEqual({
      files: 7, failedFiles: 0, sheets: 9, rows: 108, records: 93, rejects: 3, blanks: 8, notes: 5, splitParts: 1, balanced: true,
    });
    const at = (file: string, row: number) => result.records.find((r) => r.source.file.includes(file) && r.source.row === row);
    expect(at('东湖', 4)).toMatchObject({ article: '第十二条', date: '2024-05-06', contact: '13800135678' });
    expect(at('科技园', 7)?.opinion).toContain('\n');
    expect(at('桃源', 3)).toMatchObject({ contact: '13812340001', county: '河西县' });
    expect(at('城关镇', 2)).toMatchObject({ point: '河西县城关镇立法联系点', pointSource: 'filename' });
    expect(result.rejects.map((r) => [r.source.row, r.reason])).toEqual([
      [13, 'E_NO_OPINION'],
      [15, 'E_NO_OPINION'],
      [11, 'E_NO_OPINION'],
    ]);
  });
});
