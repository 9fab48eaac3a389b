/**
 * Report templates: the defaults shipped in `templates/`, a user's folder that overrides them
 * file by file, and the `templates list` / `templates export` core.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { YijianError } from '../errors.js';

/** The default templates folder: `templates/` at the package root, from src/ and from dist/ alike. */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** What a template file is read as. */
export type TemplateKind = 'markdown' | 'html' | 'docx' | 'xlsx-layout';

/** One template file: the report it serves and its path relative to the templates folder. */
export interface TemplateEntry {
  report: 'summary' | 'article-digest' | 'decision-sheet' | 'feedback' | 'stats' | 'compare' | 'form';
  file: string;
  kind: TemplateKind;
}

/** Every template a report is rendered from, in a stable order. */
export const TEMPLATE_FILES: readonly TemplateEntry[] = [
  { report: 'summary', file: 'summary/summary.md.hbs', kind: 'markdown' },
  { report: 'summary', file: 'summary/summary.html.hbs', kind: 'html' },
  { report: 'summary', file: 'summary/summary.docx', kind: 'docx' },
  { report: 'article-digest', file: 'article-digest/article-digest.docx', kind: 'docx' },
  { report: 'article-digest', file: 'article-digest/article-digest.xlsx.json', kind: 'xlsx-layout' },
  { report: 'decision-sheet', file: 'decision-sheet/decision-sheet.xlsx.json', kind: 'xlsx-layout' },
  { report: 'decision-sheet', file: 'decision-sheet/opinion-sheet.xlsx.json', kind: 'xlsx-layout' },
  { report: 'feedback', file: 'feedback/feedback.md.hbs', kind: 'markdown' },
  { report: 'feedback', file: 'feedback/feedback.docx', kind: 'docx' },
  { report: 'stats', file: 'stats/stats.md.hbs', kind: 'markdown' },
  { report: 'stats', file: 'stats/stats.html.hbs', kind: 'html' },
  { report: 'stats', file: 'stats/points.xlsx.json', kind: 'xlsx-layout' },
  { report: 'stats', file: 'stats/counties.xlsx.json', kind: 'xlsx-layout' },
  { report: 'stats', file: 'stats/drafts.xlsx.json', kind: 'xlsx-layout' },
  { report: 'compare', file: 'compare/compare.docx', kind: 'docx' },
  { report: 'compare', file: 'compare/compare.xlsx.json', kind: 'xlsx-layout' },
  { report: 'compare', file: 'compare/compare.md.hbs', kind: 'markdown' },
  { report: 'form', file: 'form/form.xlsx.json', kind: 'xlsx-layout' },
  { report: 'form', file: 'form/instructions.xlsx.json', kind: 'xlsx-layout' },
];

/** Lists the default templates (what `yijian templates list` prints). */
export function listTemplates(): TemplateEntry[] {
  return TEMPLATE_FILES.map((entry) => ({ ...entry }));
}

/** A template's bytes and the path it was read from (the user's copy or the default). */
export interface LoadedTemplate {
  file: string;
  path: string;
  data: Buffer;
}

/** Reads template `file`: the user's copy in `templatesDir` when present, else the default. */
export async function readTemplate(file: string, templatesDir: string | null): Promise<LoadedTemplate> {
  const own = templatesDir === null ? null : join(templatesDir, file);
  const path = own !== null && existsSync(own) ? own : join(DEFAULT_TEMPLATES_DIR, file);
  try {
    return { file, path, data: await readFile(path) };
  } catch (error) {
    throw new YijianError('E_BAD_TEMPLATE', `无法读取模板文件：${path}`, {
      hint: '请检查模板目录，或运行 yijian templates export 重新导出默认模板。',
      location: { file: path },
      cause: error,
    });
  }
}

/**
 * Copies the default templates into `dir` (keeping the report folders) and returns the paths written.
 * Refuses, before writing anything, when a file exists and `force` is off.
 */
export async function exportTemplates(dir: string, force: boolean): Promise<string[]> {
  const targets = TEMPLATE_FILES.map((entry) => ({ from: join(DEFAULT_TEMPLATES_DIR, entry.file), to: join(dir, entry.file) }));
  const existing = targets.filter((t) => existsSync(t.to));
  const first = existing[0];
  if (!force && first !== undefined) {
    throw new YijianError('E_OUTPUT_EXISTS', `模板文件已存在：${first.to}（共 ${existing.length} 个）`, {
      hint: '如需覆盖，请加 --force；或导出到一个新目录。',
      location: { file: first.to },
    });
  }
  try {
    for (const target of targets) {
      await mkdir(dirname(target.to), { recursive: true });
      await copyFile(target.from, target.to);
    }
  } catch (error) {
    throw new YijianError('E_WRITE_FAILED', `无法导出模板到：${dir}`, {
      hint: '请检查目录是否可写、磁盘是否已满。',
      location: { file: dir },
      cause: error,
    });
  }
  return targets.map((t) => t.to);
}
