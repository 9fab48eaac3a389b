/** `yijian compare OLD NEW`: reads both rounds, aligns them, writes the 修改前后对照表 (the command's I/O). */
import { extname, resolve } from 'node:path';
import { EXIT, YijianError } from '../errors.js';
import { assertWritable, writeFileAtomic } from '../io/atomic.js';
import type { CommandContext } from '../cli/program.js';
import { parseFormatList } from '../cli/program.js';
import { readDraft } from '../text/read-draft.js';
import { articleLabel } from '../article-key.js';
import { alignDrafts } from './align.js';
import { alignmentJson } from './json.js';
import { COMPARE_FORMATS, renderCompare, type CompareFormat } from './render.js';
import { buildCompareView } from './view.js';

/** Flags as commander hands them over. */
export interface CompareFlags {
  output?: string;
  force: boolean;
  json?: boolean;
  formats?: string;
  templates?: string;
  changedOnly: boolean;
}

/** The default output name (without extension), in the current folder. */
export const DEFAULT_COMPARE_OUTPUT = '修改前后对照表';

/** How many changes the terminal lists before it says how many more there are. */
const LISTED = 40;

interface CompareRun {
  base: string | null;
  formats: CompareFormat[];
  templatesDir: string | null;
}

/** -o with an extension writes that format only; without one, every asked format beside each other. */
function normalize(flags: CompareFlags, context: CommandContext): CompareRun {
  let formats = flags.formats === undefined ? [...COMPARE_FORMATS] : parseFormatList(flags.formats, COMPARE_FORMATS, '输出格式');
  let base: string | null = flags.output === undefined ? (flags.json === true ? null : DEFAULT_COMPARE_OUTPUT) : flags.output;
  if (base !== null) {
    const extension = extname(base).slice(1).toLowerCase();
    if (extension !== '') {
      if (!(COMPARE_FORMATS as readonly string[]).includes(extension)) {
        throw new YijianError('E_USAGE', `不支持的输出格式“.${extension}”：${base}`, { hint: '输出文件请用 .docx、.xlsx 或 .md，或不带扩展名（三种都写）。' });
      }
      formats = [extension as CompareFormat];
      base = base.slice(0, -extension.length - 1);
    }
    base = resolve(context.cwd, base);
  }
  const templatesDir = flags.templates === undefined ? null : resolve(context.cwd, flags.templates);
  return { base, formats, templatesDir };
}

/** Runs the comparison; returns the exit code. */
export async function runCompare(context: CommandContext, oldPath: string, newPath: string, flags: CompareFlags): Promise<number> {
  const run = normalize(flags, context);
  const paths = run.base === null ? [] : run.formats.map((f) => `${run.base}.${f}`);
  for (const path of paths) assertWritable(path, flags.force);
  const oldDraft = await readDraft(resolve(context.cwd, oldPath));
  const newDraft = await readDraft(resolve(context.cwd, newPath));
  const alignment = alignDrafts(oldDraft, newDraft);
  const view = buildCompareView(oldDraft, newDraft, alignment, { changedOnly: flags.changedOnly });
  if (run.base !== null) {
    const rendered = await renderCompare(view, run.formats, run.templatesDir);
    for (const [format, data] of rendered) await writeFileAtomic(`${run.base}.${format}`, data, { force: flags.force });
  }
  if (flags.json === true) {
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
    context.stdout(`${lines.join('\n')}\n`);
  }
  if (paths.length > 0) context.terminal.success(`已写入 ${paths.join('、')}`);
  return EXIT.ok;
}
