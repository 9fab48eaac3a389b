/**
 * Rows and columns hidden in a legacy .xls are said as they are in an .xlsx (W_HIDDEN_ROWS_READ, W_HIDDEN_COLUMN_READ):
 * before, an .xls with a hidden 联系方式 column or rows filtered out was read without a word.
 *
 * SheetJS writes BIFF8 column records (ColInfo, with their hidden flag) but no row records, so the hidden rows are
 * put in here: a ROW record (0x0208) with fDyZero set, placed after the last sheet's DIMENSIONS record, where Excel
 * writes them (the last sheet, so no sheet's offset in the workbook globals moves).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readSubmissions } from '../../src/ingest/index.js';
import { options, tempDir } from './helpers.js';

const BOF = 0x0809;
const DIMENSIONS = 0x0200;
const ROW = 0x0208;

/** A ROW record: row `r` (0-based), hidden (fDyZero) with a custom height, as Excel writes a row hidden by hand. */
function rowRecord(r: number): Buffer {
  const record = Buffer.alloc(4 + 16);
  record.writeUInt16LE(ROW, 0);
  record.writeUInt16LE(16, 2);
  record.writeUInt16LE(r, 4); // rw
  record.writeUInt16LE(0, 6); // colMic
  record.writeUInt16LE(4, 8); // colMac
  record.writeUInt16LE(300, 10); // miyRw: 15 pt
  record.writeUInt8(0x20 | 0x40, 16); // fDyZero (hidden) | fUnsynced
  record.writeUInt16LE(0x0f, 18); // ixfe
  return record;
}

/** The workbook as BIFF8 .xls bytes, with `hiddenRows` (0-based) of its last sheet hidden. */
function xlsWithHiddenRows(book: XLSX.WorkBook, hiddenRows: readonly number[]): Buffer {
  const cfb = XLSX.CFB.read(XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer, { type: 'buffer' });
  const entry = XLSX.CFB.find(cfb, 'Workbook');
  if (entry === null) throw new Error('no Workbook stream');
  const stream = Buffer.from(entry.content as Uint8Array);
  let at = 0;
  let bofs = 0;
  let insertAt = -1;
  while (at + 4 <= stream.length) {
    const type = stream.readUInt16LE(at);
    const length = stream.readUInt16LE(at + 2);
    if (type === BOF) bofs += 1;
    if (type === DIMENSIONS && bofs === book.SheetNames.length + 1) insertAt = at + 4 + length;
    at += 4 + length;
  }
  if (insertAt < 0) throw new Error('no DIMENSIONS record in the last sheet');
  entry.content = Buffer.concat([stream.subarray(0, insertAt), ...hiddenRows.map(rowRecord), stream.subarray(insertAt)]);
  entry.size = entry.content.length;
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

function sheetOf(rows: string[][], hiddenColumns: readonly number[] = []): XLSX.WorkSheet {
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  if (hiddenColumns.length > 0) sheet['!cols'] = rows[0]!.map((_, c) => ({ wch: 12, hidden: hiddenColumns.includes(c) }));
  return sheet;
}

describe('hidden rows and columns of a legacy .xls', () => {
  it('a hidden row that holds an opinion is read and said, naming file, sheet and row; an empty one is not', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheetOf([
      ['序号', '条款', '意见建议'], ['1', '第十条', '免疫应当免费。'], ['2', '第十二条', '租房者可以养犬。'], ['', '', ''], ['3', '第十三条', '单位养犬条件放宽。'],
    ]), '意见');
    const dir = tempDir();
    const bytes = xlsWithHiddenRows(book, [2, 3]);
    // The fixture is what it claims: SheetJS itself reads the two rows as hidden.
    expect(Array.from(XLSX.read(bytes, { type: 'buffer' }).Sheets['意见']!['!rows'] ?? [], (r) => r?.hidden === true)).toEqual([false, false, true, true]);
    writeFileSync(join(dir, '筛选过.xls'), bytes);
    const result = await readSubmissions([join(dir, '筛选过.xls')], options());
    expect(result.records.map((r) => r.source.row)).toEqual([2, 3, 5]);
    expect(result.problems.filter((p) => p.code === 'W_HIDDEN_ROWS_READ').map((p) => [p.file, p.sheet, p.message])).toEqual([
      ['筛选过.xls', '意见', '文件 筛选过.xls：工作表“意见”第 3 行在表格中是隐藏的（或被筛选掉），已照常读取；如这些行不应报送，请删除后再读取。'],
    ]);
  });

  it('a hidden column a field is read from is said, naming the column; one nobody reads is not', async () => {
    const rows = [['序号', '提出人', '联系方式', '涉及条款', '意见建议', '备注'], ['1', '王伟', '13812345678', '第二十二条', '建议遛狗必须拴绳。', '']];
    const dir = tempDir();
    for (const [name, hidden] of [['联系方式隐藏.xls', [2]], ['备注隐藏.xls', [5]], ['不隐藏.xls', []]] as const) {
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(book, sheetOf(rows, hidden), '意见');
      writeFileSync(join(dir, name), XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer);
    }
    const result = await readSubmissions(['联系方式隐藏.xls', '备注隐藏.xls', '不隐藏.xls'].map((n) => join(dir, n)), options());
    const byFile = (file: string): string[] => (result.sheets.find((s) => s.file === file)?.notices ?? []).filter((n) => n.includes('隐藏的'));
    expect(result.records.map((r) => r.contact)).toEqual(['13812345678', '13812345678', '13812345678']);
    expect(byFile('联系方式隐藏.xls')).toEqual([expect.stringMatching(/C 列「联系方式」在表格中是隐藏的，已照常读取（作“联系方式”）/u)]);
    expect(byFile('备注隐藏.xls')).toEqual([]);
    expect(byFile('不隐藏.xls')).toEqual([]);
  });

  it('an Excel 2003 XML spreadsheet saved as .xls says its hidden rows and columns too', async () => {
    const xml = `<?xml version="1.0"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="意见"><Table>
  <Column ss:Width="40"/><Column ss:Hidden="1" ss:Width="80"/><Column ss:Width="200"/>
  <Row><Cell><Data ss:Type="String">序号</Data></Cell><Cell><Data ss:Type="String">联系电话</Data></Cell><Cell><Data ss:Type="String">意见建议</Data></Cell></Row>
  <Row><Cell><Data ss:Type="Number">1</Data></Cell><Cell><Data ss:Type="String">13812345678</Data></Cell><Cell><Data ss:Type="String">免疫应当免费。</Data></Cell></Row>
  <Row ss:Hidden="1"><Cell><Data ss:Type="Number">2</Data></Cell><Cell><Data ss:Type="String">13912345678</Data></Cell><Cell><Data ss:Type="String">租房者可以养犬。</Data></Cell></Row>
 </Table></Worksheet>
</Workbook>`;
    const dir = tempDir();
    writeFileSync(join(dir, '另存为XML.xls'), xml);
    const result = await readSubmissions([join(dir, '另存为XML.xls')], options());
    expect(result.records.map((r) => r.source.row)).toEqual([2, 3]);
    expect(result.problems.filter((p) => p.code === 'W_HIDDEN_ROWS_READ').map((p) => p.message)).toEqual([
      '文件 另存为XML.xls：工作表“意见”第 3 行在表格中是隐藏的（或被筛选掉），已照常读取；如这些行不应报送，请删除后再读取。',
    ]);
    expect(result.sheets[0]!.notices?.some((n) => /B 列「联系电话」在表格中是隐藏的/u.test(n))).toBe(true);
  });
});
