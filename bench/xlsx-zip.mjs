#!/usr/bin/env node
/**
 * The zip work of writing a workbook, measured on a real package: the 采纳情况登记表 of 100k rows that
 * bench/xlsx-writers.mjs writes (about 40 MB of XML). Readers take the package as SheetJS hands it
 * over (entries stored, not deflated); writers deflate every entry at level 6 with fixed dates.
 *
 *   node bench/xlsx-zip.mjs [--rows 100000]
 *
 *   read  yijian readZip (zip-writer.ts)  |  fflate unzipSync  |  PizZip (docxtemplater's zip)
 *   write yijian writeZip (node:zlib)     |  fflate zipSync    |  PizZip generate (DEFLATE)
 *
 * Each in a child process of its own (CPU s = user + system; peak RSS). fflate is needed only here
 * unless it is a dependency: `npm i --no-save fflate@0.8.2`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, child: { type: 'string' } } });
const ROWS = Number(values.rows);
const DIST = new URL('../dist/', import.meta.url);
const CASES = ['read-yijian', 'read-fflate', 'read-pizzip', 'write-yijian', 'write-fflate', 'write-pizzip'];

const cpuSeconds = () => {
  const usage = process.resourceUsage();
  return (usage.userCPUTime + usage.systemCPUTime) / 1e6;
};

/** The package's entries: the 100k-row 登记表 written by yijian, read back (not timed). */
async function packageEntries() {
  const self = fileURLToPath(new URL('./xlsx-writers.mjs', import.meta.url));
  const { mkdirSync } = await import('node:fs');
  const out = fileURLToPath(new URL('./out/', import.meta.url));
  mkdirSync(out, { recursive: true });
  const file = `${out}xlsx-zip-${process.pid}.xlsx`;
  const made = spawnSync(process.execPath, [self, '--child', 'sheetjs', '--rows', String(ROWS), '--out', file], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(made.stderr);
  const { readFileSync, rmSync } = await import('node:fs');
  const { readZip } = await import(new URL('report/zip-writer.js', DIST).href);
  const entries = readZip(readFileSync(file));
  rmSync(file);
  return entries;
}

async function child(which) {
  const entries = await packageEntries();
  const fflate = which.endsWith('fflate') ? await import('fflate') : null;
  const { default: PizZip } = which.endsWith('pizzip') ? await import('pizzip') : { default: null };
  const { readZip, writeZip } = await import(new URL('report/zip-writer.js', DIST).href);
  const date = new Date(2024, 0, 1);
  let input = null;
  // A stored package, as SheetJS writes it with compression off (not timed).
  if (which.startsWith('read')) {
    const { zipSync } = await import('fflate').catch(() => ({ zipSync: null }));
    if (zipSync === null) throw new Error('fflate is needed to build the stored package: npm i --no-save fflate@0.8.2');
    input = Buffer.from(zipSync(Object.fromEntries(entries.map((e) => [e.name, [e.data, { level: 0, mtime: date }]]))));
  }
  const cpu0 = cpuSeconds();
  let bytes = 0;
  if (which === 'read-yijian') bytes = readZip(input).reduce((n, e) => n + e.data.length, 0);
  else if (which === 'read-fflate') bytes = Object.values(fflate.unzipSync(input)).reduce((n, d) => n + d.length, 0);
  else if (which === 'read-pizzip') {
    const zip = new PizZip(input);
    bytes = Object.values(zip.files).filter((f) => !f.dir).reduce((n, f) => n + f.asUint8Array().length, 0);
  } else if (which === 'write-yijian') bytes = writeZip(entries).length;
  else if (which === 'write-fflate') bytes = fflate.zipSync(Object.fromEntries(entries.map((e) => [e.name, [e.data, { level: 6, mtime: date }]]))).length;
  else if (which === 'write-pizzip') {
    const zip = new PizZip();
    for (const e of entries) zip.file(e.name, e.data, { date, binary: true });
    bytes = zip.generate({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }).length;
  }
  const cpuS = +(cpuSeconds() - cpu0).toFixed(2);
  process.stdout.write(`${JSON.stringify({ which, cpuS, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), bytes })}\n`);
}

if (values.child !== undefined) {
  await child(values.child);
} else {
  process.stdout.write(`| ${ROWS} rows | CPU s | peak RSS MiB | bytes |\n|---|---|---|---|\n`);
  for (const which of CASES) {
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', which, '--rows', String(ROWS)], { encoding: 'utf8' });
    if (run.status !== 0) {
      process.stdout.write(`| ${which} | failed: ${(run.stderr.trim().split('\n').at(-1) ?? '').slice(0, 100)} | | |\n`);
      continue;
    }
    const r = JSON.parse(run.stdout.trim().split('\n').at(-1));
    process.stdout.write(`| ${r.which} | ${r.cpuS} | ${r.maxRssMiB} | ${r.bytes} |\n`);
  }
}
