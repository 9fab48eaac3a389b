import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { YijianError } from '../../src/errors.js';
import { decodeText } from '../../src/ingest/encoding.js';
import { parseMapSpec } from '../../src/ingest/map-spec.js';
import { parseDelimitedText } from '../../src/ingest/read-csv.js';
import { sniffContainer, surveyZip } from '../../src/ingest/sniff.js';
import { foldHeader } from '../../src/ingest/synonyms.js';
import { pointFromFileName } from '../../src/ingest/point.js';

const cellText = fc.string({ unit: fc.constantFrom('a', '意', '见', ',', '"', '\n', '\r\n', ' ', '，', '\t'), maxLength: 8 });

describe('parser properties', () => {
  it('CSV: any grid written by csv-stringify reads back cell for cell, one row per record', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellText, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }), (rows) => {
        const text = stringify(rows);
        const grid = parseDelimitedText(text, 's', ',', 1000);
        expect(grid.rows).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('decodeText round-trips UTF-8 text exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        fc.pre(!text.startsWith('\uFEFF'));
        expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'UTF-8' });
      }),
    );
  });

  it('parseMapSpec only ever throws YijianError E_BAD_MAPPING', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (spec) => {
        try {
          parseMapSpec(spec);
        } catch (error) {
          expect(error).toBeInstanceOf(YijianError);
          expect((error as YijianError).code).toBe('E_BAD_MAPPING');
        }
      }),
    );
  });

  it('foldHeader is idempotent; pointFromFileName never throws or returns blank', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        expect(foldHeader(foldHeader(text))).toBe(foldHeader(text));
        const point = pointFromFileName(`${text}.xlsx`);
        if (point !== null) expect(point.trim()).not.toBe('');
      }),
    );
  });

  it('sniffing and zip surveys never throw on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (bytes, zipHead) => {
        const data = zipHead ? Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), bytes]) : Buffer.from(bytes);
        sniffContainer(data);
        const survey = surveyZip(data);
        expect(typeof survey.ok).toBe('boolean');
      }),
    );
  });
});
