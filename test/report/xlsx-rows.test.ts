import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { finishSheet } from '../../src/report/render-xlsx.js';
import { bodyRowsXml, escapeCellText, rowHeightAttribute, wrappedLines } from '../../src/report/xlsx-rows.js';
import { readZip } from '../../src/report/zip-writer.js';

/** The body rows (row 2 on) SheetJS writes for `rows` under a one-row header, styled by finishSheet. */
function sheetJsBody(rows: (string | number)[][]): string {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([Array.from({ length: width }, (_, i) => `h${i}`), ...rows]), 'S');
  const written = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: false }) as Buffer;
  const sheet = readZip(written).find((e) => e.name === 'xl/worksheets/sheet1.xml');
  const xml = finishSheet(Buffer.from(sheet?.data ?? new Uint8Array()).toString('utf8'), [], rows.length + 1);
  const start = xml.indexOf('</row>') + '</row>'.length;
  return xml.slice(start, xml.indexOf('</sheetData>'));
}

describe('bodyRowsXml', () => {
  it.each([
    ['plain text and numbers', [['意见', 3, 12], ['甲', 0, 1]]],
    ['line breaks and edge spaces', [['第一行\n第二行', ' 前有空格', '后有空格 '], ['\t制表', 'a\r\nb', '']]],
    ['XML specials and control characters', [['<b>&"\'', '\u0001\u001f\uFFFE', '_x0041_']]],
    ['empty strings only', [['', '', '']]],
  ])('writes what SheetJS writes: %s', (_what, rows) => {
    expect(bodyRowsXml(rows, 2)).toBe(sheetJsBody(rows));
  });

  it('writes what SheetJS writes for any text and counts (property)', () => {
    const value = fc.oneof(fc.string({ maxLength: 30, unit: 'binary' }), fc.nat({ max: 1_000_000 }));
    fc.assert(
      fc.property(fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (rows) => {
        expect(bodyRowsXml(rows, 2)).toBe(sheetJsBody(rows));
      }),
      { numRuns: 150 },
    );
  });

  it('escapes markup and control characters', () => {
    expect(escapeCellText('a<b>&"\'\u0002')).toBe('a&lt;b&gt;&amp;&quot;&apos;_x0002_');
  });
});

describe('row heights for wrapped text', () => {
  it('counts wrapped lines: CJK characters take two units, line breaks start a line', () => {
    expect(wrappedLines('', 10)).toBe(1);
    expect(wrappedLines('abcdefghi', 10)).toBe(1);
    expect(wrappedLines('abcdefghij', 10)).toBe(2);
    // Width 10 holds 9 units: four CJK characters a line.
    expect(wrappedLines('一二三四五六七八', 10)).toBe(2);
    expect(wrappedLines('一二三四五六七八九', 10)).toBe(3);
    expect(wrappedLines('第一款\n第二款\n第三款', 30)).toBe(3);
  });

  it('gives each body row the height of its tallest visible cell, ignoring hidden columns', () => {
    const long = '建议'.repeat(40);
    const xml = bodyRowsXml([['短', long, long.repeat(5)]], 2, { widths: [10, 20, 20], hidden: [false, false, true] });
    // 80 CJK characters in 19 units a line = 9 characters a line → 9 lines.
    expect(xml).toContain(`<row r="2"${rowHeightAttribute(9)}>`);
    expect(rowHeightAttribute(9)).toBe(' ht="143.4" customHeight="1"');
    expect(rowHeightAttribute(1000)).toBe(' ht="409" customHeight="1"');
  });
});
