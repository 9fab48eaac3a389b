import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { finishSheet } from '../../src/report/render-xlsx.js';
import { bodyRowsXml, escapeCellText } from '../../src/report/xlsx-rows.js';
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
