/** Small builders shared by the ingest tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MergeRange, SheetGrid } from '../../src/ingest/grid.js';
import { normalizeIngestOptions, type IngestOptions } from '../../src/ingest/options.js';

/** A grid from rows of strings. */
export function grid(rows: string[][], merges: MergeRange[] = [], name = 'Sheet1'): SheetGrid {
  return { name, rows, merges };
}

/** A merge range from 0-based corners. */
export function merge(r1: number, c1: number, r2: number, c2: number): MergeRange {
  return { s: { r: r1, c: c1 }, e: { r: r2, c: c2 } };
}

/** Options with defaults plus overrides. */
export function options(input: Record<string, unknown> = {}): IngestOptions {
  return normalizeIngestOptions(input);
}

/** A fresh temporary folder for files written by a test. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'yijian-ingest-'));
}
