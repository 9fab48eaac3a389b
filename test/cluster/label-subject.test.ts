/**
 * Cluster labels keep what the opinion is about (session 20): a label does not open with a word that leans on a
 * clause it left out (但原物业…), with a heading (理由：…), or with the middle of the writer's story when the
 * sentence's start asks for something.
 */
import { describe, expect, it } from 'vitest';
import { clusterLabel } from '../../src/cluster/label.js';
import { createSegmenter, SEGMENTER_DEFAULTS } from '../../src/text/segment.js';

const segmenter = createSegmenter(SEGMENTER_DEFAULTS);
/** The label of a one-opinion cluster, its words weighted evenly (what a single opinion's cluster carries). */
const labelOf = (text: string): string =>
  clusterLabel(text, segmenter.terms(text).map((t) => [t, 1] as const), ['关键词'], segmenter.tokens, segmenter.forms ?? null);

describe('cluster labels keep their subject', () => {
  it('drops a leaning 但 that jieba joined to the next word (但原 物业)', () => {
    const label = labelOf('我小区业主大会已依法作出解聘决定，但原物业至今拒不移交资料、拒不退出。');
    expect(label).not.toMatch(/^但/u);
  });

  it('keeps 但书, a word of its own', () => {
    expect(labelOf('但书规定的例外情形过宽，建议删除。')).not.toMatch(/^书/u);
  });

  it('does not open with a heading before a colon (理由：…)', () => {
    const label = labelOf('第九条第（二）项建议修改。\n理由：正常维修更换部件不应被禁止。');
    expect(label).not.toMatch(/^理由/u);
    expect(label).toContain('正常维修');
  });

  it('prefers the sentence’s own ask to the middle of its story', () => {
    const label = labelOf('建议培训由行业协会统一组织，企业只负责组织骑手参加，减轻中小企业负担。');
    expect(label).not.toMatch(/^企业只负责/u);
    expect(label).toMatch(/^建议培训由行业协会统一组织/u);
  });
});
