import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OpinionRecordSchema, RejectSchema, SheetReportSchema } from '../../src/model.js';
import { ingestGrid } from '../../src/ingest/sheet.js';
import { pointFromFileName } from '../../src/ingest/point.js';
import { recordId } from '../../src/ingest/rows.js';
import type { GridCell } from '../../src/ingest/grid.js';
import { grid, merge, options } from './helpers.js';

const source = { file: 'a.xlsx', path: 'in/a.xlsx', encoding: null };

describe('rows → records, rejects, blanks', () => {
  const g = grid([
    ['城关街道意见汇总表', '', '', ''],
    ['序号', '联系点', '条款', '意见建议', '联系电话'],
    ['1', '城关街道', '第三条', '  建议删除第二款。\r\n理由见附件。  ', '138 0000 0000'],
    ['', '', '', '', ''],
    ['2', '城关街道', '第五条', '', '139'],
    ['  ', '\t', '', ''],
    ['3', '', ' 第六条\n第二款 ', '增加罚则'],
  ]);
  const out = ingestGrid(g, source, options());

  it('reconciles', () => {
    expect(out.report).toMatchObject({ headerRows: [2], rows: 5, records: 2, rejects: 1, blanks: 2, problems: [] });
    expect(SheetReportSchema.parse(out.report)).toEqual(out.report);
  });

  it('trims fields, keeps line breaks in the opinion, folds them elsewhere', () => {
    const [first, second] = out.records;
    expect(first).toMatchObject({
      opinion: '建议删除第二款。\n理由见附件。',
      point: '城关街道',
      pointSource: 'column',
      article: '第三条',
      contact: '138 0000 0000',
      suggestion: null,
      source: { file: 'a.xlsx', sheet: 'Sheet1', row: 3 },
    });
    expect(second).toMatchObject({ article: '第六条 第二款', source: { row: 7 } });
    for (const record of out.records) expect(OpinionRecordSchema.parse(record)).toEqual(record);
  });

  it('rejects a row without opinion, keeping its cells', () => {
    const [reject] = out.rejects;
    expect(reject).toMatchObject({ reason: 'E_NO_OPINION', column: 'D', source: { row: 5 } });
    expect({ ...reject?.cells }).toEqual({ 序号: '2', 联系点: '城关街道', 条款: '第五条', 联系电话: '139' });
    expect(RejectSchema.parse(reject)).toBeTruthy();
  });

  it('gives stable ids from file, sheet and row', () => {
    expect(out.records[0]?.id).toBe(recordId({ file: 'a.xlsx', sheet: 'Sheet1', row: 3 }));
    expect(out.records[0]?.id).toMatch(/^r[0-9a-f]{16}$/u);
    expect(ingestGrid(g, source, options()).records.map((r) => r.id)).toEqual(out.records.map((r) => r.id));
    expect(recordId({ file: 'b.xlsx', sheet: 'Sheet1', row: 3 })).not.toBe(out.records[0]?.id);
  });
});

describe('cell problems', () => {
  it('rejects an oversized cell with its column letter, and an unreadable mapped cell', () => {
    const unreadable: GridCell = { unreadable: true, shown: '#N/A' };
    const g = { name: 'S', merges: [], rows: [['意见建议', '条款', '备注'], ['x'.repeat(11), '1', ''], ['好', unreadable, ''], ['好', '2', unreadable]] };
    const out = ingestGrid(g, source, options({ limits: { maxCellLength: 10 } }));
    expect(out.rejects.map((r) => [r.reason, r.column, r.source.row])).toEqual([
      ['E_CELL_TOO_LARGE', 'A', 2],
      ['E_UNREADABLE_CELL', 'B', 3],
    ]);
    // An error in an unmapped column does not cost the opinion.
    expect(out.records.map((r) => r.source.row)).toEqual([4]);
  });

  it('removes NUL bytes', () => {
    const out = ingestGrid(grid([['意见建议'], ['建\u0000议']]), source, options());
    expect(out.records[0]?.opinion).toBe('建议');
  });
});

describe('sheet problems', () => {
  it('no opinion column: a problem with the fixing --map, rows rejected E_INVALID_ROW', () => {
    const g = grid([['序号', '条款', '填写栏'], ['1', '第三条', '建议修改得更清楚一些'], ['', '', '']]);
    const out = ingestGrid(g, source, options());
    expect(out.problems.map((p) => p.code)).toEqual(['E_NO_OPINION_COLUMN']);
    // The hint is scoped to this file and sheet, so pasting it cannot misread other files.
    expect(out.report.problems[0]).toContain(`--map '${source.file}:Sheet1:意见建议=C'`);
    expect(out.report.problems[0]).toContain('填写栏');
    expect(out.report.problems[0]).toMatch(/^文件 \S+ 工作表“Sheet1”/u);
    expect(out.rejects.map((r) => r.reason)).toEqual(['E_INVALID_ROW']);
    expect(out.report).toMatchObject({ rows: 2, records: 0, rejects: 1, blanks: 1 });
  });

  it('the suggested --map makes it read', () => {
    const g = grid([['序号', '条款', '填写栏'], ['1', '第三条', '建议修改']]);
    const out = ingestGrid(g, source, options({ maps: ['意见建议=C'] }));
    expect(out.records.map((r) => r.opinion)).toEqual(['建议修改']);
    expect(out.report.columns.find((c) => c.column === 'C')?.how).toBe('forced');
  });

  it('no header: a problem and every non-blank row a reject', () => {
    const out = ingestGrid(grid([['甲', '乙'], ['1', '2'], ['']]), source, options());
    expect(out.problems.map((p) => p.code)).toEqual(['E_NO_HEADER']);
    expect(out.report).toMatchObject({ headerRows: [], rows: 3, rejects: 2, blanks: 1 });
  });

  it('no header but the opinion column forced by letter: row 1 is the header', () => {
    const out = ingestGrid(grid([['甲', '乙'], ['1', '这是一条建议']]), source, options({ maps: ['opinion=B'] }));
    expect(out.report.headerRows).toEqual([1]);
    expect(out.records.map((r) => r.opinion)).toEqual(['这是一条建议']);
  });

  it('too many rows: a problem, nothing read', () => {
    const out = ingestGrid(grid([['意见建议'], ['a'], ['b'], ['c']]), source, options({ limits: { maxRowsPerSheet: 3 } }));
    expect(out.problems.map((p) => p.code)).toEqual(['E_TOO_MANY_ROWS']);
    expect(out.report.rows).toBe(0);
  });

  it('an empty sheet has no rows and no problem', () => {
    const out = ingestGrid(grid([]), source, options());
    expect(out.report).toMatchObject({ rows: 0, problems: [] });
  });
});

describe('merged data cells', () => {
  it('fills the point merged down a block into every row, but not across columns', () => {
    const g = grid(
      [
        ['联系点', '意见建议', '理由'],
        ['东关社区', '意见一', ''],
        ['', '意见二', ''],
        ['', '意见三', ''],
        ['西关社区', '意见四', ''],
      ],
      [merge(1, 0, 3, 0), merge(4, 1, 4, 2)],
    );
    const out = ingestGrid(g, source, options());
    expect(out.records.map((r) => [r.point, r.opinion, r.reason])).toEqual([
      ['东关社区', '意见一', null],
      ['东关社区', '意见二', null],
      ['东关社区', '意见三', null],
      ['西关社区', '意见四', null],
    ]);
  });
});

describe('point and county', () => {
  const g = grid([['联系点', '意见建议'], ['', '意见'], ['南街', '意见']]);
  const path = '收件/城关街道立法联系点-意见汇总表-2024.05.xlsx';
  const src = { file: 'x.xlsx', path, encoding: null };

  it.each([
    [{}, '城关街道立法联系点', 'filename', null],
    [{ point: '北街' }, '北街', 'option', null],
    [{ rules: [{ pattern: '城关', point: '城关点', county: '城关区' }] }, '城关点', 'config', '城关区'],
    [{ rules: [{ pattern: '*.xlsx', county: '城关区' }] }, '城关街道立法联系点', 'filename', '城关区'],
    [{ rules: [{ pattern: '收件/城关*', point: 'G' }] }, 'G', 'config', null],
    [{ rules: [{ pattern: '*.csv', point: 'G' }] }, '城关街道立法联系点', 'filename', null],
    [{ county: '某区', point: '北街' }, '北街', 'option', '某区'],
  ])('%j', (input, point, pointSource, county) => {
    const out = ingestGrid(g, src, options(input));
    expect(out.records[0]).toMatchObject({ point, pointSource, county });
    expect(out.records[1]).toMatchObject({ point: '南街', pointSource: 'column' });
  });

  it.each([
    ['城关街道立法联系点-意见汇总表-2024.05.xlsx', '城关街道立法联系点'],
    ['东关社区意见建议表（2024年5月）.xls', '东关社区'],
    ['2024-05-01_西关村_征求意见反馈.csv', '西关村'],
    ['律师协会 意见汇总 20240501.xlsx', '律师协会'],
    ['意见汇总表.xlsx', null],
    ['2024.05.xlsx', null],
    ['闵行区-古美路街道-6月.xlsx', '闵行区古美路街道'],
    ['古美路街道立法联系点06月份意见.xlsx', '古美路街道立法联系点'],
    ['罗店镇联系点-六月-第2批.csv', '罗店镇联系点'],
    ['罗店镇联系点_第二季度.xlsx', '罗店镇联系点'],
    ['十月村立法联系点.xlsx', '十月村立法联系点'],
    ['嘉定區安亭鎮聯繫點.xlsx', '嘉定区安亭镇联系点'],
    ['乾县城关镇立法联系点.xlsx', '乾县城关镇立法联系点'],
  ])('%s → %s', (name, expected) => {
    expect(pointFromFileName(name)).toBe(expected);
  });
});

describe('hostile headers', () => {
  it('a __proto__ or constructor header does not pollute anything', () => {
    const g = grid([['__proto__', 'constructor', '意见建议', '__proto__'], ['{"polluted":1}', 'x', '', 'y']], [], '__proto__');
    const out = ingestGrid(g, { ...source, file: '__proto__' }, options());
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const cells = out.rejects[0]?.cells ?? {};
    expect(Object.keys(cells)).toEqual(['__proto__', 'constructor', '__proto__（D 列）']);
    expect(cells['__proto__']).toBe('{"polluted":1}');
    expect(JSON.parse(JSON.stringify(out.rejects[0])).cells.constructor).toBe('x');
  });
});

describe('property: random grids', () => {
  const cell = fc.oneof(
    fc.constantFrom('', ' ', '意见建议', '条款', '序号', '联系点', '意见', '__proto__', '\n', '第三条'),
    fc.string({ maxLength: 6 }),
    fc.constant<GridCell>({ unreadable: true, shown: '#REF!' }),
  );
  const rows = fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 20 });
  const merges = fc.array(
    fc.tuple(fc.nat(25), fc.nat(8), fc.nat(4), fc.nat(3)).map(([r, c, h, w]) => merge(r, c, r + h, c + w)),
    { maxLength: 4 },
  );

  it('never throw and always reconcile', () => {
    fc.assert(
      fc.property(rows, merges, fc.boolean(), (cells, ranges, forced) => {
        const out = ingestGrid(
          { name: 'S', rows: cells, merges: ranges },
          source,
          options(forced ? { maps: ['opinion=B'], limits: { maxCellLength: 4 } } : {}),
        );
        const r = out.report;
        expect(r.rows).toBe(r.records - (r.splitParts ?? 0) + r.rejects + r.blanks + (r.notes ?? 0));
        expect(r.records).toBe(out.records.length);
        expect(r.rejects).toBe(out.rejects.length);
        expect(r.rows).toBe(cells.length - (r.headerRows.at(-1) ?? 0));
        for (const record of out.records) OpinionRecordSchema.parse(record);
        for (const reject of out.rejects) RejectSchema.parse(reject);
      }),
      { numRuns: 300 },
    );
  });
});
