/**
 * A 联系点：… line above the table names the sender: the form yijian writes has one, and points rename the
 * file they send back (东湖街道-已填.xlsx), so the file name alone misread the point as 东湖街道已填.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { DRAFT_TXT, makeTempDir } from '../cli/run-cli.js';
import { buildForm } from '../../src/form/build.js';
import { renderForm } from '../../src/report/form-workbook.js';
import { collectInputFiles, normalizeIngestOptions, readSubmissions } from '../../src/ingest/index.js';
import { ingestGrid } from '../../src/ingest/sheet.js';
import { pointFromTitleLines } from '../../src/ingest/point.js';
import { parseDraft } from '../../src/text/draft.js';
import { grid, options } from './helpers.js';

describe('pointFromTitleLines', () => {
  it.each([
    ['联系点：东湖街道立法联系点　　县（市、区）：城东区', '东湖街道立法联系点', '城东区'],
    ['填报单位（盖章）：城关镇立法联系点        填报日期：2024年5月20日', '城关镇立法联系点', null],
    ['基层立法联系点名称: 滨江社区', '滨江社区', null],
    ['報送單位：和平里街道立法聯繫點', '和平里街道立法联系点', null],
    ['所属区县：河西县  联系点：桃源镇立法联系点', '桃源镇立法联系点', '河西县'],
    ['联系点：______________  县（市、区）：________', null, null],
    ['请各联系点：于5月31日前报送，逾期不再汇总。', null, null],
    ['《某市电动自行车管理条例（征求意见稿）》意见征集表', null, null],
  ])('%s', (line, point, county) => {
    expect(pointFromTitleLines([line])).toEqual({ point, county });
  });
});

describe('the point and county on the line above the header', () => {
  const source = { file: '东湖街道-已填.xlsx', path: 'in/城西区-东湖街道-已填.xlsx', encoding: null };
  const rows = [
    ['《某市电动自行车管理条例（征求意见稿）》意见征集表'],
    ['联系点：东湖街道立法联系点　　县（市、区）：城东区'],
    ['序号', '提出人', '条款', '意见建议'],
    ['1', '李建国', '第十九条', '楼道里充电太危险了，建议物业每天晚上巡查。'],
  ];

  it('win over the file name, and are said as taken from there', () => {
    const out = ingestGrid(grid(rows), source, options());
    expect(out.records.map((r) => [r.point, r.pointSource, r.county])).toEqual([['东湖街道立法联系点', 'title', '城东区']]);
  });

  it('give way to --point, --county and a column of the sheet', () => {
    const given = ingestGrid(grid(rows), source, options({ point: '滨江社区立法联系点', county: '城北区' }));
    expect(given.records.map((r) => [r.point, r.pointSource, r.county])).toEqual([['滨江社区立法联系点', 'option', '城北区']]);
    const column = ingestGrid(grid([rows[0]!, rows[1]!, [...rows[2]!, '联系点'], [...rows[3]!, '桃源镇立法联系点']]), source, options());
    expect(column.records.map((r) => [r.point, r.pointSource])).toEqual([['桃源镇立法联系点', 'column']]);
  });

  it('a blank 联系点：____ line leaves the file name to say it', () => {
    const blank = ingestGrid(grid([rows[0]!, ['联系点：__________'], rows[2]!, rows[3]!]), { ...source, path: 'in/城东区-东湖街道立法联系点.xlsx', file: '城东区-东湖街道立法联系点.xlsx' }, options());
    expect(blank.records.map((r) => [r.point, r.pointSource, r.county])).toEqual([['城东区东湖街道立法联系点', 'filename', '城东区']]);
  });

  it('reads the point back from yijian\'s own form sent back under another name', async () => {
    const dir = makeTempDir('yijian-title-point-');
    const draft = parseDraft(readFileSync(DRAFT_TXT, 'utf8'), 'draft.txt');
    const book = XLSX.read(await renderForm(buildForm(draft, { point: '东湖街道立法联系点', county: '城东区', rows: 20 }), null), { type: 'buffer' });
    XLSX.utils.sheet_add_aoa(book.Sheets['意见征集表']!, [[1, '王芳', '群众', '第十九条（禁止违规充电）', '电动车进电梯应当一律禁止。']], { origin: 'A4' });
    writeFileSync(join(dir, '已填好-5月.xlsx'), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const result = await readSubmissions(await collectInputFiles([dir]), normalizeIngestOptions({}));
    expect(result.records.map((r) => [r.point, r.county, r.article])).toEqual([['东湖街道立法联系点', '城东区', '第十九条（禁止违规充电）']]);
  });
});
