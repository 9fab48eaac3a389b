/** The merged workbook's header names: one list, which the writer puts in row 1 and the reader looks for. */
import { describe, expect, it } from 'vitest';
import { MERGED_HEADERS, MERGED_SOURCE_HEADERS } from '../../src/model.js';
import { REJECT_HEADERS } from '../../src/report/merged.js';
import { carriedColumns, mergedSources, provenanceColumns, withOwnSeq } from '../../src/ingest/merged.js';
import { ingestGrid } from '../../src/ingest/sheet.js';
import { grid, options } from '../ingest/helpers.js';

describe('the merged workbook’s provenance columns', () => {
  it('are found by the reader exactly where the writer puts them', () => {
    const carried = carriedColumns(true, '意见汇总', MERGED_HEADERS).carried;
    expect(carried).toMatchObject({
      file: MERGED_HEADERS.indexOf(MERGED_SOURCE_HEADERS.file),
      sheet: MERGED_HEADERS.indexOf(MERGED_SOURCE_HEADERS.sheet),
      row: MERGED_HEADERS.indexOf(MERGED_SOURCE_HEADERS.row),
      part: MERGED_HEADERS.indexOf(MERGED_SOURCE_HEADERS.part),
    });
    expect([carried?.file, carried?.sheet, carried?.row, carried?.part]).toEqual([11, 12, 13, 14]);
    // A workbook of an earlier version has no 格内序号 (its 来源行号 shows 5-2 through a number format).
    const earlier = MERGED_HEADERS.filter((header) => header !== MERGED_SOURCE_HEADERS.part);
    expect(carriedColumns(true, '意见汇总', earlier).carried).toMatchObject({ file: 11, sheet: 12, row: 13 });
    expect(carriedColumns(true, '意见汇总', earlier).carried?.part).toBeUndefined();
    expect([...provenanceColumns(true, '意见汇总', earlier)]).toEqual([11, 12, 13]);
    // Only on 意见汇总 of a workbook merge wrote; a point's own sheet with a 来源文件 column is read as it is.
    expect(carriedColumns(false, '意见汇总', MERGED_HEADERS)).toEqual({});
    expect(carriedColumns(true, '问题行', REJECT_HEADERS)).toEqual({});
  });

  it('give the 原表序号 mapping on 意见汇总, and the 来源文件 of every sheet (问题行 too)', () => {
    const grid = { name: '意见汇总', rows: [MERGED_HEADERS, ['1', '东湖街道', '', '', '', '', '意见', '', '', '', '', '东湖.xlsx', 'Sheet1', '4', '', '7']], merges: [] };
    expect(withOwnSeq([], true, grid).map((m) => m.spec)).toEqual(['序号=原表序号']);
    const rejects = { name: '问题行', rows: [REJECT_HEADERS, ['滨江.xls', 'Sheet1', '9', '“意见建议”为空', 'G', '']], merges: [] };
    expect([...mergedSources([grid, rejects])]).toEqual(['东湖.xlsx', '滨江.xls']);
  });
});

describe('yijian’s own 意见汇总 read again', () => {
  const rows = [
    MERGED_HEADERS,
    ['1', '东湖街道立法联系点', '城东区', '王建国', '退休教师', '第十二条', '建议明确电动自行车停放区域由物业统一规划，避免占用消防通道。', '', '小区充电桩不足', '', '2024-05-06', '城东区-东湖街道.xlsx', 'Sheet1', '4', '', '3'],
    ['2', '华侨新村立法联系点', '河西县', '李秀英', '社区居民', '第二十条', '罚款标准偏高，建议对首次违规以教育为主。', '', '', '', '2024-05-08', '河西县-华侨新村.csv', '河西县-华侨新村.csv', '7', '2', '5'],
  ];
  const competing = (outcome: ReturnType<typeof ingestGrid>): string[] =>
    outcome.notices.flatMap((n) => (n.code === 'W_COLUMNS_COMPETE' ? [n.field] : []));

  it('maps its columns without a 联系点 contest with 来源文件 and 来源工作表, and reads the same records', () => {
    expect([...provenanceColumns(true, '意见汇总', MERGED_HEADERS)]).toEqual([11, 12, 13, 14]);
    const source = { file: '城东区汇总.xlsx', path: '城东区汇总.xlsx', encoding: null };
    const own = ingestGrid(grid(rows as string[][], [], '意见汇总'), { ...source, merged: true }, options());
    expect(competing(own)).toEqual([]);
    expect(own.records.map((r) => [r.seq, r.point, r.source.file, r.source.row, r.source.part])).toEqual([
      ['3', '东湖街道立法联系点', '城东区-东湖街道.xlsx', 4, undefined],
      ['5', '华侨新村立法联系点', '河西县-华侨新村.csv', 7, 2],
    ]);
    // The same sheet without merge's marker is anyone's sheet: the two 联系点-like columns are still said.
    const handMade = ingestGrid(grid(rows as string[][], [], '意见汇总'), source, options());
    expect(competing(handMade)).toContain('point');
    expect(handMade.records.map((r) => r.point)).toEqual(['东湖街道立法联系点', '华侨新村立法联系点']);
  });

  it('still says the contest on a hand-made sheet with two 联系点-like columns, and on a merged header someone changed', () => {
    const handMade = [['序号', '联系点', '意见建议', '来源文件'], ['1', '东湖街道', '建议增设充电车棚。', '东湖街道第二批意见.docx']];
    expect(competing(ingestGrid(grid(handMade), { file: '汇总.xlsx', path: '汇总.xlsx', encoding: null }, options()))).toEqual(['point']);
    const changed = rows.map((row, r) => [...row, r === 0 ? '备注' : '']);
    expect(provenanceColumns(true, '意见汇总', changed[0]!)).toEqual(new Set());
    expect(competing(ingestGrid(grid(changed, [], '意见汇总'), { file: 'a.xlsx', path: 'a.xlsx', encoding: null, merged: true }, options()))).toContain('point');
  });
});
