/**
 * A county's own aggregate without a 联系点 column (城东区汇总.csv, 城东区司法局-意见汇总.xlsx): the county is not a point.
 * Its rows carry the county from the file name and no point, shown as other rows without a point are, and the sheet's
 * E_NO_POINT says why. Before, 城东区汇总.csv gave every row the point 城东区 (取自文件名), counted as one contact point.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSubmissions } from '../../src/ingest/index.js';
import { countyOnlyName, pointFromFileName } from '../../src/ingest/point.js';
import { makeTempDir, readWorkbook, runYijian, sheetNamed } from '../cli/run-cli.js';
import * as XLSX from 'xlsx';
import { options, tempDir } from './helpers.js';

const CSV = '序号,提出人,条款,意见建议\r\n1,张建华,第十条,建议在街道便民服务中心设登记点。\r\n2,李秀英,第十九条,小区充电桩太少，建议先建设施再处罚。\r\n';

describe('countyOnlyName: a name from a file name that is only a county\'s', () => {
  it.each([
    ['城东区汇总.csv', '城东区'],
    ['城东区.xlsx', '城东区'],
    ['城东区-2024年5月意见汇总.xlsx', '城东区'],
    ['城东区司法局-意见汇总.xlsx', '城东区'],
    ['河西县汇总.csv', '河西县'],
    ['河西县人大常委会法工委意见汇总.xlsx', '河西县'],
    ['浦东新区各街镇意见汇总.xlsx', '浦东新区'],
    ['城南区司法局-各联系点意见汇总（11月）.xlsx', '城南区'],
    // Points, whatever county they are in.
    ['城东区-东湖街道立法联系点-2024年5月.xlsx', null],
    ['河西县城关镇立法联系点意见汇总表.xlsx', null],
    ['城东区律师协会.xlsx', null],
    ['城东区人大代表联络站.xlsx', null],
    ['东区社区意见.xlsx', null],
    // Too short to be sure it is a county rather than a place's name: stays what it was.
    ['某市意见汇总.xlsx', null],
  ])('%s → %s', (file, county) => {
    const name = pointFromFileName(file);
    expect(name === null ? null : countyOnlyName(name)).toBe(county);
  });
});

describe('a county\'s aggregate file without a point column', () => {
  it('files the rows under the county and no point, and says the file name is a county\'s', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '城东区汇总.csv'), CSV);
    writeFileSync(join(dir, '城东区司法局-意见汇总.csv'), CSV);
    writeFileSync(join(dir, '城东区-东湖街道立法联系点.csv'), CSV);
    const read = await readSubmissions([join(dir, '城东区汇总.csv'), join(dir, '城东区司法局-意见汇总.csv'), join(dir, '城东区-东湖街道立法联系点.csv')], options());
    const byFile = (file: string): unknown[][] => read.records.filter((r) => r.source.file === file).map((r) => [r.point, r.pointSource, r.county]);
    expect(byFile('城东区汇总.csv')).toEqual([[null, 'none', '城东区'], [null, 'none', '城东区']]);
    expect(byFile('城东区司法局-意见汇总.csv')).toEqual([[null, 'none', '城东区'], [null, 'none', '城东区']]);
    expect(byFile('城东区-东湖街道立法联系点.csv')).toEqual([['城东区东湖街道立法联系点', 'filename', '城东区'], ['城东区东湖街道立法联系点', 'filename', '城东区']]);
    const said = new Map(read.sheets.map((s) => [s.file, s.problems]));
    expect(said.get('城东区汇总.csv')).toEqual([expect.stringContaining('没有联系点列；文件名中的“城东区”是县（市、区）的名称，不是联系点：各条意见的县（市、区）记为城东区，联系点为空。')]);
    expect(said.get('城东区司法局-意见汇总.csv')).toEqual([expect.stringContaining('文件名中的“城东区司法局”是城东区一级的单位或汇总，不是联系点')]);
    expect(said.get('城东区-东湖街道立法联系点.csv')).toEqual([]);
  });

  it('keeps --point and a 联系点 column over it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '城东区汇总.csv'), CSV);
    writeFileSync(join(dir, '城东区汇总2.csv'), '联系点,意见建议\r\n东湖街道立法联系点,建议在街道便民服务中心设登记点。\r\n');
    const forced = await readSubmissions([join(dir, '城东区汇总.csv')], options({ point: '东湖街道立法联系点' }));
    expect(forced.records.map((r) => [r.point, r.pointSource, r.county])).toEqual([['东湖街道立法联系点', 'option', '城东区'], ['东湖街道立法联系点', 'option', '城东区']]);
    const column = await readSubmissions([join(dir, '城东区汇总2.csv')], options());
    expect(column.records.map((r) => [r.point, r.pointSource])).toEqual([['东湖街道立法联系点', 'column']]);
    expect(column.sheets[0]!.problems).toEqual([]);
  });

  it('merge writes the county and an empty 联系点, and says so on stderr', async () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, '城东区汇总.csv'), CSV);
    const out = join(dir, '合并.xlsx');
    const run = await runYijian(['merge', join(dir, '城东区汇总.csv'), '-o', out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/文件 城东区汇总\.csv 工作表“城东区汇总”没有联系点列；文件名中的“城东区”是县（市、区）的名称，不是联系点.* \[E_NO_POINT\]/u);
    const rows = XLSX.utils.sheet_to_json<Record<string, string>>(sheetNamed(readWorkbook(out), '意见汇总'), { raw: false, defval: '' });
    expect(rows.map((r) => [r['联系点'], r['县（市、区）']])).toEqual([['', '城东区'], ['', '城东区']]);
    const inspect = await runYijian(['inspect', join(dir, '城东区汇总.csv')]);
    expect(inspect.stdout).toContain('联系点：（空）（未知），县（市、区）：城东区');
  });
});
