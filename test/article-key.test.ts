/** The one article-key module: parse, format, order, base article and label, by table and by property. */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ArticleKeySchema, articleLabel, asArticleKey, baseArticle, compareArticleKeys, formatArticleKey, parseArticleKey,
  type ParsedArticleKey,
} from '../src/article-key.js';
import { ArticleKeySchema as ModelKeySchema } from '../src/model.js';
import { parseArticleCell } from '../src/text/article-ref.js';
import { parseDraft } from '../src/text/draft.js';
import { digestSummary } from '../src/digest/summary.js';
import { buildReportView } from '../src/report/model.js';
import { sampleDigest } from './report/sample-digest.js';

const positive = fc.integer({ min: 1, max: 3000 });
const small = fc.integer({ min: 1, max: 30 });
const orNull = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null });

const articleParts: fc.Arbitrary<ParsedArticleKey> = fc
  .record({ article: positive, sub: orNull(small), paragraph: orNull(small), item: orNull(small) })
  .map(({ article, sub, paragraph, item }) => ({ kind: 'article' as const, article, sub, paragraph, item: paragraph === null ? null : item }));
const parsedKey: fc.Arbitrary<ParsedArticleKey> = fc.oneof(
  articleParts,
  small.map((part) => ({ kind: 'part' as const, part })),
  fc.record({ part: orNull(small), chapter: small, section: orNull(small) }).map((c) => ({ kind: 'chapter' as const, ...c })),
  fc.constantFrom('general', 'title', 'unassigned').map((kind) => ({ kind })),
);
const key = parsedKey.map(formatArticleKey);

describe('parseArticleKey', () => {
  it.each([
    ['12', { kind: 'article', article: 12, sub: null, paragraph: null, item: null }],
    ['12.2.3', { kind: 'article', article: 12, sub: null, paragraph: 2, item: 3 }],
    ['12-1.2', { kind: 'article', article: 12, sub: 1, paragraph: 2, item: null }],
    ['part2', { kind: 'part', part: 2 }],
    ['ch3.s2', { kind: 'chapter', part: null, chapter: 3, section: 2 }],
    ['part2.ch3', { kind: 'chapter', part: 2, chapter: 3, section: null }],
    ['general', { kind: 'general' }],
    ['unassigned', { kind: 'unassigned' }],
  ])('%s', (text, parsed) => expect(parseArticleKey(text)).toEqual(parsed));

  it.each(['', '012', '12.', '12..2', '12.2.3.4', '第十二条', 'ch', 'ch3_2', 's3', 'part2.s3', 'General', ' 12'])(
    'is not a key: %j', (text) => {
      expect(parseArticleKey(text)).toBeNull();
      expect(asArticleKey(text)).toBeNull();
      expect(ArticleKeySchema.safeParse(text).success).toBe(false);
      expect(ModelKeySchema.safeParse(text).success).toBe(false);
    });

  it('parse ∘ format is the identity on parts, format ∘ parse on keys', () => {
    fc.assert(fc.property(parsedKey, (parsed) => {
      const text = formatArticleKey(parsed);
      expect(parseArticleKey(text)).toEqual(parsed);
      expect(formatArticleKey(parseArticleKey(text)!)).toBe(text);
      expect(ArticleKeySchema.safeParse(text).success).toBe(true);
      expect(ModelKeySchema.safeParse(text).success).toBe(true);
    }));
  });
});

describe('compareArticleKeys', () => {
  it('puts a hand-made list in reading order', () => {
    const order = ['1', '2', '10', '12', '12.1', '12.2', '12.2.3', '12-1', '12-1.2', '13', '108', '1260',
      'part1', 'part2', 'part2.ch1', 'part2.ch3', 'part2.ch3.s1', 'part3', 'ch2', 'ch3', 'ch3.s1', 'ch3.s2', 'ch10', 'general', 'title', 'unassigned', 'ch3_2', 's3'];
    const shuffled = [...order].reverse();
    expect(shuffled.sort(compareArticleKeys)).toEqual(order);
  });

  it('is a total order: 0 only for equal keys, antisymmetric, transitive', () => {
    const sign = (n: number): number => (n > 0 ? 1 : n < 0 ? -1 : 0);
    const anyText = fc.oneof(key, fc.string({ maxLength: 6 }));
    fc.assert(fc.property(anyText, anyText, anyText, (a, b, c) => {
      expect(compareArticleKeys(a, b) === 0).toBe(a === b);
      expect(sign(compareArticleKeys(a, b))).toBe(0 - sign(compareArticleKeys(b, a)) || 0);
      if (compareArticleKeys(a, b) < 0 && compareArticleKeys(b, c) < 0) expect(compareArticleKeys(a, c)).toBeLessThan(0);
    }), { numRuns: 500 });
  });

  it('sorts a generated draft back into its own order: article, its 款 and 项, then 之一, then the next', () => {
    const draftArticle = fc.record({ subs: fc.integer({ min: 0, max: 2 }), paragraphs: fc.integer({ min: 0, max: 3 }), items: fc.integer({ min: 0, max: 2 }) });
    fc.assert(fc.property(fc.array(draftArticle, { minLength: 1, maxLength: 25 }), fc.infiniteStream(fc.nat()), (articles, random) => {
      const inOrder: string[] = [];
      const withParts = (head: string, paragraphs: number, items: number): void => {
        inOrder.push(head);
        for (let p = 1; p <= paragraphs; p++) {
          inOrder.push(`${head}.${p}`);
          for (let i = 1; i <= items; i++) inOrder.push(`${head}.${p}.${i}`);
        }
      };
      articles.forEach(({ subs, paragraphs, items }, index) => {
        withParts(String(index + 1), paragraphs, items);
        for (let s = 1; s <= subs; s++) withParts(`${index + 1}-${s}`, paragraphs, items);
      });
      const randoms = random.take(inOrder.length);
      const shuffled = inOrder.map((k, i) => ({ k, r: randoms.next().value ?? i })).sort((x, y) => x.r - y.r).map((x) => x.k);
      expect(shuffled.sort(compareArticleKeys)).toEqual(inOrder);
    }), { numRuns: 100 });
  });

  it.each(['北京市物业管理条例.md', '上海市养犬管理条例.txt'])('keeps the articles of %s in the order the law has them', (file) => {
    const draft = parseDraft(readFileSync(`fixtures/laws/${file}`, 'utf8'), file);
    const keys = draft.articles.map((a) => a.key);
    expect(keys.length).toBeGreaterThan(50);
    expect([...keys].reverse().sort(compareArticleKeys)).toEqual(keys);
  });
});

describe('baseArticle', () => {
  it.each([['7.2', '7'], ['12-1.2.3', '12-1'], ['12', '12'], ['12-1', '12-1'], ['ch3.s2', 'ch3.s2'], ['general', 'general'], ['not-a-key', 'not-a-key']])(
    '%s → %s', (text, base) => expect(baseArticle(text)).toBe(base));

  it('drops 款 and 项 only, is idempotent, and sorts before its parts', () => {
    fc.assert(fc.property(parsedKey, (parsed) => {
      const text = formatArticleKey(parsed);
      const base = baseArticle(text);
      expect(baseArticle(base)).toBe(base);
      if (parsed.kind === 'article') expect(parseArticleKey(base)).toEqual({ ...parsed, paragraph: null, item: null });
      else expect(base).toBe(text);
      expect(compareArticleKeys(base, text)).toBeLessThanOrEqual(0);
    }));
  });
});

describe('articleLabel', () => {
  const draft = { divisions: [{ key: 'ch2', label: '第二章 管理措施' }, { key: 'ch8', label: '附则' }] };
  it.each([
    ['4', '第四条'], ['20.3', '第二十条第三款'], ['12-1', '第十二条之一'], ['12-1.2', '第十二条之一第二款'],
    ['12.2.3', '第十二条第二款第（三）项'], ['108', '第一百零八条'], ['1260', '第一千二百六十条'],
    ['ch3', '第三章'], ['ch3.s2', '第三章第二节'], ['part1', '第一编'], ['part2.ch3', '第二编第三章'],
    ['general', '总体意见'], ['title', '草案名称'], ['unassigned', '未归入条文'],
  ])('%s → %s', (text, label) => {
    expect(articleLabel(text)).toBe(label);
    if (!['ch2', 'ch8'].includes(text)) expect(articleLabel(text, draft)).toBe(label);
  });

  it('names a 章 the draft has as the draft heads it (an unnumbered 附则 has no number to say)', () => {
    expect(articleLabel('ch2', draft)).toBe('第二章 管理措施');
    expect(articleLabel('ch8', draft)).toBe('附则');
    expect(articleLabel('ch8')).toBe('第八章');
  });

  it('writes every article key in Chinese numerals, and the citation parser reads the label back to the key', () => {
    fc.assert(fc.property(articleParts, (parsed) => {
      const text = formatArticleKey(parsed);
      const label = articleLabel(text);
      expect(label).toMatch(/^第[一二三四五六七八九十百千零]+条(?:之[一二三四五六七八九十百千零]+)?(?:第[一二三四五六七八九十]+款(?:第（[一二三四五六七八九十]+）项)?)?$/);
      expect(parseArticleCell(label).keys).toEqual([text]);
    }));
  });

  it('names articles in Chinese numerals in the reports and on stdout even when the draft writes 第4条', () => {
    const digest = sampleDigest();
    const arabic = { ...digest, draft: { ...digest.draft!, articles: digest.draft!.articles.map((a) => ({ ...a, label: a.label.replace(/^第[^条]+条/, `第${a.key.split('-')[0]}条`) })) } };
    expect(arabic.draft.articles.some((a) => /^第\d+条/.test(a.label))).toBe(true);
    const view = buildReportView(arabic, { showContact: false });
    const shown = [...view.sections.map((s) => `${s.heading} ${s.label} ${s.silentText}`), ...view.articleCounts.map((c) => c.label),
      ...view.decisionRows.map((r) => r.articleLabel), digestSummary(arabic)].join('\n');
    expect(shown).not.toMatch(/第\d+条/);
    expect(shown).toContain('第四条');
  });

  it('has one wording for unassigned opinions, and no other module spells another', () => {
    expect(articleLabel('unassigned')).toBe('未归入条文');
    const files = readdirSync('src', { recursive: true }).map(String).filter((file) => file.endsWith('.ts') && file !== 'article-key.ts');
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) expect(readFileSync(`src/${file}`, 'utf8'), file).not.toMatch(/未能归入条文|未归入条款|未归入条文/);
  });
});
