import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { buildFeedbackDocument, pointFeedback } from '../../src/decisions/feedback.js';
import { parseSourceRow, rowLabel, sourceLabel, sourceRowText } from '../../src/provenance.js';
import { buildReportView } from '../../src/report/model.js';
import { mergedCsv, mergedWorkbook, recordRow } from '../../src/report/merged.js';
import { renderXlsxBook } from '../../src/report/render-xlsx.js';
import type { BodyCell } from '../../src/report/xlsx-rows.js';
import { normalizeIngestOptions, readSubmissions } from '../../src/ingest/index.js';
import { MERGED_HEADERS, MERGED_SOURCE_HEADERS, type Digest, type OpinionRecord } from '../../src/model.js';
import { makeTempDir } from '../cli/run-cli.js';
import { sampleDigest } from '../report/sample-digest.js';

describe('one wording for where a record came from', () => {
  it('names the file, the sheet (not a CSV’s own name) and the row with its part', () => {
    expect(sourceLabel({ file: '东风街道.xlsx', sheet: '意见表', row: 5, part: 2 })).toBe('东风街道.xlsx / 意见表 / 第 5 行第 2 条');
    expect(sourceLabel({ file: '东风街道.xlsx', sheet: '意见表', row: 5 })).toBe('东风街道.xlsx / 意见表 / 第 5 行');
    expect(sourceLabel({ file: '明珠社区.csv', sheet: '明珠社区', row: 3 })).toBe('明珠社区.csv / 第 3 行');
    expect(rowLabel({ row: 7, part: 1 })).toBe('第 7 行第 1 条');
  });

  it('来源行号 text reads back to the same row and part', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_048_576 }), fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }), (row, part) => {
        const source = part === undefined ? { row } : { row, part };
        expect(parseSourceRow(sourceRowText(source))).toEqual(source);
        expect(parseSourceRow(`\u200B${sourceRowText(source)}`)).toEqual(source);
      }),
    );
    expect(['', '0', '5-0', '第5行', '5.2', 'x'].map(parseSourceRow)).toEqual([null, null, null, null, null, null]);
  });
});

// The sample digest with one record turned into the second opinion split out of its row.
function splitDigest(): { digest: Digest; file: string; row: number } {
  const digest = sampleDigest();
  const record = digest.records[0];
  if (record === undefined) throw new Error('sample digest has no records');
  record.source = { ...record.source, part: 2 };
  return { digest, file: record.source.file, row: record.source.row };
}

describe('reports print the part wherever they print a source row', () => {
  it('the summary and digest views (sources of each cluster member)', () => {
    const { digest, file, row } = splitDigest();
    const view = buildReportView(digest, { showContact: false });
    const labels = view.sections.flatMap((s) => s.clusters.flatMap((c) => c.members.flatMap((m) => m.sources.map((source) => source.label))));
    expect(labels.filter((label) => label.includes(file) && label.endsWith(`第 ${row} 行第 2 条`))).toHaveLength(1);
  });

  it('the feedback letter: its 来源 line and the rows of its 附：来源', () => {
    const { digest, file, row } = splitDigest();
    const letters = pointFeedback(buildFeedbackDocument(digest, null), '2024年6月1日');
    const items = letters.flatMap((letter) => letter.items);
    expect(items.filter((item) => item.sourceText.endsWith(`第 ${row} 行第 2 条`) && item.sourceText.startsWith(file))).toHaveLength(1);
    expect(letters.flatMap((l) => l.sourceGroups.map((g) => g.rowsText)).join('')).toContain(`在第 ${row} 行第 2 条`);
  });
});

describe('the merged workbook’s 来源行号 and 格内序号', () => {
  const record = (part?: number, row = 5): OpinionRecord => ({
    id: `r${row}-${part ?? 0}`, source: part === undefined ? { file: 'a.xlsx', sheet: 'S', row } : { file: 'a.xlsx', sheet: 'S', row, part },
    seq: '3', point: '和平里', pointSource: 'column', county: null, submitter: null, submitterType: null, article: '第十二条',
    opinion: `建议公开第 ${row} 行的第 ${part ?? 1} 条意见。`, suggestion: null, reason: null, contact: null, date: null,
  });
  const ROW = MERGED_HEADERS.indexOf(MERGED_SOURCE_HEADERS.row);
  const PART = MERGED_HEADERS.indexOf(MERGED_SOURCE_HEADERS.part);

  it('are the row number and the part as plain values, side by side: 5 | 2 for 第 5 行第 2 条, 5 | (empty) for a row not split', () => {
    expect(PART).toBe(ROW + 1);
    expect([recordRow(record(), 0)[ROW], recordRow(record(), 0)[PART]]).toEqual([5, '']);
    expect([recordRow(record(2), 0)[ROW], recordRow(record(2), 0)[PART]]).toEqual([5, 2]);
  });

  it('are the same in CSV, with nothing Excel would open as a date (5-2 as 5月2日)', () => {
    const lines = mergedCsv([record(), record(2)]).split('\r\n');
    expect(lines[1]).toContain(',5,,3');
    expect(lines[2]).toContain(',5,2,3');
    expect(lines.join('')).not.toContain('5-2');
  });

  it('read in the xlsx they are what the cells show, and read back by yijian as the same places', async () => {
    const records = [record(), record(1, 12), record(2, 12), record(undefined, 30)];
    const dir = makeTempDir();
    writeFileSync(join(dir, '县汇总.xlsx'), mergedWorkbook({ records, rejects: [], sheets: [], failures: [] }));
    const sheet = XLSX.read(readFileSync(join(dir, '县汇总.xlsx')), { type: 'buffer', cellNF: true }).Sheets['意见汇总'];
    const raw = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet!, { raw: true, defval: null });
    const shown = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet!, { raw: false, defval: null });
    const places = (rows: Record<string, unknown>[]) => rows.map((row) => [row['来源行号'], row['格内序号']]);
    // An empty 格内序号 is an empty cell with the column's border, as every empty cell of the sheet.
    expect(places(raw)).toEqual([[5, ''], [12, 1], [12, 2], [30, '']]);
    expect(places(shown)).toEqual([['5', ''], ['12', '1'], ['12', '2'], ['30', '']]);
    const read = await readSubmissions([join(dir, '县汇总.xlsx')], normalizeIngestOptions({}));
    expect(read.records.map((r) => [r.source, r.opinion])).toEqual(records.map((r) => [r.source, r.opinion]));
  });

  it('a merged workbook of an earlier version (5 shown as 5-2 through the format 0"-2", no 格内序号) is read back as before', async () => {
    const headers = MERGED_HEADERS.filter((header) => header !== MERGED_SOURCE_HEADERS.part);
    const fields = headers.map((_h, i) => `c${i}`);
    const row = (r: OpinionRecord, index: number): Record<string, BodyCell> => {
      const cells = recordRow(r, index).filter((_cell, i) => i !== PART);
      return Object.fromEntries(cells.map((cell, i) => [fields[i], i === ROW && r.source.part !== undefined ? { value: r.source.row, format: `0"-${r.source.part}"` } : cell]));
    };
    const records = [record(), record(1, 12), record(2, 12)];
    const dir = makeTempDir();
    const book = renderXlsxBook([{ layout: { sheetName: '意见汇总', columns: headers.map((header, i) => ({ header, field: fields[i] ?? '', width: 8 })) }, rows: records.map(row), known: fields }], 'merge');
    writeFileSync(join(dir, '旧汇总.xlsx'), book);
    const read = await readSubmissions([join(dir, '旧汇总.xlsx')], normalizeIngestOptions({}));
    expect(read.records.map((r) => [r.source, r.opinion])).toEqual(records.map((r) => [r.source, r.opinion]));
    // Its 来源 columns are still provenance, not fields.
    expect(read.sheets[0]?.columns.filter((c) => c.header.startsWith('来源')).map((c) => c.field)).toEqual([null, null, null]);
  });
});
