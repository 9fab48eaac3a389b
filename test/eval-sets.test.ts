/**
 * The evaluation sets of fixtures/eval (npm run eval) hold together: every source parses, every gold article is an
 * article of the set's draft, every duplicate group has at least two letters, the committed gold and CSV batches are
 * what make-eval.mjs writes from the source today, every part has its name in bench/eval*.mjs (a part without one
 * prints its raw id in the 合计 rows), and every draft excerpt of fixtures/eval/drafts copies the code's articles
 * word for word. Session 26 added held-out-8 (民法典 人格权编): its counts are pinned below.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module without types
import { EVAL_SETS, makeEval, parseSource } from '../fixtures/eval/make-eval.mjs';
import { readDraft } from '../src/text/read-draft.js';
import type { Draft } from '../src/model.js';
import { REPO_ROOT } from './cli/run-cli.js';

interface EvalSet { name: string; draft: string; part: string; points: string[] }
interface Opinion { gold: string[]; topic: string; dup: string; cited: boolean; cell: string; role: string; opinion: string }

const EVAL = join(REPO_ROOT, 'fixtures/eval');
const sets = EVAL_SETS as EvalSet[];
const sourceOf = (set: EvalSet): Opinion[] => parseSource(readFileSync(join(EVAL, 'src', `${set.name}.txt`), 'utf8'), set.name);

const drafts = new Map<string, Draft>();
let fresh = '';
beforeAll(async () => {
  for (const path of new Set([...sets.map((s) => s.draft), 'fixtures/laws/中华人民共和国民法典.md'])) drafts.set(path, await readDraft(join(REPO_ROOT, path)));
  for (const file of readdirSync(join(EVAL, 'drafts'))) {
    const path = `fixtures/eval/drafts/${file}`;
    if (!drafts.has(path)) drafts.set(path, await readDraft(join(REPO_ROOT, path)));
  }
  // make-eval writes into the folder it is given: a copy of the sources, so the committed files stay untouched.
  fresh = mkdtempSync(join(tmpdir(), 'yijian-eval-'));
  cpSync(join(EVAL, 'src'), join(fresh, 'src'), { recursive: true });
  const log = console.log;
  console.log = () => {};
  try {
    makeEval(fresh);
  } finally {
    console.log = log;
  }
}, 120_000);
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

describe.each(sets.map((set) => [set.name, set] as const))('%s', (_name, set) => {
  it('gold articles are articles of the draft; duplicate groups have two letters or more', () => {
    const keys = new Set(drafts.get(set.draft)!.articles.map((a) => a.key));
    const opinions = sourceOf(set);
    const unknown = opinions.flatMap((o) => o.gold).filter((g) => g !== 'general' && g !== 'none' && !keys.has(g));
    expect(unknown).toEqual([]);
    const groups = new Map<string, number>();
    for (const o of opinions) if (o.dup) groups.set(o.dup, (groups.get(o.dup) ?? 0) + 1);
    expect([...groups].filter(([, n]) => n < 2)).toEqual([]);
  });

  it('the committed gold and CSV batches are what make-eval writes from the source', () => {
    const gold = `gold/${set.name}.csv`;
    expect(readFileSync(join(EVAL, gold)).equals(readFileSync(join(fresh, gold)))).toBe(true);
    for (const file of readdirSync(join(fresh, set.name)).filter((f) => f.endsWith('.csv'))) {
      expect(readFileSync(join(EVAL, set.name, file)).equals(readFileSync(join(fresh, set.name, file))), file).toBe(true);
    }
  });
});

it('every part has its name in the 合计 rows of bench/eval.mjs and bench/eval-clusters.mjs', () => {
  for (const bench of ['bench/eval.mjs', 'bench/eval-clusters.mjs']) {
    const text = readFileSync(join(REPO_ROOT, bench), 'utf8');
    for (const part of new Set(sets.map((s) => s.part))) expect(text, `${bench}: ${part}`).toMatch(new RegExp(`[{ ]'?${part}'?: '`));
  }
});

it('every draft excerpt of fixtures/eval/drafts copies the code article by article', () => {
  const code = new Map(drafts.get('fixtures/laws/中华人民共和国民法典.md')!.articles.map((a) => [a.key, a.text]));
  for (const [path, draft] of drafts) {
    if (!path.startsWith('fixtures/eval/drafts/')) continue;
    expect(draft.articles.length, path).toBeGreaterThan(0);
    for (const article of draft.articles) expect(article.text, `${path} ${article.key}`).toBe(code.get(article.key));
  }
});

describe('held-out-8: 民法典 人格权编 (session 26)', () => {
  const set = sets.find((s) => s.part === 'held-out-8')!;
  const opinions = set ? sourceOf(set) : [];
  it('is registered on its own excerpt of 第九百八十九条至第一千零三十九条', () => {
    expect(set.draft).toBe('fixtures/eval/drafts/民法典（人格权编节选）.md');
    const keys = drafts.get(set.draft)!.articles.map((a) => a.key);
    expect(keys.length).toBe(51);
    expect([keys[0], keys.at(-1)]).toEqual(['989', '1039']);
  });
  it('holds 196 opinions: 150 uncited, 10 on two articles, 7 general, 7 off-topic, 5 duplicate pairs', () => {
    expect(opinions.length).toBe(196);
    expect(opinions.filter((o) => !o.cited).length).toBe(150);
    expect(opinions.filter((o) => o.gold.length === 2).length).toBe(10);
    expect(opinions.filter((o) => o.gold[0] === 'general').length).toBe(7);
    expect(opinions.filter((o) => o.gold[0] === 'none').length).toBe(7);
    expect(new Set(opinions.filter((o) => o.dup).map((o) => o.dup)).size).toBe(5);
  });
});
