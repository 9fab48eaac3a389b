import { describe, expect, it } from 'vitest';
import { checkedKey } from '../../src/article-key.js';
import { ASSIGN_DEFAULTS, createAssigner } from '../../src/assign/assign.js';
import { createArticleMatcher, similarityAssignment } from '../../src/assign/similarity.js';
import { DOG_DRAFT, terms } from './dog-draft.js';

const { threshold, minMargin, minLead, minLeadUnanchored } = ASSIGN_DEFAULTS;

describe('anchor words: a word of the opinion that few articles of the draft hold', () => {
  const matcher = createArticleMatcher(DOG_DRAFT, terms);

  it('anchors the article whose own text holds a word no other article has', () => {
    const opinion = terms('遛狗不拴牵引带太危险了');
    expect(opinion).toContain('牵引带');
    expect(matcher.anchors(opinion, checkedKey('3'))).toBe(true);
    // The penalty (第四条) punishes 第三条 but its own text does not say 牵引带.
    expect(matcher.anchors(opinion, checkedKey('4'))).toBe(false);
    expect(matcher.anchors(opinion, checkedKey('2'))).toBe(false);
  });

  it('does not count a word most articles hold (犬只 is in three of four)', () => {
    const opinion = terms('犬只到处乱跑');
    expect(opinion).toContain('犬只');
    for (const key of ['1', '2', '3']) expect(matcher.anchors(opinion, checkedKey(key))).toBe(false);
  });

  it('counts a word two articles hold in a short draft (携带: 第二条, 第三条)', () => {
    const opinion = terms('携带');
    expect(matcher.anchors(opinion, checkedKey('2'))).toBe(true);
    expect(matcher.anchors(opinion, checkedKey('3'))).toBe(true);
    expect(matcher.anchors(opinion, checkedKey('1'))).toBe(false);
  });

  it('is not given by the wording of the opinions an article learned, only by its own text', () => {
    const learning = createArticleMatcher(DOG_DRAFT, terms);
    const cited = '带狗坐公交地铁应该放开，装笼子的小狗不会影响别人。';
    learning.learn(checkedKey('2'), terms(cited), 1, cited);
    const opinion = terms('周末想带小狗坐公交，被司机拦下来了');
    expect(learning.matchTerms(opinion).key).toBe('2');
    expect(learning.matchTerms(opinion).anchored).toBe(false);
  });
});

describe('an unanchored guess needs the larger lead', () => {
  // Lead 0.05: enough for an anchored article (minLead), not for one without (minLeadUnanchored).
  const match = { key: checkedKey('3'), score: 0.2, runnerUp: 0.15 };

  it('places the anchored match and leaves the same scores unanchored 未归入', () => {
    expect(minLead).toBeLessThan(0.05);
    expect(minLeadUnanchored).toBeGreaterThan(0.05);
    expect(similarityAssignment({ ...match, anchored: true }, threshold, minMargin, minLead, minLeadUnanchored)).toMatchObject({ key: '3', source: 'similarity' });
    expect(similarityAssignment({ ...match, anchored: false }, threshold, minMargin, minLead, minLeadUnanchored)).toMatchObject({ key: 'unassigned', source: 'none', confidence: 0.2 });
  });

  it('the assigner asks the matcher about the article it chose', () => {
    // No lead at all for an anchored article, an impossible one without: what is placed is what is anchored.
    const assigner = createAssigner(DOG_DRAFT, terms, { threshold: 0, minMargin: 0, minLead: 0, minLeadUnanchored: 1, examples: [] });
    const cited = { article: '第二条', opinion: '带狗坐公交地铁应该放开，装笼子的小狗不会影响别人。' };
    assigner.learn(cited, assigner.cited(cited));
    expect(assigner.guess({ article: null, opinion: '遛狗不拴牵引带太危险了' })[0]).toMatchObject({ key: '3', source: 'similarity' });
    const [unanchored] = assigner.guess({ article: null, opinion: '周末想带小狗坐公交，被司机拦下来了' });
    expect(unanchored).toMatchObject({ key: 'unassigned', source: 'none' });
    // Still shown as the likely article.
    expect(unanchored!.candidates?.[0]?.key).toBe('2');
  });
});
