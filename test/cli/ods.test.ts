/**
 * OpenDocument spreadsheets (.ods, and the flat .fods) as LibreOffice / WPS / 永中 save them on 信创 desktops: read like
 * an .xlsx — sheets, merged two-row header, dates, a line break in a cell, rows filtered out (said), hidden sheets and
 * columns marked, the row limit kept — instead of skipped with W_FORMAT_SKIPPED. The fixtures are an .xlsx written by
 * fixtures/ods/make-ods.mjs and converted by LibreOffice itself.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import * as XLSX from 'xlsx';
import { describe, expect, it, vi } from 'vitest';
import { collectInputs, readFileSheets, readSheetsFromBytes } from '../../src/ingest/index.js';
import { scanOdsXml } from '../../src/ingest/ods-scan.js';
import { options } from '../ingest/helpers.js';
import { makeTempDir, readWorkbook, REPO_ROOT, runYijian, sheetNamed } from './run-cli.js';

const ODS_DIR = join(REPO_ROOT, 'fixtures/ods');
const BASE = '城西区-柳巷社区立法联系点-2024年5月';
const file = (extension: string): string => join(ODS_DIR, `${BASE}${extension}`);

async function merged(path: string): Promise<{ rows: Record<string, string>[]; stderr: string }> {
  const dir = makeTempDir();
  const out = join(dir, '合并.xlsx');
  const run = await runYijian(['merge', path, '-o', out]);
  expect(run.status).toBe(0);
  const rows = XLSX.utils.sheet_to_json<Record<string, string>>(sheetNamed(readWorkbook(out), '意见汇总'), { raw: false, defval: '' });
  return { rows, stderr: run.stderr };
}

describe('an .ods among the submissions', () => {
  it('is collected from a folder like an .xlsx, not skipped', async () => {
    const dir = makeTempDir();
    copyFileSync(file('.ods'), join(dir, `${BASE}.ods`));
    copyFileSync(file('.fods'), join(dir, `${BASE}.fods`));
    const { files, notices } = await collectInputs([dir]);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual([`${BASE}.fods`, `${BASE}.ods`]);
    expect(notices).toEqual([]);
  });

  it('merge reads its sheets, merged header, dates and cells, and says the filtered-out row', async () => {
    const { rows, stderr } = await merged(file('.ods'));
    expect(stderr).toContain('核对：读取 1 个文件 3 个工作表，数据行 10 = 意见行 8（拆分后有效意见 9 条） + 问题行 0 + 空行 1 + 说明行 1');
    expect(stderr).toContain(`文件 ${BASE}.ods：工作表“座谈会”第 7 行在表格中是隐藏的（或被筛选掉），已照常读取；如这些行不应报送，请删除后再读取。 [W_HIDDEN_ROWS_READ]`);
    // The hidden sheet, marked from the scan (SheetJS does not say), is asked about like hidden rows.
    expect(stderr).toContain(`文件 ${BASE}.ods：工作表“旧版（作废）”在工作簿中是隐藏的（打开文件时看不到），其中 1 条意见已照常读取；`);
    // No English from the parser on the staff's terminal.
    expect(stderr).not.toMatch(/ODS number format/u);
    const fields = rows.map((r) => [r['来源工作表'], r['来源行号'], r['格内序号'], r['联系点'], r['县（市、区）'], r['提出人'], r['条款'], r['日期']]);
    expect(fields).toEqual([
      ['座谈会', '4', '', '柳巷社区基层立法联系点', '城西区', '周建国', '第十二条', '2024-05-12'],
      ['座谈会', '5', '', '柳巷社区基层立法联系点', '城西区', '吴秀兰', '第十九条', '2024-05-12'],
      ['座谈会', '6', '1', '柳巷社区基层立法联系点', '城西区', '郑卫东', '', '2024-05-13'],
      ['座谈会', '6', '2', '柳巷社区基层立法联系点', '城西区', '郑卫东', '', '2024-05-13'],
      ['座谈会', '7', '', '柳巷社区基层立法联系点', '城西区', '王丽', '第二十五条', '2024-05-14'],
      ['座谈会', '8', '', '柳巷社区基层立法联系点', '城西区', '孙志刚', '第八条', '2024-05-15'],
      ['入户走访', '2', '', '柳巷社区基层立法联系点', '城西区', '冯大妈', '第十九条', '2024-05-16 09:30'],
      ['入户走访', '3', '', '柳巷社区基层立法联系点', '城西区', '陈师傅', '第三十二条', '2024-05-16 10:15'],
      ['旧版（作废）', '2', '', '柳巷社区基层立法联系点', '城西区', '周建国', '第十二条', ''],
    ]);
    expect(rows[1]!['意见建议']).toBe('楼道里充电的问题很突出，\n建议物业每栋楼配一个充电点。');
    expect(rows[0]!['理由']).toBe('老年人跑一趟车管所不方便。');
  });

  it('the .ods and the .fods give the very records of the .xlsx LibreOffice converted them from', async () => {
    const fromXlsx = (await merged(file('.xlsx'))).rows;
    const strip = (rows: Record<string, string>[]): Record<string, string>[] => rows.map(({ 来源文件: _file, ...rest }) => rest);
    expect(fromXlsx).toHaveLength(9);
    expect(strip((await merged(file('.ods'))).rows)).toEqual(strip(fromXlsx));
    expect(strip((await merged(file('.fods'))).rows)).toEqual(strip(fromXlsx));
  });

  it('keeps SheetJS\'s English about ODS number formats off the terminal when parsed in this thread', async () => {
    const errors = vi.spyOn(console, 'error');
    try {
      const { readWorkbookBytes } = await import('../../src/ingest/read-workbook.js');
      expect(readWorkbookBytes(readFileSync(file('.ods')), null, 1000).sheetNames).toHaveLength(3);
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it('marks the hidden sheet and the hidden column as an .xlsx has them', async () => {
    for (const extension of ['.xlsx', '.ods', '.fods']) {
      const sheets = await readFileSheets(file(extension), options());
      expect(sheets.grids.map((g) => [g.name, g.hidden === true]), extension).toEqual([['座谈会', false], ['入户走访', false], ['旧版（作废）', true]]);
      expect(sheets.grids[0]!.hiddenColumns, extension).toEqual([[1, 1]]);
    }
  });

  it('refuses a sheet past the row limit, naming it, instead of cutting it short', async () => {
    const bytes = readFileSync(file('.ods'));
    await expect(readSheetsFromBytes(bytes, '.ods', BASE, options({ limits: { maxRowsPerSheet: 5 } }))).rejects.toMatchObject({
      code: 'E_TOO_MANY_ROWS',
      message: expect.stringContaining('工作表“座谈会”行数超过上限 5 行'),
    });
  });
});

describe('an OpenDocument text document (.odt) among the submissions', () => {
  const LETTER = '城西区-梧桐社区立法联系点意见';

  it('is skipped with what to do in a folder, as a .doc is', async () => {
    const dir = makeTempDir();
    copyFileSync(join(ODS_DIR, `${LETTER}.odt`), join(dir, `${LETTER}.odt`));
    const { files, notices } = await collectInputs([dir]);
    expect(files).toEqual([]);
    expect(notices.map((n) => [n.code, 'format' in n ? n.format : null])).toEqual([['W_FORMAT_SKIPPED', 'odt']]);
  });

  it('is refused as no table when it is named .ods, not read as a workbook of no sheets', async () => {
    const bytes = readFileSync(join(ODS_DIR, `${LETTER}.odt`));
    await expect(readSheetsFromBytes(bytes, '.ods', LETTER, options())).rejects.toMatchObject({
      code: 'E_UNSUPPORTED_FORMAT',
      message: '文件是 OpenDocument 文字文档（.odt），不是表格，无法读取其中的意见。',
    });
  });
});

describe('an .ods saved with a password', () => {
  it('is said to be encrypted, not read as a damaged workbook', async () => {
    // As LibreOffice writes one: the manifest holds each part's encryption-data, content.xml is ciphertext.
    const zip = new PizZip();
    zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
    zip.file('content.xml', Buffer.from([0x8f, 0x11, 0xa3, 0x5c, 0x00, 0x7e, 0xd2, 0x41]));
    zip.file('META-INF/manifest.xml',
      '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">' +
      '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
      '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="11479"><manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="x">' +
      '<manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="x"/></manifest:encryption-data></manifest:file-entry></manifest:manifest>');
    const bytes = zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
    await expect(readSheetsFromBytes(bytes, '.ods', '加密', options())).rejects.toMatchObject({ code: 'E_ENCRYPTED' });
  });
});

describe('scanOdsXml', () => {
  const table = (rows: string): string =>
    `<office:document-content><office:automatic-styles><style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles>` +
    `<office:body><office:spreadsheet><table:table table:name="A&amp;B" table:style-name="ta2"><table:table-column table:number-columns-repeated="2"/><table:table-column table:visibility="collapse"/>${rows}</table:table></office:spreadsheet></office:body></office:document-content>`;
  const cell = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>';

  it('counts repeated rows, and lists hidden rows only where they hold something', () => {
    const scan = scanOdsXml(
      table(`<table:table-row table:number-rows-repeated="3">${cell}</table:table-row><table:table-row table:visibility="collapse">${cell}</table:table-row>` +
        `<table:table-row table:visibility="filter" table:number-rows-repeated="1000"><table:table-cell table:number-columns-repeated="5"/></table:table-row>`),
      100,
    );
    expect(scan.hiddenRows.get('A&B')).toEqual([4]);
    expect(scan.hiddenColumns.get('A&B')).toEqual([[2, 2]]);
    expect([...scan.hiddenSheets]).toEqual(['A&B']);
    expect(scan.cells).toBe(4);
  });

  it('refuses repeats that would expand past the cell budget', () => {
    const bomb = `<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="1024" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>`;
    expect(() => scanOdsXml(table(bomb), 1_100_000)).toThrow(expect.objectContaining({ code: 'E_TOO_LARGE' }));
  });
});
