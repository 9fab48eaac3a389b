/**
 * Fresh submissions with personal data (fixtures/pii-fresh, session 23): nine files in the shapes points send — a
 * 填表说明 block and an instruction sheet, merged two-row headers, an .xls, a GBK CSV, a TSV, full-width 序号, several
 * opinions in one cell — with names, phones in full-width digits and Chinese numerals, a landline with 转 extension,
 * an ID ending in x, e-mails typed with spaces, QQ and WeChat accounts, door numbers in Chinese numerals and a licence
 * plate in the text. Merge and digest run through the real CLI as staff run them; every record arrives, every row is
 * accounted for, and no document meant to be read or sent shows a piece of it.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DRAFT_TXT, REPO_ROOT, runYijian, type CliRun } from '../cli/run-cli.js';
import { fillDecisionSheet } from '../decisions/cli.js';
import { hits, scanFolder, unitsOf, type Secret } from './pii-scanner.js';

const FRESH = join(REPO_ROOT, 'fixtures/pii-fresh');
const manifest = JSON.parse(readFileSync(join(FRESH, 'secrets.json'), 'utf8')) as {
  files: { name: string; records: Record<string, number> }[];
  ordinary: string[];
  secrets: Secret[];
};

describe('fresh submissions with personal data (fixtures/pii-fresh)', () => {
  let work: string;
  const runs: Record<string, CliRun> = {};
  let digest: { records: { source: { file: string; sheet: string; row: number }; submitter: string | null }[] };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'yijian-pii-fresh-'));
    runs['digest'] = await runYijian(['digest', FRESH, '--draft', DRAFT_TXT, '-o', join(work, 'digest')]);
    runs['merge'] = await runYijian(['merge', FRESH, '-o', join(work, '合并.xlsx')]);
    fillDecisionSheet(join(work, 'digest', '采纳情况登记表.xlsx'), join(work, '已填写.xlsx'), (_id, index) => [['采纳', '部分采纳', '未采纳', '作为参考', ''][index % 5] ?? '', '']);
    runs['feedback'] = await runYijian(['feedback', '--digest', join(work, 'digest'), '--decisions', join(work, '已填写.xlsx'), '-o', join(work, 'feedback')]);
    digest = JSON.parse(readFileSync(join(work, 'digest', 'digest.json'), 'utf8')) as typeof digest;
  });

  it('every run succeeds, and the rows reconcile', () => {
    for (const [name, run] of Object.entries(runs)) expect(run.status, `${name}: ${run.stderr}`).toBe(0);
    expect(runs['merge']?.stderr).toMatch(/核对：读取 9 个文件 10 个工作表，数据行 36 = 意见行 30（拆分后有效意见 34 条） \+ 问题行 0 \+ 空行 0 \+ 说明行 6/u);
  });

  it('every sheet gives the records it holds', () => {
    const got: Record<string, number> = {};
    for (const r of digest.records) got[`${r.source.file} · ${r.source.sheet}`] = (got[`${r.source.file} · ${r.source.sheet}`] ?? 0) + 1;
    const expected = Object.fromEntries(manifest.files.flatMap((f) => Object.entries(f.records).map(([sheet, n]) => [`${f.name} · ${sheet}`, n])));
    expect(got).toEqual(expected);
  });

  it('every record keeps its submitter (every row of the fixture names one, under 姓名, 称呼, 反映人, 代表姓名 …)', () => {
    expect(digest.records.filter((r) => (r.submitter ?? '') === '').map((r) => `${r.source.file} 第 ${r.source.row} 行`)).toEqual([]);
  });

  it('the scanner itself finds the fixture\'s numbers and names in the files (so zero hits below means something)', () => {
    // Workbooks unzipped, UTF-8 text by lines; the .xls (BIFF) and the GBK CSV are not text the scanner reads.
    const units = manifest.files.filter((f) => !/梧桐|石桥/u.test(f.name)).flatMap((f) =>
      (f.name.endsWith('.xlsx') ? unitsOf(join(FRESH, f.name)) : readFileSync(join(FRESH, f.name), 'utf8').split('\n')));
    const checked = manifest.secrets.filter((s) => s.digits !== undefined || s.local !== undefined);
    const readable = checked.filter((s) => !/梧桐|石桥/u.test(s.where));
    expect(readable.filter((s) => !units.some((u) => hits(u, [s]).length > 0)).map((s) => s.text)).toEqual([]);
    expect(checked.length).toBeGreaterThanOrEqual(25);
  });

  it.each(['汇总报告.md', '汇总报告.html', '汇总报告.docx', '条文意见对照表.docx', '条文意见对照表.xlsx', '采纳情况登记表.xlsx'])('digest: %s shows none', (name) => {
    expect(scanFolder(join(work, 'digest'), manifest.secrets, (n) => n === name)).toEqual({});
  });

  it('feedback: every letter and feedback.json show none', () => {
    const names = readdirSync(join(work, 'feedback')).filter((n) => n.endsWith('.md') || n.endsWith('.docx') || n === 'feedback.json');
    expect(names.length).toBeGreaterThanOrEqual(9);
    expect(scanFolder(join(work, 'feedback'), manifest.secrets, (n) => names.includes(n))).toEqual({});
  });

  it('what the CLI prints shows none', () => {
    for (const run of Object.values(runs)) expect(hits(`${run.stdout}\n${run.stderr}`, manifest.secrets)).toEqual([]);
  });

  it('keeps ordinary words and numbers as written (五号线, 第五条, 三个月)', () => {
    const text = readFileSync(join(work, 'digest', '汇总报告.md'), 'utf8') + unitsOf(join(work, 'digest', '条文意见对照表.docx')).join('\n');
    for (const ordinary of manifest.ordinary) expect(text, ordinary).toContain(ordinary);
  });
});
