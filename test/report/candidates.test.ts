/**
 * The likely articles of an opinion left 未归入, end to end: digest a community point's sheet where two
 * opinions cannot be placed, read the 登记表 and the summary as a drafter would, correct one of them in
 * 更正条款 and rerun with --decisions: the correction wins, the suggestion alone never does.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkedKey } from '../../src/article-key.js';
import type { Digest, DigestRecord } from '../../src/model.js';
import { candidatesCell, candidatesNote, clusterCandidates, recordCandidates } from '../../src/report/candidates.js';
import { draft, fillDecisionSheet, readDigestJson, yijian } from '../decisions/cli.js';

type Run = Awaited<ReturnType<typeof yijian>>;

// What a community point sent: two cite 第十条, one nearly quotes it (placed by similarity), one is general
// by its wording, one cites 第二十四条 — and two name no article and lead to none clearly. (外卖小哥骑车太快还闯
// 红灯，平台应该管一管自己的骑手 was one of them until session 22: its article's text holds a word few articles
// hold, so a smaller lead places it; see ASSIGN_DEFAULTS.)
const SHEET =
  '序号,联系点,县（市、区）,提出人,条款,意见建议\n' +
  '1,东城社区基层立法联系点,城东区,王某某,第十条,买了电动车十五天内就要上牌，时间太紧，建议延长到三十天。\n' +
  '2,东城社区基层立法联系点,城东区,李某某,,第十条规定上牌要去交管部门，建议在销售点就能办理登记，少跑一趟。\n' +
  '3,东城社区基层立法联系点,城东区,张某某,,电动自行车登记上牌太麻烦，建议购车时由销售者代为向公安机关交通管理部门申请登记，当场取得号牌和行驶证。\n' +
  '4,东城社区基层立法联系点,城东区,赵某某,,我们小区晚上楼道里到处是电动车，有的还从窗户拉电线下来，物业也不管。\n' +
  '5,东城社区基层立法联系点,城东区,刘某某,,总体上，草案对电动自行车的管理规定比较全面，建议尽快出台。\n' +
  '6,东城社区基层立法联系点,城东区,陈某某,第二十四条,限速十五公里太低了，正常骑行速度在二十公里左右。\n' +
  '7,东城社区基层立法联系点,城东区,周某某,,骑手送餐赶时间，经常出事故，谁来负责？\n';

/** A sheet of a workbook as objects keyed by its header row. */
function sheetRows(path: string, sheet: string): Record<string, string>[] {
  const found = XLSX.read(readFileSync(path), { type: 'buffer' }).Sheets[sheet];
  expect(found, sheet).toBeDefined();
  return XLSX.utils.sheet_to_json<Record<string, string>>(found as XLSX.WorkSheet, { defval: '' });
}

describe('可能涉及条文 for the opinions left 未归入', () => {
  let work: string;
  let first: Run;
  let old: Digest;
  let rerun: Run;
  let fresh: Digest;
  const byRow = (digest: Digest, row: number): DigestRecord => {
    const found = digest.records.find((r) => r.source.row === row);
    expect(found, `row ${row}`).toBeDefined();
    return found!;
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'yijian-candidates-'));
    mkdirSync(join(work, 'in'));
    writeFileSync(join(work, 'in', '城东区-东城社区立法联系点-2024年5月.csv'), SHEET);
    first = await yijian(['digest', join(work, 'in'), '--draft', draft, '-o', join(work, 'old'), '--formats', 'md,docx,xlsx']);
    expect(first.status, first.stderr).toBe(0);
    old = readDigestJson(join(work, 'old'));
    // The drafter settles the 楼道 opinion (file row 5) on 第十九条 and leaves the 外卖 one (row 8) alone.
    const stairwell = byRow(old, 5);
    fillDecisionSheet(join(work, 'old', '采纳情况登记表.xlsx'), join(work, '已填写.xlsx'), () => ['', ''], { [stairwell.id]: ['', '', '第十九条'] });
    rerun = await yijian(['digest', join(work, 'in'), '--draft', draft, '-o', join(work, 'new'), '--formats', 'xlsx', '--decisions', join(work, '已填写.xlsx')]);
    expect(rerun.status, rerun.stderr).toBe(0);
    fresh = readDigestJson(join(work, 'new'));
  });

  it('keeps the likely articles on the 未归入 assignment in digest.json, best first, and on no other', () => {
    const stairwell = byRow(old, 5).articles;
    expect(stairwell).toHaveLength(1);
    expect(stairwell[0]).toMatchObject({ key: 'unassigned', source: 'none' });
    const keys = stairwell[0]!.candidates!.map((c) => c.key);
    // 楼道 and 拉电线: the charging ban (第十九条) first; 物业也不管 and the penalty bring 第十六条 (物业责任) or
    // 第三十七条 after it, which is what a drafter would check next.
    expect(keys[0]).toBe('19');
    expect(keys.slice(1).some((k) => k === '16' || k === '37')).toBe(true);
    expect(keys.length).toBeLessThanOrEqual(3);
    const scores = stairwell[0]!.candidates!.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBe(stairwell[0]!.confidence);
    expect(byRow(old, 8).articles[0]!.candidates?.length).toBeGreaterThan(0);
    // Cited (column, text), general by wording and placed by similarity: no suggestion.
    for (const row of [2, 3, 4, 6, 7]) expect(byRow(old, row).articles.every((a) => a.candidates === undefined), `row ${row}`).toBe(true);
    expect(byRow(old, 4).articles[0]).toMatchObject({ key: '10', source: 'similarity' });
  });

  it('shows them in the 单条意见 sheet under 可能涉及条文, right after the correction columns, with their similarities', () => {
    const path = join(work, 'old', '采纳情况登记表.xlsx');
    const header = Object.keys(sheetRows(path, '单条意见')[0] ?? {});
    // 更正条款 and 移入类编号 keep their letters (H, I): drafters and earlier messages name those cells.
    expect(header.slice(header.indexOf('更正条款'), header.indexOf('更正条款') + 3)).toEqual(['更正条款', '移入类编号', '可能涉及条文']);
    expect(header.indexOf('更正条款')).toBe(7);
    const rows = new Map(sheetRows(path, '单条意见').map((r) => [r['意见编号'], r]));
    const cell = rows.get(byRow(old, 5).id)?.['可能涉及条文'] ?? '';
    expect(cell).toMatch(/^第[一二三四五六七八九十]+条\(0\.\d\d\)(\n第[一二三四五六七八九十]+条\(0\.\d\d\)){0,2}$/);
    expect(cell).toContain('第十九条(');
    expect(rows.get(byRow(old, 5).id)?.['更正条款']).toBe('');
    for (const row of [2, 3, 4, 6, 7]) expect(rows.get(byRow(old, row).id)?.['可能涉及条文'], `row ${row}`).toBe('');
  });

  it('shows a cluster of 未归入 opinions its suggestion on the cluster sheet too', () => {
    const path = join(work, 'old', '采纳情况登记表.xlsx');
    const header = Object.keys(sheetRows(path, '采纳情况登记表')[0] ?? {});
    expect(header.indexOf('可能涉及条文')).toBe(header.indexOf('更正条款') + 1);
    const rows = new Map(sheetRows(path, '采纳情况登记表').map((r) => [r['编号'], r]));
    expect(rows.get(byRow(old, 5).cluster)?.['可能涉及条文']).toContain('第十九条(');
    expect(rows.get(byRow(old, 4).cluster)?.['可能涉及条文']).toBe('');
  });

  it('groups the summary’s 未归入 list under the likely articles, said once to be a guess (session 22)', () => {
    const md = readFileSync(join(work, 'old', '汇总报告.md'), 'utf8');
    const section = md.slice(md.indexOf('## 六、未归入具体条款的意见'));
    // What the groups are, once, above them: a guess to be confirmed, and where to correct it.
    expect(section).toContain('按最可能涉及的条文分组列出（按内容推测，待人工确认）；可在采纳情况登记表的“更正条款”列改正。');
    const lines = section.split('\n');
    const at = lines.findIndex((l) => l.includes('楼道里到处是电动车'));
    expect(at).toBeGreaterThan(0);
    const heading = lines.slice(0, at).reverse().find((l) => l.startsWith('### ')) ?? '';
    expect(heading).toMatch(/^### 可能涉及第[一二三四五六七八九十]+条（\d+ 条）$/u);
    const line = lines[at]!;
    // The point in brackets after the opinion, the other likely articles after it, never run together.
    expect(line).toMatch(/（东城社区基层立法联系点）(（也可能涉及：(第[一二三四五六七八九十]+条、)?第[一二三四五六七八九十]+条）)?$/u);
    expect(`${heading}${line}`).toContain('第十九条');
    expect(line).not.toMatch(/0\.\d\d/);
    // The guess words are not repeated on every line.
    expect(line).not.toContain('按内容推测');
    // Only the 未归入 list carries it: opinions placed on an article are listed without.
    expect(md.slice(0, md.indexOf('## 六、')).includes('可能涉及')).toBe(false);
    // Groups in draft order, the opinions with no likely article last.
    const groups = lines.filter((l) => l.startsWith('### 可能涉及') || l.startsWith('### 未能推测'));
    const last = groups.findIndex((l) => l.startsWith('### 未能推测'));
    if (last >= 0) expect(last).toBe(groups.length - 1);
  });

  it('groups them the same way in the Word summary, and the 对照表 names the likely articles after the opinion', () => {
    const textOf = (name: string): string =>
      (new PizZip(readFileSync(join(work, 'old', name))).file('word/document.xml')?.asText() ?? '').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
    const summary = textOf('汇总报告.docx');
    const paragraphs = summary.split('\n');
    const at = paragraphs.findIndex((l) => l.includes('楼道里到处是电动车'));
    const heading = paragraphs.slice(0, at).reverse().find((l) => /^可能涉及|^未能推测/u.test(l)) ?? '';
    expect(heading).toMatch(/^可能涉及第[一二三四五六七八九十]+条（\d+ 条）$/u);
    expect(summary).toContain('按最可能涉及的条文分组列出（按内容推测，待人工确认）');
    const digest = textOf('条文意见对照表.docx');
    expect(digest).toMatch(/楼道里到处是电动车[^。]*。（东城社区基层立法联系点）（可能涉及：[^（）]*第十九条[^（）]*，按内容推测，待人工确认）/);
    for (const text of [summary, digest]) {
      expect(text).not.toMatch(/）可能涉及/);
      expect(text).not.toMatch(/登记上牌太麻烦[^。]*。（[^）]*）（(也)?可能涉及/);
    }
  });

  it('lets a correction written in 更正条款 win, and never takes a suggestion for one', () => {
    const stairwell = byRow(fresh, 5);
    expect(stairwell.articles).toEqual([expect.objectContaining({ key: '19', source: 'corrected', cited: '第十九条' })]);
    expect(stairwell.articles[0]).not.toHaveProperty('candidates');
    // The 外卖 opinion's row still held its 可能涉及条文 text in the filled sheet: it stays 未归入, suggested again.
    const delivery = byRow(fresh, 8);
    expect(delivery.articles[0]).toMatchObject({ key: 'unassigned', source: 'none' });
    expect(delivery.articles[0]!.candidates).toEqual(byRow(old, 8).articles[0]!.candidates);
    const rows = new Map(sheetRows(join(work, 'new', '采纳情况登记表.xlsx'), '单条意见').map((r) => [r['意见编号'], r]));
    expect(rows.get(stairwell.id)).toMatchObject({ 条款: '第十九条', 可能涉及条文: '', 更正条款: '第十九条' });
  });
});

describe('the suggestion’s wording', () => {
  const label = (key: string): string => ({ '12': '第十二条', '13': '第十三条', '30': '第三十条' })[key] ?? key;
  const twelve = { key: checkedKey('12'), score: 0.1835 };
  const thirteen = { key: checkedKey('13'), score: 0.15 };

  it('writes the 登记表 cell with two decimals and the reader’s line without scores', () => {
    expect(candidatesCell([twelve, thirteen], label)).toBe('第十二条(0.18)\n第十三条(0.15)');
    expect(candidatesNote([twelve, thirteen], label)).toBe('可能涉及：第十二条、第十三条（按内容推测，待人工确认）');
    expect(candidatesCell([], label)).toBe('');
    expect(candidatesNote([], label)).toBe('');
  });

  it('reads suggestions only from an unassigned assignment left by similarity', () => {
    expect(recordCandidates([{ key: 'unassigned', source: 'none', candidates: [twelve] }])).toEqual([twelve]);
    expect(recordCandidates([{ key: '12', source: 'corrected' }])).toEqual([]);
    expect(recordCandidates([{ key: 'unassigned', source: 'none' }])).toEqual([]);
  });

  it('ranks a cluster’s suggestions by how many of its opinions share them, then by score, at most three', () => {
    const thirty = { key: checkedKey('30'), score: 0.4 };
    const merged = clusterCandidates([[twelve, thirteen], [thirteen, { ...twelve, score: 0.1 }], [thirty], [{ key: checkedKey('2'), score: 0.3 }]]);
    expect(merged).toEqual([twelve, thirteen, thirty]);
    expect(clusterCandidates([])).toEqual([]);
  });
});
