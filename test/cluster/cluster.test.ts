import fc from 'fast-check';
import { checkedKey } from '../../src/article-key.js';
import { describe, expect, it } from 'vitest';
import { ClusterSchema } from '../../src/model.js';
import {
  type ClusterItem,
  CLUSTER_DEFAULTS,
  type ClusterOptions,
  clusterOpinions,
  compareArticleKeys,
} from '../../src/cluster/index.js';
import { createSegmenter, SEGMENTER_DEFAULTS } from '../../src/text/segment.js';
import { TOPICS } from './examples.js';
import { shuffled } from '../support/shuffle.js';

const OPTIONS: ClusterOptions = { ...CLUSTER_DEFAULTS, tokens: null, forms: null };
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function opinion(id: string, article: string, terms: string[], extra: Partial<ClusterItem> = {}): ClusterItem {
  return { id, article: checkedKey(article), terms, submissions: 1, points: [], counties: [], ...extra };
}


describe('compareArticleKeys', () => {
  it('orders keys numerically, in draft order, divisions and the rest last', () => {
    const expected = ['1', '2', '10', '12', '12.2', '12.2.3', '12.10', '12-1', '12-1.2', '12-2', '13', '1260',
      'part1', 'part2', 'ch1', 'ch3', 'ch3.s2', 'ch10', 'general', 'title', 'unassigned'];
    expect(shuffled(expected, 7).sort(compareArticleKeys)).toEqual(expected);
    expect(shuffled(expected, 99).sort(compareArticleKeys)).toEqual(expected);
  });
  it.each([
    ['1', '2', -1],
    ['10', '2', 1],
    ['12', '12', 0],
    ['12-1', '12.2', 1],
    ['unassigned', 'general', 1],
  ])('compare(%s, %s) has sign %i', (a, b, sign) => {
    expect(Math.sign(compareArticleKeys(a, b))).toBe(sign);
  });
});

describe('clusterOpinions on hand-made terms', () => {
  const items = [
    opinion('r3', '20', ['犬链', '长度', '上限'], { submissions: 3, points: ['乙', '甲'], counties: ['东城区'] }),
    opinion('r1', '20', ['犬链', '长度', '标准']),
    opinion('r2', '20', ['嘴套', '大型犬', '佩戴'], { points: ['丙'] }),
    opinion('r4', '20', ['嘴套', '大型犬', '烈性犬']),
    opinion('r5', '3', ['适用', '范围']),
    opinion('r6', 'general', []),
    opinion('r7', 'general', []),
    opinion('r8', 'unassigned', ['电梯']),
  ];
  const clusters = clusterOpinions(items, OPTIONS);

  it('groups similar opinions per article and keeps singletons', () => {
    expect(clusters.map((c) => c.article)).toEqual(['3', '20', '20', 'general', 'general', 'unassigned']);
    expect(clusters.map((c) => [...c.opinions].sort().join(',')).sort()).toEqual(['r1,r3', 'r2,r4', 'r5', 'r6', 'r7', 'r8']);
    // Within an article: more submissions first (r3 counts 3), then by id.
    expect(clusters[1]!.opinions).toContain('r3');
    expect(compareIds(clusters[3]!.id, clusters[4]!.id)).toBeLessThan(0);
  });
  it('sums submissions, merges points and counties, orders by submissions within an article', () => {
    const leash = clusters.find((c) => c.opinions.includes('r3'))!;
    expect(leash).toMatchObject({ submissions: 4, points: ['乙', '甲'], counties: ['东城区'] });
    expect(leash.keywords.slice(0, 2)).toEqual(['犬链', '长度']);
    expect(leash.opinions[0]).toBe(leash.representative);
  });
  it('ids are <article>-<8 hex>, unique, and satisfy the shared schema', () => {
    for (const c of clusters) {
      expect(c.id).toMatch(new RegExp(`^${c.article.replace('.', '\\.')}-[0-9a-f]{8}$`));
      expect(ClusterSchema.parse(c)).toEqual(c);
    }
    expect(new Set(clusters.map((c) => c.id)).size).toBe(clusters.length);
  });
  it('gives the same clusters and ids on two runs and in any input order', () => {
    expect(clusterOpinions(items, OPTIONS)).toEqual(clusters);
    for (const seed of [1, 2, 3, 4, 5]) expect(clusterOpinions(shuffled(items, seed), OPTIONS)).toEqual(clusters);
  });
  it('picks the most central opinion as representative, ties by id', () => {
    const three = clusterOpinions([
      opinion('b', '5', ['停车', '收费']),
      opinion('a', '5', ['停车', '收费']),
      opinion('c', '5', ['停车', '收费', '标准', '公示']),
    ], OPTIONS);
    expect(three).toHaveLength(1);
    expect(three[0]!.representative).toBe('a');
    expect(three[0]!.opinions).toEqual(['a', 'b', 'c']);
    expect(three[0]!.keywords).toEqual(['停车', '收费', '公示', '标准']);
  });
  // The threshold is validated where options are resolved (the CLI's --cluster and the config), not here.
  it('rejects repeated ids with a coded error', () => {
    expect(() => clusterOpinions([items[0]!, items[0]!], OPTIONS)).toThrow(expect.objectContaining({ code: 'E_INTERNAL' }));
  });
});

describe('clusterOpinions on real opinions (jieba terms)', () => {
  const segmenter = createSegmenter(SEGMENTER_DEFAULTS);
  const labelled = Object.entries(TOPICS).flatMap(([topic, texts]) =>
    texts.map((text) => ({ topic, terms: segmenter.terms(text) })),
  );

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])(
    'never mixes two topics in one cluster, and finds each topic (id order %i)',
    (seed) => {
      // Ids decide the processing order; vary them to check the threshold is not lucky in one order.
      const ids = shuffled(labelled.map((_l, i) => `r${String(i).padStart(2, '0')}`), seed);
      const topicOf = new Map(labelled.map((l, i) => [ids[i]!, l.topic]));
      const clusters = clusterOpinions(labelled.map((l, i) => opinion(ids[i]!, '20', l.terms)), OPTIONS);
      for (const c of clusters) expect(new Set(c.opinions.map((id) => topicOf.get(id))).size).toBe(1);
      for (const topic of Object.keys(TOPICS)) {
        const largest = Math.max(...clusters.map((c) => c.opinions.filter((id) => topicOf.get(id) === topic).length));
        expect(largest).toBeGreaterThanOrEqual(3);
      }
      expect(clusters.length).toBeLessThanOrEqual(labelled.length / 2);
    },
  );
  it('a lower threshold merges more and a threshold of 1 leaves only identical vectors together', () => {
    const items = labelled.map((l, i) => opinion(`r${i}`, '20', l.terms));
    // The merging alone: the split test (splitRatio) may undo what a lower threshold merged, as it should.
    const merging = { ...OPTIONS, splitRatio: 0 };
    const loose = clusterOpinions(items, { ...merging, threshold: CLUSTER_DEFAULTS.threshold / 2 }).length;
    const strict = clusterOpinions(items, { ...OPTIONS, threshold: 1 }).length;
    expect(loose).toBeLessThan(clusterOpinions(items, merging).length);
    expect(clusterOpinions(items, { ...OPTIONS, threshold: CLUSTER_DEFAULTS.threshold / 2 }).length).toBeLessThanOrEqual(clusterOpinions(items, OPTIONS).length);
    expect(strict).toBe(items.length);
  });
});

describe('properties', () => {
  const term = fc.constantFrom('犬链', '嘴套', '粪便', '电梯', '长度', '罚款', '物业', '大型犬');
  const itemsArb = fc
    .array(
      fc.tuple(
        fc.constantFrom('1', '2', '12-1', 'general', 'unassigned'),
        fc.array(term, { maxLength: 6 }),
        fc.integer({ min: 1, max: 5 }),
      ),
      { maxLength: 80 },
    )
    .map((rows) => rows.map(([article, terms, submissions], i) => opinion(`id${i}`, article, terms, { submissions })));

  it('clusters partition the input ids within their article, submissions add up', () => {
    fc.assert(
      fc.property(itemsArb, fc.double({ min: 0, max: 1, noNaN: true }), (items, threshold) => {
        const clusters = clusterOpinions(items, { ...OPTIONS, threshold });
        const articleOf = new Map(items.map((i) => [i.id, i.article]));
        const seen: string[] = [];
        for (const c of clusters) {
          for (const id of c.opinions) expect(articleOf.get(id)).toBe(c.article);
          seen.push(...c.opinions);
        }
        expect(seen.sort()).toEqual(items.map((i) => i.id).sort());
        const total = (list: readonly { submissions: number }[]) => list.reduce((n, x) => n + x.submissions, 0);
        expect(total(clusters)).toBe(total(items));
        expect(new Set(clusters.map((c) => c.id)).size).toBe(clusters.length);
      }),
    );
  });
  it('output does not depend on input order', () => {
    fc.assert(
      fc.property(itemsArb, fc.integer(), (items, seed) => {
        expect(clusterOpinions(shuffled(items, seed), OPTIONS)).toEqual(clusterOpinions(items, OPTIONS));
      }),
    );
  });
});
