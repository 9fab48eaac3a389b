/**
 * A similarity guess names the article that came a close second (session 22): on the held-out batches most wrong
 * guesses went to a neighbour of the right article, and the reader who sees 次选 beside the guess can correct it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Digest } from '../../src/model.js';
import { similarityNote, assignmentNote } from '../../src/text/format.js';
import { readDigestJson, repo, yijian } from '../decisions/cli.js';

const work = mkdtempSync(join(tmpdir(), 'yijian-runner-up-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let digest: Digest;
beforeAll(async () => {
  const run = await yijian(['digest', join(repo, 'fixtures/eval/民法典（侵权责任留出）'), '--draft', join(repo, 'fixtures/eval/drafts/民法典（侵权责任节选）.md'), '-o', work, '--force', '--formats', 'md,xlsx']);
  expect(run.status, run.stderr).toBe(0);
  digest = readDigestJson(work);
});

describe('the close second of a similarity guess', () => {
  it('is kept on the guess only when it scored at least three fifths of it, and never on a citation', () => {
    const guesses = digest.records.flatMap((r) => r.articles).filter((a) => a.source === 'similarity');
    const withSecond = guesses.filter((a) => a.runnerUp !== undefined);
    expect(withSecond.length).toBeGreaterThan(0);
    for (const a of withSecond) {
      expect(a.runnerUp!.key).not.toBe(a.key);
      expect(a.runnerUp!.score).toBeGreaterThanOrEqual(0.6 * a.confidence - 1e-4);
      expect(a.runnerUp!.score).toBeLessThanOrEqual(a.confidence);
    }
    for (const a of digest.records.flatMap((r) => r.articles).filter((x) => x.source !== 'similarity')) expect(a.runnerUp).toBeUndefined();
  });

  it('is named in the 登记表 beside the guess: 自动归入，请核对（相似度 0.15，次选第X条）', () => {
    const wb = XLSX.read(readFileSync(join(work, '采纳情况登记表.xlsx')));
    const rows = XLSX.utils.sheet_to_json<Record<string, string>>(wb.Sheets['单条意见']!);
    const named = rows.filter((r) => (r['归入方式'] ?? '').includes('次选'));
    expect(named.length).toBe(digest.records.filter((r) => r.articles.some((a) => a.runnerUp !== undefined)).length);
    for (const r of named) expect(r['归入方式']).toMatch(/^自动归入，请核对（相似度 0\.\d\d，次选第[一二三四五六七八九十百千零]+条）$/u);
  });

  it('reads as one note', () => {
    expect(similarityNote(0.2349)).toBe('自动归入，请核对（相似度 0.23）');
    expect(similarityNote(0.2349, '第十三条')).toBe('自动归入，请核对（相似度 0.23，次选第十三条）');
    expect(assignmentNote([{ key: '12', source: 'similarity', confidence: 0.3, runnerUp: { key: '13' } }], '12')).toBe('自动归入，请核对（相似度 0.30，次选第十三条）');
  });
});
