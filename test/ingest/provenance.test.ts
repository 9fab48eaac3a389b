import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { buildFeedbackDocument, pointFeedback } from '../../src/decisions/feedback.js';
import { parseSourceRow, rowLabel, sourceLabel, sourceRowText } from '../../src/provenance.js';
import { buildReportView } from '../../src/report/model.js';
import { mergedCsv, partFormat, recordRow } from '../../src/report/merged.js';
import type { Digest, OpinionRecord } from '../../src/model.js';
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

describe('the merged workbook’s 来源行号', () => {
  const record = (part?: number): OpinionRecord => ({
    id: 'r1', source: part === undefined ? { file: 'a.xlsx', sheet: 'S', row: 5 } : { file: 'a.xlsx', sheet: 'S', row: 5, part },
    seq: '3', point: '和平里', pointSource: 'column', county: null, submitter: null, submitterType: null, article: null,
    opinion: '建议公开。', suggestion: null, reason: null, contact: null, date: null,
  });

  it('is the row number in the workbook, a split part too: 5 shown through the format 0"-2" as 5-2', () => {
    const at = recordRow(record(), 0).length - 2;
    expect(recordRow(record(), 0)[at]).toBe(5);
    expect(recordRow(record(2), 0)[at]).toEqual({ value: 5, format: '0"-2"' });
    // What the format shows is what sourceRowText writes and parseSourceRow reads back.
    expect(XLSX.SSF.format('0"-2"', 5)).toBe(sourceRowText({ row: 5, part: 2 }));
    expect(parseSourceRow(XLSX.SSF.format(partFormat(12), 305))).toEqual({ row: 305, part: 12 });
  });

  it('is text 5-2 in CSV, behind the guard so Excel does not open it as 5月2日', () => {
    const lines = mergedCsv([record(), record(2)]).split('\r\n');
    expect(lines[1]).toContain(',5,3');
    expect(lines[2]).toContain(',\u200B5-2,3');
  });
});
