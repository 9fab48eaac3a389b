import { describe, expect, it } from 'vitest';
import { checkedKey } from '../../src/article-key.js';
import { ClusterSchema } from '../../src/model.js';
import { CLUSTER_DEFAULTS, type ClusterItem, clusterArticle, clusterLabel, clusterOpinions, LABEL_MAX_CHARS } from '../../src/cluster/index.js';
import { createSegmenter, SEGMENTER_DEFAULTS } from '../../src/text/segment.js';
import { shuffled } from '../support/shuffle.js';

const segmenter = createSegmenter(SEGMENTER_DEFAULTS);

function item(id: string, article: string, text: string): ClusterItem {
  return { id, article: checkedKey(article), terms: segmenter.terms(text), submissions: 1, points: [], counties: [], text };
}

// Opinions of a leash article, cited as 第八条 or as its second paragraph, plus one about muzzles.
const ITEMS = [
  item('a1', '8', '遛狗必须拴绳，小区里不拴绳的狗太多了，孩子被吓哭了好几次。'),
  item('a2', '8.2', '小区里遛狗不拴绳的现象太多了，建议加大处罚，孩子们都不敢下楼玩。'),
  item('a3', '8.2.1', '遛狗不拴绳太危险，小区里孩子多，必须拴绳。'),
  item('a4', '8', '不拴绳遛狗的人太多，小区里孩子被狗追，必须管。'),
  item('b1', '9', '大型犬出门必须戴嘴套，防止咬伤路人。'),
];

describe('clusters per article, not per paragraph', () => {
  const clusters = clusterOpinions(ITEMS, { ...CLUSTER_DEFAULTS, tokens: segmenter.tokens, forms: segmenter.forms ?? null });

  it('puts opinions on 第八条, 第八条第二款 and its item in one cluster under article 8', () => {
    const leash = clusters.find((c) => c.opinions.includes('a1'))!;
    expect(leash.article).toBe('8');
    expect([...leash.opinions].sort()).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(leash.id).toMatch(/^8-[0-9a-f]{8}$/);
    expect(clusters.find((c) => c.opinions.includes('b1'))!.article).toBe('9');
    for (const c of clusters) expect(ClusterSchema.parse(c)).toEqual(c);
  });

  it('maps keys to their article and leaves the other keys alone', () => {
    expect(['8', '8.2', '8.2.3', '12-1', '12-1.2', 'ch3', 'general', 'unassigned'].map((k) => clusterArticle(checkedKey(k)))).toEqual(['8', '8', '8', '12-1', '12-1', 'ch3', 'general', 'unassigned']);
  });

  it('gives the same clusters, ids and labels whatever the input order', () => {
    for (const seed of [1, 2, 3]) expect(clusterOpinions(shuffled(ITEMS, seed), { ...CLUSTER_DEFAULTS, tokens: segmenter.tokens, forms: segmenter.forms ?? null })).toEqual(clusters);
  });
});

describe('cluster labels', () => {
  it('is a clause of the most central opinion, cut between words, never a broken word', () => {
    const clusters = clusterOpinions(ITEMS, { ...CLUSTER_DEFAULTS, tokens: segmenter.tokens, forms: segmenter.forms ?? null });
    const leash = clusters.find((c) => c.opinions.includes('a1'))!;
    const central = ITEMS.find((i) => i.id === leash.representative)!.text!;
    const label = leash.label!;
    expect(label.length).toBeGreaterThan(0);
    expect(central).toContain(label.replace(/……$/, ''));
    // A run of whole clauses of one sentence: clause commas may stay, sentence ends never do.
    expect(label).not.toMatch(/[。！？；]/);
  });

  it('cuts a long clause at a word boundary: every word of the label is a whole word of the clause', () => {
    // One long clause: the label must stop at the end of a word, e.g. not "…北京市住" out of 北京市住房和城乡建设委员会.
    const text = '建议由北京市住房和城乡建设委员会会同各区人民政府尽快制定物业服务收费政府指导价的具体办法';
    const weights = segmenter.terms(text).map((t) => [t, 1] as const);
    const label = clusterLabel(text, weights, [], segmenter.tokens, null);
    // The Chinese ellipsis (……), not a single …
    expect(label.endsWith('……')).toBe(true);
    const kept = label.slice(0, -2);
    expect([...kept].length).toBeLessThanOrEqual(LABEL_MAX_CHARS);
    // The kept text is exactly a run of whole tokens from the start of the clause.
    const tokens = segmenter.tokens(text);
    let joined = '';
    for (const token of tokens) {
      if (joined.length >= kept.length) break;
      joined += token;
    }
    expect(joined).toBe(kept);
    expect(kept).not.toMatch(/市住$/);
  });

  it('falls back to keywords when there is no text or no segmenter', () => {
    expect(clusterLabel(null, [], ['犬链', '长度', '上限', '标准'], null, null)).toBe('犬链、长度、上限');
    const [c] = clusterOpinions([{ id: 'r1', article: checkedKey('3'), terms: ['犬链', '长度'], submissions: 1, points: [], counties: [] }], { ...CLUSTER_DEFAULTS, tokens: null, forms: null });
    expect(c!.label).toBe('犬链、长度');
  });
});
