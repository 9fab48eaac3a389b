import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { readSubmissions } from '../../src/ingest/index.js';
import { readFileSheets } from '../../src/ingest/read-file.js';
import { cellToText, plainNumber } from '../../src/ingest/read-workbook.js';
import { decodeText } from '../../src/ingest/encoding.js';
import { cellText } from '../../src/ingest/grid.js';
import { options, tempDir } from './helpers.js';

const CSV = '序号,联系点,意见建议\r\n1,城关街道,"建议增加""电动自行车""停放点"\r\n2,東關社區,繁體意见\r\n';

describe('CSV encodings', () => {
  const dir = tempDir();
  it.each([
    ['utf8.csv', Buffer.from(CSV, 'utf8'), 'UTF-8'],
    ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')]), 'UTF-8 (BOM)'],
    ['gbk.csv', iconv.encode(CSV.replace('東關社區', '东关社区'), 'gbk'), 'GBK'],
    ['gb18030.csv', iconv.encode(`${CSV}3,㐀村,生僻字𠀀\r\n`, 'gb18030'), 'GB18030'],
    ['utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(CSV.replaceAll(',', '\t'), 'utf16le')]), 'UTF-16LE'],
  ])('%s is read as %s', async (name, bytes, encoding) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const result = await readFileSheets(path, options());
    expect(result.encoding).toBe(encoding);
    const rows = result.grids[0]?.rows.map((row) => row.map(cellText));
    expect(rows?.[0]).toEqual(['序号', '联系点', '意见建议']);
    expect(rows?.[1]?.[2]).toBe('建议增加"电动自行车"停放点');
    expect(result.grids[0]?.name).toBe(name.replace('.csv', ''));
    if (name === 'gb18030.csv') expect(rows?.[3]).toEqual(['3', '㐀村', '生僻字𠀀']);
  });

  it('decodes a short GBK text that chardet may misjudge', () => {
    const decoded = decodeText(iconv.encode('意见建议\n好', 'gbk'));
    expect(decoded).toEqual({ text: '意见建议\n好', encoding: 'GBK' });
  });
});

describe('CSV row numbers', () => {
  it('a quoted cell with line breaks stays one row', async () => {
    const dir = tempDir();
    const path = join(dir, '西关村.csv');
    writeFileSync(path, '意见建议,条款\n"第一段\n第二段\n第三段",第三条\n\n第二条意见,第五条\n"未闭合的"引号,第六条\n');
    const result = await readSubmissions([path], options());
    expect(result.records.map((r) => [r.source.row, r.opinion])).toEqual([
      [2, '第一段\n第二段\n第三段'],
      [4, '第二条意见'],
      [5, '"未闭合的"引号'],
    ]);
    expect(result.sheets[0]).toMatchObject({ sheet: '西关村', encoding: 'UTF-8', rows: 4, blanks: 1 });
    expect(result.records[0]).toMatchObject({ point: '西关村', pointSource: 'filename' });
  });

  it('reads TSV and semicolon CSV', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.tsv'), '意见建议\t条款\n意见, 含逗号\t第一条\n');
    writeFileSync(join(dir, 'b.csv'), '意见建议;条款\n意见;第一条\n');
    const result = await readSubmissions([join(dir, 'a.tsv'), join(dir, 'b.csv')], options());
    expect(result.records.map((r) => [r.opinion, r.article])).toEqual([
      ['意见, 含逗号', '第一条'],
      ['意见', '第一条'],
    ]);
  });
});

function workbook(sheets: Record<string, XLSX.WorkSheet>): XLSX.WorkBook {
  const book = XLSX.utils.book_new();
  for (const [name, sheet] of Object.entries(sheets)) XLSX.utils.book_append_sheet(book, sheet, name);
  return book;
}

describe('workbooks round trip', () => {
  const sheet = (): XLSX.WorkSheet => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['某条例意见汇总表'],
      ['序号', '联系点', '条款', '意见建议', '联系电话', '日期', '数值'],
      [1, '城关街道', '第十二条', '建议删除', 13812345678, 45413, 0.1 + 0.2],
      // A row with only its 序号, as forms come numbered in advance, is a 空行.
      [2, '', '', '', '', '', ''],
      [3, '城关街道', '第3条', '=SUM(1,2) 不应执行', 110101199001011230, 45413.5, 1.5],
    ]);
    ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 6 } }];
    for (const ref of ['F3', 'F5']) {
      const cell = ws[ref] as XLSX.CellObject;
      cell.z = 'yyyy/m/d';
    }
    ws['F5'].z = 'yyyy-mm-dd hh:mm';
    return ws;
  };

  it.each(['xlsx', 'xls'] as const)('%s', async (ext) => {
    const dir = tempDir();
    const path = join(dir, `城关街道.${ext}`);
    const book = workbook({ 汇总: sheet(), 说明: XLSX.utils.aoa_to_sheet([['填表说明']]) });
    writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: ext === 'xls' ? 'biff8' : 'xlsx' }));
    const result = await readSubmissions([path], options());
    expect(result.failures).toEqual([]);
    expect(result.sheets.map((s) => [s.sheet, s.headerRows, s.records, s.rejects, s.encoding])).toEqual([
      ['汇总', [2], 2, 0, null],
      // A 填表说明 sheet is a note, not a problem row.
      ['说明', [], 0, 0, null],
    ]);
    expect(result.records.map((r) => [r.seq, r.article, r.opinion, r.contact, r.date])).toEqual([
      ['1', '第十二条', '建议删除', '13812345678', '2024-05-01'],
      ['3', '第3条', '=SUM(1,2) 不应执行', '110101199001011000', '2024-05-01 12:00'],
    ]);
    expect(result.reconciliation).toMatchObject({ files: 1, sheets: 2, rows: 4, records: 2, rejects: 0, blanks: 1, notes: 1, balanced: true });
  });

  it('reads one named sheet; an unknown one is E_USAGE listing the sheets', async () => {
    const dir = tempDir();
    const path = join(dir, 'b.xlsx');
    writeFileSync(path, XLSX.write(workbook({ 甲: sheet(), 乙: sheet() }), { type: 'buffer', bookType: 'xlsx' }));
    const one = await readSubmissions([path], options({ sheet: '乙' }));
    expect(one.sheets.map((s) => s.sheet)).toEqual(['乙']);
    const none = await readSubmissions([path], options({ sheet: '丙' }));
    expect(none.failures[0]?.code).toBe('E_USAGE');
    expect(none.failures[0]?.message).toContain('甲、乙');
  });

  it('reads the cached value of a formula and never evaluates it', async () => {
    const ws = XLSX.utils.aoa_to_sheet([['意见建议', '序号']]);
    ws['A2'] = { t: 's', v: '缓存的意见', f: 'CONCAT("危险","公式")' };
    ws['B2'] = { t: 'n', v: 7, f: '1+1' };
    ws['!ref'] = 'A1:B2';
    const dir = tempDir();
    const path = join(dir, 'f.xlsx');
    writeFileSync(path, XLSX.write(workbook({ S: ws }), { type: 'buffer', bookType: 'xlsx' }));
    const result = await readSubmissions([path], options());
    expect(result.records[0]).toMatchObject({ opinion: '缓存的意见', seq: '7' });
  });
});

describe('hostile workbooks', () => {
  it('a sheet and headers named __proto__ / constructor pollute nothing', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['__proto__', 'constructor', '意见建议', 'toString'],
      ['{"polluted":true}', 'c', '', 't'],
      ['p', 'c', '正常意见', 't'],
    ]);
    const dir = tempDir();
    const path = join(dir, '__proto__.xlsx');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, ws, '__proto__');
    XLSX.utils.book_append_sheet(book, ws, 'constructor');
    writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
    const result = await readSubmissions([path], options());
    expect(result.sheets.map((s) => s.sheet)).toEqual(['__proto__', 'constructor']);
    expect(result.records.map((r) => r.opinion)).toEqual(['正常意见', '正常意见']);
    expect(Object.keys(result.rejects[0]?.cells ?? {})).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('cell text', () => {
  it.each<[XLSX.CellObject, string]>([
    [{ t: 'n', v: 0.30000000000000004 }, '0.3'],
    [{ t: 'n', v: 13812345678, w: '1.38E+10' }, '13812345678'],
    [{ t: 'n', v: 45413, z: 'm/d/yy', w: '5/1/24' }, '2024-05-01'],
    [{ t: 'n', v: 0.5, z: 'h:mm', w: '12:00' }, '12:00'],
    [{ t: 'n', v: 0.5, z: '0%', w: '50%' }, '50%'],
    [{ t: 'n', v: 1.5, z: '0.00', w: '1.50' }, '1.50'],
    [{ t: 'b', v: true }, 'TRUE'],
    [{ t: 's', v: 'a\u0000b' }, 'ab'],
    [{ t: 'z' }, ''],
  ])('%j → %s', (cell, text) => {
    expect(cellToText(cell, false)).toBe(text);
  });

  it('an error cell is unreadable', () => {
    expect(cellToText({ t: 'e', v: 42, w: '#N/A' }, false)).toEqual({ unreadable: true, shown: '#N/A' });
  });

  it('1904 dates', () => {
    expect(cellToText({ t: 'n', v: 43951, z: 'yyyy-mm-dd' }, true)).toBe('2024-05-01');
  });

  it.each([
    [110101199001011230, '110101199001011000'],
    [13812345678, '13812345678'],
    [100, '100'],
    [-5e20, '-500000000000000000000'],
    [1e-7, '1e-7'],
    [1e21, '1e+21'],
    [-2.675, '-2.675'],
  ])('plainNumber(%d)', (value, text) => {
    expect(plainNumber(value)).toBe(text);
  });
});
