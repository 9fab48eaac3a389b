import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSubmissions } from '../../src/ingest/index.js';
// @ts-expect-error -- plain JS shared with fixtures/intake/report.mjs, no type declarations
import { formatTable, scoreFile } from '../../fixtures/intake/lib/score.mjs';
import { options } from './helpers.js';

interface Line {
  file: string;
  sheet: string;
  fields: number;
  fieldsRight: number;
  recordsExpected: number;
  recordsGot: number;
  recordsRight: number;
  notesExpected: number;
  notesGot: number;
  accounted: boolean;
  diffs: string[];
}

const DIR = 'fixtures/intake/corpus';
const expectations = readdirSync(DIR)
  .filter((name) => name.endsWith('.expected.json'))
  .sort()
  .map((name) => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as { file: string });

// Every file of the intake corpus through the real ingest, in-process: each field in its column, every
// record (row, part, opinion, 条款) as expected, every row a record, reject, blank or 说明行.
describe('intake corpus (fixtures/intake/corpus)', () => {
  it('has at least 40 files, each with its expectation', () => {
    expect(expectations.length).toBeGreaterThanOrEqual(40);
  });

  const lines: Line[] = [];
  it.each(expectations.map((e) => [e.file, e] as const))('%s', async (file, expectation) => {
    const result = await readSubmissions([join(DIR, file)], options());
    expect(result.failures).toEqual([]);
    expect(result.reconciliation.balanced).toBe(true);
    const scored = scoreFile(result, expectation) as Line[];
    lines.push(...scored);
    for (const line of scored) {
      expect(line.diffs, `${line.file} · ${line.sheet}`).toEqual([]);
      expect(line.accounted).toBe(true);
    }
  });

  it('prints the corpus table', () => {
    const table = formatTable('intake corpus', lines) as string;
    console.log(table);
    expect(lines.length).toBeGreaterThan(expectations.length - 1);
  });
});
