import { describe, expect, it } from 'vitest';
import { checkedKey } from '../../src/article-key.js';
import { CLUSTER_DEFAULTS, type ClusterItem, clusterOpinions } from '../../src/cluster/index.js';
import { createSegmenter, SEGMENTER_DEFAULTS } from '../../src/text/segment.js';

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
