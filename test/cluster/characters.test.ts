import { describe, expect, it } from 'vitest';
import { checkedKey } from '../../src/article-key.js';
import { type ClusterItem, CLUSTER_DEFAULTS, clusterOpinions } from '../../src/cluster/index.js';
import { gramKeys } from '../../src/cluster/vectors.js';

/** A gram key as text: one character, or the pair of a bigram. */
const text = (key: number): string =>
  key < 0x110000 ? String.fromCodePoint(key) : String.fromCodePoint(Math.floor(key / 0x110000) - 1) + String.fromCodePoint(key % 0x110000);

function opinion(id: string, article: string, terms: string[]): ClusterItem {
  return { id, article: checkedKey(article), terms, submissions: 1, points: [], counties: [] };
}

describe('gramKeys', () => {
  it.each([
    [['犬'], ['犬']],
    // A two-character word's bigram is the word itself: its characters instead.
    [['牵绳'], ['牵', '绳']],
    [['养犬人'], ['养犬', '犬人']],
    [['犬', '牵绳', '牵引带'], ['犬', '牵', '绳', '牵引', '引带']],
    [[], []],
  ])('%j → %j', (terms, grams) => {
    expect(gramKeys(terms).map(text)).toEqual(grams);
  });
});

describe('paraphrases whose words differ', () => {
  it('clusters 拴绳 with 牵绳 through the character they share, and keeps 嘴套 apart', () => {
    const items = [
      opinion('a', '22', ['遛狗', '拴绳']),
      opinion('b', '22', ['牵绳', '散步']),
      opinion('c', '22', ['嘴套', '大型犬']),
      opinion('d', '22', ['嘴套', '烈性犬']),
      opinion('e', '10', ['疫苗', '免费']),
      opinion('f', '11', ['登记', '窗口']),
    ];
    const clusters = clusterOpinions(items, { ...CLUSTER_DEFAULTS, tokens: null, forms: null });
    expect(clusters.filter((c) => c.article === '22').map((c) => [...c.opinions].sort().join(',')).sort()).toEqual(['a,b', 'c,d']);
  });
});
