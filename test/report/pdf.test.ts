/**
 * Every Word and Excel document the fixtures produce, printed to PDF by LibreOffice as a bureau would
 * print it: page counts (a 15-opinion letter fits in 4 A4 pages, the 登记表 shows all its columns on
 * page 1) and the printed text (no ids, file names or tool words where people read). One soffice call
 * converts all files, so the test stays well under a minute.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
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

    // Flat folder of inputs with distinct stems (条文意见对照表 comes as .docx and .xlsx).
    const inputs = join(work, 'print');
    mkdirSync(inputs);
    const take = (dir: string, name: string, as = name): void => copyFileSync(join(dir, name), join(inputs, as));
    for (const name of readdirSync(out).filter((n) => /\.(docx|xlsx)$/.test(n))) take(out, name, name === '条文意见对照表.xlsx' ? '条文意见对照表-表格.xlsx' : name);
    for (const name of readdirSync(fb).filter((n) => /\.(docx|xlsx)$/.test(n))) take(fb, name);
    copyFileSync(merged, join(inputs, '汇总.xlsx'));
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
      printed.set(name.replace(/\.pdf$/, ''), { pages, text, firstPage });
    }
  }, 240_000);

  it('prints every document', async () => {
    expect([...printed.keys()].sort()).toEqual(expect.arrayContaining([
      '汇总报告', '条文意见对照表', '条文意见对照表-表格', '采纳情况登记表', '统计', '汇总', '滨江社区基层立法联系点-采纳情况反馈',
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
      expect(annex.replace(/\s+/g, ''), name).toMatch(/序号\S+在第\d+行/);
    }
  });

  it('keeps the 对照表 of the fixtures (46 articles, 88 distinct opinions) within 20 pages', async () => {
    expect(digest.totals.distinctOpinions).toBe(88);
    expect(pdf('条文意见对照表').pages).toBeLessThanOrEqual(20);
  });

  it('prints all columns of the 登记表 on page 1, the last visible header included', async () => {
    const sheet = pdf('采纳情况登记表');
    for (const header of ['编号', '代表性意见', '采纳情况', '理由说明', '状态', '归入方式']) expect(sheet.firstPage).toContain(header);
    // 75 clusters in landscape, fitted to the width: a few pages, not 20.
    expect(sheet.pages).toBeLessThanOrEqual(10);
    expect(pdf('条文意见对照表-表格').firstPage).toContain('归入方式');
    expect(pdf('汇总').firstPage).toContain('来源行号');
  });

  it('the summary and the 对照表 carry no ids, file names or tool words', async () => {
    for (const name of ['汇总报告', '条文意见对照表']) {
      const text = withoutMarks(pdf(name).text);
      expect(text, name).not.toMatch(CLUSTER_ID);
      expect(text, name).not.toMatch(FILE_NAME);
      expect(text, name).not.toMatch(TOOL_WORDS);
    }
    expect(pdf('汇总报告').text.replace(/\s+/g, '')).toMatch(/关于第[一二三四五六七八九十]+条\S+：\d+次提交，\d+个联系点/);
  });

  it('marks every opinion assigned by similarity with its confidence, in the 对照表 and the letters', async () => {
    const guessed = digest.records.filter((r) => r.articles.some((a) => a.source === 'similarity'));
    expect(guessed.length).toBeGreaterThan(0);
    // Layout breaks lines anywhere: compare without white space.
    const flat = (text: string): string => text.replace(/\s+/g, '');
    expect(flat(pdf('条文意见对照表').text)).toMatch(/自动归入，请核对（相似度0\.\d\d）/);
    for (const record of guessed) {
      const letter = flat(pdf(`${record.point}-采纳情况反馈`).text);
      const confidence = record.articles.find((a) => a.source === 'similarity')?.confidence ?? 0;
      expect(letter).toContain(`自动归入，请核对（相似度${confidence.toFixed(2)}）`);
    }
  });
});

it.runIf(!hasTools)('PDF page-count test skipped: LibreOffice or poppler not installed', () => {
  console.warn('skipped: soffice/pdfinfo/pdftotext not found; install libreoffice-writer libreoffice-calc fonts-noto-cjk poppler-utils to run the PDF test');
});
