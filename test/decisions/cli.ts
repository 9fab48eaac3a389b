/** Helpers for the end-to-end tests of feedback and stats: run the real CLI, write a filled decision sheet. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as XLSX from 'xlsx';
import { DigestSchema, type Digest } from '../../src/model.js';
import { runYijian, type CliRun } from '../cli/run-cli.js';

export const repo = resolve(import.meta.dirname, '../..');
export const submissions = join(repo, 'fixtures/submissions');
export const draft = join(repo, 'fixtures/draft/某市电动自行车管理条例（征求意见稿）.txt');

/** Runs `yijian …` in-process as a script would (from the repository root by default). */
export function yijian(args: string[], cwd = repo): Promise<CliRun> {
  return runYijian(args, cwd);
}

/** Reads digest.json from a digest output folder. */
export function readDigestJson(dir: string): Digest {
  return DigestSchema.parse(JSON.parse(readFileSync(join(dir, 'digest.json'), 'utf8')));
}

/** A deterministic shuffle (seeded LCG), so a failure can be reproduced. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** What a drafter writes on one row: decision, reason, and optionally 更正条款 and 移入类编号. */
export type Filled = [decision: string, reason: string, correction?: string, moveTo?: string];

/**
 * Fills the decision sheet digest wrote: `decide(clusterId, index)` gives what goes on a cluster row;
 * rows are shuffled and a title row put above the header, as drafters' re-saved files look.
 * `opinions` fills the 单条意见 sheet for the given record ids.
 */
export function fillDecisionSheet(
  sheetPath: string,
  outPath: string,
  decide: (clusterId: string, index: number) => Filled,
  opinions: Readonly<Record<string, Filled>> = {},
  seed = 7,
): void {
  const book = XLSX.read(readFileSync(sheetPath), { type: 'buffer' });
  const clusterSheet = book.Sheets[book.SheetNames[0] ?? ''];
  const opinionSheet = book.Sheets['单条意见'];
  if (clusterSheet === undefined || opinionSheet === undefined) throw new Error('decision sheet lacks its sheets');
  /** Writes `filled` into a copy of `row` under the named headers (a header the sheet lacks is an error of the test). */
  const fill = (header: readonly string[], row: readonly unknown[], filled: Filled): unknown[] => {
    const copy = [...row];
    const names = ['采纳情况', '理由说明', '更正条款', '移入类编号'];
    filled.forEach((value, i) => {
      if (value === undefined) return;
      const at = header.indexOf(names[i] ?? '');
      if (at < 0) throw new Error(`decision sheet lacks ${names[i]}`);
      copy[at] = value;
    });
    return copy;
  };
  const rows = XLSX.utils.sheet_to_json<string[]>(clusterSheet, { header: 1, defval: '' });
  const header = rows[0] ?? [];
  const idAt = header.indexOf('编号');
  const body = rows.slice(1).map((row, index) => fill(header, row, decide(String(row[idAt]), index)));
  const orows = XLSX.utils.sheet_to_json<string[]>(opinionSheet, { header: 1, defval: '' });
  const oheader = orows[0] ?? [];
  const obody = orows.slice(1).map((row) => {
    const filled = opinions[String(row[oheader.indexOf('意见编号')])];
    return filled === undefined ? [...row] : fill(oheader, row, filled);
  });
  const out = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(out, XLSX.utils.aoa_to_sheet([['意见采纳情况登记表（已填写）'], header, ...shuffle(body, seed)]), '采纳情况');
  XLSX.utils.book_append_sheet(out, XLSX.utils.aoa_to_sheet([oheader, ...shuffle(obody, seed + 1)]), '单条意见');
  writeFileSync(outPath, XLSX.write(out, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}
