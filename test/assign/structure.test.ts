import { describe, expect, it } from 'vitest';
import { checkedKey } from '../../src/article-key.js';
import { createAssigner } from '../../src/assign/assign.js';
import type { RankedArticle } from '../../src/assign/similarity.js';
import { judgesSanction, penaltyLinks, resolveDutyAndPenalty } from '../../src/assign/structure.js';
import { parseDraft } from '../../src/text/draft.js';
import { createSegmenter, SEGMENTER_DEFAULTS } from '../../src/text/segment.js';

const DRAFT = parseDraft(
  `某市养犬管理条例（草案）
第一章 一般规定
第一条 养犬人应当为犬只接种狂犬病疫苗，并办理养犬登记。
第二条 禁止携带犬只进入公共场所和公共交通工具。
第三条 养犬人携带犬只外出，应当为犬只束牵引带，及时清除犬只粪便。
第二章 法律责任
第四条 违反本条例第三条规定的，由公安部门责令改正，处五十元以上二百元以下罚款。
第五条 违反本条例第一条、第二条规定的，由公安部门给予警告。
第六条 违反本条例第三条规定，造成他人损害的，依法承担民事责任。
第七条 本条例自2025年1月1日起施行。`,
  '草案.txt',
);

describe('penaltyLinks', () => {
  it('links an article that sets a sanction to the articles named after 违反本条例', () => {
    expect([...penaltyLinks(DRAFT)]).toEqual([
      ['4', ['3']],
      ['5', ['1', '2']],
    ]);
  });

  it('links nothing in a draft without sanctions', () => {
    const draft = parseDraft('某法\n第一条 出租人应当履行维修义务。\n第二条 违反本法第一条的，承租人可以自行维修。', 'x.txt');
    expect(penaltyLinks(draft).size).toBe(0);
  });
});

describe('judgesSanction', () => {
  it.each([
    ['遛狗不牵绳罚二十块钱，谁会在乎？', true],
    ['把车位租给外人只罚几千块钱，罚得太轻了。', true],
    ['罚款才几十块，有的人宁愿被罚也不拴绳。', true],
    ['遛狗不拴绳，罚了也没用，违法成本太低了。', true],
    ['欠物业费就限制高消费，处罚过重。', true],
    ['楼道充电被抓到就罚款，对个人罚五百以下合适。', true],
    // About the duty, even where a sanction is asked for.
    ['遛狗必须牵绳，请有关部门加大执法力度。', false],
    ['狗拉了当场清走，做不到的要罚款。', false],
    ['建议对遗弃者处以高额罚款并终身禁止养犬。', false],
    ['物业费太贵了，一平米五块钱。', false],
  ])('%s → %s', (opinion, expected) => {
    expect(judgesSanction(opinion)).toBe(expected);
  });
});

describe('resolveDutyAndPenalty', () => {
  const links = new Map([
    ['4', ['3']],
    ['5', ['1', '2']],
  ]);
  const r = (...pairs: [string, number][]): RankedArticle[] => pairs.map(([key, score]) => ({ key: checkedKey(key), score }));

  it('puts the penalty first for an opinion on the sanction, with the pair’s score', () => {
    expect(resolveDutyAndPenalty(r(['3', 0.3], ['4', 0.28], ['1', 0.1]), links, true)).toEqual({
      ranked: r(['4', 0.3], ['3', 0.3], ['1', 0.1]),
      runnerUp: 0.1,
    });
  });

  it('puts the duty first otherwise, and measures the lead against the best article outside the pair', () => {
    expect(resolveDutyAndPenalty(r(['4', 0.3], ['2', 0.2], ['3', 0.28], ['1', 0.1]), links, false)).toEqual({
      ranked: r(['3', 0.3], ['4', 0.3], ['2', 0.2], ['1', 0.1]),
      runnerUp: 0.2,
    });
  });

  it('leaves the order alone when the best article already fits, but still measures outside the pair', () => {
    expect(resolveDutyAndPenalty(r(['3', 0.3], ['4', 0.28], ['2', 0.1]), links, false)).toEqual({ ranked: r(['3', 0.3], ['4', 0.28], ['2', 0.1]), runnerUp: 0.1 });
  });

  it('changes nothing without a pair among the first three', () => {
    const ranked = r(['3', 0.3], ['2', 0.28], ['1', 0.2], ['4', 0.1]);
    expect(resolveDutyAndPenalty(ranked, links, true)).toEqual({ ranked, runnerUp: 0.28 });
    expect(resolveDutyAndPenalty([], links, true)).toEqual({ ranked: [], runnerUp: 0 });
    expect(resolveDutyAndPenalty(ranked, new Map(), true)).toEqual({ ranked, runnerUp: 0.28 });
  });
});

describe('the assigner on a duty and its penalty', () => {
  const { terms } = createSegmenter(SEGMENTER_DEFAULTS);
  const assigner = createAssigner(DRAFT, terms, { threshold: 0, minMargin: 0, minLead: 0, minLeadUnanchored: 0, examples: [] });
  for (const [article, opinion] of [
    ['3', '小区里遛狗不拴绳的太多了，孩子下楼都害怕。'],
    ['3', '狗在草坪上拉屎，主人看着也不捡。'],
  ] as const) {
    const input = { article: `第${article === '3' ? '三' : '四'}条`, opinion };
    assigner.learn(input, assigner.cited(input));
  }

  it('files an opinion on the size of the fine under the penalty, though the duty shares more words', () => {
    const opinion = '遛狗不束牵引带、不清除粪便的太多了，才罚五十元，谁会在乎？';
    // The premise: by words alone the duty comes first.
    expect(assigner.candidates({ article: null, opinion }, 2).map((c) => c.key).sort()).toEqual(['3', '4']);
    expect(assigner.guess({ article: null, opinion })[0]?.key).toBe('4');
  });

  it('files an opinion on the duty under the duty', () => {
    expect(assigner.guess({ article: null, opinion: '遛狗必须束牵引带，粪便要及时清除，请加大执法力度。' })[0]?.key).toBe('3');
  });
});
