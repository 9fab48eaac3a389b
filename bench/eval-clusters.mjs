#!/usr/bin/env node
/**
 * Clustering measured on its own: the evaluation batches of fixtures/eval/ clustered under their GOLD
 * articles, so a wrong or missing assignment cannot hide or excuse a clustering mistake (`npm run eval`
 * measures the whole digest, assignment included; its "类 R 上限" is what the assignment leaves reachable).
 * Runs the built core (dist/): the segmenter the digest uses and clusterOpinions with CLUSTER_DEFAULTS.
 *
 *   node bench/eval-clusters.mjs                          every batch, default settings
 *   node bench/eval-clusters.mjs --part tuning            only the tuning batches (choose settings here only)
 *   node bench/eval-clusters.mjs --set threshold=0.1      any CLUSTER_DEFAULTS field overridden (repeatable)
 *   node bench/eval-clusters.mjs --sweep threshold=0.04,0.06,0.08   one summary line per value
 *   node bench/eval-clusters.mjs --clusters               also list every cluster: label, size, gold topics
 *   node bench/eval-clusters.mjs --json                   the figures as JSON
 *   node bench/eval-clusters.mjs --assigned               under the tool's OWN articles (the digest's assignment, run
 *       once per batch; the figures `npm run eval` prints), with the pairs split by bucket: clusters on an
 *       article, on 总体意见 (general) and on 未归入 (unassigned), so a sweep shows where precision goes
 *   node bench/eval-clusters.mjs --scale bench/out/runs/phases-100k/digest.json
 *       times clusterOpinions alone (CPU) on the distinct opinions of a digest written by bench/run.mjs,
 *       under the digest's articles; add `node --cpu-prof` to see where the time goes. Prints clusters per 1,000
 *       opinions and the share left alone, overall and on the largest articles (does quality depend on batch size?)
 *   node bench/eval-clusters.mjs --scale …/digest.json --largest 20    only the 20 largest articles
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EVAL_SETS, parseSource } from '../fixtures/eval/make-eval.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
// $YIJIAN_DIST: another build to measure (e.g. bench/out/snap/dist, the code of the last bench/run.mjs), as bench/measure.mjs.
const load = (path) => import(resolve(process.env.YIJIAN_DIST ?? join(ROOT, 'dist'), path));

const { values } = parseArgs({
  options: {
    part: { type: 'string' },
    set: { type: 'string', multiple: true, default: [] },
    sweep: { type: 'string' },
    clusters: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    scale: { type: 'string' },
    largest: { type: 'string' },
    assigned: { type: 'boolean', default: false },
  },
});

const { CLUSTER_DEFAULTS, clusterOpinions } = await load('cluster/index.js');
const { createSegmenter, SEGMENTER_DEFAULTS } = await load('text/segment.js');
const segmenter = createSegmenter(SEGMENTER_DEFAULTS);

/** `name=value` → [name, number or boolean]; only fields CLUSTER_DEFAULTS has. */
function parseSetting(text) {
  const [name, raw] = text.split('=');
  if (!(name in CLUSTER_DEFAULTS)) throw new Error(`unknown setting ${name}; known: ${Object.keys(CLUSTER_DEFAULTS).join(', ')}`);
  const kind = typeof CLUSTER_DEFAULTS[name];
  const value = kind === 'string' ? raw : kind === 'boolean' ? raw === 'true' : Number(raw);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${name}: not a number: ${raw}`);
  return [name, value];
}
const overrides = Object.fromEntries(values.set.map(parseSetting));

/** The article an opinion is clustered under (12.2.3 → 12), as the digest does; none → unassigned. */
const baseOf = (key) => (key === 'none' ? 'unassigned' : /^\d/.test(key) ? key.split('.')[0] : key);

/** Pair counts of a labelling against the gold topics. */
function pairScores(predicted, gold) {
  const count = (labels) => {
    const sizes = new Map();
    for (const label of labels) sizes.set(label, (sizes.get(label) ?? 0) + 1);
    let pairs = 0;
    for (const n of sizes.values()) pairs += (n * (n - 1)) / 2;
    return pairs;
  };
  const tp = count(predicted.map((p, i) => `${p}\u0000${gold[i]}`));
  return { tp, predictedPairs: count(predicted), goldPairs: count(gold) };
}
const ratios = ({ tp, predictedPairs, goldPairs }) => {
  const precision = predictedPairs === 0 ? 1 : tp / predictedPairs;
  const recall = goldPairs === 0 ? 1 : tp / goldPairs;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
};

/**
 * The distinct opinions of a batch under the articles the digest itself gave them (assignment included),
 * as `npm run eval` scores them: the digest is built once, its canonical records re-clustered per setting.
 */
async function assignedBatch(set) {
  const { collectInputFiles, normalizeIngestOptions, readSubmissions } = await load('ingest/index.js');
  const { readDraft } = await load('text/read-draft.js');
  const { createDigestText } = await load('digest/text.js');
  const { buildDigest } = await load('digest/build.js');
  const { DEFAULT_NEAR_THRESHOLD } = await load('dedupe/index.js');
  const { ASSIGN_DEFAULTS } = await load('assign/assign.js');
  const opinions = parseSource(readFileSync(join(ROOT, 'fixtures/eval/src', `${set.name}.txt`), 'utf8'), set.name);
  const lines = readFileSync(join(ROOT, 'fixtures/eval/gold', `${set.name}.csv`), 'utf8').replace(/^\uFEFF/, '').split('\r\n').slice(1).filter((l) => l !== '');
  const gold = new Map(lines.map((line, i) => [line.split(',').slice(0, 2).join('\u0000'), opinions[i]]));
  const draft = await readDraft(join(ROOT, set.draft));
  const ingest = await readSubmissions(await collectInputFiles([join(ROOT, 'fixtures/eval', set.name)]), normalizeIngestOptions({}));
  const text = createDigestText(draft, segmenter, { threshold: ASSIGN_DEFAULTS.threshold, minMargin: ASSIGN_DEFAULTS.minMargin, minLead: ASSIGN_DEFAULTS.minLead, minLeadUnanchored: ASSIGN_DEFAULTS.minLeadUnanchored, examples: [] });
  const digest = await buildDigest(ingest, draft, text, {
    near: DEFAULT_NEAR_THRESHOLD, assignThreshold: ASSIGN_DEFAULTS.threshold, assignMargin: ASSIGN_DEFAULTS.minMargin,
    clusterThreshold: CLUSTER_DEFAULTS.threshold, date: null,
  });
  const articleOf = new Map(digest.clusters.map((c) => [c.id, c.article]));
  const distinct = [];
  const items = [];
  for (const record of digest.records) {
    if (!record.canonical) continue;
    const g = gold.get(`${basename(record.source.file)}\u0000${record.source.row}`);
    if (g === undefined) throw new Error(`${set.name}: no gold for ${record.source.file} row ${record.source.row}`);
    distinct.push(g);
    items.push({ id: record.id, article: articleOf.get(record.cluster), terms: text.terms(record.opinion), text: record.opinion, submissions: 1, points: [], counties: [], candidates: (record.articles[0].candidates ?? []).map((c) => c.key) });
  }
  return { set, distinct, items };
}

/** The distinct opinions of a batch (one per gold duplicate group) under their first gold article. */
async function batch(set) {
  if (values.assigned) return assignedBatch(set);
  const opinions = parseSource(readFileSync(join(ROOT, 'fixtures/eval/src', `${set.name}.txt`), 'utf8'), set.name);
  const seen = new Set();
  const distinct = opinions.filter((o) => {
    if (o.dup === '') return true;
    if (seen.has(o.dup)) return false;
    seen.add(o.dup);
    return true;
  });
  const items = distinct.map((o, i) => ({
    id: `e${String(i).padStart(4, '0')}`,
    article: baseOf(o.gold[0]),
    terms: segmenter.terms(o.opinion),
    text: o.opinion,
    submissions: 1,
    points: [],
    counties: [],
  }));
  return { set, distinct, items };
}

function evaluate({ set, distinct, items }, settings) {
  const clusters = clusterOpinions(items, { ...CLUSTER_DEFAULTS, ...settings, tokens: segmenter.tokens, forms: segmenter.forms ?? null });
  const clusterOf = new Map();
  for (const c of clusters) for (const id of c.opinions) clusterOf.set(id, c.id);
  const scores = pairScores(items.map((it) => clusterOf.get(it.id)), distinct.map((o) => o.topic));
  const bucketOf = (article) => (article === 'unassigned' || article === 'general' ? article : 'article');
  const buckets = {};
  for (const bucket of ['article', 'general', 'unassigned']) {
    const inside = items.map((it, i) => [it, i]).filter(([it]) => bucketOf(it.article) === bucket);
    buckets[bucket] = { opinions: inside.length, ...pairScores(inside.map(([it]) => clusterOf.get(it.id)), inside.map(([, i]) => distinct[i].topic)) };
  }
  const listing = [];
  if (values.clusters) {
    const topicOf = new Map(items.map((it, i) => [it.id, distinct[i].topic]));
    for (const c of clusters) listing.push(`  ${c.article.padEnd(10)} ${String(c.opinions.length).padStart(3)}  ${c.label ?? ''}  · ${c.opinions.map((id) => topicOf.get(id)).join(' ')}`);
  }
  return { name: set.name, part: set.part, distinct: items.length, clusters: clusters.length, topics: new Set(distinct.map((o) => o.topic)).size, ...scores, buckets, listing };
}

/**
 * The canonical records of a digest.json, read line by line (digest.json writes one record per line; at a million
 * opinions the file is past the longest string V8 makes); with `largest`, only those on the largest articles.
 */
async function canonicalRecords(path, largest) {
  const records = [];
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.startsWith('    {"id":') || !line.includes('"canonical":true')) continue;
    const r = JSON.parse(line.replace(/,$/, ''));
    records.push({ id: r.id, article: r.articles[0].key, opinion: r.opinion, point: r.point, candidates: (r.articles[0].candidates ?? []).map((c) => c.key) });
  }
  if (largest === undefined) return records;
  const sizes = new Map();
  for (const r of records) sizes.set(r.article, (sizes.get(r.article) ?? 0) + 1);
  const keep = new Set([...sizes].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, Number(largest)).map(([a]) => a));
  return records.filter((r) => keep.has(r.article));
}

if (values.scale !== undefined) {
  const items = (await canonicalRecords(values.scale, values.largest))
    .map((r) => ({ id: r.id, article: r.article, terms: segmenter.terms(r.opinion), text: r.opinion, submissions: 1, points: r.point === null ? [] : [r.point], counties: [], candidates: r.candidates }));
  const settings = { ...CLUSTER_DEFAULTS, ...overrides, tokens: segmenter.tokens, forms: segmenter.forms ?? null };
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const before = cpu();
  const start = performance.now();
  const clusters = clusterOpinions(items, settings);
  const ms = performance.now() - start;
  const cpuMs = cpu() - before;
  const sizes = new Map();
  for (const item of items) sizes.set(item.article, (sizes.get(item.article) ?? 0) + 1);
  const largest = Math.max(...sizes.values());
  const merged = clusters.filter((c) => c.opinions.length > 1);
  // Whether quality depends on batch size: per 1,000 distinct opinions, and the share left alone, overall and on
  // the largest article (where a capped candidate search starves first).
  const alone = (list) => list.filter((c) => c.opinions.length === 1).length;
  const nearby = clusters.reduce((n, c) => n + (c.nearby?.length ?? 0), 0);
  console.log(`  未归入 opinions with likely articles: ${items.filter((it) => it.article === 'unassigned' && it.candidates.length > 0).length}; named 可能同类 on an article cluster: ${nearby}`);
  const top = [...sizes].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, 4);
  console.log(`clusterOpinions: ${items.length} distinct opinions on ${sizes.size} articles (largest ${largest}) → ${clusters.length} clusters (${merged.length} of 2+, largest ${clusters.reduce((m, c) => Math.max(m, c.opinions.length), 0)}); ${(cpuMs / 1000).toFixed(2)} s CPU, ${(ms / 1000).toFixed(2)} s wall, RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB, load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  console.log(`  ${((1000 * clusters.length) / items.length).toFixed(1)} clusters per 1,000 opinions, ${((100 * alone(clusters)) / items.length).toFixed(1)} % of opinions alone`);
  for (const [article, n] of top) {
    const on = clusters.filter((c) => c.article === article);
    console.log(`  ${article} (${n} opinions): ${on.length} clusters (${((1000 * on.length) / n).toFixed(1)} per 1,000), ${((100 * alone(on)) / n).toFixed(1)} % alone, largest ${on.reduce((m, c) => Math.max(m, c.opinions.length), 0)}`);
  }
  process.exit(0);
}

const sets = EVAL_SETS.filter((set) => values.part === undefined || set.part === values.part);
const batches = [];
for (const set of sets) batches.push(await batch(set));

/** A bucket's opinions and its pairs: same topic and same cluster / same cluster / same topic. */
const bucketText = (b) => `${b.opinions} 条 · 对 ${b.tp}/${b.predictedPairs}/${b.goldPairs}（P ${ratios(b).precision.toFixed(2)} R ${ratios(b).recall.toFixed(2)}）`;

/** Per batch, per part and overall (pairs summed, not ratios averaged). */
function table(settings) {
  const rows = batches.map((b) => evaluate(b, settings));
  const total = (name, part, list) => ({
    name, part,
    distinct: list.reduce((s, r) => s + r.distinct, 0),
    clusters: list.reduce((s, r) => s + r.clusters, 0),
    topics: list.reduce((s, r) => s + r.topics, 0),
    tp: list.reduce((s, r) => s + r.tp, 0),
    predictedPairs: list.reduce((s, r) => s + r.predictedPairs, 0),
    goldPairs: list.reduce((s, r) => s + r.goldPairs, 0),
    buckets: Object.fromEntries(['article', 'general', 'unassigned'].map((b) => [b, {
      opinions: list.reduce((s, r) => s + r.buckets[b].opinions, 0),
      tp: list.reduce((s, r) => s + r.buckets[b].tp, 0),
      predictedPairs: list.reduce((s, r) => s + r.buckets[b].predictedPairs, 0),
      goldPairs: list.reduce((s, r) => s + r.buckets[b].goldPairs, 0),
    }])),
    listing: [],
  });
  const parts = [...new Set(rows.map((r) => r.part))];
  const PART_NAMES = { tuning: '调参集', 'held-out': '留出集', 'held-out-2': '第二留出集', 'held-out-3': '第三留出集', 'held-out-4': '第四留出集', 'held-out-5': '第五留出集', 'held-out-6': '第六留出集', 'held-out-7': '第七留出集', 'held-out-8': '第八留出集' };
  const sums = parts.map((part) => total(`合计（${PART_NAMES[part] ?? part}）`, part, rows.filter((r) => r.part === part)));
  return [...rows, ...sums].map((r) => ({ ...r, ...ratios(r) }));
}

if (values.sweep !== undefined) {
  const [name, list] = values.sweep.split('=');
  for (const raw of list.split(',')) {
    const [key, value] = parseSetting(`${name}=${raw}`);
    const rows = table({ ...overrides, [key]: value });
    console.log(`${key}=${value}  ${rows.filter((r) => r.name.startsWith('合计')).map((r) => `${r.part} P ${r.precision.toFixed(2)} R ${r.recall.toFixed(2)} F1 ${r.f1.toFixed(3)} (${r.clusters} 类)${values.assigned ? ` 未归入 ${bucketText(r.buckets.unassigned)}` : ''}`).join('   ')}`);
  }
} else {
  const rows = table(overrides);
  const settings = { ...CLUSTER_DEFAULTS, ...overrides };
  if (values.json) {
    console.log(JSON.stringify({ settings, rows: rows.map(({ listing, ...r }) => r) }, null, 2));
  } else {
    console.log(`clustering under the ${values.assigned ? "digest's OWN" : "GOLD"} articles; settings ${JSON.stringify(settings)}`);
    console.log('| 批次 | 集 | 不同意见 | 话题 | 类数 | 类 P / R / F1 | 条文上的类 | 总体意见 | 未归入 |');
    console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of rows) console.log(`| ${r.name} | ${r.part} | ${r.distinct} | ${r.topics} | ${r.clusters} | ${r.precision.toFixed(2)} / ${r.recall.toFixed(2)} / ${r.f1.toFixed(2)} | ${bucketText(r.buckets.article)} | ${bucketText(r.buckets.general)} | ${bucketText(r.buckets.unassigned)} |`);
    for (const r of rows) if (r.listing.length > 0) console.log(`\n${r.name}:\n${r.listing.join('\n')}`);
  }
}
