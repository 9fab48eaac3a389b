/**
 * A county merges its points' sheets and forwards the merged workbook; the city digests it and sends the
 * feedback letters. Each letter must show the 序号 the point itself gave its opinions (kept in the merged
 * workbook's 原表序号 column), not the merged workbook's running 序号, or the point cannot find them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { MERGED_OWN_SEQ_HEADER } from '../../src/model.js';
import { draft, fillDecisionSheet, submissions, yijian } from '../decisions/cli.js';
import { makeTempDir } from '../cli/run-cli.js';

/** [序号, 提出人] of every table row of a Markdown letter's 逐条 section. */
function letterRows(markdown: string): [string, string][] {
  const section = markdown.split('逐条意见采纳情况')[1] ?? '';
  return section
    .split('\n')
    .filter((line) => /^\|\s*\d+\s*\|/.test(line))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map((cells) => [cells[1] ?? '', cells[2] ?? '']);
}

describe('letters from a forwarded merged workbook', () => {
  const letters = new Map<string, [string, string][]>();
  let merged: Record<string, string | number>[] = [];

  beforeAll(async () => {
    const work = makeTempDir('yijian-merged-letters-');
    const book = join(work, '城东区汇总.xlsx');
    expect((await yijian(['merge', submissions, '-o', book])).status).toBe(0);
    const digestDir = join(work, '报告');
    const digest = await yijian(['digest', book, '--draft', draft, '-o', digestDir, '--formats', 'md,xlsx']);
    expect(digest.status, digest.stderr).toBe(0);
    fillDecisionSheet(join(digestDir, '采纳情况登记表.xlsx'), join(work, '已填写.xlsx'), () => ['采纳', '已在修改稿中采纳。']);
    const out = join(work, '反馈');
    const feedback = await yijian(['feedback', '--digest', digestDir, '--decisions', join(work, '已填写.xlsx'), '-o', out, '--formats', 'md']);
    expect(feedback.status, feedback.stderr).toBe(0);
    for (const name of readdirSync(out).filter((n) => n.endsWith('-采纳情况反馈.md'))) {
      letters.set(name.replace(/-采纳情况反馈\.md$/, ''), letterRows(readFileSync(join(out, name), 'utf8')));
    }
    const sheet = XLSX.read(readFileSync(book)).Sheets['意见汇总'];
    merged = XLSX.utils.sheet_to_json<Record<string, string | number>>(sheet!, { defval: '' });
  }, 120_000);

  it('shows each point its own 序号 beside its 提出人, as the merged workbook kept them', () => {
    expect(letters.size).toBe(7);
    for (const [point, rows] of letters) {
      const own = merged
        .filter((row) => row['联系点'] === point)
        .map((row) => [String(row[MERGED_OWN_SEQ_HEADER]), String(row['提出人'])] as [string, string]);
      expect(own.length, point).toBeGreaterThan(0);
      expect([...rows].sort(), point).toEqual([...own].sort());
    }
  });

  it('does not show the running 序号 of the merged rows', () => {
    // The last point in the merged workbook starts far past 1 in the running numbering; its letter starts at 1.
    const last = String(merged.at(-1)?.['联系点']);
    const running = merged.filter((row) => row['联系点'] === last).map((row) => String(row['序号']));
    expect(Number(running[0])).toBeGreaterThan(20);
    const shown = (letters.get(last) ?? []).map(([seq]) => seq);
    expect(shown).toContain('1');
    expect(shown.some((seq) => running.includes(seq) && Number(seq) > 20)).toBe(false);
  });
});
