/** The terminal summary of `digest`: articles ranked as the reports rank them; unassigned opinions said apart. */
import { describe, expect, it } from 'vitest';
import { digestSummary } from '../../src/digest/summary.js';
import { sampleDigest } from '../report/sample-digest.js';

describe('digest summary', () => {
  const text = digestSummary(sampleDigest(), 10);
  const ranked = text.split('\n').filter((line) => /^ {4}\S/.test(line) && !line.includes('['));

  it('ranks numbered articles only: 未归入条文 and 总体意见 are not articles', () => {
    expect(ranked.length).toBeGreaterThan(0);
    for (const line of ranked) expect(line).toMatch(/^ {4}第[一二三四五六七八九十百]+条：\d+ 条$/);
  });

  it('says the unassigned opinions on a line of their own, as a task', () => {
    expect(text).toContain('  另有 2 条意见未归入条文，请核对');
  });

  it('counts a paragraph under its article, as the reports do (第七条第二款 for 第七条)', () => {
    expect(ranked.filter((line) => line.includes('第七条'))).toHaveLength(1);
    expect(text).not.toContain('第七条第二款');
  });
});
