import { describe, expect, it } from 'vitest';
import { checkedKey } from '../../src/article-key.js';
import { ASSIGN_DEFAULTS, createAssigner, type AssignOptions } from '../../src/assign/assign.js';
import { createArticleMatcher } from '../../src/assign/similarity.js';
import { DOG_DRAFT, terms } from './dog-draft.js';

/** No lead asked, so only the one-word rule decides; it looks at every guess below `oneWordLead`. */
const options = (oneWordLead: number): AssignOptions => ({ threshold: 0, minMargin: 0, minLead: 0, minLeadUnanchored: 0, minLeadUngrounded: 0, oneWordLead, oneWordShare: 0.8, examples: [] });

describe('a guess that rests on one word', () => {
  // 第三条 is the only article with 牵引带; the rest of the first opinion is words no article has.
  const oneWord = { article: null, opinion: '楼下那家人的牵引带太长了' };
  const twoWords = { article: null, opinion: '牵引带太长，粪便也不清除' };

  it('the matcher scores an article for any terms: without its one shared word the article keeps nothing', () => {
    const matcher = createArticleMatcher(DOG_DRAFT, terms);
    const own = terms(oneWord.opinion);
    expect(own).toContain('牵引带');
    expect(matcher.scoreOf(own, checkedKey('3'))).toBeGreaterThan(0);
    expect(matcher.scoreOf(own.filter((t) => t !== '牵引带'), checkedKey('3'))).toBeLessThan(0.2 * matcher.scoreOf(own, checkedKey('3')));
    expect(matcher.scoreOf(own, checkedKey('99'))).toBe(0);
  });

  it('is left 未归入 below the lead, with the article still suggested', () => {
    const [left] = createAssigner(DOG_DRAFT, terms, options(1)).guess(oneWord);
    expect(left).toMatchObject({ key: 'unassigned', source: 'none' });
    expect(left!.candidates?.[0]?.key).toBe('3');
  });

  it('is placed when two words of the article carry it, or when its lead is above oneWordLead', () => {
    expect(createAssigner(DOG_DRAFT, terms, options(1)).guess(twoWords)[0]).toMatchObject({ key: '3', source: 'similarity' });
    expect(createAssigner(DOG_DRAFT, terms, options(0)).guess(oneWord)[0]).toMatchObject({ key: '3', source: 'similarity' });
  });

  it('is on by default: a lead of 0.08, a share of 0.8', () => {
    expect(ASSIGN_DEFAULTS.oneWordLead).toBe(0.08);
    expect(ASSIGN_DEFAULTS.oneWordShare).toBe(0.8);
    const { oneWordLead: _lead, oneWordShare: _share, ...rest } = options(1);
    // Not told: the defaults apply (the one-word opinion's lead over nothing is its whole score, above 0.08).
    const [placed] = createAssigner(DOG_DRAFT, terms, rest).guess(oneWord);
    expect(placed).toMatchObject({ key: '3', source: 'similarity' });
  });
});
