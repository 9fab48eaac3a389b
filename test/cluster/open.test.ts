import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkedKey } from '../../src/article-key.js';
import { CLUSTER_DEFAULTS, type ClusterItem, clusterOpinions } from '../../src/cluster/index.js';
import { SEGMENTER_DEFAULTS, createSegmenter } from '../../src/text/segment.js';
import { shuffled } from '../support/shuffle.js';

const segmenter = createSegmenter(SEGMENTER_DEFAULTS);
const OPTIONS = { ...CLUSTER_DEFAULTS, tokens: segmenter.tokens, forms: segmenter.forms ?? null };

function item(id: string, article: string, text: string): ClusterItem {
  return { id, article: checkedKey(article), terms: segmenter.terms(text), submissions: 1, points: [], counties: [], text };
}

/**
 * A 物业 batch as it arrives: opinions citing their article, and opinions the assigner left 未归入. Those share
 * the draft's common words (物业, 业主, 小区) whatever they are about; three of them are about 高空抛物.
 */
const CITED = [
  ['80', '小区车位应当优先出租给本小区业主，物业不得把车位租给外来车辆。'],
  ['80', '业主排队两年都租不到车位，物业却把车位租给小区外的人。'],
  ['73', '物业公司单方面上调物业费，业主大会都没有开过。'],
  ['73', '物业费调整应当提前公示成本测算，经业主共同决定。'],
  ['74', '小区公共收益要单独建账，定期向全体业主公开。'],
  ['74', '电梯广告和停车费这些公共收益，物业从来没有公开过。'],
] as const;
const THROWING = [
  '楼上经常往楼下扔垃圾，差点砸到人，物业说管不了。',
  '高空抛物太危险了，希望物业在楼下装摄像头，抓到扔东西的人要处罚。',
  '上周楼上扔下一个花盆，把楼下的车砸坏了，希望严管高空抛物。',
];
const OTHERS = [
  '物业服务态度太差，打电话报修一直没人接。',
  '小区绿地被物业改成了收费停车位，业主都不知道。',
  '业主大会的开会通知只贴在电梯里，很多业主根本看不到。',
  '物业的保安夜里在岗亭睡觉，外来人员随便进出。',
];

function batch(openArticle: string): ClusterItem[] {
  return [
    ...CITED.map(([article, text], i) => item(`c${i}`, article, text)),
    ...THROWING.map((text, i) => item(`t${i}`, openArticle, text)),
    ...OTHERS.map((text, i) => item(`o${i}`, openArticle, text)),
  ];
}

describe('opinions on no article (未归入, 总体意见)', () => {
  it.each(['unassigned', 'general'])('%s: the draft-wide words hold no group together; one concern does', (open) => {
    const clusters = clusterOpinions(batch(open), OPTIONS).filter((c) => c.article === open);
    const kind = (id: string) => id[0];
    // No cluster mixes 高空抛物 with another concern, and the four different concerns stay apart.
    for (const c of clusters) expect(new Set(c.opinions.map(kind)).size).toBe(1);
    for (const c of clusters) if (c.opinions.some((id) => kind(id) === 'o')) expect(c.opinions).toHaveLength(1);
    // The three 高空抛物 opinions meet (扔, 楼下, 高空抛物 in different words).
    const throwing = clusters.filter((c) => c.opinions.some((id) => kind(id) === 't'));
    expect(Math.max(...throwing.map((c) => c.opinions.length))).toBeGreaterThanOrEqual(2);
  });

  it('on one article the same opinions merge more: the article itself says they belong together', () => {
    const open = clusterOpinions(batch('unassigned'), OPTIONS).filter((c) => c.article === 'unassigned');
    const onArticle = clusterOpinions(batch('88'), OPTIONS).filter((c) => c.article === '88');
    expect(onArticle.length).toBeLessThan(open.length);
  });
});

describe('properties of the open threshold', () => {
  const term = fc.constantFrom('物业', '业主', '电梯', '车位', '高空抛物', '楼下', '罚款', '公示');
  const itemsArb = fc
    .array(fc.tuple(fc.constantFrom('3', '12', 'general', 'unassigned'), fc.array(term, { maxLength: 6 })), { maxLength: 60 })
    .map((rows) => rows.map(([article, terms], i): ClusterItem => ({
      id: `id${i}`, article: checkedKey(article), terms, submissions: 1, points: [], counties: [],
    })));
  const plain = { ...CLUSTER_DEFAULTS, tokens: null, forms: null };

  it('changes nothing on numbered articles, and keeps every opinion in open buckets', () => {
    fc.assert(
      fc.property(itemsArb, fc.double({ min: 0, max: 1, noNaN: true }), (items, openThreshold) => {
        const numbered = (list: ReturnType<typeof clusterOpinions>) => list.filter((c) => c.article === '3' || c.article === '12');
        const base = clusterOpinions(items, plain);
        const other = clusterOpinions(items, { ...plain, openThreshold });
        expect(numbered(other)).toEqual(numbered(base));
        expect(other.flatMap((c) => c.opinions).sort()).toEqual(items.map((i) => i.id).sort());
      }),
    );
  });
  it('gives the same open clusters in any input order', () => {
    fc.assert(
      fc.property(itemsArb, fc.integer(), (items, seed) => {
        expect(clusterOpinions(shuffled(items, seed), plain)).toEqual(clusterOpinions(items, plain));
      }),
    );
  });
});
