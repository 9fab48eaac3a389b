#!/usr/bin/env node
/**
 * `node bench/suite-time.mjs [vitest filters…]`: runs the test suite once (as `npm test` does, after a
 * build) and prints what it cost: wall time, CPU time of vitest and every process it started, the load
 * average before and after, and the slowest test files by wall and by CPU (CPU per file comes from
 * test/support/cpu-per-file.ts). On a machine shared with other work, CPU is the figure to compare; wall
 * is what `npm test` feels like at that load.
 *
 * Writes the raw figures to bench/out/suite-time.json (bench/out is not committed).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const outDir = join(root, 'bench', 'out');
mkdirSync(outDir, { recursive: true });
const cpuFile = join(outDir, 'suite-cpu.jsonl');
const jsonFile = join(outDir, 'suite-vitest.json');
rmSync(cpuFile, { force: true });

/** CPU ms of the children this process has waited for (Linux /proc; 100 Hz ticks). */
function childrenCpuMs() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
  return (fields[13] + fields[14]) * 10;
}

const load = () => loadavg().map((n) => n.toFixed(1)).join('/');
const loadBefore = load();
const cpu0 = childrenCpuMs();
const started = performance.now();
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const code = await new Promise((done) => {
  const child = spawn(process.execPath, [vitest, 'run', '--reporter=dot', '--reporter=json', `--outputFile=${jsonFile}`, ...process.argv.slice(2)], {
    cwd: root,
    env: { ...process.env, YIJIAN_TEST_CPU: cpuFile },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('close', (status) => done(status ?? 1));
});
const wallS = (performance.now() - started) / 1000;
const cpuS = (childrenCpuMs() - cpu0) / 1000;
const loadAfter = load();

const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
const cpuByFile = new Map(
  readFileSync(cpuFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)).map((r) => [r.file, r]),
);
const files = report.testResults.map((result) => {
  const cpu = cpuByFile.get(result.name);
  return {
    file: relative(root, result.name),
    tests: result.assertionResults.length,
    wallS: (result.endTime - result.startTime) / 1000,
    cpuS: cpu === undefined ? null : (cpu.ownMs + cpu.childrenMs) / 1000,
    childCpuS: cpu === undefined ? null : cpu.childrenMs / 1000,
  };
});
const summary = {
  date: new Date().toISOString(),
  node: process.version,
  cores: cpus().length,
  exit: code,
  files: files.length,
  tests: report.numTotalTests,
  passed: report.numPassedTests,
  failed: report.numFailedTests,
  wallS: Number(wallS.toFixed(1)),
  cpuS: Number(cpuS.toFixed(1)),
  loadBefore,
  loadAfter,
};
writeFileSync(join(outDir, 'suite-time.json'), `${JSON.stringify({ summary, files }, null, 2)}\n`);

const row = (f) => `| ${f.file} | ${f.tests} | ${f.wallS.toFixed(1)} | ${f.cpuS === null ? '—' : f.cpuS.toFixed(1)} | ${f.childCpuS === null ? '—' : f.childCpuS.toFixed(1)} |`;
const head = '| file | tests | wall s | CPU s | of which children |\n|---|---:|---:|---:|---:|';
const top = (key) => [...files].sort((a, b) => (b[key] ?? 0) - (a[key] ?? 0)).slice(0, 10).map(row).join('\n');
process.stdout.write(`
${summary.files} files, ${summary.tests} tests (${summary.passed} passed, ${summary.failed} failed), exit ${code}
wall ${summary.wallS} s, CPU ${summary.cpuS} s (vitest and every process it started), ${summary.cores} cores, load ${loadBefore} → ${loadAfter}

Slowest by CPU:
${head}
${top('cpuS')}

Slowest by wall:
${head}
${top('wallS')}
`);
process.exitCode = code;
