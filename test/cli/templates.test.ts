/** `yijian templates list|export` end to end: what a user copies out to customise the reports. */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { makeTempDir, REPO_ROOT, runYijian as runCli } from './run-cli.js';

const TEMPLATES_DIR = join(REPO_ROOT, 'templates');
/** What is in templates/ but is not a report template: the docx generator scripts and the jieba dictionaries. */
const NOT_TEMPLATES = new Set(['build-docx.mjs', 'dict', 'compare/build-compare-docx.mjs']);

/** Every report template file shipped in templates/, as a relative path with forward slashes. */
function shippedTemplates(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (NOT_TEMPLATES.has(relative(TEMPLATES_DIR, path).split('\\').join('/'))) continue;
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(TEMPLATES_DIR, path).split('\\').join('/'));
    }
  };
  walk(TEMPLATES_DIR);
  return files.sort();
}

/** Every file under `dir`, relative. */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as { isFile(): boolean; parentPath: string; name: string }[])
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

const ListEntrySchema = z.object({ report: z.string(), file: z.string(), kind: z.enum(['markdown', 'html', 'docx', 'xlsx-layout']) });

describe('yijian templates list', () => {
  it('lists every default template, one per line: report, file, kind in Chinese', async () => {
    const run = await runCli(['templates', 'list']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    const files = lines.map((line) => line.split('\t')[1] ?? '');
    expect([...files].sort()).toEqual(shippedTemplates());
    expect(shippedTemplates().length).toBeGreaterThanOrEqual(10);
    for (const line of lines) {
      const [report, file, kind] = line.split('\t');
      expect(file?.startsWith(`${report ?? '?'}/`), line).toBe(true);
      expect(kind, line).toMatch(/^(Markdown|HTML)（Handlebars）$|^Word（docxtemplater）$|^Excel 版式（JSON）$/);
    }
    // Every report of DESIGN.md's Output has a template.
    expect(new Set(lines.map((line) => line.split('\t')[0]))).toEqual(new Set(['summary', 'article-digest', 'decision-sheet', 'feedback', 'stats', 'compare', 'form']));
  });

  it('--json gives the same list for scripts', async () => {
    const run = await runCli(['templates', 'list', '--json']);
    expect(run.status).toBe(0);
    const entries = z.array(ListEntrySchema).parse(JSON.parse(run.stdout));
    expect(entries.map((entry) => entry.file).sort()).toEqual(shippedTemplates());
    const kindOf = (file: string): string =>
      file.endsWith('.md.hbs') ? 'markdown' : file.endsWith('.html.hbs') ? 'html' : file.endsWith('.docx') ? 'docx' : 'xlsx-layout';
    for (const entry of entries) expect(entry.kind, entry.file).toBe(kindOf(entry.file));
  });
});

describe('yijian templates export DIR', () => {
  it('copies every template byte for byte, and lists what it wrote', async () => {
    const cwd = makeTempDir();
    const run = await runCli(['templates', 'export', '我的模板'], cwd);
    expect(run.status).toBe(0);
    const target = join(cwd, '我的模板');
    expect(filesUnder(target)).toEqual(shippedTemplates());
    for (const file of shippedTemplates()) {
      expect(readFileSync(join(target, file)).equals(readFileSync(join(TEMPLATES_DIR, file))), file).toBe(true);
    }
    expect(run.stdout.trimEnd().split('\n').map((path) => relative(target, path).split('\\').join('/')).sort()).toEqual(shippedTemplates());
    expect(run.stderr).toContain(`已导出 ${shippedTemplates().length} 个模板到 我的模板`);
    expect(run.stderr).toContain('--templates 我的模板');
  });

  it('refuses to overwrite edited templates without --force (exit 1) and restores them with it', async () => {
    const cwd = makeTempDir();
    expect((await runCli(['templates', 'export', 'tpl'], cwd)).status).toBe(0);
    const edited = join(cwd, 'tpl', 'summary', 'summary.md.hbs');
    writeFileSync(edited, '# 我改过的模板\n');

    const refused = await runCli(['templates', 'export', 'tpl'], cwd);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('已存在');
    expect(refused.stderr).toContain('--force');
    expect(refused.stderr).not.toContain('内部错误');
    expect(readFileSync(edited, 'utf8')).toBe('# 我改过的模板\n');

    const forced = await runCli(['templates', 'export', 'tpl', '--force'], cwd);
    expect(forced.status).toBe(0);
    expect(readFileSync(edited).equals(readFileSync(join(TEMPLATES_DIR, 'summary', 'summary.md.hbs')))).toBe(true);
    expect(filesUnder(join(cwd, 'tpl'))).toEqual(shippedTemplates());
  });

  it('exports into a folder that holds other files, leaving them alone', async () => {
    const cwd = makeTempDir();
    writeFileSync(join(cwd, '说明.txt'), '自己的文件');
    expect((await runCli(['templates', 'export', '.'], cwd)).status).toBe(0);
    expect(readFileSync(join(cwd, '说明.txt'), 'utf8')).toBe('自己的文件');
    expect(filesUnder(cwd)).toEqual([...shippedTemplates(), '说明.txt'].sort());
  });
});
