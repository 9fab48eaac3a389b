/** `yijian compare OLD NEW`: reads both rounds, aligns them, writes the 修改前后对照表 (the command's I/O). */
import { EXIT } from '../errors.js';
import { assertWritable, writeFileAtomic } from '../io/atomic.js';
import type { CommandContext } from './program.js';
import { readDraft } from '../text/read-draft.js';
import { articleLabel } from '../article-key.js';
import { alignDrafts } from '../compare/align.js';
import { alignmentJson } from '../compare/json.js';
import { renderCompare } from '../report/compare.js';
import { resolveCompareOptions, type CompareFlags } from './options/compare.js';
import { buildCompareView } from '../compare/view.js';

/** How many changes the terminal lists before it says how many more there are. */
const LISTED = 40;

/** Runs the comparison; returns the exit code. */
export async function runCompare(context: CommandContext, oldPath: string, newPath: string, flags: CompareFlags): Promise<number> {
  const run = resolveCompareOptions(oldPath, newPath, { flags, config: context.config, cwd: context.cwd });
  const paths = run.base === null ? [] : run.formats.map((f) => `${run.base}.${f}`);
  for (const path of paths) assertWritable(path, run.force);
  const oldDraft = await readDraft(run.oldPath);
  const newDraft = await readDraft(run.newPath);
  const alignment = alignDrafts(oldDraft, newDraft, run.align);
  const view = buildCompareView(oldDraft, newDraft, alignment, { changedOnly: run.changedOnly });
  if (run.base !== null) {
    const rendered = await renderCompare(view, run.formats, run.templatesDir);
    for (const [format, data] of rendered) await writeFileAtomic(`${run.base}.${format}`, data, { force: run.force });
  }
  if (run.json) {
    context.stdout(`${JSON.stringify({ files: paths, ...alignmentJson(oldDraft, newDraft, alignment) }, null, 2)}\n`);
  } else {
    const lines = [`修改前后对照表：${oldDraft.title} → ${newDraft.title}`, `  ${view.summaryLine}`];
    // Renumbering alone is said once in the summary line; the list is for changes a reader must look at.
    const changed = alignment.changes.filter((c) => c.kind !== 'unchanged');
    for (const change of changed.slice(0, LISTED)) {
      const row = view.rows.find((r) => r.change === change);
      const from = change.old.map((k) => articleLabel(k, oldDraft)).join('、') || '（无）';
      const to = change.new.map((k) => articleLabel(k, newDraft)).join('、') || '（删除）';
      const similarity = change.old.length > 0 && change.new.length > 0 ? `  相似度 ${change.similarity.toFixed(2)}` : '';
      const what = change.old.length === 0 ? `新增 现${to}` : change.new.length === 0 ? `删除 原${from}` : `原${from} → 现${to}  ${row?.kindText ?? change.kind}`;
      lines.push(`  ${what}${similarity}`);
    }
    if (changed.length > LISTED) lines.push(`  ……另有 ${changed.length - LISTED} 处变化，见对照表`);
    // Renamed, new and deleted 编, 章 and 节 headings (a heading only renumbered is no news).
    const plain = (runs: readonly { text: string }[] | null): string => (runs ?? []).map((r) => r.text).join('');
    for (const heading of view.rows.flatMap((r) => r.headings)) {
      if (heading.kindText === '修改') lines.push(`  标题 ${plain(heading.old)} → ${plain(heading.new)}  修改`);
      else if (heading.kindText === '新增') lines.push(`  新增标题 ${plain(heading.new)}`);
      else if (heading.kindText === '删除') lines.push(`  删除标题 ${plain(heading.old)}`);
    }
    context.stdout(`${lines.join('\n')}\n`);
  }
  if (paths.length > 0) context.terminal.success(`已写入 ${paths.join('、')}`);
  return EXIT.ok;
}
