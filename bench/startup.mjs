#!/usr/bin/env node
/**
 * Start-up of the built CLI: the median of 10 runs of each command beside bare `node -e 0`, measured in the
 * same run, and the npm packages each command loads. Prints a Markdown table (bench/RESULTS.md keeps one).
 *
 *   npm run build && node bench/startup.mjs [--runs 10]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/yijian');
const HOOK = join(ROOT, 'bench/loaded-packages.mjs');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' } } });
const RUNS = Number(values.runs);

const CASES = [
  ['node -e 0', ['-e', '0']],
  ['yijian --version', [BIN, '--version']],
  ['yijian --help', [BIN, '--help']],
  ['yijian merge --help', [BIN, 'merge', '--help']],
  ['yijian digest --help', [BIN, 'digest', '--help']],
];

function once(args, env = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env: { ...process.env, CI: 'true', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function packagesLoaded(args) {
  const dir = mkdtempSync(join(tmpdir(), 'yijian-startup-'));
  const log = join(dir, 'loaded.txt');
  try {
    once(['--import', HOOK, ...args], { YIJIAN_LOADED_LOG: log });
    let text = '';
    try { text = readFileSync(log, 'utf8'); } catch { /* nothing loaded */ }
    return [...new Set(text.split('\n').filter((line) => line !== '').map((name) => name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/')))].sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const before = loadavg().map((n) => n.toFixed(1)).join('/');
const rows = [];
for (const [name, args] of CASES) {
  once(args); // warm the file cache
  const times = Array.from({ length: RUNS }, () => once(args));
  rows.push({ name, median: median(times), min: Math.min(...times), packages: name.startsWith('node') ? [] : packagesLoaded(args) });
}
const after = loadavg().map((n) => n.toFixed(1)).join('/');
console.log(`Start-up, median of ${RUNS} runs (${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, load ${before} → ${after})\n`);
console.log('| command | median | fastest | npm packages loaded |');
console.log('|---|---:|---:|---|');
for (const row of rows) console.log(`| \`${row.name}\` | ${(row.median / 1000).toFixed(3)} s | ${(row.min / 1000).toFixed(3)} s | ${row.packages.join(', ') || '—'} |`);
