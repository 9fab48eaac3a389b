/** Runs the yijian CLI (dist/) for end-to-end tests: in-process, or in a child process with bounded memory. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as XLSX from 'xlsx';
import { runYijian } from '../cli/run-cli.js';

/** The repository root (tests run from it). */
export const REPO = resolve(import.meta.dirname, '../..');
/** The yijian binary. */
export const BIN = join(REPO, 'bin', 'yijian');
/** A good fixture run alongside every bad file: 12 data rows = 11 records + 1 blank. */
export const GOOD = join(REPO, 'fixtures', 'submissions', '河西县-华侨新村立法联系点-2024年5月.csv');
export const GOOD_NAME = '河西县-华侨新村立法联系点-2024年5月.csv';
export const GOOD_RECORDS = 11;

/** What a finished run gave. */
export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs yijian in this process (see test/cli/run-cli.ts), with the same result shape as {@link runCli}:
 * for tests about messages, exit codes and outputs. A crash would still show: an exception escaping a
 * command becomes 内部错误 on stderr, which {@link looksCrashed} catches. Tests about the process itself
 * (heap caps, signals, a worker left running) keep {@link runCli}.
 */
export async function runInProcess(args: readonly string[], options: { cwd?: string } = {}): Promise<CliRun> {
  const run = await runYijian(args, options.cwd ?? REPO);
  return { code: run.status, signal: null, stdout: run.stdout, stderr: run.stderr };
}

/** Spawns `node bin/yijian …args` with a 1 GB heap cap; resolves when it exits. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? REPO,
      env: { ...process.env, CI: 'true', NO_COLOR: '1', NODE_OPTIONS: '--max-old-space-size=1024', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', fail);
    child.on('close', (code, signal) =>
      done({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'yijian-bad-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** True when stderr shows a crash rather than a message for people. */
export function looksCrashed(stderr: string): boolean {
  return /^\s{4}at /mu.test(stderr) || stderr.includes('内部错误') || /FATAL ERROR|heap out of memory/u.test(stderr);
}

/** Every string cell of every sheet of an xlsx file, with its address. */
export function workbookCells(bytes: Uint8Array): { sheet: string; address: string; text: string; formula: boolean }[] {
  const book = XLSX.read(bytes, { type: 'buffer', cellFormula: true });
  const cells: { sheet: string; address: string; text: string; formula: boolean }[] = [];
  for (const name of book.SheetNames) {
    const sheet = book.Sheets[name] ?? {};
    for (const [address, cell] of Object.entries(sheet)) {
      if (address.startsWith('!')) continue;
      const value = cell as XLSX.CellObject;
      cells.push({ sheet: name, address, text: String(value.v ?? ''), formula: value.f !== undefined });
    }
  }
  return cells;
}

/** The first risky (formula-starting) or formula cell, or null when every cell is safe. */
export function firstUnsafeCell(bytes: Uint8Array): string | null {
  const bad = workbookCells(bytes).find((cell) => cell.formula || /^[=+\-@\t\r]/u.test(cell.text));
  return bad === undefined ? null : `${bad.sheet}!${bad.address}: ${JSON.stringify(bad.text.slice(0, 40))}`;
}
