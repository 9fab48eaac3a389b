/**
 * The 对照表 says articles without opinions in one line per run. Two in a row read 第六条至第七条未收到意见; a law
 * lists two (第六条、第七条) and keeps 至 for a longer run.
 */
import { describe, expect, it } from 'vitest';
import { buildReportView } from '../../src/report/model.js';
import type { Digest, Draft } from '../../src/model.js';
import { DRAFT, digestOnDraft } from '../decisions/tiny.js';

const NUMERALS = ['一', '二', '三', '四', '五'];

/** The tiny digest (opinions on 第一条 only) on a draft of `count` articles. */
function onDraftOf(count: number): Digest {
  const articles = Array.from({ length: count }, (_, i) => ({
    ...DRAFT.articles[1]!, key: String(i + 1), label: `第${NUMERALS[i]!}条`, caption: null,
  }));
  const draft: Draft = { ...DRAFT, articles: [DRAFT.articles[0]!, ...articles.slice(1)] };
  return { ...digestOnDraft(), draft };
}

const silentLines = (digest: Digest): string[] =>
  buildReportView(digest, { showContact: false }).sections.map((s) => s.silentText).filter((t) => t !== '');

describe('articles without opinions in the 对照表', () => {
  it.each([
    [2, ['第二条未收到意见。']],
    [3, ['第二条、第三条未收到意见。']],
    [5, ['第二条至第五条未收到意见。']],
  ])('a draft of %i articles, opinions on 第一条 only: %j', (count, expected) => {
    expect(silentLines(onDraftOf(count))).toEqual(expected);
  });
});
