import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DuplicateGroupSchema } from '../../src/model.js';
import {
  DEFAULT_NEAR_THRESHOLD,
  type DedupeItem,
  findDuplicateGroups,
  jaccard,
  shingleSet,
} from '../../src/dedupe/index.js';
import { EDITED_COPIES, FORM_LETTER, roughKey, SHORT_OPINIONS, UNRELATED_SAME_ARTICLE } from './examples.js';

const near = { near: DEFAULT_NEAR_THRESHOLD };

function item(id: string, text: string, point: string | null = null, county: string | null = null): DedupeItem {
  return { id, key: roughKey(text), point, county };
}


describe('exact duplicates', () => {
  const items = [
    item('a1', '建议增加犬只免疫的规定。', '甲街道', '东城区'),
    item('a2', '同意', '乙村', '西城区'),
    item('a3', '建议增加犬只免疫的规定', '丙社区', '东城区'),
    item('a4', '同意。', null, null),
    item('a5', '建议 增加犬只免疫的规定！', '甲街道', '东城区'),
    item('a6', '无意见', '甲街道', null),
  ];
  const groups = findDuplicateGroups(items, near);

  it('groups equal keys, canonical first, in order of the canonical record', () => {
    expect(groups.map((g) => [g.kind, g.canonical, g.members, g.submissions, g.minSimilarity])).toEqual([
      ['exact', 'a1', ['a1', 'a3', 'a5'], 3, 1],
      ['exact', 'a2', ['a2', 'a4'], 2, 1],
    ]);
  });
  it('lists distinct sorted points and counties, nulls left out', () => {
    expect(groups[0]!.points).toEqual(['丙社区', '甲街道']);
    expect(groups[0]!.counties).toEqual(['东城区']);
    expect(groups[1]!.points).toEqual(['乙村']);
    expect(groups[1]!.counties).toEqual(['西城区']);
  });
  it('produces groups that satisfy the shared schema', () => {
    for (const g of groups) expect(DuplicateGroupSchema.parse(g)).toEqual(g);
  });
  it('leaves records without duplicates out, and never groups empty keys', () => {
    const result = findDuplicateGroups([item('x', '……'), item('y', '。。'), item('z', '同意')], near);
    expect(result).toEqual([]);
  });
});

describe('near duplicates', () => {
  it.each(EDITED_COPIES.map((c) => [c.how, c.text]))('an edited form letter (%s) joins the original', (_how, text) => {
    const groups = findDuplicateGroups([item('orig', FORM_LETTER, '甲'), item('copy', text, '乙')], near);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ kind: 'near', canonical: 'orig', members: ['orig', 'copy'], points: ['乙', '甲'] });
    expect(groups[0]!.minSimilarity).toBeGreaterThanOrEqual(DEFAULT_NEAR_THRESHOLD);
  });

  it('keeps unrelated opinions on the same article apart', () => {
    const items = [FORM_LETTER, ...UNRELATED_SAME_ARTICLE].map((t, i) => item(`u${i}`, t));
    expect(findDuplicateGroups(items, near)).toEqual([]);
  });

  it('puts the letter, its copies and exact repeats in one near group beside unrelated opinions', () => {
    const items = [
      item('r00', UNRELATED_SAME_ARTICLE[0]!),
      item('r01', FORM_LETTER, '甲'),
      ...EDITED_COPIES.map((c, i) => item(`r1${i}`, c.text, '乙')),
      item('r20', FORM_LETTER, '丙'),
      ...UNRELATED_SAME_ARTICLE.slice(1).map((t, i) => item(`r3${i}`, t)),
      item('r40', UNRELATED_SAME_ARTICLE[0]!),
    ];
    const groups = findDuplicateGroups(items, near);
    expect(groups.map((g) => [g.kind, g.canonical, g.submissions])).toEqual([
      ['exact', 'r00', 2],
      ['near', 'r01', EDITED_COPIES.length + 2],
    ]);
    expect(groups[1]!.members).toEqual(['r01', ...EDITED_COPIES.map((_c, i) => `r1${i}`), 'r20']);
  });

  it('only exact-matches very short opinions', () => {
    const items = SHORT_OPINIONS.map((t, i) => item(`s${i}`, t));
    const groups = findDuplicateGroups(items, { near: 0 });
    // '同意' and '同意。' share a key; nothing else joins even with threshold 0.
    expect(groups.map((g) => g.members)).toEqual([['s0', 's4']]);
  });

  it('threshold 1 keeps edited copies apart, threshold 0.95 joins only near-identical ones', () => {
    const items = [item('o', FORM_LETTER), ...EDITED_COPIES.map((c, i) => item(`c${i}`, c.text))];
    expect(findDuplicateGroups(items, { near: 1 })).toEqual([]);
    const sims = EDITED_COPIES.map((c) => jaccard(shingleSet(roughKey(FORM_LETTER)), shingleSet(roughKey(c.text))));
    const expected = EDITED_COPIES.filter((_c, i) => sims[i]! >= 0.9).map((_c, i) => i);
    const strict = findDuplicateGroups(items, { near: 0.9 });
    expect(strict.flatMap((g) => g.members).length).toBe(expected.length === 0 ? 0 : expected.length + 1);
  });
});

describe('ids and determinism', () => {
  const items = [
    item('f1#1', FORM_LETTER, '甲'),
    item('f1#2', '同意'),
    item('f2#1', EDITED_COPIES[0]!.text, '乙'),
    item('f2#2', '同意'),
    item('f3#1', UNRELATED_SAME_ARTICLE[1]!),
    item('f3#2', UNRELATED_SAME_ARTICLE[1]!),
  ];

  it('gives the same output on two runs', () => {
    expect(findDuplicateGroups(items, near)).toEqual(findDuplicateGroups(items, near));
  });
  it('ids derive from the canonical id: D + 12 hex digits, unique', () => {
    const groups = findDuplicateGroups(items, near);
    for (const g of groups) expect(g.id).toMatch(/^D[0-9a-f]{12}$/);
    expect(new Set(groups.map((g) => g.id)).size).toBe(groups.length);
  });
  it('a group keeps its id when other files come first (canonical unchanged)', () => {
    const before = findDuplicateGroups(items, near);
    const extra = [item('f0#1', '建议增加公园遛狗的开放时间规定，方便上班族。'), ...items];
    const after = findDuplicateGroups(extra, near);
    expect(after.map((g) => [g.id, g.members])).toEqual(before.map((g) => [g.id, g.members]));
  });
  it('rejects repeated record ids with a coded error instead of losing one', () => {
    expect(() => findDuplicateGroups([item('a', '同意'), item('a', '同意')], near)).toThrow(
      expect.objectContaining({ code: 'E_INTERNAL' }),
    );
  });
});

describe('properties', () => {
  // Small alphabet so exact and near duplicates actually occur.
  const text = fc
    .array(fc.constantFrom('犬', '链', '建', '议', '第', '条', '规', '定', '增', '加'), { minLength: 0, maxLength: 20 })
    .map((chars) => chars.join(''));
  const itemsArb = fc
    .array(fc.tuple(text, fc.option(fc.constantFrom('甲', '乙', '丙'), { nil: null })), { maxLength: 60 })
    .map((rows) => rows.map(([key, point], i) => ({ id: `r${i}`, key, point, county: null })));

  it('groups are disjoint, have 2+ members, and never invent ids', () => {
    fc.assert(
      fc.property(itemsArb, fc.double({ min: 0, max: 1, noNaN: true }), (items, threshold) => {
        const groups = findDuplicateGroups(items, { near: threshold });
        const ids = new Set(items.map((i) => i.id));
        const seen = new Set<string>();
        for (const g of groups) {
          expect(g.members.length).toBeGreaterThanOrEqual(2);
          expect(g.submissions).toBe(g.members.length);
          expect(g.members[0]).toBe(g.canonical);
          for (const m of g.members) {
            expect(ids.has(m)).toBe(true);
            expect(seen.has(m)).toBe(false);
            seen.add(m);
          }
        }
      }),
    );
  });

  it('records with equal keys always share a group (and group + singletons partition the input)', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const groups = findDuplicateGroups(items, near);
        const groupOf = new Map<string, string>();
        for (const g of groups) for (const m of g.members) groupOf.set(m, g.id);
        const byKey = new Map<string, string[]>();
        for (const i of items) if (i.key !== '') byKey.set(i.key, [...(byKey.get(i.key) ?? []), i.id]);
        for (const ids of byKey.values()) {
          if (ids.length < 2) continue;
          const first = groupOf.get(ids[0]!);
          expect(first).toBeDefined();
          for (const id of ids) expect(groupOf.get(id)).toBe(first);
        }
        const singletons = items.filter((i) => !groupOf.has(i.id)).length;
        expect(singletons + groups.reduce((n, g) => n + g.members.length, 0)).toBe(items.length);
      }),
    );
  });

  it('every member of a near group is within the threshold of its canonical record (no chains)', () => {
    fc.assert(
      fc.property(itemsArb, fc.double({ min: 0.3, max: 1, noNaN: true }), (items, threshold) => {
        const keyOf = new Map(items.map((i) => [i.id, i.key]));
        for (const group of findDuplicateGroups(items, { near: threshold })) {
          const canonical = shingleSet(keyOf.get(group.canonical)!);
          for (const member of group.members) {
            expect(jaccard(canonical, shingleSet(keyOf.get(member)!))).toBeGreaterThanOrEqual(threshold);
          }
          expect(group.minSimilarity).toBeGreaterThanOrEqual(Math.floor(threshold * 10000) / 10000);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the same groups come out on a second run (the input arrives in canonical order)', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        expect(findDuplicateGroups(items, near)).toEqual(findDuplicateGroups(items.map((i) => ({ ...i })), near));
      }),
    );
  });
});

describe('chains of edits', () => {
  // Each text changes a few more words of the one before: neighbours are near duplicates, the ends are not.
  const words = ['携犬出户', '应当束犬链', '犬链长度', '不得超过一点五米', '由成年人牵领', '在电梯内', '收紧犬链', '避让老人儿童'];
  const replacement = ['带狗外出', '必须拴绳子', '绳子长短', '最多一米半', '由大人牵着', '在楼道里', '拉紧绳子', '让开老幼'];
  const chain = words.map((_w, step) => words.map((w, i) => (i < step ? replacement[i]! : w)).join('，'));

  it('does not put the two ends of a chain in one group', () => {
    const items = chain.map((text, i) => item(`c${i}`, text));
    const keyOf = new Map(items.map((i) => [i.id, i.key]));
    const similar = (a: string, b: string): number => jaccard(shingleSet(keyOf.get(a)!), shingleSet(keyOf.get(b)!));
    // The premise: each step is a near duplicate of the one before, the last one is far from the first.
    for (let i = 1; i < items.length; i++) expect(similar(`c${i - 1}`, `c${i}`)).toBeGreaterThanOrEqual(DEFAULT_NEAR_THRESHOLD);
    expect(similar('c0', `c${items.length - 1}`)).toBeLessThan(DEFAULT_NEAR_THRESHOLD);

    const groups = findDuplicateGroups(items, near);
    expect(groups.length).toBeGreaterThan(1);
    for (const group of groups) {
      for (const member of group.members) expect(similar(group.canonical, member)).toBeGreaterThanOrEqual(DEFAULT_NEAR_THRESHOLD);
    }
  });
});
