import { describe, expect, it } from 'vitest';
import type { AgglomeratedCluster } from '../../src/cluster/agglomerate.js';
import { isSplit, splitClusters } from '../../src/cluster/split.js';
import { SummedVector } from '../../src/cluster/summed-vector.js';
import { buildVectors } from '../../src/cluster/vectors.js';

describe('isSplit: the link across two groups against the looser group’s own average', () => {
  it.each([
    // withinA, withinB, across, ratio, split?
    [0.4, 0.5, 0.1, 0.5, true], // across 0.1 < 0.5 × 0.4
    [0.4, 0.5, 0.2, 0.5, false], // exactly at the bound: kept together
    [0.4, 0.5, 0.3, 0.5, false],
    [0.1, 0.9, 0.06, 0.5, false], // a loose half: its own average decides (0.06 ≥ 0.05)
    [0.1, 0.9, 0.04, 0.5, true],
    [0.4, 0.5, 0.0, 0, false], // ratio 0: no test
    [0.0, 0.5, 0.0, 0.5, false], // a half with no shared words is no tighter than the link
  ])('within %f / %f, across %f, ratio %f → %s', (withinA, withinB, across, ratio, expected) => {
    expect(isSplit({ withinA, withinB, across }, ratio)).toBe(expected);
  });
});

/** Vectors of word lists (batch-free IDF), and one cluster of all of them. */
function oneCluster(lists: string[][]): { vectors: ReturnType<typeof buildVectors<string>>['vectors']; cluster: AgglomeratedCluster } {
  const { vectors } = buildVectors(lists, null);
  const members = lists.map((_l, i) => i);
  const sum = new SummedVector(16);
  for (const v of vectors) for (let t = 0; t < v.terms.length; t++) sum.add(v.terms[t]!, v.weights[t]!);
  return { vectors, cluster: { members, sum } };
}

const FEE = ['物业费', '欠费', '限制', '消费', '处罚'];
const SERVICE = ['物业费', '服务', '不达标', '少交', '缓交'];

describe('splitClusters', () => {
  it('splits two concerns that share one word into two clusters, members ascending, ordered by first member', () => {
    const lists = [
      [...FEE, '失信'], [...SERVICE, '保安'], [...FEE, '名单'], [...SERVICE, '垃圾'], [...FEE, '过重'], [...SERVICE, '维修'],
    ];
    const { vectors, cluster } = oneCluster(lists);
    const out = splitClusters(vectors, [cluster], 0.5);
    expect(out.map((c) => c.members)).toEqual([[0, 2, 4], [1, 3, 5]]);
    // Each half carries its own summed vector.
    for (const c of out) expect(c.sum.size).toBeGreaterThan(0);
  });

  it('keeps one concern whole, and never splits a cluster too small for two halves of three', () => {
    const tight = oneCluster([[...FEE, 'a'], [...FEE, 'b'], [...FEE, 'c'], [...FEE, 'd'], [...FEE, 'e'], [...FEE, 'f']]);
    expect(splitClusters(tight.vectors, [tight.cluster], 0.5).map((c) => c.members)).toEqual([[0, 1, 2, 3, 4, 5]]);
    const small = oneCluster([[...FEE, '失信'], [...SERVICE, '保安'], [...FEE, '名单'], [...SERVICE, '垃圾'], [...FEE, '过重']]);
    expect(splitClusters(small.vectors, [small.cluster], 0.5).map((c) => c.members)).toEqual([[0, 1, 2, 3, 4]]);
  });

  it('ratio 0 returns the clusters as they are', () => {
    const { vectors, cluster } = oneCluster([[...FEE, '失信'], [...SERVICE, '保安'], [...FEE, '名单'], [...SERVICE, '垃圾'], [...FEE, '过重'], [...SERVICE, '维修']]);
    expect(splitClusters(vectors, [cluster], 0)).toEqual([cluster]);
  });
});
