/** renderXlsxBook's number formats: a number cell shown through its own format, read back as it shows. */
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { renderXlsxBook, type XlsxSheetSpec } from '../../src/report/render-xlsx.js';
import { readZip } from '../../src/report/zip-writer.js';
import { cellToText } from '../../src/ingest/read-workbook.js';

const spec = (rows: XlsxSheetSpec['rows']): XlsxSheetSpec => ({
  layout: { sheetName: '意见汇总', columns: [{ header: '意见建议', field: 'opinion', width: 30 }, { header: '来源行号', field: 'row', width: 6, align: 'center' }, { header: '占比', field: 'share', width: 6 }] },
  rows,
  known: ['opinion', 'row', 'share'],
});

const stylesOf = (book: Buffer): string => Buffer.from(readZip(book).find((entry) => entry.name === 'xl/styles.xml')?.data ?? []).toString('utf8');

describe('renderXlsxBook number formats', () => {
  const book = renderXlsxBook([spec([
    { opinion: '建议增设充电桩。', row: 4, share: 0.25 },
    { opinion: '建议延长过渡期。', row: { value: 5, format: '0"-1"' }, share: { value: 0.5, format: '0%' } },
    { opinion: '建议统一发放头盔。', row: { value: 5, format: '0"-2"' }, share: 0.125 },
  ])]);
  const sheet = XLSX.read(book, { type: 'buffer', cellNF: true }).Sheets['意见汇总']!;

  it('writes numbers that show their format, each in its column’s alignment', () => {
    expect(['B2', 'B3', 'B4'].map((ref) => [sheet[ref]?.t, sheet[ref]?.v, sheet[ref]?.w])).toEqual([['n', 4, '4'], ['n', 5, '5-1'], ['n', 5, '5-2']]);
    expect(sheet['C3']?.w).toBe('50%');
    const styles = stylesOf(book);
    expect(styles).toContain('<numFmts count="3"><numFmt numFmtId="164" formatCode="0&quot;-1&quot;"/><numFmt numFmtId="165" formatCode="0%"/><numFmt numFmtId="166" formatCode="0&quot;-2&quot;"/></numFmts>');
    expect(styles).toContain('<cellXfs count="10">');
    // 来源行号 is centred (style 3): its formatted cells take the centred style of their format.
    const xml = Buffer.from(readZip(book).find((entry) => entry.name === 'xl/worksheets/sheet1.xml')?.data ?? []).toString('utf8');
    expect(xml).toContain('<c r="B2" s="3"><v>4</v></c>');
    expect(xml).toContain('<c r="B3" s="5"><v>5</v></c>');
    expect(xml).toContain('<c r="C3" s="6"><v>0.5</v></c>');
    expect(xml).toContain('<c r="B4" s="9"><v>5</v></c>');
  });

  it('is read back by the intake as the text it shows (5-2), the way staff see it', () => {
    expect(cellToText(sheet['B4'], false)).toBe('5-2');
    expect(cellToText(sheet['B2'], false)).toBe('4');
  });

  it('leaves a workbook without formats as it was: the four styles, no numFmts', () => {
    const plain = stylesOf(renderXlsxBook([spec([{ opinion: '建议增设充电桩。', row: 4, share: 0.25 }])]));
    expect(plain).not.toContain('numFmts');
    expect(plain).toContain('<cellXfs count="4">');
  });
});
