/** `yijian stats` end to end: two drafts (a feedback folder and a bare digest folder), per point, county and draft. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { wrappedLines } from '../../src/report/xlsx-rows.js';
import type { Digest } from '../../src/model.js';
import { draft, fillDecisionSheet, readDigestJson, submissions, yijian } from '../decisions/cli.js';

interface Row { name: string; drafts: number; submissions: number; distinct: number; decided: number; rateText: string }

describe('yijian stats across two drafts', () => {
  let work: string;
  let first: Digest;
  let second: Digest;
  let json: { drafts: Row[]; points: Row[]; counties: Row[]; total: Row };
  let status: number;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'yijian-stats-'));
    expect((await yijian(['digest', submissions, '--draft', draft, '-o', join(work, 'd1'), '--formats', 'xlsx'])).status).toBe(0);
    // The second "draft": one point's file only, no draft text, never decided.
    const one = join(submissions, '河西县-华侨新村立法联系点-2024年5月.csv');
    expect((await yijian(['digest', one, '-o', join(work, 'd2'), '--formats', 'md'])).status).toBe(0);
    first = readDigestJson(join(work, 'd1'));
    second = readDigestJson(join(work, 'd2'));
    fillDecisionSheet(join(work, 'd1', '采纳情况登记表.xlsx'), join(work, 'filled.xlsx'), () => ['不予采纳', '']);
    expect((await yijian(['feedback', '--digest', join(work, 'd1'), '--decisions', join(work, 'filled.xlsx'), '-o', join(work, 'f1'), '--formats', 'md'])).status).toBe(0);
    const run = await yijian(['stats', join(work, 'f1'), join(work, 'd2'), '-o', join(work, 'out'), '--json']);
    status = run.status;
    json = JSON.parse(run.stdout) as typeof json;
  });

  it('says when two inputs are the same draft\'s opinions (a feedback and the digest it came from), and not for two drafts', async () => {
    const twice = await yijian(['stats', join(work, 'f1'), join(work, 'd1'), '-o', join(work, 'twice')]);
    expect(twice.status).toBe(0);
    expect(twice.stderr).toContain('[W_SAME_DRAFT_TWICE]');
    expect(twice.stderr).toContain(`有 ${first.records.length} 条意见`);
    const apart = await yijian(['stats', join(work, 'f1'), join(work, 'd2'), '-o', join(work, 'apart')]);
    expect(apart.stderr).not.toContain('[W_SAME_DRAFT_TWICE]');
  });

  it('exits 0 and writes 统计.xlsx, 统计.md and a self-contained 统计.html', async () => {
    expect(status).toBe(0);
    expect(readdirSync(join(work, 'out')).sort()).toEqual(['统计.html', '统计.md', '统计.xlsx'].sort());
  });

  it('counts each draft from its own source: decided feedback and an undecided digest', async () => {
    expect(json.drafts.map((d) => [d.submissions, d.distinct, d.decided, d.rateText])).toEqual([
      [first.records.length, first.totals.distinctOpinions, first.records.length, '0.0%'],
      [second.records.length, second.totals.distinctOpinions, 0, '—'],
    ]);
    expect(json.total.submissions).toBe(first.records.length + second.records.length);
  });

  it('knows which points took part in both drafts', async () => {
    const both = new Set(second.records.map((r) => r.point));
    for (const point of json.points) {
      const expected = both.has(point.name) ? 2 : 1;
      expect(point.drafts, point.name).toBe(expected);
      const sent = [...first.records, ...second.records].filter((r) => r.point === point.name).length;
      expect(point.submissions, point.name).toBe(sent);
    }
    expect(json.points.some((p) => p.drafts === 2)).toBe(true);
  });

  it('prints every point’s name on one line of the 各联系点 sheet (科技园企业基层立法联系点 left 点 on a line of its own)', () => {
    const book = XLSX.read(readFileSync(join(work, 'out', '统计.xlsx')), { type: 'buffer', cellStyles: true });
    const sheet = book.Sheets['各联系点']!;
    const width = sheet['!cols']?.[0]?.wch ?? 0;
    const names = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, defval: '' }).slice(1).map((row) => String(row[0]));
    expect(names).toContain('科技园企业基层立法联系点');
    for (const name of names) expect(wrappedLines(name, width), `${name} in ${width}`).toBe(1);
  });
});
