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
const { ingestGrid, normalizeIngestOptions, readSheetsFromBytes } = await import(join(dist, 'ingest/index.js'));
const { findArticleRefs, parseArticleCell } = await import(join(dist, 'text/article-ref.js'));
const { parseDraft } = await import(join(dist, 'text/draft.js'));
const { draftFromBytes } = await import(join(dist, 'text/read-draft.js'));
const { parseDecisionGrids } = await import(join(dist, 'decisions/sheet.js'));

const parserRuns = Number(process.argv[2] ?? 100_000);
const fileRuns = Number(process.argv[3] ?? 5_000);
// .xls files are parsed in a worker with a time limit, as the CLI does; a timeout is a YijianError
// (E_PARSE_TIMEOUT, the file fails, no hang) and is counted per property as a finding about SheetJS.
let timeouts = 0;
// One idle parsing worker kept across cases, as one CLI run keeps it across files; ended at the end.
const { WorkbookWorkers } = await import(join(dist, 'ingest/workbook-worker.js'));
const workers = new WorkbookWorkers();
const timedRead = async (bytes, extension, sheetName, options) => {
  try {
    return await readSheetsFromBytes(bytes, extension, sheetName, options, workers);
  } catch (error) {
    if (error instanceof YijianError && error.code === 'E_PARSE_TIMEOUT') timeouts += 1;
    throw error;
  }
};
const api = { YijianError, readSheetsFromBytes: timedRead, ingestGrid, parseArticleCell, findArticleRefs, parseDraft, draftFromBytes, parseDecisionGrids };
const parseTimeoutMs = 10_000;
const options = normalizeIngestOptions({ limits: { maxCellLength: 200, maxRowsPerSheet: 50, parseTimeoutMs } });
// SheetJS reports unknown BIFF records of mutated .xls files on console.error: noise, not findings.
console.error = () => {};

const rows = [];
let failed = 0;
for (const [name, property] of Object.entries(PROPERTIES)) {
  const runs = name.includes('mutated') || name.includes('random bytes') ? fileRuns : parserRuns;
  const started = performance.now();
  timeouts = 0;
  const details = await fc.check(property(api, options), { numRuns: runs });
  const seconds = (performance.now() - started) / 1000;
  const failures = details.failed ? 1 : 0;
  failed += failures;
  const row = { name, runs: details.numRuns, failures, timeouts, seconds: seconds.toFixed(1), counterexample: details.failed ? JSON.stringify(details.counterexample)?.slice(0, 200) : '' };
  rows.push(row);
  process.stdout.write(`${name}: ${row.runs} cases, ${failures} failures, ${timeouts} timeouts, ${row.seconds} s${details.failed ? ` — seed ${details.seed}, ${String(details.error).slice(0, 200)}` : ''}\n`);
}

const total = rows.reduce((n, r) => n + r.runs, 0);
const table = rows.map((r) => `| ${r.name} | ${r.runs} | ${r.failures} | ${r.timeouts} | ${r.seconds} |${r.counterexample ? ` ${r.counterexample} |` : ''}`).join('\n');
writeFileSync(
  join(import.meta.dirname, 'FUZZ.md'),
  `# Fuzz results\n\n\`npm run fuzz ${parserRuns} ${fileRuns}\` on Node ${process.version} (${new Date().toISOString().slice(0, 10)}), against dist/.\n` +
    `A failure is an exception other than YijianError, or sheet figures that do not reconcile.\n` +
    `A timeout is a file whose .xls parse (in a worker) passed ${parseTimeoutMs} ms: it fails with E_PARSE_TIMEOUT, the run goes on.\n\n` +
    `| property | cases | failures | timeouts | seconds |\n|---|---|---|---|---|\n${table}\n\n` +
    `**Total: ${total} cases, ${failed} failures, ${rows.reduce((n, r) => n + r.timeouts, 0)} timeouts.**\n`,
);
process.stdout.write(`total: ${total} cases, ${failed} failures\n`);
await workers.close();
process.exitCode = failed > 0 ? 1 : 0;
