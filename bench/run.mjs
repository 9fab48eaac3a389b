#!/usr/bin/env node
/**
 * End-to-end benchmarks of the built CLI (dist/), each measurement in its own child process
 * (bench/measure.mjs) so peak RSS is per run. `npm run bench` builds first.
 *
 *   node bench/run.mjs                                   all sizes (10k, 100k, 1m) and all measurements
 *   node bench/run.mjs --sizes 10k,100k --only digest    a subset
 *   node bench/run.mjs --sizes 300k --only digest,phases  between 100k and 1M, where growth faster than n shows (not run by default)
 *   node bench/run.mjs --sizes 1m --profile              also write a .cpuprofile per CLI run and print its top
 *   node bench/run.mjs --sizes 100k --keep-snapshot      reuse bench/out/snap (same code as the last run)
 *   node bench/run.mjs --sizes 1m --full-1m              at 1M also render all report formats
 *   node bench/run.mjs --report-only                     only rewrite the tables from bench/out/results.json
 *
 * The built code is first copied to bench/out/snap/ (dist/, package.json, templates/) and
 * every measurement imports that copy: others rebuilding dist/ meanwhile cannot break a long run.
 * Corpora are generated into bench/out/ (gitignored) by bench/generate.mjs when missing. Figures are
 * kept in bench/out/results.json (one entry per measurement id, newest wins) and written as Markdown
 * into bench/RESULTS.md between the bench markers; text outside the markers is kept.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { duplicateQuality } from './truth.mjs';
import { profileTop } from './profile-top.mjs';
import { renderResults, targetsOf } from './results-md.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'bench/out');
const DRAFT = join(ROOT, 'fixtures/laws/中华人民共和国民法典.md');
const SIZES = { '10k': 10_000, '100k': 100_000, '300k': 300_000, '1m': 1_000_000 };
const KINDS = ['digest', 'phases', 'render', 'xlsx', 'merge', 'text'];

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10k,100k,1m' },
    only: { type: 'string', default: KINDS.join(',') },
    profile: { type: 'boolean', default: false },
    'full-1m': { type: 'boolean', default: false },
    'keep-snapshot': { type: 'boolean', default: false },
    'report-only': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.toLowerCase().split(',').filter((s) => s !== '');
for (const size of sizes) if (!(size in SIZES)) throw new Error(`unknown size ${size}; use ${Object.keys(SIZES).join(',')}`);
const only = new Set(values.only.split(',').filter((s) => s !== ''));
for (const kind of only) if (!KINDS.includes(kind)) throw new Error(`unknown measurement ${kind}; use ${KINDS.join(',')}`);

mkdirSync(join(OUT, 'logs'), { recursive: true });
const SNAP = join(OUT, 'snap');

/** Copies dist/ (with what it reads beside it) and checks the CLI loads; retries while a rebuild is under way. */
function snapshotDist() {
  for (let attempt = 1; attempt <= 6; attempt += 1) {
    rmSync(SNAP, { recursive: true, force: true });
    mkdirSync(SNAP, { recursive: true });
    cpSync(join(ROOT, 'dist'), join(SNAP, 'dist'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(SNAP, 'package.json'));
    // Copied, not linked: the code and its templates must be of the same moment.
    cpSync(join(ROOT, 'templates'), join(SNAP, 'templates'), { recursive: true });
    const check = spawnSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(join(SNAP, 'dist/cli/main.js'))}); await import(${JSON.stringify(join(SNAP, 'dist/report/index.js'))});`], { encoding: 'utf8' });
    if (check.status === 0) return;
    console.log(`dist/ does not load yet (attempt ${attempt}): ${check.stderr.split('\n').find((l) => l.includes('Error')) ?? ''}`);
    spawnSync('sleep', ['10']);
  }
  throw new Error('dist/ does not load; run npm run build when the sources compile');
}
// --keep-snapshot measures the same code as the previous run (e.g. one size at a time).
if (!values['report-only'] && (!values['keep-snapshot'] || !existsSync(join(SNAP, 'dist/cli/main.js')))) snapshotDist();
const resultsPath = join(OUT, 'results.json');
const stored = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : {};

/** The 1-, 5- and 15-minute load averages right now. */
function loadAverage() {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

/** Generates a corpus unless its truth.json is already there (generation is deterministic). */
function corpus(size, format) {
  const dir = join(OUT, `${format}-${size}`);
  if (!existsSync(join(dir, 'truth.json'))) {
    const args = ['bench/generate.mjs', '--count', String(SIZES[size]), '--format', format, '--files', '20', '--out', dir];
    console.log(`generating ${dir} …`);
    const child = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    if (child.status !== 0) throw new Error(`generate.mjs failed for ${dir}`);
  }
  return dir;
}

/** Runs bench/measure.mjs in a child process; returns its result object with load averages added. */
function measure(id, kind, args) {
  const resultFile = join(OUT, 'logs', `${id}.result.json`);
  const logFile = join(OUT, 'logs', `${id}.log`);
  rmSync(resultFile, { force: true });
  const profileDir = join(OUT, 'prof', id);
  const nodeArgs = values.profile && kind === 'cli' ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  if (nodeArgs.length > 0) rmSync(profileDir, { recursive: true, force: true });
  const loadBefore = loadAverage();
  process.stdout.write(`${id.padEnd(24)} load ${loadBefore} … `);
  const child = spawnSync(process.execPath, [...nodeArgs, 'bench/measure.mjs', kind, resultFile, ...args], {
    cwd: ROOT,
    env: { ...process.env, CI: 'true', NO_COLOR: '1', YIJIAN_DIST: join(SNAP, 'dist') },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 << 20,
  });
  writeFileSync(logFile, `${child.stdout ?? ''}${child.stderr ?? ''}`);
  if (child.status !== 0 || !existsSync(resultFile)) {
    console.log(`FAILED (exit ${child.status}); see ${logFile}`);
    return null;
  }
  const result = { ...JSON.parse(readFileSync(resultFile, 'utf8')), loadBefore, loadAfter: loadAverage(), at: new Date().toISOString() };
  if (result.exitCode !== undefined && result.exitCode !== 0) console.log(`(CLI exit code ${result.exitCode}; see ${logFile}) `);
  console.log(`${(result.ms / 1000).toFixed(1)} s, peak ${result.maxRssMB} MiB`);
  if (nodeArgs.length > 0 && existsSync(profileDir)) {
    const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
    if (file !== undefined) result.profile = { file: join(profileDir, file), ...profileTop(join(profileDir, file), 15) };
  }
  return result;
}

/** Records one measurement under `id`. */
function keep(id, entry) {
  if (entry === null) return;
  stored[id] = entry;
  writeFileSync(resultsPath, JSON.stringify(stored, null, 2));
}

/** A digest run on a corpus; quality scored from its digest.json when asked. */
async function digestRun(id, dir, size, formats, input, scoreIt) {
  const outDir = join(OUT, 'runs', id);
  const args = ['digest', dir, '--draft', DRAFT, '-o', outDir, '--force', '--quiet', ...(formats === 'all' ? [] : ['--formats', formats])];
  const result = measure(id, 'cli', ['--', ...args]);
  if (result === null) return;
  const entry = { id, what: `digest ${input}, ${formats === 'all' ? 'all reports' : `--formats ${formats}`}`, n: SIZES[size], size, unit: 'opinions', ...result };
  if (scoreIt) entry.quality = await duplicateQuality(join(outDir, 'digest.json'), join(dir, 'truth.json'));
  keep(id, entry);
}

for (const size of values['report-only'] ? [] : sizes) {
  const csv = corpus(size, 'csv');
  if (only.has('digest')) {
    await digestRun(`digest-${size}-md`, csv, size, 'md', 'csv', true);
    if (size !== '1m' || values['full-1m']) await digestRun(`digest-${size}-all`, csv, size, 'all', 'csv', false);
  }
  if (only.has('phases') && size !== '10k') {
    const id = `phases-${size}`;
    mkdirSync(join(OUT, 'runs', id), { recursive: true });
    const result = measure(id, 'phases', [csv, DRAFT, join(OUT, 'runs', id)]);
    if (result !== null) keep(id, { id, what: 'digest steps one by one (in-process, --formats md)', n: SIZES[size], size, unit: 'opinions', ...result });
  }
  if (size !== '100k') continue;
  if (only.has('render')) {
    const digestJson = join(OUT, 'runs', `digest-${size}-md`, 'digest.json');
    if (!existsSync(digestJson)) await digestRun(`digest-${size}-md`, csv, size, 'md', 'csv', true);
    const result = measure(`render-${size}`, 'render', [digestJson]);
    if (result !== null) keep(`render-${size}`, { id: `render-${size}`, what: 'render all reports (md, html, docx, xlsx) from digest.json', n: SIZES[size], size, unit: 'opinions', ...result });
  }
  if (only.has('xlsx') || only.has('merge')) {
    const xlsx = corpus(size, 'xlsx');
    if (only.has('xlsx')) await digestRun(`digest-${size}-xlsx-md`, xlsx, size, 'md', '20 xlsx files', true);
    if (only.has('merge')) {
      const output = join(OUT, 'runs', `merge-${size}`, '汇总.xlsx');
      mkdirSync(join(OUT, 'runs', `merge-${size}`), { recursive: true });
      const result = measure(`merge-${size}-xlsx`, 'cli', ['--', 'merge', xlsx, '-o', output, '--force', '--quiet']);
      if (result !== null) keep(`merge-${size}-xlsx`, { id: `merge-${size}-xlsx`, what: 'merge 20 xlsx files → one xlsx', n: SIZES[size], size, unit: 'rows', ...result });
    }
  }
  if (only.has('text')) {
    const result = measure(`text-${size}`, 'text', [csv, DRAFT]);
    if (result !== null) keep(`text-${size}`, { id: `text-${size}`, what: 'segmentation and assignment (dist/text)', n: SIZES[size], size, unit: 'opinions', ...result });
  }
}

const machine = {
  date: new Date().toISOString(),
  nproc: spawnSync('nproc', { encoding: 'utf8' }).stdout.trim() || String(cpus().length),
  cpu: (/model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown').trim(),
  memory: spawnSync('free', ['-g'], { encoding: 'utf8' }).stdout.trimEnd() || `${Math.round(totalmem() / 2 ** 30)} GiB total, ${Math.round(freemem() / 2 ** 30)} GiB free`,
  node: process.version,
};

console.log('');
console.log(renderResults(stored, machine, { tableOnly: true }));
for (const line of targetsOf(stored)) console.log(line);

const resultsMd = join(ROOT, 'bench/RESULTS.md');
const BEGIN = '<!-- bench:begin (generated by bench/run.mjs; edit outside these markers) -->';
const END = '<!-- bench:end -->';
const previous = existsSync(resultsMd) ? readFileSync(resultsMd, 'utf8') : `# Benchmark results\n\n${BEGIN}\n${END}\n`;
const from = previous.indexOf(BEGIN);
const to = previous.indexOf(END);
const generated = `${BEGIN}\n${renderResults(stored, machine, { tableOnly: false })}\n${END}`;
const next = from >= 0 && to > from ? `${previous.slice(0, from)}${generated}${previous.slice(to + END.length)}` : `${previous.trimEnd()}\n\n${generated}\n`;
writeFileSync(resultsMd, next);
console.log(`\nwrote ${resultsMd}`);
