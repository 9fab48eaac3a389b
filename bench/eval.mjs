#!/usr/bin/env node
/**
 * `npm run eval`: measures assignment, clustering and duplicate finding on the hand-written evaluation
 * batches in fixtures/eval/ against their gold answers (fixtures/eval/gold/). It runs the built digest
 * core (dist/: ingest, draft reader, segmenter, createDigestText, buildDigest) on the batch files, exactly
 * as `yijian digest` does, and only scores what comes out. "含可能同类" scores the clusters again with each 未归入
 * opinion counted in the article cluster it is named on (Cluster.nearby, a guess the reports show as one).
 *
 *   node bench/eval.mjs                       every batch, default settings
 *   node bench/eval.mjs --assign 0.1 --margin 0.2 --lead 0.05 --lead-unanchored 0.07 --cluster 0.2 --near 0.5   other thresholds
 *   node bench/eval.mjs --part tuning         only the tuning batches (the held-out parts are never used to tune)
 *   node bench/eval.mjs --misses              also list the wrong uncited assignments
 *   node bench/eval.mjs --json                the figures as JSON
 *   node bench/eval.mjs --grid                right / confidently wrong over a threshold × margin grid
 *   node bench/eval.mjs --ranking             the ranking alone: how often the right article is among the first k
 *   node bench/eval-ablated.mjs domain …      the same without the tuning domains' synonyms (or `none`: without any)
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { EVAL_SETS, readGold } from '../fixtures/eval/make-eval.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const load = (path) => import(join(ROOT, 'dist', path));

const { values } = parseArgs({
  options: {
    assign: { type: 'string' },
    margin: { type: 'string' },
    lead: { type: 'string' },
    'lead-unanchored': { type: 'string' },
    cluster: { type: 'string' },
    near: { type: 'string' },
    part: { type: 'string' },
    misses: { type: 'boolean', default: false },
    clusters: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    grid: { type: 'boolean', default: false },
    ranking: { type: 'boolean', default: false },
  },
});

const { collectInputFiles, normalizeIngestOptions, readSubmissions } = await load('ingest/index.js');
const { readDraft } = await load('text/read-draft.js');
const { createSegmenter, SEGMENTER_DEFAULTS } = await load('text/segment.js');
const { createDigestText } = await load('digest/text.js');
const { buildDigest } = await load('digest/build.js');
const { DEFAULT_NEAR_THRESHOLD } = await load('dedupe/index.js');
const { DEFAULT_CLUSTER_THRESHOLD } = await load('cluster/index.js');
const { ASSIGN_DEFAULTS, createAssigner, MIN_LEAD_UNGROUNDED, ONE_WORD_LEAD, ONE_WORD_SHARE } = await load('assign/assign.js');

const settings = {
  near: values.near !== undefined ? Number(values.near) : DEFAULT_NEAR_THRESHOLD,
  assignThreshold: values.assign !== undefined ? Number(values.assign) : ASSIGN_DEFAULTS.threshold,
  assignMargin: values.margin !== undefined ? Number(values.margin) : ASSIGN_DEFAULTS.minMargin,
  assignLead: values.lead !== undefined ? Number(values.lead) : ASSIGN_DEFAULTS.minLead,
  assignLeadUnanchored: values['lead-unanchored'] !== undefined ? Number(values['lead-unanchored']) : ASSIGN_DEFAULTS.minLeadUnanchored,
  clusterThreshold: values.cluster !== undefined ? Number(values.cluster) : DEFAULT_CLUSTER_THRESHOLD,
  date: null,
};

/** The article a key belongs to: 12.2.3 → 12, 12-1.2 → 12-1; general, unassigned, chapters unchanged. */
const baseOf = (key) => (/^\d/.test(key) ? key.split('.')[0] : key);
const goldKey = (key) => (key === 'none' ? 'unassigned' : key);

/** Pairs counted from a labelling: n·(n−1)/2 per label, and the pairs two labellings share. */
function pairScores(items, predicted, gold) {
  const count = (labels) => {
    const sizes = new Map();
    for (const label of labels) if (label !== null) sizes.set(label, (sizes.get(label) ?? 0) + 1);
    let pairs = 0;
    for (const n of sizes.values()) pairs += (n * (n - 1)) / 2;
    return pairs;
  };
  const both = items.map((_, i) => (predicted[i] === null || gold[i] === null ? null : `${predicted[i]}\u0000${gold[i]}`));
  const tp = count(both);
  const p = count(predicted);
  const g = count(gold);
  return { tp, predictedPairs: p, goldPairs: g, precision: p === 0 ? 1 : tp / p, recall: g === 0 ? 1 : tp / g };
}

async function evaluate(set) {
  const gold = readGold(set);
  const draft = await readDraft(join(ROOT, set.draft));
  const segmenter = createSegmenter(SEGMENTER_DEFAULTS);
  const ingest = await readSubmissions(await collectInputFiles([join(ROOT, 'fixtures/eval', set.name)]), normalizeIngestOptions({}));
  const text = createDigestText(draft, segmenter, { threshold: settings.assignThreshold, minMargin: settings.assignMargin, minLead: settings.assignLead, minLeadUnanchored: settings.assignLeadUnanchored, examples: [] });
  const digest = await buildDigest(ingest, draft, text, settings);
  if (digest.records.length !== gold.size) throw new Error(`${set.name}: ${digest.records.length} records, ${gold.size} gold rows`);

  const scored = digest.records.map((record) => {
    const g = gold.get(`${basename(record.source.file)}\u0000${record.source.row}`);
    if (g === undefined || g.opinion !== record.opinion) throw new Error(`${set.name}: no gold for ${record.source.file} row ${record.source.row}`);
    return { record, g };
  });
  const cited = scored.filter((s) => s.g.cited);
  const uncited = scored.filter((s) => !s.g.cited);
  const goldSet = (s) => new Set(s.g.gold.map(goldKey));
  const predicted = (s) => [...new Set(s.record.articles.map((a) => baseOf(a.key)))];
  const citedRight = cited.filter((s) => {
    const want = goldSet(s);
    const got = predicted(s);
    return got.length === want.size && got.every((k) => want.has(k));
  });
  const uncitedRight = uncited.filter((s) => goldSet(s).has(predicted(s)[0]));
  const confidentWrong = uncited.filter((s) => s.record.articles[0].key !== 'unassigned' && !goldSet(s).has(predicted(s)[0]));
  const abstained = uncited.filter((s) => s.record.articles[0].key === 'unassigned' && !goldSet(s).has('unassigned'));
  // The 未归入 opinions whose gold is an article of the draft: is it among the suggested 可能涉及条文?
  const draftArticles = new Set(draft.articles.map((a) => a.key));
  const left = uncited.filter((s) => s.record.articles[0].source === 'none' && s.g.gold.some((k) => draftArticles.has(k)));
  const suggested = {
    n: left.length,
    hit: left.filter((s) => (s.record.articles[0].candidates ?? []).some((c) => s.g.gold.includes(baseOf(c.key)))).length,
    shown: left.reduce((n, s) => n + (s.record.articles[0].candidates?.length ?? 0), 0),
  };

  // Clusters against topics, over the distinct opinions of the gold (one per gold duplicate group).
  const seenDup = new Set();
  const distinct = scored.filter((s) => {
    if (s.g.dup === '') return true;
    if (seenDup.has(s.g.dup)) return false;
    seenDup.add(s.g.dup);
    return true;
  });
  const clusters = pairScores(distinct, distinct.map((s) => s.record.cluster), distinct.map((s) => s.g.topic));
  // The same with each 未归入 opinion counted in the article cluster it is shown beside as 可能同类 (Cluster.nearby):
  // what a reader sees together, guesses included.
  const canonicalOf = new Map(digest.duplicateGroups.map((g) => [g.id, g.canonical]));
  const shownWith = new Map();
  for (const c of digest.clusters) for (const n of c.nearby ?? []) shownWith.set(n.id, c.id);
  const shown = (s) => shownWith.get(s.record.duplicateGroup === null ? s.record.id : canonicalOf.get(s.record.duplicateGroup)) ?? s.record.cluster;
  const nearby = { ...pairScores(distinct, distinct.map(shown), distinct.map((s) => s.g.topic)), shown: shownWith.size };
  // The most the clustering could reach: topic pairs that the assignment put under the same article.
  const articleOfCluster = new Map(digest.clusters.map((c) => [c.id, c.article]));
  const ceiling = pairScores(distinct, distinct.map((s) => articleOfCluster.get(s.record.cluster) ?? null), distinct.map((s) => s.g.topic));
  const dups = pairScores(scored, scored.map((s) => s.record.duplicateGroup), scored.map((s) => (s.g.dup === '' ? null : s.g.dup)));

  const misses = values.misses
    ? [...confidentWrong.map((s) => `  ✗ ${s.g.gold.join(';')} → ${s.record.articles[0].key} (${s.record.articles[0].source} ${s.record.articles[0].confidence}) ${s.record.opinion.slice(0, 50)}`),
       ...abstained.map((s) => `  ? ${s.g.gold.join(';')} → 未归入 (${s.record.articles[0].confidence}) ${s.record.opinion.slice(0, 50)}`),
       ...cited.filter((s) => !citedRight.includes(s)).map((s) => `  ✗引 ${s.g.gold.join(';')} → ${predicted(s).join(';')} ${s.record.article ?? ''} ${s.record.opinion.slice(0, 40)}`)]
    : [];
  if (values.clusters) {
    const byId = new Map(digest.records.map((r) => [r.id, r]));
    const topicOf = new Map(scored.map((s) => [s.record.id, s.g.topic]));
    for (const c of digest.clusters) {
      misses.push(`  [${c.id}] ${c.label ?? ''} · ${c.opinions.map((id) => topicOf.get(id)).join(' ')}`);
    }
    void byId;
  }
  return {
    name: set.name,
    part: set.part,
    records: scored.length,
    cited: { n: cited.length, right: citedRight.length },
    uncited: { n: uncited.length, right: uncitedRight.length, confidentWrong: confidentWrong.length, abstained: abstained.length },
    clusters: { ...clusters, count: digest.clusters.length, distinct: distinct.length, ceiling },
    nearby,
    duplicates: dups,
    suggested,
    misses,
  };
}

const PART_NAMES = { tuning: '调参集', 'held-out': '留出集', 'held-out-2': '第二留出集', 'held-out-3': '第三留出集', 'held-out-4': '第四留出集', 'held-out-5': '第五留出集', 'held-out-6': '第六留出集', 'held-out-7': '第七留出集', 'held-out-8': '第八留出集' };
const sets = EVAL_SETS.filter((set) => values.part === undefined || set.part === values.part);
if (values.grid) {
  // Uncited right / confidently wrong over the part's batches for a grid of threshold × margin: how the
  // defaults were chosen (on the tuning part only). Assignment alone (no clustering); per margin one run
  // with threshold 0, the thresholds applied to the confidences afterwards (the rule is score ≥ threshold).
  const { assignBatch } = await load('assign/batch.js');
  const segmenter = createSegmenter(SEGMENTER_DEFAULTS);
  const batches = [];
  for (const set of sets) {
    const gold = readGold(set);
    const draft = await readDraft(join(ROOT, set.draft));
    const ingest = await readSubmissions(await collectInputFiles([join(ROOT, 'fixtures/eval', set.name)]), normalizeIngestOptions({}));
    batches.push({ gold, draft, records: ingest.records });
  }
  const thresholds = [0.05, 0.08, 0.1, 0.12, 0.15, 0.18, 0.2, 0.25, 0.3];
  console.log('| margin | ' + thresholds.map((t) => `t=${t}`).join(' | ') + ' |');
  console.log('|---:|' + thresholds.map(() => '---:').join('|') + '|');
  for (const margin of [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4]) {
    const cells = thresholds.map(() => ({ n: 0, right: 0, wrong: 0 }));
    for (const { gold, draft, records } of batches) {
      const text = createDigestText(draft, segmenter, { threshold: 0, minMargin: margin, minLead: settings.assignLead, minLeadUnanchored: settings.assignLeadUnanchored, examples: [] });
      const found = assignBatch(text, { count: records.length, input: (i) => records[i], terms: (i) => text.terms(records[i].opinion) });
      records.forEach((record, i) => {
        const g = gold.get(`${basename(record.source.file)}\u0000${record.source.row}`);
        if (g.cited) return;
        const want = new Set(g.gold.map(goldKey));
        const first = found[i][0];
        thresholds.forEach((t, k) => {
          const key = first.source === 'similarity' && first.confidence < t ? 'unassigned' : baseOf(first.key);
          cells[k].n++;
          if (want.has(key)) cells[k].right++;
          else if (key !== 'unassigned') cells[k].wrong++;
        });
      });
    }
    console.log(`| ${margin} | ` + cells.map((c) => `${((100 * c.right) / c.n).toFixed(1)} / ${((100 * c.wrong) / c.n).toFixed(1)}`).join(' | ') + ' |');
  }
  process.exit(0);
}
if (values.ranking) {
  // The ranking without any threshold: for the uncited opinions whose gold is an article of the draft and
  // that carry no citation the assigner finds, the share whose article is among the assigner's first k
  // candidates (k = 1 is top-1; k = 2, 3 tell how far a second look would get). Learned as assignBatch does.
  const K = 5;
  const { CANDIDATE_DEFAULTS, selectCandidates } = await load('assign/candidates.js');
  const SHARES = [0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 1];
  const shareTally = new Map();
  const floorTally = [];
  const segmenter = createSegmenter(SEGMENTER_DEFAULTS);
  const tally = new Map();
  const add = (name, part, hits, n) => {
    const t = tally.get(name) ?? { part, hits: new Array(K).fill(0), n: 0 };
    t.n += n;
    hits.forEach((h, k) => (t.hits[k] += h));
    tally.set(name, t);
  };
  for (const set of sets) {
    const gold = readGold(set);
    const draft = await readDraft(join(ROOT, set.draft));
    const ingest = await readSubmissions(await collectInputFiles([join(ROOT, 'fixtures/eval', set.name)]), normalizeIngestOptions({}));
    const assigner = createAssigner(draft, (t) => segmenter.terms(t), { threshold: settings.assignThreshold, minMargin: settings.assignMargin, minLead: settings.assignLead, minLeadUnanchored: settings.assignLeadUnanchored, examples: [] });
    const articles = new Set(draft.articles.map((a) => a.key));
    const open = [];
    for (const record of ingest.records) {
      const found = assigner.cited(record);
      if (found.length > 0) assigner.learn(record, found);
      else open.push(record);
    }
    const hits = new Array(K).fill(0);
    let n = 0;
    for (const record of open) {
      const g = gold.get(`${basename(record.source.file)}\u0000${record.source.row}`);
      if (g.cited) continue;
      if (!g.gold.some((k) => articles.has(k))) {
        // General or off-topic opinions left 未归入: any suggestion shown to them points at a wrong article.
        if (assigner.guess(record)[0].source === 'none') {
          const best = assigner.candidates(record, 1)[0]?.score ?? 0;
          floorTally.push({ part: set.part, article: false, best, hit: false, shown: selectCandidates(assigner.candidates(record, K), { ...CANDIDATE_DEFAULTS, floor: 0 }).length });
        }
        continue;
      }
      n++;
      const ranked = assigner.candidates(record, K);
      const at = ranked.findIndex((c) => g.gold.includes(baseOf(c.key)));
      for (let k = at < 0 ? K : at; k < K; k++) hits[k]++;
      // The suggestions a 未归入 opinion would carry, for each share of the best score tried.
      if (assigner.guess(record)[0].source === 'none') {
        const s = shareTally.get(set.part) ?? { n: 0, hit: SHARES.map(() => 0), shown: SHARES.map(() => 0) };
        s.n++;
        SHARES.forEach((share, i) => {
          const chosen = selectCandidates(ranked, { ...CANDIDATE_DEFAULTS, share, floor: 0 });
          if (chosen.some((c) => g.gold.includes(baseOf(c.key)))) s.hit[i]++;
          s.shown[i] += chosen.length;
        });
        shareTally.set(set.part, s);
        const chosen = selectCandidates(ranked, { ...CANDIDATE_DEFAULTS, floor: 0 });
        floorTally.push({ part: set.part, article: true, best: ranked[0]?.score ?? 0, hit: chosen.some((c) => g.gold.includes(baseOf(c.key))), shown: chosen.length });
      }
    }
    add(set.name, set.part, hits, n);
  }
  for (const set of sets) {
    const name = `合计（${PART_NAMES[set.part] ?? set.part}）`;
    add(name, set.part, tally.get(set.name).hits, tally.get(set.name).n);
  }
  console.log('| 批次 | 集 | 未引用（金标为本稿条文） | ' + Array.from({ length: K }, (_, k) => `前 ${k + 1}`).join(' | ') + ' |');
  console.log('|---|---|---:|' + Array.from({ length: K }, () => '---:').join('|') + '|');
  for (const [name, t] of tally) console.log(`| ${name} | ${t.part} | ${t.n} | ` + t.hits.map((h) => `${((100 * h) / Math.max(1, t.n)).toFixed(1)}%`).join(' | ') + ' |');
  // The suggestions on 未归入 (at most CANDIDATE_DEFAULTS.limit, each ≥ share × best): gold among them / mean shown.
  console.log(`\n未归入的未引用意见（金标为本稿条文）：金标在“可能涉及条文”中的比例 / 平均条数，按相对最高分的比例（现用 ${CANDIDATE_DEFAULTS.share}；此表不计下限）`);
  console.log('| 集 | 未归入 | ' + SHARES.map((share) => `≥ ${share}`).join(' | ') + ' |');
  console.log('|---|---:|' + SHARES.map(() => '---:').join('|') + '|');
  for (const [part, t] of shareTally) {
    console.log(`| ${part} | ${t.n} | ` + SHARES.map((_, i) => `${((100 * t.hit[i]) / Math.max(1, t.n)).toFixed(1)}% / ${(t.shown[i] / Math.max(1, t.n)).toFixed(2)}`).join(' | ') + ' |');
  }
  // Would a floor on the best score help? Per floor: gold among the suggestions of article opinions, and
  // how many general / off-topic 未归入 opinions would still be shown one.
  console.log(`\n按最高分下限（比例 ${CANDIDATE_DEFAULTS.share}，现用下限 ${CANDIDATE_DEFAULTS.floor}）：| 集 | 下限 | 金标在其中 | 平均条数 | 总体/无关意见仍有建议 |`);
  for (const part of new Set(floorTally.map((t) => t.part))) {
    const rowsOf = floorTally.filter((t) => t.part === part);
    for (const floor of [0, 0.05, 0.08, 0.1, 0.12, 0.15]) {
      const on = rowsOf.filter((t) => t.article);
      const kept = (t) => t.best >= floor;
      const hit = on.filter((t) => kept(t) && t.hit).length;
      const shown = on.reduce((n, t) => n + (kept(t) ? t.shown : 0), 0);
      const other = rowsOf.filter((t) => !t.article);
      console.log(`| ${part} | ${floor} | ${((100 * hit) / Math.max(1, on.length)).toFixed(1)}% | ${(shown / Math.max(1, on.length)).toFixed(2)} | ${other.filter(kept).length}/${other.length} |`);
    }
  }
  process.exit(0);
}
const results = [];
for (const set of sets) results.push(await evaluate(set));

/** Sums the counts of several results (pair figures from summed pairs, not averaged ratios). */
function sum(name, part, list) {
  const add = (f) => list.reduce((s, r) => s + f(r), 0);
  const pair = (k) => {
    const tp = add((r) => r[k].tp);
    const p = add((r) => r[k].predictedPairs);
    const g = add((r) => r[k].goldPairs);
    return { tp, predictedPairs: p, goldPairs: g, precision: p === 0 ? 1 : tp / p, recall: g === 0 ? 1 : tp / g };
  };
  return {
    name, part, records: add((r) => r.records),
    cited: { n: add((r) => r.cited.n), right: add((r) => r.cited.right) },
    uncited: { n: add((r) => r.uncited.n), right: add((r) => r.uncited.right), confidentWrong: add((r) => r.uncited.confidentWrong), abstained: add((r) => r.uncited.abstained) },
    clusters: { ...pair('clusters'), count: add((r) => r.clusters.count), distinct: add((r) => r.clusters.distinct),
      ceiling: { recall: add((r) => r.clusters.ceiling.tp) / Math.max(1, add((r) => r.clusters.ceiling.goldPairs)) } },
    duplicates: pair('duplicates'),
    nearby: { ...pair('nearby'), shown: add((r) => r.nearby.shown) },
    suggested: { n: add((r) => r.suggested.n), hit: add((r) => r.suggested.hit), shown: add((r) => r.suggested.shown) },
    misses: [],
  };
}
const rows = [...results];
const parts = [...new Set(results.map((r) => r.part))];
for (const part of parts) rows.push(sum(`合计（${PART_NAMES[part] ?? part}）`, part, results.filter((r) => r.part === part)));
if (results.length > 1) rows.push(sum('合计（全部）', 'all', results));

const pct = (a, b) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
const f1 = (p, r) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
if (values.json) {
  console.log(JSON.stringify({ settings, rows }, null, 2));
} else {
  console.log(`settings: assign ${settings.assignThreshold} / margin ${settings.assignMargin} / lead ${settings.assignLead} (unanchored ${settings.assignLeadUnanchored}, ungrounded ${MIN_LEAD_UNGROUNDED}; one word ≤ ${ONE_WORD_SHARE} of the score below lead ${ONE_WORD_LEAD}), cluster ${settings.clusterThreshold}, near ${settings.near}`);
  console.log('| 批次 | 集 | 意见 | 引用 条文正确 | 未引用 条文正确 | 未引用 有把握而错 | 未引用 未归入 | 类 P / R / F1 | 类 R 上限 | 类数 / 不同意见 | 重复 P / R | 含可能同类 P / R / F1（条数） |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const c = r.clusters;
    const d = r.duplicates;
    console.log(`| ${r.name} | ${r.part} | ${r.records} | ${pct(r.cited.right, r.cited.n)} (${r.cited.right}/${r.cited.n}) | ${pct(r.uncited.right, r.uncited.n)} (${r.uncited.right}/${r.uncited.n}) | ${pct(r.uncited.confidentWrong, r.uncited.n)} (${r.uncited.confidentWrong}) | ${pct(r.uncited.abstained, r.uncited.n)} | ${c.precision.toFixed(2)} / ${c.recall.toFixed(2)} / ${f1(c.precision, c.recall).toFixed(2)} | ${c.ceiling.recall.toFixed(2)} | ${c.count} / ${c.distinct} | ${d.precision.toFixed(3)} / ${d.recall.toFixed(3)} | ${r.nearby.precision.toFixed(2)} / ${r.nearby.recall.toFixed(2)} / ${f1(r.nearby.precision, r.nearby.recall).toFixed(2)} (${r.nearby.shown}) |`);
  }
  console.log('\n| 批次 | 集 | 未归入（未引用，金标为本稿条文） | 金标在可能涉及条文中 | 平均条数 |');
  console.log('|---|---|---:|---:|---:|');
  for (const r of rows) {
    const s = r.suggested;
    console.log(`| ${r.name} | ${r.part} | ${s.n} | ${pct(s.hit, s.n)} (${s.hit}) | ${s.n === 0 ? '—' : (s.shown / s.n).toFixed(2)} |`);
  }
  for (const r of results) if (r.misses.length > 0) console.log(`\n${r.name}:\n${r.misses.join('\n')}`);
}
