/**
 * The exact words of the ingest's refusals that name a sheet or a row (issue #15): they are built from
 * location.ts's pieces, and a person reads them as they were — 工作表“意见”第 3 行, 第 1、2 行 —
 * whatever piece builds them.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { YijianError } from '../../src/errors.js';
import { scanXlsx } from '../../src/ingest/xlsx-scan.js';
import { parseDelimitedText } from '../../src/ingest/read-csv.js';
import { decodeText } from '../../src/ingest/encoding.js';
import { rowNumbersWords } from '../../src/location.js';

const REPO = resolve(import.meta.dirname, '../..');

interface Parts {
  SHEET_HEAD: string;
  SHEET_TAIL: string;
  strCell: (text: string, ref?: string) => string;
  workbookEntries: (sheets: { name: string; chunks: unknown }[]) => unknown;
}
interface Zip {
  buildZip: (entries: unknown) => Promise<Buffer>;
  textChunks: (text: string) => unknown;
}
const parts = (await import(join(REPO, 'fixtures', 'bad', 'xlsx-parts.mjs'))) as Parts;
const zip = (await import(join(REPO, 'fixtures', 'bad', 'zip-writer.mjs'))) as Zip;

const opinion = (r: number): string =>
  `<row r="${r}">${parts.strCell(String(r - 1))}${parts.strCell(`建议第${r + 10}条增加电动自行车集中充电设施的配建要求。`)}</row>`;
const header = `<row r="1">${parts.strCell('序号')}${parts.strCell('意见建议')}</row>`;

/** A one-sheet workbook named 意见 whose sheet XML is `body` between the usual head and tail. */
async function workbook(body: string, head = parts.SHEET_HEAD): Promise<Buffer> {
  return zip.buildZip(parts.workbookEntries([{ name: '意见', chunks: zip.textChunks(head + body + parts.SHEET_TAIL) }]));
}

function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof YijianError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('not refused');
}

const broken = (what: string): string => `工作表“意见”的数据结构有误：${what}，部分行会丢失或被覆盖，已拒绝读取。`;

describe('the .xlsx scan names the sheet and row in the words it always used', () => {
  it.each([
    ['a row numbered 0', header + opinion(2) + '<row r="0"></row>', 'E_UNREADABLE_FILE', broken('第 3 行附近的行号“0”无效')],
    ['a row numbered twice', header + opinion(2) + opinion(2), 'E_UNREADABLE_FILE', broken('第 2 行出现了两次')],
    ['a row out of order', header + opinion(3) + opinion(2), 'E_UNREADABLE_FILE', broken('第 2 行排在第 3 行之后')],
    ['an open CDATA section', header + opinion(2) + '<row r="3"><c r="B3" t="inlineStr"><is><t><![CDATA[建议', 'E_UNREADABLE_FILE', broken('第 3 行附近的 CDATA 段没有结束')],
    ['an open comment', header + opinion(2) + '<!-- 补报 ' + opinion(3), 'E_UNREADABLE_FILE', broken('第 2 行附近的 XML 注释没有结束')],
    ['a row past the limit', header + opinion(2) + opinion(9), 'E_TOO_MANY_ROWS', '工作表“意见”行数超过上限 5 行（其中有第 9 行），未读取。'],
    ['a cell past column XFD', header + '<row r="2"><c r="XFE2" t="inlineStr"><is><t>备注</t></is></c></row>', 'E_TOO_LARGE', '工作表“意见”第 2 行有单元格超出 Excel 的列范围（XFE2，最多 XFD 列），已拒绝读取。'],
  ])('%s', async (_, body, code, message) => {
    const bytes = await workbook(body);
    expect(refusal(() => scanXlsx(bytes, 5))).toEqual({ code, message });
  });

  it('a declared range past Excel\'s rows', async () => {
    const bytes = await workbook(header + opinion(2), parts.SHEET_HEAD.replace('<sheetData>', '<dimension ref="A1:B2000000"/><sheetData>'));
    expect(refusal(() => scanXlsx(bytes, 5))).toEqual({ code: 'E_TOO_LARGE', message: '工作表“意见”声明的范围 A1:B2000000 超出 Excel 的行列上限，已拒绝读取。' });
  });
});

describe('the CSV reader names the row in the words it always used', () => {
  it('a quote never closed', () => {
    const text = '序号,联系点,意见建议\n1,东湖街道,建议增加充电桩\n2,东湖街道,"建议第十二条增加过渡期\n';
    expect(refusal(() => parseDelimitedText(text, '东湖', ',', 100))).toEqual({ code: 'E_UNREADABLE_FILE', message: '第 3 行起的引号没有闭合，之后的内容无法分行。' });
  });

  it('a quote that swallowed the rows after it', () => {
    const text = '序号,联系点,意见建议\n1,东湖街道,"建议增加充电桩\n2,东湖街道,建议第十二条增加过渡期\n3,西湖街道,罚款过高"多写\n';
    expect(refusal(() => parseDelimitedText(text, '东湖', ',', 100))).toEqual({ code: 'E_UNREADABLE_FILE', message: '第 2 行的引号没有正确闭合，后面几行被并进了同一个单元格。' });
  });

  it('a line too long to be a row', () => {
    const text = `序号,意见建议\n1,建议增加充电桩\n2,${'长'.repeat(400)}\n`;
    expect(refusal(() => parseDelimitedText(text, '东湖', ',', 100, 10))).toEqual({
      code: 'E_TOO_LARGE',
      message: '文件第 3 行（按换行计）超过 320 个字符，不像是意见表中的一行，已拒绝读取。',
    });
  });
});

describe('row numbers under one 第 … 行', () => {
  it('lists them all, or the first few with 等 and the count', () => {
    expect(rowNumbersWords([1])).toBe('第 1 行');
    expect(rowNumbersWords([2, 3])).toBe('第 2、3 行');
    expect(rowNumbersWords([1, 2, 3, 4], 3)).toBe('第 1、2、3 等 4 行');
    expect(rowNumbersWords([1, 2, 3], 3)).toBe('第 1、2、3 行');
  });

  it('says which lines of a mixed-encoding CSV were read as GBK, up to ten of them', () => {
    const gbk = Buffer.from([0xbd, 0xa8, 0xd2, 0xe9]); // 建议 in GBK
    const lines = [Buffer.from('序号,意见建议\n'), Buffer.from('1,建议增加充电桩\n')];
    for (let n = 2; n <= 13; n += 1) lines.push(Buffer.concat([Buffer.from(`${n},`), gbk, Buffer.from('延长过渡期\n')]));
    expect(decodeText(Buffer.concat(lines)).mixed).toBe('第 3、4、5、6、7、8、9、10、11、12 等 12 行按 GBK，第 1、2 行按 UTF-8');
  });
});
