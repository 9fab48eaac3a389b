/**
 * What a command loads: `--version` and `--help` load no command's module, `merge` neither the segmenter nor
 * the report libraries (jieba, mammoth, docxtemplater, handlebars, the prompts). Times are measured in
 * bench/startup.mjs, not asserted here.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, REPO_ROOT, SUBMISSIONS } from './run-cli.js';

/** The npm packages `yijian …args` imports, from a real process with the recording hook. */
function packagesLoaded(args: readonly string[]): string[] {
  const log = join(makeTempDir('yijian-loaded-'), 'loaded.txt');
  const run = spawnSync(process.execPath, ['--import', join(REPO_ROOT, 'bench/loaded-packages.mjs'), join(REPO_ROOT, 'bin/yijian'), ...args], {
    cwd: makeTempDir(),
    env: { ...process.env, CI: 'true', NO_COLOR: '1', YIJIAN_LOADED_LOG: log },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  let text = '';
  try {
    text = readFileSync(log, 'utf8');
  } catch {
    // Nothing was imported.
  }
  return [...new Set(text.split('\n').filter((line) => line !== '').map((name) => name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/')))];
}

const HEAVY = ['nodejieba', 'opencc-js', 'mammoth', 'docxtemplater', 'pizzip', 'handlebars', '@inquirer/prompts', 'xlsx', 'zod'];

describe('start-up', () => {
  it.each([['--version'], ['--help']])('yijian %s loads commander and chalk only', (flag) => {
    const loaded = packagesLoaded([flag]);
    expect(loaded).toContain('commander');
    for (const name of HEAVY) expect(loaded).not.toContain(name);
  });

  // opencc-js is loaded: headers written in traditional characters (序號, 意見建議) are folded before matching.
  it('merge loads the readers and writers it needs, and no segmenter or report library', () => {
    const loaded = packagesLoaded(['merge', SUBMISSIONS, '-o', join(makeTempDir(), '合并.xlsx')]);
    expect(loaded).toContain('xlsx');
    for (const name of ['nodejieba', 'mammoth', 'docxtemplater', 'pizzip', 'handlebars', '@inquirer/prompts']) {
      expect(loaded).not.toContain(name);
    }
  });
});
