/**
 * Cluster labels keep what the opinion is about (session 20): a label does not open with a word that leans on a
 * clause it left out (但原物业…), with a heading (理由：…), or with the middle of the writer's story when the
 * sentence's start asks for something.
 */
import fc from 'fast-check';
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

describe('cluster labels keep quotation marks and brackets paired (session 22)', () => {
  /** Each opener of `text` closed, in order, and no closer without its opener. */
  const balanced = (text: string): boolean => {
    const pairs = new Map([['“', '”'], ['《', '》'], ['（', '）'], ['「', '」']]);
    const open: string[] = [];
    for (const ch of text) {
      if (pairs.has(ch)) open.push(pairs.get(ch)!);
      else if ([...pairs.values()].includes(ch) && open.pop() !== ch) return false;
    }
    return open.length === 0;
  };

  it('does not cut a quoted provision at the comma inside it', () => {
    // Seen on a fresh batch (民法典 侵权责任): the label was “监护人尽到监护职责的 — an open quotation, half a provision.
    const text = '“监护人尽到监护职责的，可以减轻其侵权责任”，监护职责的认定缺乏标准，建议列举家长应当尽到的基本注意义务。';
    // The cluster's heaviest words are the quotation's (its other opinions argue about the same provision).
    const weights = [['监护人', 3], ['监护', 3], ['职责', 3], ['侵权', 1]] as const;
    const label = clusterLabel(text, weights, ['关键词'], segmenter.tokens, segmenter.forms ?? null);
    expect(label).not.toBe('“监护人尽到监护职责的');
    expect(balanced(label)).toBe(true);
  });

  it('closes a quotation it has to cut, with the ellipsis inside', () => {
    const label = labelOf('建议将“在拥挤场合自觉收紧牵引带并主动避让行人及其他犬只”改为更具体的规定。');
    expect(balanced(label)).toBe(true);
    if (label.includes('……')) expect(label).toMatch(/……[”》）」]*$/u);
  });

  it('keeps brackets paired in every label of real opinions', () => {
    const texts = [
      '第十二条（养犬登记）中“每户限养一只”，建议改为“每户限养一只大型犬”，小型犬可以两只。',
      '建议删除《实施细则》中关于“犬只年检”的规定，改为三年一次。',
      '关于“拥挤场合”的标准无法判断，建议改为“在人员密集场所及电梯、楼道内将牵引带收短至一米以内”。',
      '（一）物业服务人应当公开收费标准，（二）业主委员会应当监督。',
      '他说“我家狗不咬人”，可是上次就咬了邻居家孩子，建议一律拴绳。',
    ];
    for (const text of texts) expect(balanced(labelOf(text)), `${text} → ${labelOf(text)}`).toBe(true);
  });

  it('splits a text whose quotation never closes as written', () => {
    const label = labelOf('他说“我家狗不咬人，可是上次就咬了邻居家孩子，建议一律拴绳。');
    expect(label.length).toBeGreaterThan(0);
  });

  it('is paired for any text of words, breaks and quoted provisions (property)', () => {
    const pieces = ['建议', '物业服务人', '应当', '公开', '收费标准', '业主', '犬只', '牵引带', '规定', '删除', '明确'];
    const quoted = ['“每户限养一只，大型犬除外”', '《实施细则》', '（试行）', '“拥挤场合”', '「全体业主」'];
    const piece = fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...quoted));
    const text = fc.array(fc.tuple(piece, fc.constantFrom('', '', '，', '：', '。')), { minLength: 1, maxLength: 25 })
      .map((parts) => parts.map(([p, s]) => p + s).join(''));
    fc.assert(fc.property(text, (t) => balanced(labelOf(t))), { numRuns: 200 });
  });
});
