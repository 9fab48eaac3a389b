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
        expect(line).toMatch(/^第[一二三四五六七八九十百]+条(?:之[一二三四五六七八九十]+)?\(\d\.\d\d\)$/u);
        // Counted as Excel lays out 宋体 (a CJK character two units): a label of five characters with its score
        // (第七十二条(0.24)) stays on one line — with full-width brackets the score took a second line in Excel.
        // The sheet must still print at 9 pt (pdf.test.ts).
        const label = line.replace(/\(\d\.\d\d\)$/u, '');
        if ([...label].length <= 5) expect(wrappedLines(line, width), `${line} in ${width}`).toBe(1);
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

describe('条文意见对照表.xlsx printed: the 条款 column', () => {
  it('keeps 第二十二条 and every label of five characters on one line, as the 登记表 does', async () => {
    const dir = makeTempDir('yijian-digest-print-');
    const run = await runYijian(['digest', BATCH, '--draft', LAW, '-o', 'r', '--formats', 'xlsx'], dir);
    expect(run.status, run.stderr).toBe(0);
    const book = XLSX.read(readFileSync(join(dir, 'r/条文意见对照表.xlsx')), { type: 'buffer', cellStyles: true });
    const sheet = sheetNamed(book, '条文意见对照表');
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, defval: '' });
    const at = (rows[0] ?? []).indexOf('条款');
    const width = sheet['!cols']?.[at]?.wch ?? 0;
    const labels = rows.slice(1).map((row) => String(row[at] ?? '')).filter((text) => text !== '' && [...text].length <= 5);
    // 第八十条 (4) and 第七十二条 (5): width 7 printed 第七十二 / 条.
    expect(labels.some((label) => [...label].length === 5)).toBe(true);
    for (const label of labels) expect(wrappedLines(label, width), `${label} in ${width}`).toBe(1);
  }, 120_000);
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

describe('采纳情况登记表: what a drafter reads on a cluster row', () => {
  let book: XLSX.WorkBook;
  let labels: Map<string, string>;
  let xml: string;
  beforeAll(async () => {
    const dir = makeTempDir('yijian-sheet-topic-');
    const run = await runYijian(['digest', join(REPO_ROOT, 'fixtures/submissions'), '--draft', join(REPO_ROOT, 'fixtures/draft/某市电动自行车管理条例（征求意见稿）.txt'), '-o', 'r', '--formats', 'xlsx'], dir);
    expect(run.status, run.stderr).toBe(0);
    const data = readFileSync(join(dir, 'r/采纳情况登记表.xlsx'));
    book = XLSX.read(data, { type: 'buffer', cellStyles: true });
    xml = new PizZip(data).file('xl/worksheets/sheet1.xml')!.asText();
    const digest = JSON.parse(readFileSync(join(dir, 'r/digest.json'), 'utf8')) as { clusters: { id: string; label?: string }[] };
    labels = new Map(digest.clusters.map((c) => [c.id, c.label ?? '']));
  });

  const rowsOf = (name: string): Record<string, string>[] =>
    XLSX.utils.sheet_to_json<Record<string, string>>(sheetNamed(book, name), { defval: '' });
  const widthOf = (name: string, header: string): number => {
    const sheet = sheetNamed(book, name);
    const at = (XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, defval: '' })[0] ?? []).indexOf(header);
    return sheet['!cols']?.[at]?.wch ?? 0;
  };

  it('shows the cluster’s concern (主要意见) beside its article, the decision columns still found by their headers', () => {
    const header = XLSX.utils.sheet_to_json<string[]>(sheetNamed(book, '采纳情况登记表'), { header: 1, defval: '' })[0] ?? [];
    expect(header.indexOf('主要意见')).toBe(header.indexOf('条款') + 1);
    for (const kept of ['编号', '采纳情况', '理由说明', '编号（核对用）', '状态', '成员（核对用）', '更正条款', '可能涉及条文']) expect(header).toContain(kept);
    const rows = rowsOf('采纳情况登记表');
    expect(rows.length).toBe(labels.size);
    for (const row of rows) {
      expect(row['主要意见'], row['编号']).not.toBe('');
      // The label as the reports print it: in simplified characters.
      expect(row['主要意见']!.length, row['编号']).toBeLessThanOrEqual((labels.get(row['编号']!) ?? '').length);
    }
    expect(rows.find((r) => r['编号'] === [...labels.keys()].find((id) => id.startsWith('19-')))?.['主要意见']).toMatch(/充电/u);
  });

  it('lists points and contacts one a line: no line starts with 、 or ；, no masked phone broken in two', () => {
    for (const name of ['采纳情况登记表', '单条意见']) {
      for (const row of rowsOf(name)) {
        for (const line of (row['联系点'] ?? '').split('\n')) expect(line, name).not.toMatch(/^[、；，]|[、；]$|^$/u);
      }
    }
    const width = widthOf('采纳情况登记表', '联系方式');
    const contacts = rowsOf('采纳情况登记表').flatMap((row) => (row['联系方式'] ?? '').split('\n')).filter((c) => c !== '');
    expect(contacts.some((c) => /^1\d\d\*{4}\d{4}$/u.test(c))).toBe(true);
    // A mobile number whole on its line (138****00 / 10 was read as a number); a landline may break at its hyphen.
    for (const contact of contacts.filter((c) => /^1\d\d\*{4}\d{4}$/u.test(c))) expect(wrappedLines(contact, width), contact).toBe(1);
  });

  it('hides 状态 while no decision was carried forward, and keeps it in the sheet for the readers', () => {
    const header = XLSX.utils.sheet_to_json<string[]>(sheetNamed(book, '采纳情况登记表'), { header: 1, defval: '' })[0] ?? [];
    const at = header.indexOf('状态');
    expect(sheetNamed(book, '采纳情况登记表')['!cols']?.[at]?.hidden).toBe(true);
    expect(xml).toContain('>状态<');
  });
});
