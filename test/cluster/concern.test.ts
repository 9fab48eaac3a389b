import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkedKey } from '../../src/article-key.js';
import { articleThreshold, CLUSTER_DEFAULTS, type ClusterItem, clusterOpinions } from '../../src/cluster/index.js';
import { createSegmenter, SEGMENTER_DEFAULTS } from '../../src/text/segment.js';
import { shuffled } from '../support/shuffle.js';

const segmenter = createSegmenter(SEGMENTER_DEFAULTS);
const OPTIONS = { ...CLUSTER_DEFAULTS, tokens: segmenter.tokens, forms: segmenter.forms ?? null };

function item(id: string, article: string, text: string): ClusterItem {
  return { id, article: checkedKey(article), terms: segmenter.terms(text), submissions: 1, points: [], counties: [], text };
}
const together = (clusters: ReturnType<typeof clusterOpinions>, a: string, b: string): boolean =>
  clusters.some((c) => c.opinions.includes(a) && c.opinions.includes(b));

describe('neighbours are looked up by the words opinions share', () => {
  it('two long opinions on one article that share only ordinary words (转租, 同意, 知道) meet', () => {
    // A lawyer and a landlord on 第七百一十八条: each has a dozen words of its own, rarer than the words they share.
    const clusters = clusterOpinions([
      item('a', '718', '出租人知道转租后六个月不提异议就视为同意，这个期限偏长，建议缩短为三个月，以便尽早稳定次承租人的预期。'),
      item('b', '718', '房东知道租客转租了半年没吭声就算同意了？很多房东住外地，根本不知道房子被转出去了，半年太短了。'),
      item('c', '712', '热水器坏了一个多月，房东一直说忙，让我们自己找人修，修完又不肯出钱。建议明确出租人维修的期限。'),
      item('d', '725', '房东把房子卖了，新房东上门让我们一周内搬走，可我们的合同还有一年多才到期。'),
    ], OPTIONS);
    expect(together(clusters, 'a', 'b')).toBe(true);
  });
});

describe('an article few people wrote about asks for less shared wording', () => {
  it('halves the threshold at halfSize opinions and tends to it on many; 未归入 and 总体意见 keep openThreshold', () => {
    const settings = { ...CLUSTER_DEFAULTS, threshold: 0.08, halfSize: 12, openThreshold: 0.13 };
    expect(articleThreshold(settings, checkedKey('80'), 12)).toBeCloseTo(0.04, 12);
    const sizes = [1, 2, 5, 12, 50, 1000, 100_000];
    const thresholds = sizes.map((n) => articleThreshold(settings, checkedKey('80'), n));
    for (let i = 1; i < thresholds.length; i++) expect(thresholds[i]!).toBeGreaterThan(thresholds[i - 1]!);
    expect(thresholds.at(-1)!).toBeLessThan(0.08);
    expect(thresholds.at(-1)!).toBeGreaterThan(0.0799);
    for (const open of ['unassigned', 'general']) expect(articleThreshold(settings, checkedKey(open), 3)).toBe(0.13);
    expect(articleThreshold({ ...settings, halfSize: 0 }, checkedKey('80'), 3)).toBe(0.08);
  });

  // Three tenants and a lawyer on 第七百二十五条 (买卖不破租赁), in their own words: 房子卖了 / 换了主人 / 新所有人.
  const SALE = [
    item('s1', '725', '房东把房子卖了，新房东上门让我们一周内搬走，可我们的合同还有一年多才到期。'),
    item('s2', '725', '房子换了主人，新业主说以前的租约跟他没关系，要么涨价要么走人，租客该怎么维权？'),
    item('s3', '725', '"买卖不破租赁"在实践中常因租赁合同未备案、新所有人不知情而引发争议，建议明确出卖人应当向买受人披露租赁情况。'),
  ];
  const OTHERS = [
    item('o1', '712', '热水器坏了一个多月，房东一直说忙，让我们自己找人修，修完又不肯出钱。建议明确出租人维修的期限。'),
    item('o2', '722', '租客拖欠房租三个月，人联系不上，东西还堆在屋里，我想收回房子又怕被告私闯民宅。'),
    item('o3', '733', '退房的时候房东挑三拣四，墙上一个钉子眼也要扣钱，押金几乎全扣光了。'),
  ];
  it('joins the paraphrases of a three-opinion article that one threshold for every article (0.035, the old default) left apart', () => {
    const home = (clusters: ReturnType<typeof clusterOpinions>) => clusters.find((c) => c.opinions.includes('s1'))!.opinions;
    expect([...home(clusterOpinions([...SALE, ...OTHERS], OPTIONS))].sort()).toEqual(['s1', 's2', 's3']);
    // 换了主人 / 新业主 shares almost nothing with 房东把房子卖了: one threshold for all articles left it out.
    expect(home(clusterOpinions([...SALE, ...OTHERS], { ...OPTIONS, threshold: 0.035, halfSize: 0 }))).not.toContain('s2');
  });
});

describe('order and bounds (properties)', () => {
  const ITEMS = [
    item('a', '718', '出租人知道转租后六个月不提异议就视为同意，这个期限偏长，建议缩短为三个月。'),
    item('b', '718', '房东知道租客转租了半年没吭声就算同意了？很多房东住外地，根本不知道房子被转出去了。'),
    item('c', '725', '房东把房子卖了，新房东上门让我们一周内搬走，可我们的合同还有一年多才到期。'),
    item('d', '725', '房子换了主人，新业主说以前的租约跟他没关系，要么涨价要么走人。'),
    item('e', '725.1', '"买卖不破租赁"在实践中常因租赁合同未备案而引发争议，建议明确出卖人应当披露租赁情况。'),
    item('f', '712', '热水器坏了一个多月，房东一直说忙，建议明确出租人维修的期限。'),
    item('g', 'unassigned', '小区门口的公交站撤了，上班要多走二十分钟，希望恢复线路。'),
  ];
  it('gives the same clusters in any input order', () => {
    const expected = clusterOpinions(ITEMS, OPTIONS);
    fc.assert(fc.property(fc.integer(), (seed) => {
      expect(clusterOpinions(shuffled(ITEMS, seed), OPTIONS)).toEqual(expected);
    }), { numRuns: 20 });
  });
  it('an article threshold never exceeds threshold and never falls as the article grows', () => {
    fc.assert(fc.property(
      fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 100_000 }),
      (threshold, halfSize, n) => {
        const settings = { ...CLUSTER_DEFAULTS, threshold, halfSize };
        const at = articleThreshold(settings, checkedKey('8'), n);
        expect(at).toBeLessThanOrEqual(threshold);
        expect(at).toBeGreaterThanOrEqual(0);
        expect(articleThreshold(settings, checkedKey('8'), n + 1)).toBeGreaterThanOrEqual(at);
      },
    ));
  });
});
