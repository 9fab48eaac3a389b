import { describe, expect, it } from 'vitest';
import { checkedKey } from '../../src/article-key.js';
import { ONE_WORD_LEAD, ONE_WORD_SHARE, restsOnOneWord } from '../../src/assign/assign.js';
import { createArticleMatcher } from '../../src/assign/similarity.js';
import { DOG_DRAFT, terms } from './dog-draft.js';

describe('a guess that rests on one word', () => {
  const matcher = createArticleMatcher(DOG_DRAFT, terms);
  // 第三条 is the only article with 牵引带; the rest of the first opinion is words no article has.
  const oneWord = terms('楼下那家人的牵引带太长了');
  const twoWords = terms('牵引带太长，粪便也不清除');

  it('the matcher scores an article for any terms: without its one shared word the article keeps nothing', () => {
    expect(oneWord).toContain('牵引带');
    const score = matcher.scoreOf(oneWord, checkedKey('3'));
    expect(score).toBeGreaterThan(0);
    expect(matcher.scoreOf(oneWord.filter((t) => t !== '牵引带'), checkedKey('3'))).toBeLessThan((1 - ONE_WORD_SHARE) * score);
    expect(matcher.scoreOf(oneWord, checkedKey('99'))).toBe(0);
  });

  it('rests on one word when leaving that word out keeps less than 1 − ONE_WORD_SHARE of the score', () => {
    expect(restsOnOneWord(matcher, oneWord, checkedKey('3'), ONE_WORD_SHARE)).toBe(true);
    expect(restsOnOneWord(matcher, twoWords, checkedKey('3'), ONE_WORD_SHARE)).toBe(false);
    // A share of 1 never rests on one word.
    expect(restsOnOneWord(matcher, oneWord, checkedKey('3'), 1)).toBe(false);
  });

  it('is asked below a lead of 0.08 with a share of 0.8', () => {
    expect(ONE_WORD_LEAD).toBe(0.08);
    expect(ONE_WORD_SHARE).toBe(0.8);
  });
});
