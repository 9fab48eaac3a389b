import { describe, expect, it } from 'vitest';
import { checkedKey } from '../../src/article-key.js';
import { ASSIGN_DEFAULTS, createAssigner, MIN_LEAD_UNGROUNDED } from '../../src/assign/assign.js';
import { everydayWords } from '../../src/assign/everyday.js';
import { createArticleMatcher, similarityAssignment } from '../../src/assign/similarity.js';
import { DOG_DRAFT, terms } from './dog-draft.js';

const { threshold, minMargin, minLead, minLeadUnanchored } = ASSIGN_DEFAULTS;
const minLeadUngrounded = MIN_LEAD_UNGROUNDED;

describe('everyday words (templates/dict/everyday.txt)', () => {
  it('holds the words of general text and not the terms of a statute', () => {
    const words = everydayWords();
    expect(words.size).toBeGreaterThan(1500);
    for (const word of ['情况', '问题', '需要', '已经']) expect(words.has(word)).toBe(true);
    for (const word of ['牵引带', '犬只', '疫苗', '罚款', '承租人']) expect(words.has(word)).toBe(false);
  });
});

describe('a grounded match: the article\'s own text shares a word with the opinion that is not an everyday word', () => {
  it('grounds the article whose text holds a word of the opinion, whatever other articles hold', () => {
    const matcher = createArticleMatcher(DOG_DRAFT, terms);
    const opinion = terms('遛狗不拴牵引带太危险了');
    expect(matcher.grounds(opinion, checkedKey('3'))).toBe(true);
    // 犬只 is in three of the four articles: no anchor, but a word of the article all the same.
    expect(matcher.grounds(terms('犬只到处乱跑'), checkedKey('1'))).toBe(true);
    expect(matcher.grounds(opinion, checkedKey('1'))).toBe(false);
  });

  it('does not ground on an everyday word the article shares', () => {
    // The same draft, with 进入 and 犬只 taken as everyday words: 第二条 then shares nothing else with the opinion.
    const opinion = terms('不让狗进入商场');
    expect(opinion).toContain('进入');
    expect(createArticleMatcher(DOG_DRAFT, terms, new Set()).grounds(opinion, checkedKey('2'))).toBe(true);
    expect(createArticleMatcher(DOG_DRAFT, terms, new Set(['进入', '犬只'])).grounds(opinion, checkedKey('2'))).toBe(false);
  });

  it('is not given by the wording of the opinions an article learned', () => {
    const matcher = createArticleMatcher(DOG_DRAFT, terms);
    const cited = '带狗坐公交地铁应该放开，装笼子的小狗不会影响别人。';
    matcher.learn(checkedKey('2'), terms(cited), 1, cited);
    const match = matcher.matchTerms(terms('周末坐公交，装了笼子也被司机拦下来了'));
    expect(match.key).toBe('2');
    expect(match.grounded).toBe(false);
  });
});

describe('an ungrounded guess needs the largest lead', () => {
  // Lead 0.09: enough for an anchored or unanchored article, not for one whose text shares only everyday words.
  const match = { key: checkedKey('3'), score: 0.3, runnerUp: 0.21, anchored: false };

  it('places the grounded match and leaves the same scores ungrounded 未归入', () => {
    expect(minLeadUnanchored).toBeLessThan(0.09);
    expect(minLeadUngrounded).toBeGreaterThan(0.09);
    expect(similarityAssignment({ ...match, grounded: true }, threshold, minMargin, minLead, minLeadUnanchored, minLeadUngrounded)).toMatchObject({ key: '3', source: 'similarity' });
    expect(similarityAssignment({ ...match, grounded: false }, threshold, minMargin, minLead, minLeadUnanchored, minLeadUngrounded)).toMatchObject({ key: 'unassigned', source: 'none', confidence: 0.3 });
    // An anchored article is grounded by its anchor; a caller that says nothing of grounding keeps the old rule.
    expect(similarityAssignment(match, threshold, minMargin, minLead, minLeadUnanchored, minLeadUngrounded)).toMatchObject({ key: '3' });
  });

  it('the assigner asks the matcher about the article it chose', () => {
    // No lead asked of a grounded article: only MIN_LEAD_UNGROUNDED can leave a guess 未归入 here (its lead is above the
    // one-word rule's, ONE_WORD_LEAD).
    const assigner = createAssigner(DOG_DRAFT, terms, { threshold: 0, minMargin: 0, minLead: 0, minLeadUnanchored: 0, examples: [] });
    const matcher = createArticleMatcher(DOG_DRAFT, terms);
    for (const [article, opinion] of [['第二条', '带狗坐公交地铁应该放开，装笼子的小狗不会影响别人。'], ['第三条', '周末要清除粪便']] as const) {
      const cited = { article, opinion };
      assigner.learn(cited, assigner.cited(cited));
      matcher.learn(checkedKey(article === '第二条' ? '2' : '3'), terms(opinion), 1, opinion);
    }
    expect(assigner.guess({ article: null, opinion: '牵引带太长，粪便也不清除' })[0]).toMatchObject({ key: '3', source: 'similarity' });
    // 第二条 is best on the letter's words alone (公交, 笼子), ahead by about 0.1: not enough without a word of its own.
    const ungrounded = '周末坐公交，装了笼子也被司机拦下来了';
    const match = matcher.matchTerms(terms(ungrounded));
    expect(match).toMatchObject({ key: '2', grounded: false });
    expect(match.score - match.runnerUp).toBeGreaterThan(0.08);
    expect(match.score - match.runnerUp).toBeLessThan(minLeadUngrounded);
    const [left] = assigner.guess({ article: null, opinion: ungrounded });
    expect(left).toMatchObject({ key: 'unassigned', source: 'none' });
    // Still shown as the likely article.
    expect(left!.candidates?.[0]?.key).toBe('2');
  });
});
