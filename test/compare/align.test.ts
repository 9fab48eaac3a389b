/**
 * The alignment on real laws: a second round is generated from a fixture text (articles inserted, deleted,
 * moved, split, merged, reworded; renumbered), and every old article's new keys are checked against the truth.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignDrafts, DEFAULT_ALIGN_OPTIONS, heaviestChain } from '../../src/compare/align.js';
import type { ArticleChange } from '../../src/compare/model.js';
import { parseDraft } from '../../src/text/draft.js';
import { generateRound } from './rounds.js';

const law = (name: string) => {
  const file = `fixtures/laws/${name}`;
  return parseDraft(readFileSync(file, 'utf8'), name);
};

function check(name: string, seed: number) {
  const oldDraft = law(name);
  const round = generateRound(oldDraft, seed);
  const newDraft = parseDraft(round.text, '修改稿.md');
  const started = performance.now();
  const alignment = alignDrafts(oldDraft, newDraft, DEFAULT_ALIGN_OPTIONS);
  const ms = performance.now() - started;
  const wrong = Object.entries(round.truth).filter(([key, keys]) => JSON.stringify(alignment.oldToNew[key]) !== JSON.stringify(keys));
  const total = Object.keys(round.truth).length;
  console.log(`${name} seed ${seed}: ${total - wrong.length}/${total} old articles mapped right, ${newDraft.articles.length} new articles, ${ms.toFixed(1)} ms`
    + (wrong.length === 0 ? '' : `; wrong: ${wrong.map(([k, v]) => `${k}→${JSON.stringify(alignment.oldToNew[k])} (true ${JSON.stringify(v)})`).join(', ')}`));
  return { oldDraft, newDraft, round, alignment, wrong };
}

const kindOf = (changes: ArticleChange[], oldKey: string) => changes.find((c) => c.old.includes(oldKey));

describe.each([
  ['北京市物业管理条例.md', 1],
  ['北京市物业管理条例.md', 2],
  ['上海市养犬管理条例.md', 3],
  ['上海市养犬管理条例.md', 4],
])('alignDrafts on a generated second round of %s (seed %i)', (name, seed) => {
  const { newDraft, round, alignment, wrong } = check(name, seed);

  it('maps every old article to its true new keys', () => {
    expect(wrong).toEqual([]);
  });

  it('names what happened to each article', () => {
    for (const key of round.operations.deleted) expect(kindOf(alignment.changes, key)?.kind, key).toBe('deleted');
    for (const key of round.operations.split) expect(kindOf(alignment.changes, key)?.kind, key).toBe('split');
    for (const keys of round.operations.merged) {
      const change = kindOf(alignment.changes, keys[0]!);
      expect(change?.kind, keys.join('+')).toBe('merged');
      expect(change?.old).toEqual(keys);
    }
    for (const key of round.operations.moved) expect(kindOf(alignment.changes, key)?.kind, key).toBe('moved');
    for (const key of round.operations.reworded) {
      const change = kindOf(alignment.changes, key);
      expect(change?.textChanged, key).toBe(true);
    }
    expect(alignment.changes.filter((c) => c.kind === 'added')).toHaveLength(round.operations.added);
  });

  it('lists every new article exactly once and every old article exactly once', () => {
    expect(alignment.changes.flatMap((c) => c.new).sort()).toEqual(newDraft.articles.map((a) => a.key).sort());
    expect(alignment.changes.flatMap((c) => c.old).sort()).toEqual(Object.keys(round.truth).sort());
  });

  it('keeps the new order in the table, deleted articles near where they stood', () => {
    const placed = alignment.changes.filter((c) => c.new.length > 0).map((c) => Number(c.new[0]));
    expect(placed).toEqual([...placed].sort((a, b) => a - b));
  });
});

describe('alignDrafts on the same text', () => {
  it('finds every article unchanged, with similarity 1', () => {
    const draft = law('上海市养犬管理条例.md');
    const alignment = alignDrafts(draft, draft, DEFAULT_ALIGN_OPTIONS);
    expect(alignment.changes.every((c) => c.kind === 'unchanged' && c.similarity === 1 && !c.renumbered)).toBe(true);
  });
});

describe('alignDrafts on the Civil Code (1,260 articles)', () => {
  it('maps a generated second round right, without comparing all pairs', () => {
    const { wrong, oldDraft } = check('中华人民共和国民法典.md', 7);
    expect(oldDraft.articles.length).toBeGreaterThan(1200);
    expect(wrong).toEqual([]);
  });
});

describe('heaviestChain', () => {
  it('takes the heaviest pairs that increase on both sides', () => {
    const pairs = [
      { old: 0, new: 0, score: 1 },
      { old: 1, new: 3, score: 0.9 },
      { old: 2, new: 1, score: 0.6 },
      { old: 3, new: 2, score: 0.6 },
      { old: 4, new: 4, score: 1 },
    ];
    expect(heaviestChain(pairs, 5).map((p) => p.old)).toEqual([0, 2, 3, 4]);
  });
});
