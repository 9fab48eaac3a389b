/** Article labels read the same in every report and on the terminal (#14): 第二十条第三款, never 第20条第3款. */
import { describe, expect, it } from 'vitest';
import { articleLabel } from '../../src/article-key.js';
import { digestSummary } from '../../src/digest/summary.js';
import { sampleDigest } from './sample-digest.js';

describe('article labels', () => {
  const digest = sampleDigest();
  it.each([
    ['4', '第四条'], ['20.3', '第二十条第三款'], ['12-1', '第十二条之一'], ['12.2.3', '第十二条第二款第（三）项'], ['general', '总体意见'],
  ])('%s → %s on stdout as in the reports', (key, label) => {
    expect(articleLabel(key, digest.draft)).toBe(label);
    expect(articleLabel(key, null)).toBe(label);
  });

  it('digest prints no Arabic article numbers', () => {
    expect(digestSummary(digest)).not.toMatch(/第\d+条/);
    expect(digestSummary(digest)).toMatch(/第[一二三四五六七八九十]+条：\d+ 条/);
  });
});
