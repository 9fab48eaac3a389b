import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import PizZip from 'pizzip';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { YijianError } from '../../src/errors.js';
import { renderReports, type RenderedFile } from '../../src/report/index.js';
import { sampleDigest } from './sample-digest.js';

const ALL = { formats: ['md', 'html', 'docx', 'xlsx'] as const, templatesDir: null, showContact: false };
const byName = (files: RenderedFile[], name: string): RenderedFile => {
  const file = files.find((f) => f.name === name);
  if (file === undefined) throw new Error(`no ${name}`);
  return file;
};
const asBuffer = (data: Buffer | string): Buffer => (typeof data === 'string' ? Buffer.from(data) : data);
const sheetXml = (data: Buffer | string): string => new PizZip(asBuffer(data)).file('xl/worksheets/sheet1.xml')?.asText() ?? '';
const rowsOf = (data: Buffer | string): string[][] => {
  const book = XLSX.read(asBuffer(data), { type: 'buffer' });
  const sheet = book.Sheets[book.SheetNames[0] ?? ''];
  if (sheet === undefined) throw new Error('no sheet');
  return XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, defval: '' }).map((r) => r.map(String));
};

async function expectTemplateError(promise: Promise<unknown>, file: string, tag: string): Promise<void> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(YijianError);
  expect((error as YijianError).code).toBe('E_BAD_TEMPLATE');
  expect((error as YijianError).message).toContain(file);
  expect((error as YijianError).message).toContain(tag);
}

describe('renderReports', () => {
  it('renders the six files, in a fixed order', async () => {
    const files = await renderReports(sampleDigest(), ALL);
    expect(files.map((f) => f.name)).toEqual([
      '汇总报告.md', '汇总报告.html', '汇总报告.docx', '条文意见对照表.docx', '条文意见对照表.xlsx', '采纳情况登记表.xlsx',
    ]);
  });

  it('renders only the formats asked for', async () => {
    const files = await renderReports(sampleDigest(), { ...ALL, formats: ['xlsx'] });
    expect(files.map((f) => f.name)).toEqual(['条文意见对照表.xlsx', '采纳情况登记表.xlsx']);
  });

  it('Markdown summary matches the golden file', async () => {
    const files = await renderReports(sampleDigest(), { ...ALL, formats: ['md'] });
    const golden = await readFile(new URL('./golden/汇总报告.md', import.meta.url), 'utf8');
    expect(byName(files, '汇总报告.md').data).toBe(golden);
  });

  it('Markdown escapes opinion text and masks phone numbers', async () => {
    const md = String(byName(await renderReports(sampleDigest(), { ...ALL, formats: ['md'] }), '汇总报告.md').data);
    expect(md).toContain('建议规定\\*头盔质量\\*抽检制度');
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('电话138\\*\\*\\*\\*5678');
    expect(md).not.toContain('13812345678');
    expect(md).not.toContain('liwei@');
  });

  it('a digest without date has no date line; outputs carry no timestamp', async () => {
    const md = String(byName(await renderReports(sampleDigest({ date: null }), { ...ALL, formats: ['md'] }), '汇总报告.md').data);
    // The collection period comes from the opinions' own 日期 cells; no other date may appear.
    const withoutPeriod = md.split('\n').filter((line) => !line.startsWith('意见收集时间：')).join('\n');
    expect(withoutPeriod).not.toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
  });

  it('HTML is self-contained: one SVG per chart, no URL, no script, opinions escaped', async () => {
    const html = String(byName(await renderReports(sampleDigest(), { ...ALL, formats: ['html'] }), '汇总报告.html').data);
    expect(html.match(/<svg\b/g)).toHaveLength(3);
    // Every chart carries a visible title, the same words as its aria-label.
    for (const [, label] of html.matchAll(/<svg[^>]*aria-label="([^"]+)"/g)) {
      expect(html).toContain(`<text class="chart-title" x="360" y="18" text-anchor="middle" font-size="15" font-weight="bold">${label}</text>`);
    }
    expect(html).not.toMatch(/https?:/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|@import|url\(/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('第六条');
    expect(html).not.toContain('13812345678');
  });

  it('Word summary and digest hold article texts and representative opinions', async () => {
    const digest = sampleDigest();
    const files = await renderReports(digest, { ...ALL, formats: ['docx'] });
    const summary = (await mammoth.extractRawText({ buffer: asBuffer(byName(files, '汇总报告.docx').data) })).value;
    const articleDigest = (await mammoth.extractRawText({ buffer: asBuffer(byName(files, '条文意见对照表.docx').data) })).value;
    expect(summary).toContain('《某市电动自行车管理条例（草案征求意见稿）》意见汇总报告');
    expect(summary).toContain('建议明确禁止电动自行车进入电梯');
    const commented = new Set(digest.records.flatMap((r) => r.articles.map((a) => a.key.split('.')[0])));
    for (const article of digest.draft?.articles ?? []) {
      // Articles with opinions are quoted in full, one paragraph per 款; the others take one line of a run.
      if (commented.has(article.key)) expect(articleDigest).toContain(article.paragraphs[0]);
      else expect(articleDigest).not.toContain(article.paragraphs[0]);
    }
    expect(articleDigest).toMatch(/第[一二三四五六七八九十]+条(?:[至、]第[一二三四五六七八九十]+条)?未收到意见。/);
    for (const cluster of digest.clusters) {
      expect(articleDigest).toContain(cluster.representative.slice(0, 12));
    }
    // Member opinions are listed with the point that sent them; file names and ids stay in the sheets.
    expect(articleDigest).toContain('（河西县城关镇联系点');
    expect(articleDigest).not.toContain('城关镇.xlsx');
    for (const cluster of digest.clusters) expect(articleDigest).not.toContain(cluster.id);
    expect(articleDigest).toContain('电话138****5678');
    expect(articleDigest).not.toContain('13812345678');
    const xml = new PizZip(asBuffer(byName(files, '汇总报告.docx').data)).file('word/document.xml')?.asText() ?? '';
    expect(xml).not.toMatch(/\{[#/^]?[a-zA-Z.]+\}/); // no tag left unrendered
  });

  it('decision sheet: drop-down on the decision column, frozen header, widths, wrap, safe cells', async () => {
    const files = await renderReports(sampleDigest(), { ...ALL, formats: ['xlsx'] });
    const decision = byName(files, '采纳情况登记表.xlsx').data;
    const xml = sheetXml(decision);
    expect(xml).toMatch(/<dataValidation type="list"[^>]*sqref="H2:H11"><formula1>"采纳,部分采纳,未采纳,已转送,作为参考,待研究"<\/formula1>/);
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toMatch(/<col min="4" max="4" width="19[.\d]*" customWidth="1"\/>/);
    // Print setup: landscape A4, fitted to one page width, header row repeated.
    expect(xml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(new PizZip(asBuffer(decision)).file('xl/workbook.xml')?.asText()).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="0">&#39;采纳情况登记表&#39;!$1:$1</definedName>');
    expect(xml).toMatch(/<col min="10" max="10"[^>]*hidden="(?:true|1)"/);
    expect(new PizZip(asBuffer(decision)).file('xl/styles.xml')?.asText()).toContain('wrapText="1"');
    const rows = rowsOf(decision);
    expect(rows[0]).toEqual(['编号', '条款', '主要意见', '代表性意见', '意见数/提交数', '联系点', '联系方式', '采纳情况', '理由说明', '编号（核对用）', '状态', '成员（核对用）', '更正条款', '可能涉及条文', '归入方式']);
    expect(rows).toHaveLength(11);
    expect(rows.map((r) => r[0])).toEqual(['编号', ...sampleDigest().clusters.map((c) => c.id).sort(clusterOrder)]);
    expect(rows.every((r) => r[0] === r[9] || r[0] === '编号')).toBe(true);
    const elevator = rows.find((r) => r[0] === 'c6-1');
    expect(elevator?.[4]).toBe('1/3');
    expect(elevator?.[6]).toBe('138****5678');
  });

  it('decision sheet shows contacts when asked', async () => {
    const files = await renderReports(sampleDigest(), { ...ALL, formats: ['xlsx'], showContact: true });
    const rows = rowsOf(byName(files, '采纳情况登记表.xlsx').data);
    expect(rows.find((r) => r[0] === 'c6-1')?.[6]).toBe('138-1234-5678');
  });

  it('article digest workbook: one row per cluster with members and sources; formulas neutralised', async () => {
    const files = await renderReports(sampleDigest(), { ...ALL, formats: ['xlsx'] });
    const rows = rowsOf(byName(files, '条文意见对照表.xlsx').data);
    expect(rows[0]).toEqual(['编号', '条款', '条文', '代表性意见', '意见数', '提交数', '联系点', '成员意见及来源', '处理意见', '归入方式']);
    expect(rows).toHaveLength(11);
    const registration = rows.find((r) => r[0] === 'c4-1');
    expect(registration?.[2]).toContain('取得号牌后方可上道路行驶');
    expect(registration?.[7]).toContain("4. \u200B=cmd|' /C calc'!A0".replace('\u200B', '')); // inside text: not at cell start
    expect(registration?.[7]).toContain('柳湾村.xlsx / Sheet1 / 第 3 行');
    const xml = sheetXml(byName(files, '条文意见对照表.xlsx').data);
    expect(xml).toContain('<pane ySplit="1"');
    expect(xml).not.toContain('<f>');
  });

  it('renders twice to identical bytes', async () => {
    const first = await renderReports(sampleDigest(), ALL);
    const second = await renderReports(sampleDigest(), ALL);
    expect(second.map((f) => asBuffer(f.data).equals(asBuffer(first.find((g) => g.name === f.name)?.data ?? '')))).toEqual(
      first.map(() => true),
    );
  });

  it('uses a user template where present and the defaults elsewhere', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yijian-templates-'));
    await mkdir(join(dir, 'summary'), { recursive: true });
    await writeFile(join(dir, 'summary', 'summary.md.hbs'), '# 本局自定义：{{md title}}\n\n有效意见 {{totals.records}} 条\n');
    const files = await renderReports(sampleDigest(), { ...ALL, formats: ['md', 'html'], templatesDir: dir });
    expect(byName(files, '汇总报告.md').data).toBe('# 本局自定义：某市电动自行车管理条例（草案征求意见稿）\n\n有效意见 25 条\n');
    expect(String(byName(files, '汇总报告.html').data)).toContain('<svg');
  });

  it.each([
    ['summary/summary.md.hbs', '# {{md titel}}\n', 'titel'],
    ['summary/summary.html.hbs', '<p>{{#each points}}{{name}}</p>', 'summary.html.hbs'],
    ['decision-sheet/decision-sheet.xlsx.json', '{"sheetName":"表","columns":[{"header":"x","field":"nosuch","width":5}]}', 'nosuch'],
    ['decision-sheet/decision-sheet.xlsx.json', '{"sheetName":"表"', 'JSON'],
  ])('a broken %s gives E_BAD_TEMPLATE naming the file and the tag', async (file, text, tag) => {
    const dir = await mkdtemp(join(tmpdir(), 'yijian-templates-'));
    await mkdir(join(dir, file.split('/')[0] ?? ''), { recursive: true });
    await writeFile(join(dir, file), text);
    await expectTemplateError(renderReports(sampleDigest(), { ...ALL, templatesDir: dir }), file, tag);
  });

  it('a Word template with an unknown tag gives E_BAD_TEMPLATE naming the tag', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yijian-templates-'));
    const original = await readFile(new URL('../../templates/summary/summary.docx', import.meta.url));
    const zip = new PizZip(original);
    zip.file('word/document.xml', (zip.file('word/document.xml')?.asText() ?? '').replace('{overviewSentence}', '{overviewSentense}'));
    await mkdir(join(dir, 'summary'), { recursive: true });
    await writeFile(join(dir, 'summary', 'summary.docx'), zip.generate({ type: 'nodebuffer' }));
    await expectTemplateError(renderReports(sampleDigest(), { ...ALL, formats: ['docx'], templatesDir: dir }), 'summary/summary.docx', 'overviewSentense');
  });

  it('a Word template with an unclosed loop gives E_BAD_TEMPLATE naming the tag', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yijian-templates-'));
    const original = await readFile(new URL('../../templates/article-digest/article-digest.docx', import.meta.url));
    const zip = new PizZip(original);
    zip.file('word/document.xml', (zip.file('word/document.xml')?.asText() ?? '').replace('{/sections}', ''));
    await mkdir(join(dir, 'article-digest'), { recursive: true });
    await writeFile(join(dir, 'article-digest', 'article-digest.docx'), zip.generate({ type: 'nodebuffer' }));
    await expectTemplateError(renderReports(sampleDigest(), { ...ALL, formats: ['docx'], templatesDir: dir }), 'article-digest.docx', 'sections');
  });
});

/** Decision rows follow the digest: general first, then articles in draft order, unassigned last. */
function clusterOrder(a: string, b: string): number {
  const rank = (id: string): number => (id.startsWith('cgeneral') ? 0 : id.startsWith('cunassigned') ? 99 : Number(id.slice(1).split('-')[0]));
  return rank(a) - rank(b) || (a < b ? -1 : 1);
}
