import { describe, expect, it } from 'vitest';
import { sampleDigest } from './sample-digest.js';

describe('sample digest', () => {
  it('is a valid, reconciled Digest', () => {
    const digest = sampleDigest();
    const t = digest.totals;
    expect(t.rows).toBe(t.records + t.rejects + t.blanks);
    expect(digest.records).toHaveLength(25);
    expect(digest.clusters).toHaveLength(10);
    // Every distinct opinion sits in exactly one cluster; submissions add up to the records.
    const inClusters = digest.clusters.flatMap((c) => c.opinions);
    expect(new Set(inClusters).size).toBe(t.distinctOpinions);
    expect(digest.clusters.reduce((n, c) => n + c.submissions, 0)).toBe(t.records);
  });
});
