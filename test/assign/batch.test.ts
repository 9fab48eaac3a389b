import { describe, expect, it } from 'vitest';
import { checkedKey } from '../../src/article-key.js';
import { assignBatch, type BatchAssigner } from '../../src/assign/batch.js';
import type { ArticleAssignment } from '../../src/model.js';

const cite = (key: string): ArticleAssignment => ({ key: checkedKey(key), source: 'column', confidence: 1, cited: key, notInDraft: false });
const guessed = (key: string): ArticleAssignment => ({ key: checkedKey(key), source: 'similarity', confidence: 0.5, cited: null, notInDraft: false });

/** A fake assigner that records the order of its calls: cited when the cell is set, guesses what it learned last. */
function recorder(): BatchAssigner & { calls: string[] } {
  const calls: string[] = [];
  let learned = 'unassigned';
  return {
    calls,
    cited: (input) => (input.article === null ? [] : [cite(input.article)]),
    learn: (input, found) => {
      calls.push(`learn ${input.opinion}`);
      learned = found[0]!.key;
    },
    guess: (input, terms) => {
      calls.push(`guess ${input.opinion} [${terms().join(',')}]`);
      return [guessed(learned)];
    },
  };
}

describe('assignBatch', () => {
  const opinions = [
    { article: null, opinion: '甲' },
    { article: '3', opinion: '乙' },
    { article: null, opinion: '丙' },
    { article: null, opinion: '甲' },
    { article: '5', opinion: '丁' },
  ];

  it('learns from every citing opinion before guessing any, guesses a repeated text once, skips settled ones', () => {
    const assigner = recorder();
    const found = assignBatch(assigner, {
      count: opinions.length,
      input: (index) => (index === 2 ? null : opinions[index]!),
      terms: (index) => [`t${index}`],
    });
    expect(assigner.calls).toEqual(['learn 乙', 'learn 丁', 'guess 甲 [t0]']);
    expect(found.map((f) => f?.[0]?.key)).toEqual(['5', '3', undefined, '5', '5']);
    expect(found[0]).toBe(found[3]);
  });

  it('reports progress up to the count', () => {
    const done: number[] = [];
    assignBatch(recorder(), { count: 2, input: (i) => opinions[i]!, terms: () => [] }, (n) => done.push(n));
    expect(done.at(-1)).toBe(2);
  });
});
