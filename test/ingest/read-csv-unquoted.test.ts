/**
 * CSV text without a double quote is split by hand (read-csv.ts splitUnquoted), not by csv-parse: the
 * records must be the ones csv-parse reads with the reader's own options, for every such text.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDelimitedText, splitUnquoted } from '../../src/ingest/read-csv.js';
import { stripNul } from '../../src/ingest/grid.js';

/** csv-parse as parseDelimitedText calls it when the text holds a quote. */
function byCsvParse(text: string, delimiter: string, to: number): string[][] {
  const records = parse(text, {
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    bom: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    to,
  }) as string[][];
  return records.map((cells) => cells.map(stripNul));
}

// Pieces people's exports are made of: cells, every delimiter, every line ending, blanks, a BOM, NULs.
const piece = fc.constantFrom('建议', '第十二条', '物业公司', 'a', ' ', '，', ',', '\t', ';', '\n', '\r\n', '\r', '\u3000', '\u0000', '“引号”', '');
const unquoted = fc.tuple(fc.boolean(), fc.array(piece, { maxLength: 40 })).map(([bom, parts]) => `${bom ? '\uFEFF' : ''}${parts.join('')}`);

describe('splitUnquoted', () => {
  it('reads every quote-free text as csv-parse does, for each delimiter and row limit', () => {
    fc.assert(
      fc.property(unquoted, fc.constantFrom(',', '\t', ';'), fc.integer({ min: 1, max: 12 }), (text, delimiter, to) => {
        expect(splitUnquoted(text, delimiter, to).map((cells) => cells.map(stripNul))).toEqual(byCsvParse(text, delimiter, to));
      }),
      { numRuns: 600 },
    );
  });

  it('a sheet of opinions in the shape staff export it gives the same grid either way', () => {
    const text = '\uFEFF序号,联系点,条款,意见建议\r\n1,东湖街道,第十二条,建议增设充电桩，方便居民夜间充电。\r\n2,滨江社区,,楼道内禁止停放电动自行车。\r\n\r\n3,科技园,第二十四条,限速15公里太低\r\n';
    const grid = parseDelimitedText(text, '汇总', ',', 100);
    expect(grid.rows).toEqual(byCsvParse(text, ',', 101));
    expect(grid.rows).toHaveLength(5);
    expect(grid.rows[3]).toEqual(['']);
  });

  it('a text with a quote still goes through csv-parse (a quoted cell keeps its comma and line break)', () => {
    const text = '序号,意见建议\n1,"建议一,\n建议二"\n';
    expect(parseDelimitedText(text, '汇总', ',', 100).rows).toEqual([['序号', '意见建议'], ['1', '建议一,\n建议二']]);
  });
});
