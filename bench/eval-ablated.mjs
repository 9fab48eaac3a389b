#!/usr/bin/env node
/**
 * `bench/eval.mjs` with part of the bundled synonym list removed: a stand-in for a draft nobody curated words for.
 * synonyms.txt was grown while reading the tuning opinions, so the tuning figures flatter the assigner; a setting
 * that helps only with the list intact is fitted to it. Session 22 chose its settings in all three conditions.
 *
 *   node bench/eval-ablated.mjs domain --part tuning          without the 物业, 养犬 and 租赁 sections (the tuning domains)
 *   node bench/eval-ablated.mjs none --part tuning --ranking  without any synonym
 *   node bench/eval-ablated.mjs none eval-clusters.mjs --part tuning   another script of bench/ (here clustering under gold)
 *
 * Every argument after the condition (and the script's name, when one is given) goes to bench/eval.mjs or that script. The built code (dist/, run `npm run build` first),
 * bench/ and templates/ are copied to a temporary folder whose templates/dict/synonyms.txt is cut down; fixtures/
 * and node_modules/ are linked. Nothing in the repository changes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const [condition, ...args] = process.argv.slice(2);
const [script, rest] = args[0]?.endsWith('.mjs') ? [args[0], args.slice(1)] : ['eval.mjs', args];

/** The synonym list's lines kept in each condition (comments always are). */
const CONDITIONS = {
  // Section headings are `# —— 物业管理（…）——`: drop from the 物业 heading to the 电动自行车 one (物业, 养犬, 租赁).
  domain: (lines) => {
    let skip = false;
    return lines.filter((line) => {
      if (line.startsWith('# —— 物业管理')) skip = true;
      if (line.startsWith('# —— 电动自行车')) skip = false;
      return !skip;
    });
  },
  none: (lines) => lines.filter((line) => line.startsWith('#') || line.trim() === ''),
};

const cut = CONDITIONS[condition];
if (cut === undefined) {
  console.error(`用法：node bench/eval-ablated.mjs ${Object.keys(CONDITIONS).join('|')} [bench/ 下的脚本名，缺省 eval.mjs] [脚本的参数]`);
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'yijian-ablated-'));
try {
  for (const part of ['dist', 'bench', 'templates', 'package.json']) cpSync(join(ROOT, part), join(work, part), { recursive: true });
  for (const part of ['fixtures', 'node_modules']) symlinkSync(join(ROOT, part), join(work, part));
  const list = join(work, 'templates/dict/synonyms.txt');
  writeFileSync(list, cut(readFileSync(list, 'utf8').split('\n')).join('\n'));
  const run = spawnSync(process.execPath, [join(work, 'bench', script), ...rest], { stdio: 'inherit', cwd: work });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
