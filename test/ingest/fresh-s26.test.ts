/**
 * Fresh submissions of session 26 (fixtures/fresh-s26/make-fresh.mjs), read as the bureau staffer receiving them would
 * check them. Before: a hidden sheet of last month's rows was read without a word; a hidden drop-down list sheet gave
 * 问题行 (E_NO_HEADER, one per option); a cover sheet (封面) gave E_NO_HEADER and a 问题行, and its 报送单位 was not the
 * point of the opinions sheet (E_NO_POINT); an online form's 来源渠道 column was read as the 联系点 (points named 微信
 * and 链接); a file name's draft title (电动自行车条例, 物业条例) was kept in the point's name; a point named on a
 * title line with its county (东城区和平里街道…) lost the county.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { readSubmissions, type IngestResult } from '../../src/ingest/index.js';
import { countyFromFileName, pointFromFileName } from '../../src/ingest/point.js';
import { ingestGrid, workbookPoint } from '../../src/ingest/sheet.js';
import type { SheetGrid } from '../../src/ingest/grid.js';
import { REPO_ROOT } from '../cli/run-cli.js';
import { grid, options, tempDir } from './helpers.js';

const DIR = join(REPO_ROOT, 'fixtures/fresh-s26');
const read = (file: string, input: Record<string, unknown> = {}): Promise<IngestResult> => readSubmissions([join(DIR, file)], options(input));
const sheetOf = (result: IngestResult, sheet: string) => result.sheets.find((s) => s.sheet === sheet)!;
const codes = (result: IngestResult, sheet: string): string[] => result.notices.filter((n) => 'location' in n && 'sheet' in n.location && n.location.sheet === sheet).map((n) => n.code);

describe('a workbook with hidden sheets', () => {
  const FILE = '城北区-青石街道立法联系点-6月.xlsx';

  it('reads last month\'s hidden sheet, and asks about it like hidden rows', async () => {
    const result = await read(FILE);
    expect(result.records.map((r) => [r.source.sheet, r.source.row])).toEqual([['意见', 2], ['意见', 3], ['5月已报', 2], ['5月已报', 3]]);
    expect(result.problems.map((p) => [p.sheet, p.code])).toEqual([['5月已报', 'W_HIDDEN_SHEET_OPINIONS']]);
    expect(result.problems[0]!.message).toBe(
      `文件 ${FILE}：工作表“5月已报”在工作簿中是隐藏的（打开文件时看不到），其中 2 条意见已照常读取；如是上次报送的旧表或不应报送，请删除这张表，或用 --sheet 只读取要读的工作表。`,
    );
  });

  it('keeps the hidden drop-down options out of the 问题行', async () => {
    const result = await read(FILE);
    expect(sheetOf(result, '数据源')).toMatchObject({ rows: 7, records: 0, rejects: 0, notes: 7 });
    expect(result.rejects).toEqual([]);
    expect(codes(result, '数据源')).toEqual(['W_HIDDEN_LIST_SHEET']);
  });

  it('says nothing of a hidden sheet the user named with --sheet', async () => {
    const result = await read(FILE, { sheet: '5月已报' });
    expect(result.records).toHaveLength(2);
    expect(result.problems).toEqual([]);
  });

  it('reads a hidden sheet without a header whose cells are opinions as before (no list)', () => {
    const hidden = { ...grid([['楼道里充电的问题很突出，建议物业在每栋楼下配一个集中充电点，并由街道统一组织验收。']]), hidden: true };
    const out = ingestGrid(hidden, { file: '东湖.xlsx', path: '东湖.xlsx', encoding: null }, options());
    expect(out.notices.map((n) => n.code)).not.toContain('W_HIDDEN_LIST_SHEET');
  });
});

describe('a cover sheet before the opinions', () => {
  const FILE = '意见建议表（5月）.xlsx';

  it('is 说明行, not a sheet without a header, and names the point of the opinions sheet', async () => {
    const result = await read(FILE);
    expect(sheetOf(result, '封面')).toMatchObject({ rows: 6, records: 0, rejects: 0, blanks: 1, notes: 5 });
    expect(result.rejects).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(codes(result, '封面')).toEqual(['W_COVER_SHEET']);
    expect(result.records.map((r) => [r.point, r.county, r.submitter])).toEqual([
      ['城北区青石街道基层立法联系点', '城北区', '黄师傅'],
      ['城北区青石街道基层立法联系点', '城北区', '钱老师'],
    ]);
    expect(codes(result, '意见')).toEqual(['W_POINT_FROM_OTHER_SHEET']);
  });

  it('does not take a pasted chat (张阿姨：…) or a short opinion list for a cover', () => {
    const chat = grid([['座谈会记录'], ['张阿姨：楼道里不要停车。'], ['李大爷：充电桩太少。'], ['王师傅：头盔要便宜点。']]);
    const out = ingestGrid(chat, { file: '东湖.xlsx', path: '东湖.xlsx', encoding: null }, options());
    expect(out.records.length).toBeGreaterThan(0);
    expect(out.notices.map((n) => n.code)).not.toContain('W_COVER_SHEET');
  });
});

describe('a point named above one sheet\'s header only', () => {
  const HEADER = ['序号', '提出人', '条款', '意见建议'];
  const book = (sheets: Record<string, string[][]>): SheetGrid[] => Object.entries(sheets).map(([name, rows]) => grid(rows, [], name));

  it('is the point of the workbook\'s sheets that name none', () => {
    const grids = book({
      座谈会: [['联系点：柳巷社区基层立法联系点'], HEADER, ['1', '周建国', '第十条', '建议登记点设在社区。']],
      入户走访: [HEADER, ['1', '冯大妈', '第十九条', '建议写明物业可以装阻车系统。']],
    });
    expect(workbookPoint(grids, options())).toEqual({ sheet: '座谈会', point: '柳巷社区基层立法联系点', county: null, kind: 'title' });
  });

  it('is no one\'s when two sheets name different points (a county\'s workbook)', () => {
    const grids = book({
      一: [['联系点：东湖街道立法联系点'], HEADER, ['1', '周建国', '第十条', '建议登记点设在社区。']],
      二: [['联系点：桃源镇立法联系点'], HEADER, ['1', '冯大妈', '第十九条', '建议写明物业可以装阻车系统。']],
      三: [HEADER, ['1', '陈师傅', '第三十条', '罚款太高。']],
    });
    expect(workbookPoint(grids, options())).toBeUndefined();
  });
});

describe('a county\'s 汇总 sheet over the points\' own sheets', () => {
  it('is read once: its rows are on the points\' sheets, so it is left out and said', async () => {
    const result = await read('城南区司法局-各联系点意见汇总（6月）.xlsx');
    expect(result.records.map((r) => [r.source.sheet, r.point, r.county])).toEqual([
      ['东湖街道', '东湖街道', '城南区'], ['东湖街道', '东湖街道', '城南区'], ['桃源镇', '桃源镇', '城南区'],
    ]);
    expect(result.sheets.map((s) => s.sheet)).toEqual(['东湖街道', '桃源镇']);
    expect(result.notices.filter((n) => n.code === 'W_SUMMARY_SHEET_SKIPPED')).toEqual([
      { code: 'W_SUMMARY_SHEET_SKIPPED', location: { file: '城南区司法局-各联系点意见汇总（6月）.xlsx', sheet: '汇总' }, records: 3, within: ['东湖街道', '桃源镇'] },
    ]);
    expect(result.reconciliation.balanced).toBe(true);
  });

  it('is read when --sheet names it', async () => {
    const result = await read('城南区司法局-各联系点意见汇总（6月）.xlsx', { sheet: '汇总' });
    expect(result.records.map((r) => r.point)).toEqual(['东湖街道', '东湖街道', '桃源镇']);
    expect(result.notices.some((n) => n.code === 'W_SUMMARY_SHEET_SKIPPED')).toBe(false);
  });

  it('keeps two sheets that share some opinions but not all, and keeps one of two copies', () => {
    const HEADER = ['序号', '意见建议'];
    const book = (sheets: Record<string, string[][]>) => Object.entries(sheets).map(([name, rows]) => grid(rows, [], name));
    const file = join(tempDir(), '东湖街道立法联系点.xlsx');
    const workbook = XLSX.utils.book_new();
    for (const g of book({
      座谈会: [HEADER, ['1', '建议多建充电桩。'], ['2', '头盔要便宜点。']],
      入户走访: [HEADER, ['1', '建议多建充电桩。'], ['2', '楼道不许停车。']],
      '入户走访 (2)': [HEADER, ['1', '建议多建充电桩。'], ['2', '楼道不许停车。']],
    })) XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(g.rows as string[][]), g.name);
    writeFileSync(file, XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }));
    return readSubmissions([file], options()).then((result) => {
      expect(result.sheets.map((s) => s.sheet)).toEqual(['座谈会', '入户走访']);
      expect(result.notices.filter((n) => n.code === 'W_SUMMARY_SHEET_SKIPPED').map((n) => ('within' in n ? [n.location.sheet, n.within] : null))).toEqual([['入户走访 (2)', ['入户走访']]]);
    });
  });
});

describe('a template\'s example row left under the header', () => {
  it('is a 说明行, not 张三\'s opinion; opinions that say 例如 or 示例 stay opinions', async () => {
    const result = await read('城北区-白鹭街道立法联系点.xlsx');
    expect(result.records.map((r) => [r.source.row, r.submitter])).toEqual([[3, '黄师傅'], [4, '钱老师']]);
    expect(result.sheets[0]).toMatchObject({ rows: 3, records: 2, notes: 1 });
    expect(result.notices.filter((n) => n.code === 'W_EXAMPLE_ROWS').map((n) => ('rows' in n ? n.rows : null))).toEqual([[2]]);
  });
});

describe('an online form\'s CSV export', () => {
  const FILE = '问卷星-城北区青石街道-电动自行车条例意见征集.csv';

  it('reads no field from 来源渠道 or 来源IP, and names the point and county from the file name', async () => {
    const result = await read(FILE);
    const columns = result.sheets[0]!.columns.map((c) => [c.header, c.field]);
    expect(columns).toContainEqual(['来源渠道', null]);
    expect(columns).toContainEqual(['来源IP', null]);
    expect(result.records.map((r) => [r.source.row, r.point, r.pointSource, r.county, r.submitter, r.submitterType])).toEqual([
      [3, '城北区青石街道', 'filename', '城北区', '陈女士', '群众'],
      [4, '城北区青石街道', 'filename', '城北区', '匿名', null],
      [5, '城北区青石街道', 'filename', '城北区', '老周', '群众'],
    ]);
    // The quoted answer with line breaks is one row, as Excel shows it.
    expect(result.records[0]!.opinion).toBe('第十九条：\n建议小区统一建设充电棚。\n另外希望电费合理。');
  });
});

describe('shapes that already read right', () => {
  it('a title, a seven-line 填报说明 and a 联系点：… line above a header on row 12', async () => {
    const result = await read('城北区-石桥镇立法联系点.xlsx');
    expect(result.sheets[0]!.headerRows).toEqual([12]);
    expect(result.records.map((r) => [r.source.row, r.point, r.county, r.article])).toEqual([
      [13, '石桥镇基层立法联系点', '城北区', '第十九条'],
      [14, '石桥镇基层立法联系点', '城北区', '总体意见'],
    ]);
  });

  it('a 条款 column of ranges and lists, kept as written for the assignment', async () => {
    const result = await read('城北区-枫林社区立法联系点.xlsx');
    expect(result.records.map((r) => r.article)).toEqual(['第三至五条', '第3条、第5条', '第十二条第二款、第十三条', '3-5', '第十九、二十条', '十九至二十一', '第十二条之二', '第二章']);
  });
});

describe('names', () => {
  it.each([
    ['东城区-和平里街道立法联系点-物业条例意见.xlsx', '东城区和平里街道立法联系点', '东城区'],
    ['问卷星-城北区青石街道-电动自行车条例意见征集.csv', '城北区青石街道', '城北区'],
    ['青石街道关于电动自行车管理条例的意见.xlsx', '青石街道', null],
    ['城北区-青石街道-《电动自行车管理条例》意见.xlsx', '城北区青石街道', '城北区'],
    // A county-wide survey: no point in the name (it was 答卷数据).
    ['腾讯问卷-城北区电动自行车条例意见征集-答卷数据.xlsx', null, '城北区'],
    ['问卷星-青石街道立法联系点_原始数据.xlsx', '青石街道立法联系点', null],
  ])('%s → %s, %s', (file, point, county) => {
    expect(pointFromFileName(file)).toBe(point);
    expect(countyFromFileName(file)).toBe(county);
  });

  it('a point named with its county on the title line keeps the county', () => {
    const out = ingestGrid(grid([['联系点：东城区和平里街道立法联系点'], ['序号', '意见建议'], ['1', '建议多建充电桩。']]), { file: '意见.xlsx', path: '意见.xlsx', encoding: null }, options());
    expect(out.records.map((r) => [r.point, r.pointSource, r.county])).toEqual([['东城区和平里街道立法联系点', 'title', '东城区']]);
  });
});
