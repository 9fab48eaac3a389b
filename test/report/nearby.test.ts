/** 未归入 opinions named on an article cluster they read like (Cluster.nearby): shown on both sides, as a guess. */
import { describe, expect, it } from 'vitest';
import { clusterNearbyNote, buildReportView } from '../../src/report/model.js';
import { sampleDigest } from './sample-digest.js';

describe('clusterNearbyNote', () => {
  it.each([
    [[], ''],
    [[{ score: 0.1234 }], '另有 1 条未归入的意见可能同类（相似度 0.12，按内容推测，待人工确认），见“未归入”部分'],
    [[{ score: 0.19 }, { score: 0.08 }], '另有 2 条未归入的意见可能同类（相似度 0.08–0.19，按内容推测，待人工确认），见“未归入”部分'],
  ])('%j → %s', (nearby, expected) => {
    expect(clusterNearbyNote(nearby)).toBe(expected);
  });
});

describe('the report view of a digest with nearby opinions', () => {
  it('notes the guess on the article cluster and on the 未归入 opinion, which stays in its own cluster', () => {
    const digest = sampleDigest();
    const target = digest.clusters.find((c) => c.article !== 'unassigned' && c.article !== 'general')!;
    const open = digest.records.find((r) => r.canonical && r.articles[0]!.key === 'unassigned')!;
    const clusters = digest.clusters.map((c) => (c.id === target.id ? { ...c, nearby: [{ id: open.id, score: 0.1234 }] } : c));
    const view = buildReportView({ ...digest, clusters }, { showContact: false });
    const all = view.sections.flatMap((s) => s.clusters);
    const shown = all.find((c) => c.id === target.id)!;
    expect(shown.nearbyNote).toBe(clusterNearbyNote([{ score: 0.1234 }]));
    expect(all.filter((c) => c.id !== target.id).every((c) => c.nearbyNote === '')).toBe(true);
    const member = all.flatMap((c) => c.members).find((m) => m.recordId === open.id)!;
    expect(member.nearbyNote).toMatch(/可能与第.+条“.+”的意见同类（相似度 0\.12，按内容推测，待人工确认）$/);
    expect(all.find((c) => c.members.some((m) => m.recordId === open.id))!.articleKey).toBe('unassigned');
  });

  it('says nothing of an opinion a person has since placed on an article', () => {
    const digest = sampleDigest();
    const target = digest.clusters.find((c) => c.article !== 'unassigned' && c.article !== 'general')!;
    const open = digest.records.find((r) => r.canonical && r.articles[0]!.key === 'unassigned')!;
    const clusters = digest.clusters.map((c) => (c.id === target.id ? { ...c, nearby: [{ id: open.id, score: 0.1234 }] } : c));
    const records = digest.records.map((r) => (r.id === open.id ? { ...r, articles: [{ ...r.articles[0]!, key: target.article, source: 'corrected' as const }] } : r));
    const view = buildReportView({ ...digest, clusters, records }, { showContact: false });
    const all = view.sections.flatMap((s) => s.clusters);
    expect(all.every((c) => c.nearbyNote === '' && c.members.every((m) => m.nearbyNote === ''))).toBe(true);
  });
});
