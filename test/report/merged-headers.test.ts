/** The merged workbook's header names: one list, which the writer puts in row 1 and the reader looks for. */
import { describe, expect, it } from 'vitest';
import { MERGED_HEADERS, MERGED_SOURCE_HEADERS } from '../../src/model.js';
import { REJECT_HEADERS } from '../../src/report/merged.js';
import { carriedColumns, mergedSources, withOwnSeq } from '../../src/ingest/merged.js';

describe('the merged workbook’s provenance columns', () => {
  it('are found by the reader exactly where the writer puts them', () => {
    const carried = carriedColumns(true, '意见汇总', MERGED_HEADERS).carried;
    expect(carried).toMatchObject({
      file: MERGED_HEADERS.indexOf(MERGED_SOURCE_HEADERS.file),
      sheet: MERGED_HEADERS.indexOf(MERGED_SOURCE_HEADERS.sheet),
      row: MERGED_HEADERS.indexOf(MERGED_SOURCE_HEADERS.row),
    });
    expect([carried?.file, carried?.sheet, carried?.row]).toEqual([11, 12, 13]);
    // Only on 意见汇总 of a workbook merge wrote; a point's own sheet with a 来源文件 column is read as it is.
    expect(carriedColumns(false, '意见汇总', MERGED_HEADERS)).toEqual({});
    expect(carriedColumns(true, '问题行', REJECT_HEADERS)).toEqual({});
  });

  it('give the 原表序号 mapping on 意见汇总, and the 来源文件 of every sheet (问题行 too)', () => {
    const grid = { name: '意见汇总', rows: [MERGED_HEADERS, ['1', '东湖街道', '', '', '', '', '意见', '', '', '', '', '东湖.xlsx', 'Sheet1', '4', '7']], merges: [] };
    expect(withOwnSeq([], true, grid).map((m) => m.spec)).toEqual(['序号=原表序号']);
    const rejects = { name: '问题行', rows: [REJECT_HEADERS, ['滨江.xls', 'Sheet1', '9', '“意见建议”为空', 'G', '']], merges: [] };
    expect([...mergedSources([grid, rejects])]).toEqual(['东湖.xlsx', '滨江.xls']);
  });
});
