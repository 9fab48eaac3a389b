/**
 * The 主要意见 column (session 20) beside 条款 on the 登记表's cluster sheet: feedback and `digest --decisions` read a
 * filled sheet by its headers, so a sheet with the column and one written before it (no 主要意见, the old order)
 * give the same decisions, and a rerun carries them onto a sheet that has the column.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../cli/run-cli.js';
import { draft, fillDecisionSheet, submissions, yijian } from './cli.js';

const DECISIONS = ['采纳', '部分采纳', '未采纳', '作为参考'];

/** Record id → decision, from a feedback.json. */
function decisionsOf(dir: string): Map<string, string> {
  const json = JSON.parse(readFileSync(join(dir, 'feedback.json'), 'utf8')) as { records: { id: string; decision: string }[] };
  return new Map(json.records.map((r) => [r.id, r.decision]));
}

/** The workbook with 主要意见 taken out of the cluster sheet: the sheet as digest wrote it before the column came. */
function withoutTopic(from: string, to: string): void {
  const book = XLSX.read(readFileSync(from), { type: 'buffer' });
  const name = book.SheetNames[0]!;
  const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[name]!, { header: 1, defval: '' });
  // fillDecisionSheet puts a title row above the header, as drafters' re-saved files have.
  const at = (rows.find((row) => row.includes('编号')) ?? []).indexOf('主要意见');
  expect(at).toBeGreaterThan(0);
  book.Sheets[name] = XLSX.utils.aoa_to_sheet(rows.map((row) => row.filter((_cell, i) => i !== at)));
  writeFileSync(to, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

describe('登记表 with and without 主要意见 read the same', () => {
  let work: string;
  beforeAll(async () => {
    work = makeTempDir('yijian-topic-column-');
    expect((await yijian(['digest', submissions, '--draft', draft, '-o', join(work, 'r'), '--formats', 'xlsx'])).status).toBe(0);
    fillDecisionSheet(join(work, 'r', '采纳情况登记表.xlsx'), join(work, '新.xlsx'), (_id, i) => [DECISIONS[i % DECISIONS.length]!, `理由 ${i}`]);
    withoutTopic(join(work, '新.xlsx'), join(work, '旧.xlsx'));
    for (const sheet of ['新', '旧']) {
      const run = await yijian(['feedback', '--digest', join(work, 'r'), '--decisions', join(work, `${sheet}.xlsx`), '-o', join(work, `fb-${sheet}`), '--formats', 'md']);
      expect(run.status, run.stderr).toBe(0);
    }
    const rerun = await yijian(['digest', submissions, '--draft', draft, '-o', join(work, 'r2'), '--formats', 'xlsx', '--decisions', join(work, '旧.xlsx')]);
    expect(rerun.status, rerun.stderr).toBe(0);
  }, 120_000);

  it('feedback takes the same decision for every opinion from either sheet', () => {
    const fresh = decisionsOf(join(work, 'fb-新'));
    expect([...fresh.values()].filter((d) => d !== '待研究').length).toBeGreaterThan(50);
    expect(decisionsOf(join(work, 'fb-旧'))).toEqual(fresh);
  });

  it('digest --decisions carries an old sheet’s decisions onto a sheet with 主要意见 filled in', () => {
    const read = (path: string, sheet: string): Record<string, string>[] => {
      const book = XLSX.read(readFileSync(path), { type: 'buffer' });
      const found = book.Sheets[sheet] ?? book.Sheets[book.SheetNames[0]!]!;
      const rows = XLSX.utils.sheet_to_json<string[]>(found, { header: 1, defval: '' });
      const start = rows.findIndex((row) => row.includes('编号'));
      const header = rows[start] ?? [];
      return rows.slice(start + 1).map((row) => Object.fromEntries(header.map((h, i) => [h, String(row[i] ?? '')])));
    };
    const before = new Map(read(join(work, '旧.xlsx'), '采纳情况').map((r) => [r['编号'], r['采纳情况']]));
    const after = read(join(work, 'r2', '采纳情况登记表.xlsx'), '采纳情况登记表');
    expect(after.length).toBe(before.size);
    for (const row of after) {
      expect(row['采纳情况'], row['编号']).toBe(before.get(row['编号']));
      expect(row['主要意见'], row['编号']).not.toBe('');
    }
  });
});
