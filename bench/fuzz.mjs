#!/usr/bin/env node
/**
 * `npm run fuzz [parserRuns] [fileRuns]`: the properties of test/fuzz with many more runs, against dist/.
 * Prints cases run, failures and time per property; writes the figures to bench/FUZZ.md.
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROPERTIES } from './fuzz-properties.mjs';

const dist = join(import.meta.dirname, '..', 'dist');
const { YijianError } = await import(join(dist, 'errors.js'));
const { ingestGrid, normalizeIngestOptions, sheetsFromBytes } = await import(join(dist, 'ingest/index.js'));
const { findArticleRefs, parseArticleCell } = await import(join(dist, 'text/article-ref.js'));
const { parseDraft } = await import(join(dist, 'text/draft.js'));

const parserRuns = Number(process.argv[2] ?? 100_000);
const fileRuns = Number(process.argv[3] ?? 5_000);
const api = { YijianError, sheetsFromBytes, ingestGrid, parseArticleCell, findArticleRefs, parseDraft };
const options = normalizeIngestOptions({ limits: { maxCellLength: 200, maxRowsPerSheet: 50 } });
// SheetJS reports unknown BIFF records of mutated .xls files on console.error: noise, not findings.
console.error = () => {};

const rows = [];
let failed = 0;
for (const [name, property] of Object.entries(PROPERTIES)) {
  const runs = name.startsWith('sheetsFromBytes: mutated') || name.includes('random bytes') ? fileRuns : parserRuns;
  const started = performance.now();
  const details = fc.check(property(api, options), { numRuns: runs });
  const seconds = (performance.now() - started) / 1000;
  const failures = details.failed ? 1 : 0;
  failed += failures;
  const row = { name, runs: details.numRuns, failures, seconds: seconds.toFixed(1), counterexample: details.failed ? JSON.stringify(details.counterexample)?.slice(0, 200) : '' };
  rows.push(row);
  process.stdout.write(`${name}: ${row.runs} cases, ${failures} failures, ${row.seconds} s${details.failed ? ` — seed ${details.seed}, ${String(details.error).slice(0, 200)}` : ''}\n`);
}

const total = rows.reduce((n, r) => n + r.runs, 0);
const table = rows.map((r) => `| ${r.name} | ${r.runs} | ${r.failures} | ${r.seconds} |${r.counterexample ? ` ${r.counterexample} |` : ''}`).join('\n');
writeFileSync(
  join(import.meta.dirname, 'FUZZ.md'),
  `# Fuzz results\n\n\`npm run fuzz ${parserRuns} ${fileRuns}\` on Node ${process.version} (${new Date().toISOString().slice(0, 10)}), against dist/.\n` +
    `A failure is an exception other than YijianError, or sheet figures that do not reconcile.\n\n` +
    `| property | cases | failures | seconds |\n|---|---|---|---|\n${table}\n\n**Total: ${total} cases, ${failed} failures.**\n`,
);
process.stdout.write(`total: ${total} cases, ${failed} failures\n`);
process.exitCode = failed > 0 ? 1 : 0;
