import { describe, expect, it } from 'vitest';
import { checkedKey } from '../../src/article-key.js';
import { CLUSTER_DEFAULTS, type ClusterItem, clusterOpinions } from '../../src/cluster/index.js';
import { nearbyMatches } from '../../src/cluster/nearby.js';
import { buildVectors } from '../../src/cluster/vectors.js';
import { likelyArticles } from '../../src/digest/build.js';
import type { ArticleAssignment } from '../../src/model.js';
import { createSegmenter, SEGMENTER_DEFAULTS } from '../../src/text/segment.js';

const k = checkedKey;

describe('nearbyMatches: a 未归入 opinion and the clusters of its likely articles', () => {
  // Positions 0–3: two clusters on 72 and one on 80; 4–7: open opinions.
  const { vectors } = buildVectors([
    ['物业费', '限制', '消费'], ['物业费', '限制', '失信'], // 72, cluster 0
    ['服务', '不达标', '少交'], // 72, cluster 1
    ['车位', '出租', '业主'], // 80, cluster 2
    ['限制', '消费', '过重'], // like cluster 0
    ['车位', '出租', '外来'], // like cluster 2
    ['犬只', '拴绳'], // like nothing
    ['车位', '出租', '业主'], // like cluster 2, but its candidates are elsewhere
  ], null);
  const clusters = [
    { article: k('72'), members: [0, 1] },
    { article: k('72'), members: [2] },
    { article: k('80'), members: [3] },
  ];
  const open = [
    { position: 4, candidates: [k('72'), k('80')] },
    { position: 5, candidates: [k('72'), k('80')] },
    { position: 6, candidates: [k('72')] },
    { position: 7, candidates: [k('22')] },
  ];

  it.each([
    // threshold, expected [position, cluster] pairs
    [0.1, [[4, 0], [5, 2]]],
    [0.99, []],
  ])('at %f', (threshold, expected) => {
    const found = nearbyMatches(vectors, open, clusters, threshold, Infinity);
    expect(found.map((m) => [m.position, m.cluster])).toEqual(expected);
    for (const m of found) expect(m.score).toBeGreaterThanOrEqual(threshold);
  });

  it('scores the average cosine to the members (v · ΣC / |C|)', () => {
    const [match] = nearbyMatches(vectors, [{ position: 4, candidates: [k('72')] }], clusters, 0, Infinity);
    const dot = (a: number, b: number): number => {
      const u = vectors[a]!;
      const v = vectors[b]!;
      let d = 0;
      for (let s = 0; s < u.terms.length; s++) for (let t = 0; t < v.terms.length; t++) if (u.terms[s] === v.terms[t]) d += u.weights[s]! * v.weights[t]!;
      return d;
    };
    expect(match!.cluster).toBe(0);
    expect(match!.score).toBeCloseTo((dot(4, 0) + dot(4, 1)) / 2, 12);
  });
});

describe('likelyArticles: the 可能涉及条文 of a group left 未归入', () => {
  const left = (...keys: string[]): ArticleAssignment[] => [{
    key: k('unassigned'), source: 'none', confidence: 0, cited: null, notInDraft: false,
    candidates: keys.map((key, i) => ({ key: k(key), score: 0.2 - i * 0.01 })),
  }];
  it.each([
    [[left('72', '80')], ['72', '80']],
    [[left('72'), left('80', '72')], ['72', '80']],
    [[left()], []],
  ])('%j → %j', (members, expected) => {
    expect(likelyArticles(members)).toEqual(expected);
  });
});

describe('clusterOpinions names 未归入 opinions on the article cluster they read like, changing no cluster', () => {
  const segmenter = createSegmenter(SEGMENTER_DEFAULTS);
  const options = { ...CLUSTER_DEFAULTS, tokens: segmenter.tokens, forms: segmenter.forms ?? null };
  const item = (id: string, article: string, text: string, candidates?: string[]): ClusterItem => ({
    id, article: k(article), terms: segmenter.terms(text), submissions: 1, points: [], counties: [], text,
    ...(candidates === undefined ? {} : { candidates: candidates.map(k) }),
  });
  const items = [
    item('a1', '80', '小区未售出的车位应当优先出租给本小区业主，不能租给外来车辆。'),
    item('a2', '80', '车位优先出租给业主，外来车辆占了车位，业主晚上回来没地方停。'),
    item('u1', 'unassigned', '外来车辆占了小区车位，业主下班回来找不到车位。', ['80', '72']),
    item('u2', 'unassigned', '希望总体上体现科技支撑，推动线上议事。', ['80']),
  ];
  it('marks u1 on the 车位 cluster, leaves u2 alone, and keeps both in 未归入', () => {
    const clusters = clusterOpinions(items, options);
    const onArticle = clusters.find((c) => c.opinions.includes('a1'))!;
    expect(onArticle.nearby?.map((n) => n.id)).toEqual(['u1']);
    expect(onArticle.opinions).not.toContain('u1');
    expect(clusters.find((c) => c.opinions.includes('u1'))!.article).toBe('unassigned');
    expect(clusters.filter((c) => c.nearby !== undefined).length).toBe(1);
    const off = clusterOpinions(items, { ...options, nearbyThreshold: 0 });
    expect(off.every((c) => c.nearby === undefined)).toBe(true);
    // Same clusters and ids either way.
    expect(off.map((c) => c.id)).toEqual(clusters.map((c) => c.id));
    // More 未归入 opinions with likely articles than nearbyMaxOpen (here 1: u1 and u2 have them): no notes at all.
    const capped = clusterOpinions(items, { ...options, nearbyMaxOpen: 1 });
    expect(capped.every((c) => c.nearby === undefined)).toBe(true);
    expect(clusterOpinions(items, { ...options, nearbyMaxOpen: 2 }).filter((c) => c.nearby !== undefined)).toHaveLength(1);
  });
});
