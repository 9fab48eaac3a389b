import fc from 'fast-check';
import { checkedKey } from '../../src/article-key.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agglomerate } from '../../src/cluster/agglomerate.js';
import { CLUSTER_DEFAULTS, type ClusterItem, clusterLabel, clusterOpinions, LABEL_MAX_CHARS } from '../../src/cluster/index.js';
import { buildVectors } from '../../src/cluster/vectors.js';
import { normalizeText } from '../../src/text/normalize.js';
import { createSegmenter, SEGMENTER_DEFAULTS } from '../../src/text/segment.js';
import { REPO } from '../support/paths.js';

const segmenter = createSegmenter(SEGMENTER_DEFAULTS);

/** A small deterministic generator (numbers in [0, 1)), so the generated articles are the same on every run. */
function rng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
const OPTIONS = { ...CLUSTER_DEFAULTS, tokens: segmenter.tokens, forms: segmenter.forms ?? null };

function item(id: string, article: string, text: string): ClusterItem {
  return { id, article: checkedKey(article), terms: segmenter.terms(text), submissions: 1, points: [], counties: [], text };
}

describe('paraphrases of one concern end in one cluster', () => {
  // The tuning batch of the evaluation set (养犬管理条例): residents, lawyers and companies writing about the
  // same concern in their own words (狗屎 / 粪便 / 随地大小便; 拴绳 / 牵引带 / 套绳子), under the gold articles.
  const lines = readFileSync(resolve(REPO, 'fixtures/eval/src/上海市养犬管理条例.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('|'));
  const seenCopies = new Set<string>();
  const opinions = lines.filter(([, , dup]) => dup === '-' || (!seenCopies.has(dup!) && seenCopies.add(dup!) !== undefined));
  const topicOf = new Map<string, string>();
  const items = opinions.map(([gold, topic, , , , , text], i) => {
    const id = `e${String(i).padStart(3, '0')}`;
    topicOf.set(id, topic!);
    return item(id, gold === 'none' ? 'unassigned' : gold!.split(';')[0]!, text!);
  });
  const clusters = clusterOpinions(items, OPTIONS);

  it('joins most pairs of opinions on one concern and few pairs on different ones', () => {
    let together = 0;
    let sameTopic = 0;
    let rightTogether = 0;
    for (const c of clusters) {
      const topics = c.opinions.map((id) => topicOf.get(id)!);
      for (let i = 0; i < topics.length; i++) for (let j = i + 1; j < topics.length; j++) {
        together++;
        if (topics[i] === topics[j]) rightTogether++;
      }
    }
    const sizes = new Map<string, number>();
    for (const t of topicOf.values()) sizes.set(t, (sizes.get(t) ?? 0) + 1);
    for (const n of sizes.values()) sameTopic += (n * (n - 1)) / 2;
    // Measured 0.99 / 0.84 with CLUSTER_DEFAULTS (node bench/eval-clusters.mjs; 0.94 / 0.80 before the size threshold); all singletons would be 1 / 0.
    expect(rightTogether / together).toBeGreaterThanOrEqual(0.85);
    expect(rightTogether / sameTopic).toBeGreaterThanOrEqual(0.7);
  });

  it('puts the leash opinions, cited as 第二十二条 or its items, mostly in one cluster with a label about the leash', () => {
    const leash = [...topicOf].filter(([, t]) => t === '22-牵绳').map(([id]) => id);
    const home = clusters.reduce((a, c) => (c.opinions.filter((id) => leash.includes(id)).length > a.opinions.filter((id) => leash.includes(id)).length ? c : a));
    expect(home.opinions.filter((id) => leash.includes(id)).length).toBeGreaterThanOrEqual(leash.length / 2);
    expect(home.article).toBe('22');
    expect(home.label).toMatch(/绳|牵引/);
  });
});

describe('labels never cut a word (property)', () => {
  // Words that jieba keeps whole, with long ones a careless cut would break (北京市住房和城乡建设委员会 → 市住).
  const words = ['建议', '北京市住房和城乡建设委员会', '物业服务人', '业主委员会', '车位', '优先', '出租给', '本小区',
    '业主', '但', '收费标准', '应当', '公示', '电动自行车', '停放', '充电桩', '不足', '我们', '小区', '维修资金',
    '使用', '审批', '太慢', '希望', '明确', '养犬人', '清理', '粪便', '一律', '不得', '对外'];
  const separators = ['', '', '', '，', '。', '；'];
  const textArb = fc
    .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...separators)), { minLength: 1, maxLength: 30 })
    .map((parts) => parts.map(([w, s]) => w + s).join(''));

  it('a label is whole clauses of the opinion, or a clause cut after a whole jieba word', () => {
    fc.assert(
      fc.property(textArb, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (text, seed) => {
        const next = rng(seed);
        const weights = segmenter.terms(text).map((t) => [t, next()] as const);
        const label = clusterLabel(text, weights, ['关键词'], segmenter.tokens, null);
        // Chinese cuts with ……, never a single …
        const cut = label.endsWith('……');
        const kept = cut ? label.slice(0, -2) : label;
        expect(kept.endsWith('…')).toBe(false);
        expect(kept.length).toBeGreaterThan(0);
        expect([...kept].length).toBeLessThanOrEqual(LABEL_MAX_CHARS);
        // The pool has no characters normalising would change: the label shows the text as written.
        expect(normalizeText(text)).toHaveLength(text.length);
        const normalized = text;
        if (kept === '关键词') return; // the fallback: nothing in the text carried weight enough to show
        const clauses = normalized.split(/[。！？!?；;，,：:\n\r]+/u).filter((c) => c !== '');
        if (!cut) {
          // Whole clauses: it starts and ends where the writer put a clause break (or a leaning word went).
          // Some place it stands in the text (建议建议；建议 holds 建议 three times: the label is the last clause).
          const places: number[] = [];
          for (let at = normalized.indexOf(kept); at >= 0; at = normalized.indexOf(kept, at + 1)) places.push(at);
          expect(places.length).toBeGreaterThan(0);
          const endsClause = (at: number): boolean => {
            const after = normalized[at + kept.length];
            return after === undefined || /[。！？!?；;，,：:]/u.test(after);
          };
          expect(places.some(endsClause)).toBe(true);
          return;
        }
        // Cut: a prefix of one clause (perhaps without its leaning first word) ending where a jieba token ends.
        const ok = clauses.some((clause) => {
          // A leaning 但 goes, also when jieba joined it to the next word (但本 小区).
          for (const from of [0, ...(segmenter.tokens(clause)[0]?.startsWith('但') === true ? ['但'.length] : [])]) {
            const rest = clause.slice(from);
            if (!rest.startsWith(kept)) continue;
            let end = 0;
            for (const token of segmenter.tokens(rest)) {
              end = rest.indexOf(token, end) + token.length;
              if (end === kept.length) return true;
            }
          }
          return false;
        });
        expect(ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('a large article stays sub-quadratic', () => {
  /** n opinions on one article: 40 concerns of 5 words each, plus noise words, as term lists. */
  function article(n: number, seed: number): string[][] {
    const next = rng(seed);
    return Array.from({ length: n }, () => {
      const topic = Math.floor(next() * 40);
      const terms = Array.from({ length: 4 }, () => `话题${topic}词${Math.floor(next() * 5)}`);
      for (let k = 0; k < 6; k++) terms.push(`杂词${Math.floor(next() * 3000)}`);
      return terms;
    });
  }

  it('counts dot products growing with n, not n²', () => {
    const run = (n: number) => agglomerate(buildVectors(article(n, 11), null).vectors, CLUSTER_DEFAULTS);
    const small = run(800);
    const large = run(2400);
    // All pairs would be 2.9 million at 2,400; the index bounds the work per opinion.
    expect(large.comparisons).toBeLessThan(2400 * 80);
    expect(large.comparisons / small.comparisons).toBeLessThan(3 * 1.5);
    // And it still finds the 40 concerns (measured: exactly 40 clusters), not thousands of singletons.
    expect(large.clusters.length).toBeLessThanOrEqual(80);
  });
});
