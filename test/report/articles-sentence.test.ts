/**
 * The summary's 三、逐条意见分布 opens with the articles opinions concentrate on. On a fresh batch it listed
 * 第一条（1 条） among them, and said 草案其余 26 条未收到意见 after ten listed articles (26 of the draft's 61, not
 * the other 26 of 36).
 */
import { describe, expect, it } from 'vitest';
import { checkedKey } from '../../src/article-key.js';
import { buildReportView } from '../../src/report/model.js';
import type { Digest } from '../../src/model.js';
import { digestOnDraft } from '../decisions/tiny.js';

/** The tiny digest (三 records on 第一条, one of them a repeat) with record r2 moved to `key`. */
function withR2On(key: string): Digest {
  const digest = digestOnDraft();
  return {
    ...digest,
    records: digest.records.map((r) => (r.id === 'r2' ? { ...r, articles: [{ ...r.articles[0]!, key: checkedKey(key) }] } : r)),
    clusters: digest.clusters.map((c) => (c.id === '2-b' ? { ...c, article: checkedKey(key) } : c)),
  };
}

describe('意见较集中的条款', () => {
  it('lists articles with more than one opinion only, and counts the silent ones of the whole draft', () => {
    const view = buildReportView(withR2On('2'), { showContact: false });
    expect(view.articlesSentence).toBe('意见较集中的条款：第一条（2 条）。');
  });

  it('says so when every article got a single opinion', () => {
    const digest = withR2On('2');
    const single: Digest = { ...digest, records: digest.records.filter((r) => r.id !== 'r3') };
    expect(buildReportView(single, { showContact: false }).articlesSentence).toBe('各条款收到的意见均为 1 条。');
  });

  it('names the articles without opinions as a part of the draft', () => {
    const digest = digestOnDraft();
    const view = buildReportView(digest, { showContact: false });
    expect(view.articlesSentence).toBe('意见较集中的条款：第一条（3 条）。草案中有 1 条未收到意见，下表从略。');
  });
});
