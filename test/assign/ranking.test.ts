import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkedKey } from '../../src/article-key.js';
import { ASSIGN_DEFAULTS, createAssigner } from '../../src/assign/assign.js';
import { createArticleMatcher, topPositions } from '../../src/assign/similarity.js';
import { DOG_DRAFT as DRAFT, terms } from './dog-draft.js';

/** The reference: every active positive score, sorted by score (highest first), equal scores by position. */
const sortedPositions = (scores: readonly number[], active: readonly boolean[]): number[] =>
  scores
    .map((score, p) => ({ score, p }))
    .filter(({ score, p }) => active[p] === true && score > 0)
    .sort((a, b) => b.score - a.score || a.p - b.p)
    .map(({ p }) => p);

// Few distinct values, so equal scores (ties) are common.
const scoresAndActive = fc
  .array(fc.tuple(fc.constantFrom(0, 0.1, 0.2, 0.25, 0.5, 0.9, 1), fc.boolean()), { maxLength: 40 })
  .map((rows) => ({ scores: rows.map(([s]) => s), active: rows.map(([, a]) => a) }));

describe('topPositions', () => {
  it('is the first `limit` of the full ranking (highest first, ties in position order), for any scores', () => {
    fc.assert(
      fc.property(scoresAndActive, fc.integer({ min: 0, max: 45 }), ({ scores, active }, limit) => {
        expect(topPositions(Float64Array.from(scores), active, limit)).toEqual(sortedPositions(scores, active).slice(0, limit));
      }),
    );
  });

  it('leaves out inactive profiles and scores of zero', () => {
    expect(topPositions([0.3, 0, 0.9, 0.5], [true, true, false, true], 5)).toEqual([3, 0]);
    expect(topPositions([0.2, 0.2, 0.2], [true, true, true], 2)).toEqual([0, 1]);
    expect(topPositions([0.2, 0.4], [true, true], 0)).toEqual([]);
  });
});

// Opinions people wrote on the draft above, with the article they cite.
const CITED: readonly [string, string][] = [
  ['2', '希望允许小型犬装进航空箱以后坐地铁，去宠物医院太不方便了。'],
  ['2', '带狗坐公交地铁应该放开，装笼子的小狗不会影响别人。'],
  ['3', '小区里遛狗不拴绳的太多了，孩子下楼都害怕。'],
  ['3', '狗在草坪上拉屎，主人看着也不捡。'],
  ['1', '狂犬疫苗一年一打太频繁，费用也高，建议三年一次。'],
  ['4', '不拴绳只罚几十块钱，根本起不到作用，建议提高罚款。'],
];
const QUERIES = ['周末想带小狗坐地铁去郊区，在地铁站被拦下来了。', '遛狗一定要拴绳，大狗冲过来太吓人。', '办狗证要先打疫苗，社区医院就能打吗？'];

describe('rankTerms (the ranking guess() chooses from)', () => {
  const matcher = createArticleMatcher(DRAFT, terms);
  for (const [key, opinion] of CITED) matcher.learn(checkedKey(key), terms(opinion), 1, opinion);

  it('begins with the best match and its runner-up, with the same scores', () => {
    for (const query of QUERIES) {
      const match = matcher.matchTerms(terms(query));
      const ranked = matcher.rankTerms(terms(query), 4);
      expect(ranked[0]).toEqual({ key: match.key, score: match.score });
      expect(ranked[1]?.score ?? 0).toBe(match.runnerUp);
      expect(ranked.map((r) => r.score)).toEqual([...ranked.map((r) => r.score)].sort((a, b) => b - a));
    }
  });

  it('ranks the same articles, with the same scores, whatever order the citing opinions were learned in', () => {
    const reference = QUERIES.map((q) => matcher.rankTerms(terms(q), 4));
    fc.assert(
      fc.property(fc.shuffledSubarray([...CITED.keys()], { minLength: CITED.length }), (order) => {
        const shuffled = createArticleMatcher(DRAFT, terms);
        for (const i of order) shuffled.learn(checkedKey(CITED[i]![0]), terms(CITED[i]![1]), 1, CITED[i]![1]);
        QUERIES.forEach((q, n) => {
          const ranked = shuffled.rankTerms(terms(q), 4);
          expect(ranked.map((r) => r.key)).toEqual(reference[n]!.map((r) => r.key));
          ranked.forEach((r, k) => expect(r.score).toBeCloseTo(reference[n]![k]!.score, 12));
        });
      }),
      { numRuns: 10 },
    );
  });
});

describe('Assigner.candidates', () => {
  it('lists what guess() chose from, even when guess() abstains', () => {
    const assigner = createAssigner(DRAFT, terms, { ...ASSIGN_DEFAULTS, threshold: 0.99, examples: [] });
    for (const [key, opinion] of CITED) {
      const input = { article: `第${'一二三四'[Number(key) - 1]}条`, opinion };
      assigner.learn(input, assigner.cited(input));
    }
    const input = { article: null, opinion: QUERIES[0]! };
    expect(assigner.guess(input)[0]).toMatchObject({ key: 'unassigned', source: 'none' });
    const candidates = assigner.candidates(input, 2);
    expect(candidates[0]?.key).toBe('2');
    expect(candidates.length).toBeLessThanOrEqual(2);
  });

  it('is empty without a draft', () => {
    const assigner = createAssigner(null, terms, { ...ASSIGN_DEFAULTS, examples: [] });
    expect(assigner.candidates({ article: null, opinion: QUERIES[0]! }, 3)).toEqual([]);
  });
});
