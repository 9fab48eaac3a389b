/**
 * Fuzzing the readers and parsers (a few thousand cases here; `npm run fuzz` runs many more against
 * dist/): no exception but YijianError escapes, and every sheet's rows reconcile.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { YijianError } from '../../src/errors.js';
import { ingestGrid, normalizeIngestOptions, readSheetsFromBytes } from '../../src/ingest/index.js';
import { findArticleRefs, parseArticleCell } from '../../src/text/article-ref.js';
import { parseDraft } from '../../src/text/draft.js';
import { draftFromBytes } from '../../src/text/read-draft.js';
import { parseDecisionGrids } from '../../src/decisions/sheet.js';
// @ts-expect-error -- plain ESM shared with bench/fuzz.mjs, no type declarations
import { PROPERTIES } from '../../bench/fuzz-properties.mjs';

type Property = (api: unknown, options: unknown) => fc.IRawProperty<unknown[]>;
const properties = PROPERTIES as Record<string, Property>;
const api = { YijianError, readSheetsFromBytes, ingestGrid, parseArticleCell, findArticleRefs, parseDraft, draftFromBytes, parseDecisionGrids };
// Small limits make the size and row checks reachable by fuzzed inputs too.
const options = normalizeIngestOptions({ limits: { maxCellLength: 200, maxRowsPerSheet: 50 } });

const RUNS: Record<string, number> = {
  'sheetsFromBytes: random bytes (xlsx/xls/csv)': 600,
  'sheetsFromBytes: mutated xlsx fixture': 300,
  'sheetsFromBytes: mutated xls fixture': 300,
  'sheetsFromBytes: mutated csv fixture': 400,
  'ingestGrid: random grids reconcile': 800,
  'parseArticleCell / findArticleRefs: any text': 1500,
  'parseDraft: any text': 400,
  'decision sheet: mutated 登记表 through the guarded reader': 200,
  'draft: mutated .docx and .txt drafts': 200,
};

describe('fuzz', () => {
  it('every property has a run count here', () => {
    if (Object.keys(properties).sort().join('|') !== Object.keys(RUNS).sort().join('|')) throw new Error('RUNS out of date');
  });
  for (const [name, property] of Object.entries(properties)) {
    it(name, async () => {
      // The file properties are async (readSheetsFromBytes); under vitest .xls is parsed in-process.
      await fc.assert(property(api, options), { numRuns: RUNS[name] ?? 100, seed: 20240501 });
    }, 60_000);
  }
});
