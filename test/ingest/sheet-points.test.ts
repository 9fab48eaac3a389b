/**
 * A county bureau's workbook with one sheet per point (东湖街道 | 桃源镇 | 科技园企业联系点) and no 联系点 column.
 * Before: every opinion of the workbook was filed under one "point" read off the file's name
 * (城南区司法局各联系点), so the per-point counts and the feedback letters were wrong.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countyFromFileName, pointFromSheetName, sheetPoints } from '../../src/ingest/point.js';
import { readSubmissions } from '../../src/ingest/index.js';
import { noticeText } from '../../src/notices.js';
import { runYijian } from '../cli/run-cli.js';
import { options, tempDir } from './helpers.js';

describe('pointFromSheetName', () => {
  it.each([
    ['东湖街道', '东湖街道'],
    ['桃源镇立法联系点', '桃源镇立法联系点'],
    ['3.科技园企业联系点（4条）', '科技园企业联系点'],
    ['滨江社区意见汇总', '滨江社区'],
    ['華僑新村', '华侨新村'],
    ['华侨新村', '华侨新村'],
    ['Sheet1', null],
    ['汇总', null],
    ['六月', null],
    ['座谈会意见', null],
    ['城东区', null],
    ['社区', null],
    ['填表说明', null],
  ])('%s → %s', (sheet, point) => expect(pointFromSheetName(sheet)).toBe(point));

  it('never names a point of a sheet named by a month, a number or Sheet<n>', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 99 }), (month, n) => {
        expect(pointFromSheetName(`${month}月`)).toBeNull();
        expect(pointFromSheetName(`Sheet${n}`)).toBeNull();
        expect(pointFromSheetName(String(n))).toBeNull();
      }),
    );
  });
});

describe('sheetPoints', () => {
  it('names the sheets when two or more are named after points', () => {
    expect([...sheetPoints(['说明', '东湖街道', '桃源镇'], '城南区司法局-各联系点意见汇总.xlsx')]).toEqual([
      ['东湖街道', '东湖街道'],
      ['桃源镇', '桃源镇'],
    ]);
  });
  it('trusts the file name over a single sheet named after a point', () => {
    expect(sheetPoints(['东湖街道'], '西湖街道立法联系点-意见.xlsx').size).toBe(0);
    expect([...sheetPoints(['东湖街道', 'Sheet2'], '意见汇总表.xlsx')]).toEqual([['东湖街道', '东湖街道']]);
  });
  it('names nothing for sheets named by anything else', () => {
    expect(sheetPoints(['Sheet1', 'Sheet2', '六月'], '城南区司法局.xlsx').size).toBe(0);
  });
});

describe('the county of a bureau\'s own file', () => {
  it.each([
    ['城南区司法局-各联系点意见汇总（11月）.xlsx', '城南区'],
    ['河西县人大常委会法工委意见汇总.xlsx', '河西县'],
    ['城东区-东湖街道立法联系点.xlsx', '城东区'],
    ['城区意见.xlsx', null],
  ])('%s → %s', (file, county) => expect(countyFromFileName(file)).toBe(county));
});

function workbook(dir: string, name: string, sheets: Record<string, string[][]>): string {
  const book = XLSX.utils.book_new();
  for (const [sheet, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), sheet);
  const path = join(dir, name);
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
  return path;
}

const HEADER = ['序号', '提出人', '条款', '意见建议'];

describe('a workbook with one sheet per point', () => {
  it('files each sheet\'s opinions under its point and county, and says where the point came from', async () => {
    const dir = tempDir();
    const path = workbook(dir, '城南区司法局-各联系点意见汇总（11月）.xlsx', {
      东湖街道: [HEADER, ['1', '王建国', '第十条', '楼道里不能停电动车，建议写清楚。'], ['2', '李秀英', '', '充电桩太少了。']],
      桃源镇: [HEADER, ['1', '张伟', '第二十条', '农村道路也要管头盔。']],
    });
    const result = await readSubmissions([path], options());
    expect(result.records.map((r) => [r.source.sheet, r.point, r.pointSource, r.county])).toEqual([
      ['东湖街道', '东湖街道', 'sheet', '城南区'],
      ['东湖街道', '东湖街道', 'sheet', '城南区'],
      ['桃源镇', '桃源镇', 'sheet', '城南区'],
    ]);
    const said = result.notices.filter((n) => n.code === 'W_POINT_FROM_SHEET_NAME').map(noticeText);
    expect(said).toEqual([
      '本表没有联系点列，工作簿的工作表按联系点命名：本表 2 条意见的联系点取自工作表名“东湖街道”；如不对，请用 --point 或配置文件 points 指定。',
      '本表没有联系点列，工作簿的工作表按联系点命名：本表 1 条意见的联系点取自工作表名“桃源镇”；如不对，请用 --point 或配置文件 points 指定。',
    ]);
  });

  it('keeps a 联系点 column and --point over the sheet names', async () => {
    const dir = tempDir();
    const path = workbook(dir, '城南区司法局汇总.xlsx', {
      东湖街道: [['联系点', '意见建议'], ['滨江社区立法联系点', '楼道里不能停电动车，建议写清楚。']],
      桃源镇: [HEADER, ['1', '张伟', '第二十条', '农村道路也要管头盔。']],
    });
    const read = await readSubmissions([path], options());
    expect(read.records.map((r) => [r.point, r.pointSource])).toEqual([['滨江社区立法联系点', 'column'], ['桃源镇', 'sheet']]);
    const forced = await readSubmissions([path], options({ point: '城南区司法局' }));
    expect(forced.records.map((r) => r.pointSource)).toEqual(['column', 'option']);
    expect(forced.notices.some((n) => n.code === 'W_POINT_FROM_SHEET_NAME')).toBe(false);
  });

  it('counts the points apart in inspect', async () => {
    const dir = tempDir();
    workbook(dir, '城南区司法局-各联系点意见汇总.xlsx', {
      东湖街道: [HEADER, ['1', '王建国', '第十条', '楼道里不能停电动车，建议写清楚。']],
      桃源镇: [HEADER, ['1', '张伟', '第二十条', '农村道路也要管头盔。']],
    });
    const run = await runYijian(['inspect', join(dir, '城南区司法局-各联系点意见汇总.xlsx')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('联系点：东湖街道（取自工作表名），县（市、区）：城南区');
    expect(run.stdout).toContain('联系点：桃源镇（取自工作表名），县（市、区）：城南区');
  });
});
