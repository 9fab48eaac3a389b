/**
 * Every Word and Excel document the fixtures produce, printed to PDF by LibreOffice as a bureau would
 * print it: page counts (a 15-opinion letter fits in 4 A4 pages, the 登记表 and the merged workbook show
 * all their columns on page 1), the size of the printed text (every sheet at 9 pt or more after fitting
 * to the page width) and the printed text (no ids, file names or tool words where people read). One
 * soffice call converts all files, so the test stays well under a minute.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MERGED_HEADERS } from '../../src/report/merged.js';
import { renderXlsxBook } from '../../src/report/render-xlsx.js';
import type { Digest } from '../../src/model.js';
import { draft, fillDecisionSheet, readDigestJson, submissions, yijian } from '../decisions/cli.js';
import { makeTempDir, onPath } from '../cli/run-cli.js';

const hasTools = onPath('soffice') && onPath('pdfinfo') && onPath('pdftotext');

/** Reasons as drafters write them, long enough that a letter's table rows take several lines. */
const DECIDED: readonly [string, string][] = [
  ['采纳', '已在草案修改稿中增加相应规定，明确有关部门的职责和办理时限。'],
  ['部份采纳', '部分采纳。具体标准由市人民政府有关部门根据实际情况另行制定，草案作原则性规定。'],
  ['不予采纳', '该项内容属于国家上位法规定的事项，地方性法规不宜另作规定。'],
  ['转交', '已转送市公安局交通管理部门研究办理。'],
  ['参考', '将在配套文件和宣传解读中予以考虑。'],
];

/** Identifiers and tool words a reader of a letter, the summary or the 对照表 must not meet. */
const CLUSTER_ID = /\b(?:\d+(?:-\d+)?|general|title|unassigned|ch\d+(?:\.s\d+)?)-[0-9a-f]{8}\b/;
const FILE_NAME = /\.(?:xlsx|xls|csv|tsv)\b/i;
const TOOL_WORDS = /问题行|数据行|空行|核对|工作表|digest|cluster/i;
/** The assignment mark asks the reader to check (请核对) on purpose: it is not a tool word. */
const withoutMarks = (text: string): string => text.replace(/\s+/g, '').replace(/自动归入，请核对/g, '自动归入');

interface Printed {
  pages: number;
  text: string;
  firstPage: string;
  /** Each page's text in content order (a table cell's lines together). */
  pageTexts: string[];
  /** The words of page 1 with their boxes (pdftotext -bbox). */
  words: Word[];
}

interface Word {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The words of `pdftotext -bbox` output. */
function bboxWords(html: string): Word[] {
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5] ?? '',
  }));
}

/** The middle word height of a page: the body text's size in the box units pdftotext reports. */
function medianHeight(words: readonly Word[]): number {
  const heights = words.map((w) => w.y1 - w.y0).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 0;
}

/**
 * The header cells of a printed sheet's first page: words near the top of the page that overlap in x are
 * one cell (a header wrapped onto several lines), read top to bottom. Body words below them in the same
 * column come after, so a header is found as the start of its column's text.
 */
function headerColumns(words: readonly Word[], first: string): string[] {
  // Headers are centred in their row, so a wrapped one starts up to a few lines above the first column's;
  // a title line across the table (the form's) is no column.
  const line = medianHeight(words);
  const anchor = words.find((w) => w.text.startsWith(first))?.y0 ?? Math.min(...words.map((w) => w.y0));
  const near = words.filter((w) => w.y0 >= anchor - 3 * line && w.y0 < anchor + 4 * line);
  const width = Math.max(...near.map((w) => w.x1)) - Math.min(...near.map((w) => w.x0));
  const band = near.filter((w) => w.x1 - w.x0 < width / 3).sort((a, b) => a.x0 - b.x0);
  const columns: Word[][] = [];
  for (const word of band) {
    const column = columns.find((c) => c.some((w) => w.x0 < word.x1 - 0.5 && word.x0 < w.x1 - 0.5));
    if (column === undefined) columns.push([word]);
    else column.push(word);
  }
  return columns.map((c) => [...c].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0).map((w) => w.text).join(''));
}

/** The headers (first column first) that start none of the printed columns of page 1: [] when all are there. */
function allColumnsOnPageOne(printed: Printed, headers: readonly string[]): string[] {
  const columns = headerColumns(printed.words, headers[0] ?? '');
  return headers.filter((header) => !columns.some((column) => column.startsWith(header)));
}

describe.runIf(hasTools)('the documents printed to PDF with LibreOffice', () => {
  let digest: Digest;
  const printed = new Map<string, Printed>();
  const pdf = (name: string): Printed => {
    const found = printed.get(name);
    if (found === undefined) throw new Error(`no PDF for ${name}; have ${[...printed.keys()].join(', ')}`);
    return found;
  };

  beforeAll(async () => {
    const work = makeTempDir('yijian-pdf-');
    const out = join(work, '报告');
    expect((await yijian(['digest', submissions, '--draft', draft, '-o', out, '--date', '2024-06-01', '--formats', 'docx,xlsx'])).status).toBe(0);
    digest = readDigestJson(out);
    fillDecisionSheet(join(out, '采纳情况登记表.xlsx'), join(work, '已填写.xlsx'), (_id, index) => DECIDED[index % DECIDED.length] ?? ['', '']);
    const fb = join(work, '反馈');
    const feedback = await yijian(['feedback', '--digest', out, '--decisions', join(work, '已填写.xlsx'), '-o', fb,
      '--issuer', '某市司法局', '--date', '2024年6月10日', '--formats', 'docx,xlsx']);
    expect(feedback.status, feedback.stderr).toBe(0);
    const merged = join(work, '汇总.xlsx');
    expect((await yijian(['merge', submissions, '-o', merged])).status).toBe(0);
    const form = join(work, '意见征集表.xlsx');
    expect((await yijian(['form', '--draft', draft, '-o', form])).status).toBe(0);

    // Flat folder of inputs with distinct stems (条文意见对照表 comes as .docx and .xlsx).
    const inputs = join(work, 'print');
    mkdirSync(inputs);
    const take = (dir: string, name: string, as = name): void => copyFileSync(join(dir, name), join(inputs, as));
    for (const name of readdirSync(out).filter((n) => /\.(docx|xlsx)$/.test(n))) take(out, name, name === '条文意见对照表.xlsx' ? '条文意见对照表-表格.xlsx' : name);
    for (const name of readdirSync(fb).filter((n) => /\.(docx|xlsx)$/.test(n))) take(fb, name);
    copyFileSync(merged, join(inputs, '汇总.xlsx'));
    copyFileSync(form, join(inputs, '意见征集表.xlsx'));
    // A narrow sheet that prints unscaled: the box height of 11 pt text in this font, to measure the others by.
    writeFileSync(join(inputs, '比例尺.xlsx'), renderXlsxBook([{
      layout: { sheetName: '比例尺', columns: [{ header: '意见', field: 'text', width: 30 }] },
      rows: [{ text: '建议明确物业服务企业的责任' }, { text: '第十二条' }], known: ['text'],
    }]));
    const files = readdirSync(inputs).map((n) => join(inputs, n));
    // Its own profile folder: a LibreOffice another process is running must not take the job.
    const profile = `file://${join(work, 'lo-profile')}`;
    const run = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', join(work, 'pdf'), ...files], {
      encoding: 'utf8', timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    for (const name of readdirSync(join(work, 'pdf'))) {
      const path = join(work, 'pdf', name);
      const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
      // Content-stream order (-raw): a table cell's lines stay together instead of interleaving with its neighbours.
      const text = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' });
      const firstPage = execFileSync('pdftotext', ['-f', '1', '-l', '1', path, '-'], { encoding: 'utf8' });
      const words = bboxWords(execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', path, '-'], { encoding: 'utf8' }));
      printed.set(name.replace(/\.pdf$/, ''), { pages, text, firstPage, pageTexts: text.split('\f'), words });
    }
  }, 240_000);

  it('prints every document', async () => {
    expect([...printed.keys()].sort()).toEqual(expect.arrayContaining([
      '汇总报告', '条文意见对照表', '条文意见对照表-表格', '采纳情况登记表', '统计', '汇总', '意见征集表', '滨江社区基层立法联系点-采纳情况反馈',
    ]));
  });

  it('fits the 15-opinion letter (滨江社区) in at most 4 A4 pages, and every letter of up to 16 opinions too', async () => {
    expect(digest.records.filter((r) => r.point === '滨江社区基层立法联系点')).toHaveLength(15);
    expect(pdf('滨江社区基层立法联系点-采纳情况反馈').pages).toBeLessThanOrEqual(4);
    const letters = [...printed].filter(([name]) => name.endsWith('-采纳情况反馈'));
    expect(letters).toHaveLength(7);
    for (const [name, letter] of letters) {
      const opinions = digest.records.filter((r) => `${r.point}-采纳情况反馈` === name).length;
      // Tables run on: about four opinions a page after the first, never a page per row.
      expect(letter.pages, `${name}: ${opinions} opinions`).toBeLessThanOrEqual(opinions <= 16 ? 4 : Math.ceil(opinions / 4));
    }
  });

  it('letters are signed by the issuer with the date, and keep files and rows to the 附：来源 lines', async () => {
    for (const [name, letter] of [...printed].filter(([n]) => n.endsWith('-采纳情况反馈'))) {
      const [body = '', annex = ''] = letter.text.split('附：意见来源');
      expect(body, name).toContain('某市司法局');
      expect(body.replace(/\s+/g, ''), name).toContain('2024年6月10日');
      expect(body, name).not.toMatch(FILE_NAME);
      expect(body, name).not.toMatch(CLUSTER_ID);
      expect(body, name).not.toContain('未注明县区');
      expect(body, name).not.toContain('（城东区）');
      // The unreadable-looking variant was read: no letter says 待研究 beside a reason.
      expect(body, name).not.toContain('部份采纳');
      expect(annex.replace(/\s+/g, ''), name).toMatch(/序号\S+在第\d+(?:–\d+)?行/);
      // 落款 is one block: the page that names the issuer carries the date too (the 滨江 letter once split them).
      const signed = letter.pageTexts.filter((page) => page.includes('某市司法局'));
      expect(signed.length, name).toBeGreaterThan(0);
      expect(signed.at(-1)!.replace(/\s+/g, ''), name).toContain('2024年6月10日');
    }
  });

  it('leaves a clerk nothing to re-wrap: dates, 主旨 and division headings whole (session 20)', async () => {
    // A letter's 提出人 cell: the date under the name on one line (2024年5月8 / 日 before).
    for (const [name, letter] of [...printed].filter(([n]) => n.endsWith('-采纳情况反馈'))) {
      const [body = ''] = letter.text.split('附：意见来源');
      expect(body, name).not.toMatch(/年\s*\d{1,2}\s*月(?:\s*\d{1,2})?\s*\n\s*\d*\s*日/u);
    }
    expect(pdf('滨江社区基层立法联系点-采纳情况反馈').text).toMatch(/2024\s*年\s*5\s*月\s*10\s*日/u);
    // The summary's 主旨 column: the longest gist of the fixture draft on one line (的 went to a line of its own).
    expect(pdf('汇总报告').text.split('\n').some((line) => line.includes('法律、行政法规已有处罚规定的'))).toBe(true);
    // Opinions on a whole chapter are headed as such, not 整章、整节.
    const digestText = pdf('条文意见对照表').text.replace(/\s+/g, '');
    expect(digestText).toContain('第三章停放与充电（整章意见）');
    expect(digestText).not.toContain('整章、整节');
  });

  it('keeps the 对照表 of the fixtures (46 articles, 88 distinct opinions) within 20 pages', async () => {
    expect(digest.totals.distinctOpinions).toBe(88);
    expect(pdf('条文意见对照表').pages).toBeLessThanOrEqual(20);
  });

  it('prints all columns of the 登记表 on page 1, the last visible header included', async () => {
    const sheet = pdf('采纳情况登记表');
    // 状态 is hidden until decisions are carried forward (digest --decisions): nothing to read in it before.
    const visible = ['编号', '条款', '主要意见', '代表性意见', '意见数/提交数', '联系点', '联系方式', '采纳情况', '理由说明', '更正条款', '可能涉及条文', '归入方式'];
    expect(allColumnsOnPageOne(sheet, visible)).toEqual([]);
    // Its clusters at 9 pt or more, fitted to the width: a handful of pages before the 单条意见 sheet starts. Counted
    // against the distinct opinions the rows hold (10 pages for 88), not the clusters: two opinions merged into one
    // row (46 → 45 clusters, session 23) left the pages as they were.
    const clusterPages = sheet.pageTexts.findIndex((page) => page.includes('意见编号'));
    expect(clusterPages).toBeGreaterThan(0);
    expect(clusterPages).toBeLessThanOrEqual(Math.ceil(digest.totals.distinctOpinions / 9));
    expect(allColumnsOnPageOne(pdf('条文意见对照表-表格'), ['编号', '条款', '条文', '代表性意见', '意见数', '提交数', '联系点', '成员意见及来源', '处理意见', '归入方式'])).toEqual([]);
    expect(allColumnsOnPageOne(pdf('统计'), ['联系点', '县（市、区）', '报送意见', '去重后', '采纳率（按报送）', '去重后已处理', '采纳率（按去重）'])).toEqual([]);
    expect(allColumnsOnPageOne(pdf('意见征集表'), ['序号', '提出人', '身份', '条款', '意见建议', '修改建议', '理由', '联系方式', '日期'])).toEqual([]);
  });

  it('prints the title of each sheet at the top of every page (the 登记表, the Excel 对照表, 统计)', async () => {
    const title = `《${digest.draft!.title}》`;
    for (const [name, heading] of [['采纳情况登记表', `${title}意见采纳情况登记表`], ['条文意见对照表-表格', `${title}条文—意见对照表`], ['统计', `${title}意见采纳情况统计`]] as const) {
      const pages = pdf(name).pageTexts.filter((page) => page.trim() !== '');
      expect(pages.length, name).toBeGreaterThan(0);
      for (const page of pages) expect(page.replace(/\s+/g, ''), name).toContain(heading);
    }
  });

  it('prints the merged workbook with every column on page 1, its header on every page, about four opinions a page or more', async () => {
    const sheet = pdf('汇总');
    expect(allColumnsOnPageOne(sheet, MERGED_HEADERS)).toEqual([]);
    // Its three sheets (意见汇总, 问题行, 核对): 93 opinions of the fixtures, each on its wrapped rows.
    expect(digest.records).toHaveLength(93);
    expect(sheet.pages).toBeLessThanOrEqual(Math.ceil(93 / 4) + 2);
    // The 意见汇总 pages come before the 问题行 sheet (its header has 原始内容).
    const recordPages = sheet.pageTexts.slice(0, sheet.pageTexts.findIndex((page) => page.includes('原始内容')));
    expect(recordPages.length).toBeGreaterThan(1);
    for (const page of recordPages) expect(page.replace(/\s+/g, '')).toContain('意见建议修改建议理由');
  });

  it('prints every sheet at 9 pt or more after fitting it to the page width', async () => {
    // The unscaled sheet gives the box height of 11 pt text; a sheet scaled by s shows s × that.
    const unscaled = medianHeight(pdf('比例尺').words);
    expect(unscaled).toBeGreaterThan(0);
    for (const name of ['采纳情况登记表', '条文意见对照表-表格', '统计', '汇总', '意见征集表']) {
      const points = (11 * medianHeight(pdf(name).words)) / unscaled;
      expect(points, `${name} prints at ${points.toFixed(1)} pt`).toBeGreaterThanOrEqual(9);
    }
  });

  it('the summary and the 对照表 carry no ids, file names or tool words', async () => {
    for (const name of ['汇总报告', '条文意见对照表']) {
      const text = withoutMarks(pdf(name).text);
      expect(text, name).not.toMatch(CLUSTER_ID);
      expect(text, name).not.toMatch(FILE_NAME);
      expect(text, name).not.toMatch(TOOL_WORDS);
    }
    expect(pdf('汇总报告').text.replace(/\s+/g, '')).toMatch(/第[一二三四五六七八九十]+条：\S+（\d+次提交，\d+个联系点）/);
  });

  it('starts no line of a Word document with closing punctuation and ends none with an opening one (禁则)', async () => {
    // Word applies East Asian line breaking by default (w:kinsoku), and LibreOffice breaks these documents strictly
    // whatever the paragraph says; the Excel sheets have no such setting (Calc prints ，at a line's start in a cell).
    const words = [...printed].filter(([name]) => ['汇总报告', '条文意见对照表'].includes(name) || name.endsWith('-采纳情况反馈'));
    expect(words).toHaveLength(9);
    for (const [name, document] of words) {
      const lines = document.text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
      expect(lines.filter((line) => /^[，。、；：？！）》」』”’]/u.test(line)), name).toEqual([]);
      expect(lines.filter((line) => /[（《「『“‘]$/u.test(line)), name).toEqual([]);
    }
  });

  it('marks every opinion assigned by similarity with its confidence, in the 对照表 and the letters', async () => {
    const guessed = digest.records.filter((r) => r.articles.some((a) => a.source === 'similarity'));
    expect(guessed.length).toBeGreaterThan(0);
    // Layout breaks lines anywhere: compare without white space.
    const flat = (text: string): string => text.replace(/\s+/g, '');
    expect(flat(pdf('条文意见对照表').text)).toMatch(/（自动归入，请核对，相似度0\.\d\d）/);
    for (const record of guessed) {
      const letter = flat(pdf(`${record.point}-采纳情况反馈`).text);
      const confidence = record.articles.find((a) => a.source === 'similarity')?.confidence ?? 0;
      // Worded for the point, which cannot check anything: what was done, with the same confidence.
      expect(letter).toContain(`（未注明条款，按内容归入本条，相似度${confidence.toFixed(2)}）`);
      expect(letter).not.toContain('请核对');
    }
  });
});

it.runIf(!hasTools)('PDF page-count test skipped: LibreOffice or poppler not installed', () => {
  console.warn('skipped: soffice/pdfinfo/pdftotext not found; install libreoffice-writer libreoffice-calc fonts-noto-cjk poppler-utils to run the PDF test');
});
