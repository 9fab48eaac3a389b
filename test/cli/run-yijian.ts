/** Runs the real CLI (bin/yijian) as a script would: no terminal, CI set, no colour. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root. */
export const repo = resolve(import.meta.dirname, '../..');
/** The fixture submissions folder. */
export const submissions = join(repo, 'fixtures/submissions');
/** The fixture draft (.txt). */
export const draft = join(repo, 'fixtures/draft/某市电动自行车管理条例（征求意见稿）.txt');

/** What a run gave back. */
export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/yijian …args` in `cwd` (a tmp dir by default). */
export function yijian(args: readonly string[], cwd: string = tempDir()): CliRun {
  const result = spawnSync('node', [join(repo, 'bin/yijian'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'yijian-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A tmp copy of the fixture submissions; returns the copy's folder. */
export function copySubmissions(): string {
  const dir = join(tempDir('yijian-subs-'), '意见');
  cpSync(submissions, dir, { recursive: true });
  return dir;
}
