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

const load = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.expected.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as { file: string });

// Every file of the intake corpus and of both held-out sets through the real ingest, in-process: each field
// in its column, every record (row, part, opinion, 条款, 联系点 where given) as expected, every row a record,
// reject, blank or 说明行.
describe.each([
  ['fixtures/intake/corpus', 40],
  ['fixtures/intake/heldout', 10],
  ['fixtures/intake/fresh', 12],
])('intake set %s', (DIR, atLeast) => {
  const expectations = load(DIR);
  it(`has at least ${atLeast} files, each with its expectation`, () => {
    expect(expectations.length).toBeGreaterThanOrEqual(atLeast);
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

  it('prints the table', () => {
    const table = formatTable(DIR, lines) as string;
    console.log(table);
    expect(lines.length).toBeGreaterThan(expectations.length - 1);
  });
});
