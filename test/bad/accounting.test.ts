/**
 * Row accounting as a property: generated CSVs (mixed CRLF/LF/CR line ends, quoted cells with commas,
 * quotes and line breaks, unquoted commas that split a cell, ragged rows) and workbooks; every input
 * row's opinion ends up in exactly one record or one reject, at the row number Excel shows, and the
 * figures reconcile.
 */
import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { ingestGrid, normalizeIngestOptions, sheetsFromBytes } from '../../src/ingest/index.js';
import type { OpinionRecord, Reject } from '../../src/model.js';

const options = normalizeIngestOptions({});
const HEADER = ['序号', '联系点', '意见建议', '联系方式'];
const END = fc.constantFrom('\r\n', '\n', '\r');
const WORDS = ['建议', '第十二条', '充电桩', '罚款', '，', ',', '"', '“引号”', ' ', '\n', '\r\n', '（一）', 'é', '👍', ';', '\t'];
const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((parts) => parts.join(''));

/** One generated data row: its number, a unique marker at the head of its opinion, and how it is written. */
interface RowPlan {
  extra: string;
  opinion: string;
  quoteAll: boolean;
  contact: string;
  split: boolean;
  end: '\r\n' | '\n' | '\r';
}

const rowPlan = fc.record({
  extra: text,
  opinion: text,
  quoteAll: fc.boolean(),
  contact: fc.constantFrom('', '138****0000', '电话,微信'),
  split: fc.boolean(),
  end: END,
}) as fc.Arbitrary<RowPlan>;

const marker = (n: number): string => `〔意见${n}〕`;

function csvCell(value: string, quoteAll: boolean): string {
  const needs = /[",\r\n]/u.test(value) || value !== value.trim();
  return quoteAll || needs ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The CSV text and, per data row, the marker of its opinion. */
function writeCsv(plans: readonly RowPlan[]): string {
  let out = `${HEADER.join(',')}\r\n`;
  plans.forEach((plan, index) => {
    const opinion = `${marker(index + 1)}${plan.opinion}${plan.extra}`;
    // A split row: the opinion written without quotes around a comma, as a careless export does.
    const opinionCell = plan.split ? `${marker(index + 1)}前半,后半` : csvCell(opinion, plan.quoteAll);
    out += [String(index + 1), csvCell('东湖街道', plan.quoteAll), opinionCell, csvCell(plan.contact, plan.quoteAll)].join(',') + plan.end;
  });
  return out;
}

function where(records: readonly OpinionRecord[], rejects: readonly Reject[], mark: string): { kind: string; row: number }[] {
  return [
    ...records.filter((r) => r.opinion.includes(mark)).map((r) => ({ kind: 'record', row: r.source.row })),
    ...rejects.filter((r) => Object.values(r.cells).some((cell) => cell.includes(mark))).map((r) => ({ kind: r.reason, row: r.source.row })),
  ];
}

describe('row accounting', () => {
  it('CSV: every row is in exactly one record or reject, at its Excel row, and split rows are rejects', () => {
    fc.assert(
      fc.property(fc.array(rowPlan, { minLength: 1, maxLength: 12 }), (plans) => {
        const bytes = Buffer.from(writeCsv(plans), 'utf8');
        const { grids } = sheetsFromBytes(bytes, '.csv', '生成', options);
        expect(grids).toHaveLength(1);
        const outcome = ingestGrid(grids[0]!, { file: '生成.csv', path: '生成.csv', encoding: 'UTF-8' }, options);
        plans.forEach((plan, index) => {
          const found = where(outcome.records, outcome.rejects, marker(index + 1));
          expect(found).toHaveLength(1);
          expect(found[0]?.row).toBe(index + 2);
          if (plan.split) expect(found[0]?.kind).toBe('E_EXTRA_CELLS');
          else expect(found[0]?.kind).toBe('record');
        });
        const report = outcome.report;
        expect(report.rows).toBe(report.records + report.rejects + report.blanks);
        expect(report.rows).toBe(plans.length);
      }),
      { numRuns: 300 },
    );
  });

  it('workbooks: ragged rows and any text keep every opinion in exactly one record or reject', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.array(text, { maxLength: 3 })), { minLength: 1, maxLength: 12 }), (rows) => {
        const aoa = [HEADER, ...rows.map(([opinion, tail], index) => [String(index + 1), '滨江社区', `${marker(index + 1)}${opinion}`, ...tail])];
        const book = XLSX.utils.book_new();
        XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), '意见');
        const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
        const { grids } = sheetsFromBytes(bytes, '.xlsx', '生成', options);
        const outcome = ingestGrid(grids[0]!, { file: '生成.xlsx', path: '生成.xlsx', encoding: null }, options);
        rows.forEach((_row, index) => {
          const found = where(outcome.records, outcome.rejects, marker(index + 1));
          expect(found).toEqual([{ kind: 'record', row: index + 2 }]);
        });
        expect(outcome.report.rows).toBe(rows.length);
      }),
      { numRuns: 150 },
    );
  });
});
