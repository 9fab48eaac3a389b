/** Runs the CLI as a script would (in this process; see run-cli.ts): no terminal, CI set, no colour. */
import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeTempDir, runYijian } from './run-cli.js';

/** The repository root. */
export const repo = resolve(import.meta.dirname, '../..');
/** The fixture submissions folder. */
export const submissions = join(repo, 'fixtures/submissions');
/** The fixture draft (.txt). */
export const draft = join(repo, 'fixtures/draft/某市电动自行车管理条例（征求意见稿）.txt');

export type { CliRun } from './run-cli.js';

/** Runs `yijian …args` in-process in `cwd` (a tmp dir by default). */
export const yijian = runYijian;

/** A fresh temporary folder. */
export const tempDir = makeTempDir;

/** A tmp copy of the fixture submissions; returns the copy's folder. */
export function copySubmissions(): string {
  const dir = join(tempDir('yijian-subs-'), '意见');
  cpSync(submissions, dir, { recursive: true });
  return dir;
}
