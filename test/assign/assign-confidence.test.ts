/**
 * What a drafter relies on in a similarity assignment: colloquial words reach the article through the
 * synonym list, a guess is only made when one article leads clearly, and a higher confidence means a
 * closer opinion. On the 租赁合同 chapter of the 民法典 (a tuning draft of fixtures/eval), where people
 * write 房东 / 租客 / 房租 and the law 出租人 / 承租人 / 租金.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ASSIGN_DEFAULTS } from '../../src/assign/assign.js';
import { createArticleMatcher, similarityAssignment, type ArticleMatcher, type SimilarityMatch } from '../../src/assign/similarity.js';
import { WeightedQuery } from '../../src/assign/weighting.js';
import type { Draft } from '../../src/model.js';
import { readDraft } from '../../src/text/read-draft.js';
import { SEGMENTER_DEFAULTS, createSegmenter } from '../../src/text/segment.js';
import { checkedKey } from '../../src/article-key.js';
import { REPO } from '../support/paths.js';

const { threshold, minMargin, minLead, minLeadUnanchored } = ASSIGN_DEFAULTS;
const segmenter = createSegmenter(SEGMENTER_DEFAULTS);
const guess = (matcher: ArticleMatcher, opinion: string) => similarityAssignment(matcher.match(opinion), threshold, minMargin, minLead, minLeadUnanchored);

let draft: Draft;
let matcher: ArticleMatcher;
beforeAll(async () => {
  draft = await readDraft(join(REPO, 'fixtures/eval/drafts/民法典（租赁合同节选）.md'));
  matcher = createArticleMatcher(draft, segmenter.terms);
});

describe('synonyms take colloquial opinions to their article', () => {
  const opinion = '房东一直拖着不修空调';

  it('folds 房东 and 不修 into the words of the law', () => {
    expect(segmenter.terms(opinion)).toEqual(['出租人', '维修', '空调']);
  });

  it('assigns the complaint to the repair article (第七百一十三条), which the unfolded words never reach', () => {
    expect(guess(matcher, opinion)).toMatchObject({ key: '713', source: 'similarity' });
    // The same matcher on the words as written (stop word 一直 left out as the segmenter does): no article
    // shares a single word with the opinion.
    const rawWords = (text: string) => segmenter.tokens(text).filter((w) => [...w].length > 1 && w !== '一直');
    const raw = createArticleMatcher(draft, rawWords);
    expect(rawWords(opinion)).toEqual(['房东', '不修', '空调']);
    expect(raw.match(opinion).key).toBeNull();
  });
});

describe('abstention when the lead is thin', () => {
  it('leaves an opinion unassigned when two articles score nearly the same, however high', () => {
    const tie: SimilarityMatch = { key: checkedKey('726'), score: 0.6, runnerUp: 0.57, anchored: true };
    expect(similarityAssignment(tie, threshold, minMargin, minLead, minLeadUnanchored)).toMatchObject({ key: 'unassigned', source: 'none', confidence: 0.6 });
    const clear: SimilarityMatch = { key: checkedKey('726'), score: 0.6, runnerUp: 0.3, anchored: true };
    expect(similarityAssignment(clear, threshold, minMargin, minLead, minLeadUnanchored)).toMatchObject({ key: '726', source: 'similarity', confidence: 0.6 });
  });

  it('leaves it unassigned when the best article is barely similar, even alone', () => {
    expect(similarityAssignment({ key: checkedKey('712'), score: threshold - 0.01, runnerUp: 0, anchored: true }, threshold, minMargin, minLead, minLeadUnanchored).key).toBe('unassigned');
  });

  it.each([
    // score, runner-up, threshold, margin (share), lead (absolute) → placed?
    [0.12, 0.06, 0.1, 0.1, 0.05, true],
    [0.12, 0.08, 0.1, 0.1, 0.05, false], // a third of a small score ahead: a few shared words
    [0.6, 0.5, 0.1, 0.1, 0.05, true], // the same share of a large score is a real lead
    [0.6, 0.57, 0.1, 0.1, 0.05, false], // thin share
    [0.09, 0, 0.1, 0.1, 0.05, false], // below the threshold
    [0.12, 0.08, 0.1, 0.1, 0, true], // no lead required
    [0.3, 0.24, 0.1, 0, 0.05, true], // just past the lead, with no share required
  ])('score %f over %f (threshold %f, margin %f, lead %f) is placed: %s', (score, runnerUp, t, margin, lead, placed) => {
    const found = similarityAssignment({ key: checkedKey('712'), score, runnerUp, anchored: true }, t, margin, lead, lead);
    expect(found.source).toBe(placed ? 'similarity' : 'none');
    expect(found.confidence).toBe(score);
  });

  it('does not guess between 优先购买 and 买卖不破租赁 for a sale written in passing', () => {
    // 第七百二十五条 (the lease survives the sale) and 第七百二十六条 (the tenant's right to buy) both fit.
    const found = matcher.match('房东把房子卖了，新房东让租客马上搬走');
    expect(found.score - found.runnerUp).toBeLessThan(minMargin * found.score);
    expect(guess(matcher, '房东把房子卖了，新房东让租客马上搬走').key).toBe('unassigned');
  });

  it('leaves an off-topic opinion unassigned', () => {
    expect(guess(matcher, '小区门口的公交站撤了，上班要多走二十分钟，希望恢复线路。').key).toBe('unassigned');
  });
});

describe('confidence ordering', () => {
  it('is highest for an opinion that restates the article, lower for a colloquial paraphrase, lowest for a vague one', () => {
    const close = guess(matcher, '承租人在租赁物需要维修时可以请求出租人在合理期限内维修，建议明确合理期限');
    const paraphrase = guess(matcher, '房东一直拖着不修空调');
    const vague = guess(matcher, '租的房子有东西坏了没人管');
    expect(close).toMatchObject({ key: '713', source: 'similarity' });
    expect(paraphrase).toMatchObject({ key: '713', source: 'similarity' });
    expect(close.confidence).toBeGreaterThan(paraphrase.confidence);
    expect(paraphrase.confidence).toBeGreaterThan(vague.confidence);
    expect(vague).toMatchObject({ key: 'unassigned', source: 'none' });
    expect(vague.confidence).toBeLessThan(threshold);
  });
});

describe('stance words', () => {
  it('do not change the ranking: 删除 and 增加 are stop words', () => {
    const remove = matcher.match('建议删除关于房东卖房要通知租客的规定');
    const add = matcher.match('建议增加关于房东卖房要通知租客的规定');
    expect(segmenter.terms('建议删除关于房东卖房要通知租客的规定')).toEqual(segmenter.terms('建议增加关于房东卖房要通知租客的规定'));
    expect(remove).toEqual(add);
  });
});

describe('WeightedQuery', () => {
  it('keeps the features the IDF knows, and counts unseen ones in the length only', () => {
    const idf = { idf: Float64Array.from([2, 0, 3]), unseenIdf: 4 };
    // Feature 1 has IDF 0 (no profile has it) and feature 7 is past the IDF: both weigh 4 in the length.
    const q = new WeightedQuery().weigh({ ids: Int32Array.from([0, 1, 2, 7]), weights: Float64Array.from([1, 1, 2, 1]) }, idf);
    expect(q.size).toBe(2);
    expect([...q.ids.subarray(0, q.size)]).toEqual([0, 2]);
    expect([...q.weights.subarray(0, q.size)]).toEqual([2, 6]);
    expect(q.norm).toBeCloseTo(Math.sqrt(4 + 16 + 36 + 16), 12);
  });
});
