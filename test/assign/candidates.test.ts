import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkedKey } from '../../src/article-key.js';
import { ASSIGN_DEFAULTS, createAssigner, MIN_LEAD_UNGROUNDED } from '../../src/assign/assign.js';
import { CANDIDATE_DEFAULTS, selectCandidates } from '../../src/assign/candidates.js';
import { createArticleMatcher, similarityAssignment, type RankedArticle } from '../../src/assign/similarity.js';
import { DOG_DRAFT as DRAFT, terms } from './dog-draft.js';
import { judgesSanction, penaltyLinks, resolveDutyAndPenalty } from '../../src/assign/structure.js';

// Rankings as rankTerms gives them (distinct keys) but in any order, with ties common.
const rankings = fc
  .uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 12 })
  .chain((keys) => fc.tuple(fc.constant(keys), fc.array(fc.constantFrom(0, 0.02, 0.05, 0.1, 0.14, 0.2, 0.2, 0.35, 1), { minLength: keys.length, maxLength: keys.length })))
  .map(([keys, scores]): RankedArticle[] => keys.map((k, i) => ({ key: checkedKey(String(k)), score: scores[i]! })));
const options = fc.record({
  limit: fc.integer({ min: 0, max: 5 }),
  share: fc.constantFrom(0, 0.5, 0.7, 0.9, 1),
  floor: fc.constantFrom(0, 0.05, 0.2),
});

describe('selectCandidates', () => {
  it('keeps at most `limit`, best first, each ≥ share × best, none when the best is under the floor, for any ranking', () => {
    fc.assert(
      fc.property(rankings, options, (ranked, opts) => {
        const chosen = selectCandidates(ranked, opts);
        const best = Math.max(0, ...ranked.map((r) => r.score));
        const scoreOf = new Map(ranked.map((r) => [r.key as string, r.score]));
        expect(chosen.length).toBeLessThanOrEqual(opts.limit);
        if (best <= 0 || best < opts.floor) expect(chosen).toEqual([]);
        for (const c of chosen) expect(scoreOf.get(c.key)!).toBeGreaterThanOrEqual(opts.share * best);
        for (let i = 1; i < chosen.length; i++) expect(chosen[i - 1]!.score).toBeGreaterThanOrEqual(chosen[i]!.score);
        expect(new Set(chosen.map((c) => c.key)).size).toBe(chosen.length);
        // Nothing better was left out: every article above the last one chosen is chosen.
        const last = chosen.at(-1);
        if (last !== undefined) {
          const better = ranked.filter((r) => r.score > scoreOf.get(last.key)!).map((r) => r.key);
          expect(chosen.map((c) => c.key)).toEqual(expect.arrayContaining(better));
        }
        // Deterministic: the same ranking gives the same suggestions, field for field.
        expect(selectCandidates(ranked.map((r) => ({ ...r })), opts)).toEqual(chosen);
      }),
    );
  });

  it('keeps ties in ranking order and rounds scores as digest.json writes confidences', () => {
    const ranked = [
      { key: checkedKey('13'), score: 0.15 },
      { key: checkedKey('12'), score: 0.183_456 },
      { key: checkedKey('30'), score: 0.15 },
      { key: checkedKey('2'), score: 0.09 },
    ];
    expect(selectCandidates(ranked)).toEqual([
      { key: '12', score: 0.1835 },
      { key: '13', score: 0.15 },
      { key: '30', score: 0.15 },
    ]);
    // 0.09 < 0.7 × 0.1835: a weak fourth is never shown, even with room for it.
    expect(selectCandidates(ranked, { ...CANDIDATE_DEFAULTS, limit: 5 }).map((c) => c.key)).toEqual(['12', '13', '30']);
    expect(selectCandidates([{ key: checkedKey('4'), score: 0.04 }])).toEqual([]);
    expect(selectCandidates([])).toEqual([]);
  });
});

const CITED: readonly [string, string][] = [
  ['第二条', '希望允许小型犬装进航空箱以后坐地铁，去宠物医院太不方便了。'],
  ['第三条', '小区里遛狗不拴绳的太多了，孩子下楼都害怕。'],
  ['第三条', '狗在草坪上拉屎，主人看着也不捡。'],
  ['第一条', '狂犬疫苗一年一打太频繁，费用也高，建议三年一次。'],
  ['第四条', '不拴绳只罚几十块钱，根本起不到作用，建议提高罚款。'],
];
// A clear one (拴绳 → 第三条), one between two articles (拴绳 and 罚款), one on nothing in the draft.
const OPINIONS = ['遛狗一定要拴绳，大狗冲过来太吓人。', '遛狗不拴绳的，罚款要罚得让人记住。', '小区的快递柜总是满的，取件很不方便。'];

describe('Assigner.guess with suggestions', () => {
  const assigner = createAssigner(DRAFT, terms, { ...ASSIGN_DEFAULTS, examples: [] });
  for (const [article, opinion] of CITED) assigner.learn({ article, opinion }, assigner.cited({ article, opinion }));
  const reference = createArticleMatcher(DRAFT, terms);
  for (const [article, opinion] of CITED) reference.learn(checkedKey(String('一二三四'.indexOf(article[1]!) + 1)), terms(opinion), 1, opinion);

  it('assigns exactly as the match it replaced (one ranking pass, the same scores and tie order)', () => {
    // Away from a duty and its penalty, the match itself; the straddling one (第三条 and its penalty
    // 第四条) as the match with the pair resolved (structure.ts).
    for (const opinion of [OPINIONS[0]!, OPINIONS[2]!]) {
      const [found] = assigner.guess({ article: null, opinion });
      const { candidates: _shown, ...assignment } = found!;
      expect(assignment).toEqual(similarityAssignment(reference.matchTerms(terms(opinion)), ASSIGN_DEFAULTS.threshold, ASSIGN_DEFAULTS.minMargin, ASSIGN_DEFAULTS.minLead, ASSIGN_DEFAULTS.minLeadUnanchored, MIN_LEAD_UNGROUNDED));
    }
    const opinion = OPINIONS[1]!;
    const { ranked, runnerUp } = resolveDutyAndPenalty(reference.rankTerms(terms(opinion), 4), penaltyLinks(DRAFT), judgesSanction(opinion));
    const [found] = assigner.guess({ article: null, opinion });
    const { candidates: _shown, ...assignment } = found!;
    const anchored = reference.anchors(terms(opinion), ranked[0]!.key);
    const grounded = reference.grounds(terms(opinion), ranked[0]!.key);
    expect(assignment).toEqual(similarityAssignment({ key: ranked[0]!.key, score: ranked[0]!.score, runnerUp, anchored, grounded }, ASSIGN_DEFAULTS.threshold, ASSIGN_DEFAULTS.minMargin, ASSIGN_DEFAULTS.minLead, ASSIGN_DEFAULTS.minLeadUnanchored, MIN_LEAD_UNGROUNDED));
  });

  it('suggests articles only when it leaves the opinion unassigned, best first, never on a placed one', () => {
    const found = OPINIONS.map((opinion) => assigner.guess({ article: null, opinion })[0]!);
    for (const a of found) {
      if (a.source === 'similarity') expect(a).not.toHaveProperty('candidates');
      else expect(a.key).toBe('unassigned');
    }
    const left = found.filter((a) => a.source === 'none' && a.candidates !== undefined);
    expect(left.length).toBeGreaterThan(0);
    for (const a of left) {
      expect(a.candidates!.length).toBeLessThanOrEqual(3);
      // The confidence of an unassigned opinion is its best score: the first suggestion.
      expect(a.candidates![0]!.score).toBe(a.confidence);
    }
  });

  it('puts the two articles an opinion straddles among its suggestions when it abstains', () => {
    const strict = createAssigner(DRAFT, terms, { ...ASSIGN_DEFAULTS, threshold: 0.99, examples: [] });
    for (const [article, opinion] of CITED) strict.learn({ article, opinion }, strict.cited({ article, opinion }));
    const [a] = strict.guess({ article: null, opinion: OPINIONS[1]! });
    expect(a).toMatchObject({ key: 'unassigned', source: 'none' });
    expect(a!.candidates!.map((c) => c.key)).toEqual(expect.arrayContaining(['3', '4']));
  });

  it('gives cited and general-by-wording opinions no suggestions', () => {
    expect(assigner.assign({ article: null, opinion: '第三条规定遛狗要拴绳，建议写明绳长。' })[0]).not.toHaveProperty('candidates');
    expect(assigner.assign({ article: null, opinion: '总体上看，草案对养犬人的义务规定得比较清楚。' })[0]).not.toHaveProperty('candidates');
  });

  it('suggests nothing without a draft', () => {
    const none = createAssigner(null, terms, { ...ASSIGN_DEFAULTS, examples: [] });
    expect(none.guess({ article: null, opinion: OPINIONS[0]! })).toEqual([{ key: 'unassigned', source: 'none', confidence: 0, cited: null, notInDraft: false }]);
  });
});
