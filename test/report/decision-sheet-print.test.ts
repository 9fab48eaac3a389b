/**
 * The 登记表 as a drafter prints it: the short cells a person scans down a column — 条款, 可能涉及条文 — keep
 * each article's label on one line (no 未归入条 / 文, no 第 / 七十二条（0.10）). Run on an evaluation batch with
 * many opinions left 未归入; widths are read from the written sheet, lines counted as the row heights are.
 */
import { join } from 'node:path';
import PizZip from 'pizzip';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { wrappedLines } from '../../src/report/xlsx-rows.js';
import { readFileSync } from 'node:fs';
import { makeTempDir, REPO_ROOT, runYijian, sheetNamed } from '../cli/run-cli.js';

const BATCH = join(REPO_ROOT, 'fixtures/eval/北京市物业管理条例');
const LAW = join(REPO_ROOT, 'fixtures/laws/北京市物业管理条例.md');

describe('采纳情况登记表 printed: one article a line', () => {
  let book: XLSX.WorkBook;

  beforeAll(async () => {
    const dir = makeTempDir('yijian-sheet-print-');
    const run = await runYijian(['digest', BATCH, '--draft', LAW, '-o', 'r', '--formats', 'xlsx'], dir);
    expect(run.status, run.stderr).toBe(0);
    // With the column widths, as Excel lays the sheet out.
    book = XLSX.read(readFileSync(join(dir, 'r/采纳情况登记表.xlsx')), { type: 'buffer', cellStyles: true });
  }, 120_000);

  /** Each non-empty cell of the column headed `header`, with the column's width. */
  function column(sheetName: string, header: string): { width: number; cells: string[] } {
    const sheet = sheetNamed(book, sheetName);
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, defval: '' });
    const at = (rows[0] ?? []).indexOf(header);
    expect(at, `${sheetName} ${header}`).toBeGreaterThanOrEqual(0);
    const width = sheet['!cols']?.[at]?.wch ?? 0;
    return { width, cells: rows.slice(1).map((row) => String(row[at] ?? '')).filter((text) => text !== '') };
  }

  it.each(['采纳情况登记表', '单条意见'])('%s: every suggested article, with its score, on a line of its own', (sheet) => {
    const { width, cells } = column(sheet, '可能涉及条文');
    expect(cells.length).toBeGreaterThan(5);
    for (const cell of cells) {
      const lines = cell.split('\n');
      expect(lines.length).toBeLessThanOrEqual(3);
      for (const line of lines) {
        expect(line).toMatch(/^第[一二三四五六七八九十百]+条(?:之[一二三四五六七八九十]+)?（\d\.\d\d）$/u);
        // Counted as Excel lays out 宋体 (a CJK character two units): a label of four characters with its score
        // (第十九条（0.13）) stays on one line; at five (第七十二条（0.24）) the score may take a second line, never the
        // label itself. (LibreOffice, narrower, keeps five on one line.) The sheet must still print at 9 pt.
        if ([...line].length <= 10) expect(wrappedLines(line, width), `${line} in ${width}`).toBe(1);
        const label = line.replace(/（\d\.\d\d）$/u, '');
        expect(wrappedLines(label, width), `${label} in ${width}`).toBe(1);
      }
    }
  });

  it.each(['采纳情况登记表', '单条意见'])('%s: 未归入条文 and 第七十二条 in the 条款 column on one line', (sheet) => {
    const { width, cells } = column(sheet, '条款');
    expect(cells).toContain('未归入条文');
    for (const label of cells.filter((text) => [...text].length <= 5)) expect(wrappedLines(label, width), label).toBe(1);
  });
});

describe('采纳情况登记表: the columns a person fills in say what to write there', () => {
  let zip: PizZip;
  let book: XLSX.WorkBook;
  beforeAll(async () => {
    const dir = makeTempDir('yijian-sheet-prompts-');
    expect((await runYijian(['digest', join(REPO_ROOT, 'fixtures/submissions'), '--draft', join(REPO_ROOT, 'fixtures/draft/某市电动自行车管理条例（征求意见稿）.txt'), '-o', 'r', '--formats', 'xlsx'], dir)).status).toBe(0);
    const data = readFileSync(join(dir, 'r/采纳情况登记表.xlsx'));
    zip = new PizZip(data);
    book = XLSX.read(data, { type: 'buffer' });
  });

  /** The input message (title, text) Excel shows on the cells below `header` of sheet number `index`, if any. */
  function promptOf(index: number, header: string): { title: string; text: string } | null {
    const name = book.SheetNames[index]!;
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[name]!, { header: 1, defval: '' });
    const letter = XLSX.utils.encode_col((rows[0] ?? []).indexOf(header));
    const xml = zip.file(`xl/worksheets/sheet${index + 1}.xml`)!.asText();
    const found = [...xml.matchAll(/<dataValidation\b([^>]*)>?/gu)].map((m) => m[1] ?? '').find((attrs) => new RegExp(`sqref="${letter}2:${letter}\\d+"`).test(attrs));
    if (found === undefined) return null;
    const attr = (key: string): string => new RegExp(`${key}="([^"]*)"`).exec(found)?.[1] ?? '';
    return { title: attr('promptTitle'), text: attr('prompt') };
  }

  it('更正条款 on both sheets: how to write an article, and that 可能涉及条文 is not read', () => {
    for (const index of [0, 1]) {
      const prompt = promptOf(index, '更正条款');
      expect(prompt?.title).toMatch(/^更正条款/u);
      expect(prompt?.text).toContain('第12条第2款');
      expect(prompt?.text).toContain('可能涉及条文');
    }
  });

  it('移入类编号: where the other cluster’s number is found', () => {
    expect(promptOf(1, '移入类编号')?.text).toContain('“类编号”列');
  });

  it('采纳情况 keeps its drop-down list and gains a word on which sheet wins', () => {
    const xml = zip.file('xl/worksheets/sheet1.xml')!.asText();
    expect(xml).toMatch(/<dataValidation type="list"[^>]*promptTitle="采纳情况"/u);
    expect(promptOf(1, '采纳情况')?.text).toContain('不按所在类');
  });
});
