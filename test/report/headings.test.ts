/** The summary's cluster headings are the report's own sentences: simplified characters even for a 侨 opinion. */
import { describe, expect, it } from 'vitest';
import { buildReportView } from '../../src/report/model.js';
import { sampleDigest } from './sample-digest.js';

describe('cluster headings', () => {
  it('are written in simplified characters while the quoted opinion stays as the point wrote it', () => {
    const digest = sampleDigest();
    const cluster = digest.clusters.find((c) => c.opinions.length > 1) ?? digest.clusters[0]!;
    const traditional = '建議樓道充電要嚴格禁止，但是老舊小區沒有充電樁。';
    // The representative names a record by id, or (as here) carries the opinion's words.
    const clusters = digest.clusters.map((c) => (c.id === cluster.id ? { ...c, representative: traditional } : c));
    const view = buildReportView({ ...digest, clusters }, { showContact: false });
    const shown = view.sections.flatMap((s) => s.clusters).find((c) => c.id === cluster.id)!;
    expect(shown.representative).toBe(traditional);
    expect(shown.heading).toContain('建议楼道充电要严格禁止');
    expect(shown.heading).not.toMatch(/[議樓電嚴]/);
  });
});
