/**
 * The 登记表 as a drafter prints it: the short cells a person scans down a column — 条款, 可能涉及条文 — keep
 * each article's label on one line (no 未归入条 / 文, no 第 / 七十二条（0.10）). Run on an evaluation batch with
 * many opinions left 未归入; widths are read from the written sheet, lines counted as the row heights are.
 */
import { join } from 'node:path';
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
        // A label of up to five characters with its score never wraps (the longest numbers of big codes may).
        if ([...line].length <= 11) expect(wrappedLines(line, width), `${line} in ${width}`).toBe(1);
      }
    }
  });

  it.each(['采纳情况登记表', '单条意见'])('%s: 未归入条文 and 第七十二条 in the 条款 column on one line', (sheet) => {
    const { width, cells } = column(sheet, '条款');
    expect(cells).toContain('未归入条文');
    for (const label of cells.filter((text) => [...text].length <= 5)) expect(wrappedLines(label, width), label).toBe(1);
  });
});
