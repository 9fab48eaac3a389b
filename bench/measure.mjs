#!/usr/bin/env node
/**
 * One measurement in its own process, so peak RSS (maxRSS) belongs to this run alone.
 * Called by bench/run.mjs; writes one JSON object to RESULT_FILE.
 *
 *   node bench/measure.mjs cli RESULT_FILE -- digest bench/out/csv-10k --draft … -o … --force
 *   node bench/measure.mjs render RESULT_FILE DIGEST_JSON
 *   node bench/measure.mjs text RESULT_FILE CORPUS_DIR DRAFT_FILE
 *   node bench/measure.mjs phases RESULT_FILE CORPUS_DIR DRAFT_FILE OUT_DIR
 *
 * Every result has { ms, maxRssMB, cpuMs } for the whole measured step; `text` adds per-stage figures.
 * Imports only the built code, the way the installed CLI runs: $YIJIAN_DIST (a snapshot of dist/ made
 * by run.mjs, so another engineer's rebuild cannot change the code mid-run), else ../dist.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { readDigestJson } from './digest-stream.mjs';

const DIST = process.env.YIJIAN_DIST !== undefined ? pathToFileURL(`${process.env.YIJIAN_DIST}/`) : new URL('../dist/', import.meta.url);
/** Imports a module of the built code by its path under dist/. */
const load = (path) => import(new URL(path, DIST).href);

const [kind, resultFile, ...rest] = process.argv.slice(2);
if (kind === undefined || resultFile === undefined) {
  process.stderr.write('usage: node bench/measure.mjs cli|render|text|phases RESULT_FILE …\n');
  process.exit(2);
}

/** CPU time of this process so far in ms (user + system): less sensitive to other load than wall time. */
function cpuMs() {
  const usage = process.resourceUsage();
  return (usage.userCPUTime + usage.systemCPUTime) / 1000;
}

/** Peak resident set size of this process in MiB (resourceUsage reports KiB). */
function maxRssMB() {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Runs the real CLI entry point in-process with `args` after `yijian`. */
async function measureCli(args) {
  const { run } = await load('cli/main.js');
  const cpu0 = cpuMs();
  const start = performance.now();
  const { code: exitCode } = await run(['node', 'yijian', ...args]);
  return { ms: performance.now() - start, cpuMs: cpuMs() - cpu0, exitCode };
}

/** Renders every report format from a digest.json already written (reading it is not timed). */
async function measureRender(digestPath) {
  const { renderReports } = await load('report/index.js');
  const digest = await readDigestJson(digestPath);
  const cpu0 = cpuMs();
  const start = performance.now();
  const files = await renderReports(digest, { formats: ['md', 'html', 'docx', 'xlsx'], templatesDir: null, showContact: false });
  const ms = performance.now() - start;
  const cpuTotal = cpuMs() - cpu0;
  const sizes = Object.fromEntries(files.map((file) => [file.name, Buffer.byteLength(file.data)]));
  // Each format alone (after the timed run above), to see where rendering time goes.
  const perFormatMs = {};
  for (const format of ['md', 'html', 'docx', 'xlsx']) {
    const mark = performance.now();
    const cpuMark = cpuMs();
    await renderReports(digest, { formats: [format], templatesDir: null, showContact: false });
    perFormatMs[format] = { ms: Math.round(performance.now() - mark), cpuMs: Math.round(cpuMs() - cpuMark) };
  }
  return { ms, cpuMs: cpuTotal, records: digest.records.length, clusters: digest.clusters.length, sizes, perFormatMs };
}

/** CPU ms (user + system) of the last `timed` pass, by label: throughput that other load barely changes. */
const cpuOf = {};
/** Times one pass of `fn` over every item; returns wall ms and records its CPU ms under `label`. */
function timed(label, items, fn) {
  const cpuStart = cpuMs();
  const start = performance.now();
  for (const item of items) fn(item);
  cpuOf[label] = cpuMs() - cpuStart;
  return performance.now() - start;
}

/** Segmentation (tokens, terms) and assignment throughput on the corpus's opinions against the draft. */
async function measureText(corpusDir, draftPath) {
  const { collectInputFiles, normalizeIngestOptions, readSubmissions } = await load('ingest/index.js');
  const { createSegmenter, SEGMENTER_DEFAULTS } = await load('text/segment.js');
  const { createAssigner, ASSIGN_DEFAULTS } = await load('assign/assign.js');
  const { readDraft } = await load('text/read-draft.js');

  const ingest = await readSubmissions(await collectInputFiles([corpusDir]), normalizeIngestOptions({}));
  const records = ingest.records;
  const opinions = records.map((record) => record.opinion);
  const characters = opinions.reduce((sum, text) => sum + text.length, 0);

  const cpu0 = cpuMs();
  const start = performance.now();
  const segmenter = createSegmenter(SEGMENTER_DEFAULTS);
  let mark = performance.now();
  segmenter.tokens('加载分词词典'); // the first call loads jieba; timed apart from throughput
  const jiebaLoadMs = performance.now() - mark;

  const tokensMs = timed('tokens', opinions, (text) => segmenter.tokens(text));
  const termsMs = timed('terms', opinions, (text) => segmenter.terms(text));

  mark = performance.now();
  const draft = await readDraft(draftPath);
  const readDraftMs = performance.now() - mark;
  mark = performance.now();
  const assigner = createAssigner(draft, (text) => segmenter.terms(text), { ...ASSIGN_DEFAULTS, examples: [] });
  const createAssignerMs = performance.now() - mark;

  const bySource = {};
  const assignMs = timed('assign', records, (record) => {
    const found = assigner.assign({ article: record.article, opinion: record.opinion });
    const source = found[0]?.source ?? 'none';
    bySource[source] = (bySource[source] ?? 0) + 1;
  });
  // The similarity path alone: every opinion as if its 条款 cell were empty.
  const similarityMs = timed('similarity', records, (record) => assigner.assign({ article: null, opinion: record.opinion }));

  return {
    ms: performance.now() - start,
    cpuMs: cpuMs() - cpu0,
    opinions: opinions.length,
    characters,
    articles: draft.articles.length,
    jiebaLoadMs,
    tokensMs,
    termsMs,
    readDraftMs,
    createAssignerMs,
    assignMs,
    similarityMs,
    bySource,
    cpuOf,
  };
}

/**
 * The digest command's steps run one by one (as src/cli/digest.ts runs them), with time, CPU and memory
 * after each: where a digest spends its time and memory without a profiler's overhead.
 */
async function measurePhases(corpusDir, draftPath, outDir) {
  const { collectInputFiles, normalizeIngestOptions, readSubmissions } = await load('ingest/index.js');
  const { createSegmenter, SEGMENTER_DEFAULTS } = await load('text/segment.js');
  const { readDraft } = await load('text/read-draft.js');
  const { createDigestText } = await load('digest/text.js');
  const { startSegmentAhead, withSegmented } = await load('digest/segment-ahead.js');
  const { buildDigest } = await load('digest/build.js');
  const { writeJsonAtomic } = await load('io/json-file.js');
  const { renderReports } = await load('report/index.js');
  // As the CLI: a second thread masks the opinions while digest.json is written (absent from older builds).
  const { startMaskAhead } = await load('report/mask-ahead.js').catch(() => ({ startMaskAhead: () => null }));
  const { DEFAULT_NEAR_THRESHOLD } = await load('dedupe/index.js');
  const { DEFAULT_CLUSTER_THRESHOLD } = await load('cluster/index.js');
  const { ASSIGN_DEFAULTS } = await load('assign/assign.js');
  const phases = [];
  const cpu0 = cpuMs();
  const start = performance.now();
  let last = { ms: start, cpu: cpu0 };
  const phase = (name) => {
    const now = { ms: performance.now(), cpu: cpuMs() };
    const memory = process.memoryUsage();
    phases.push({ name, ms: Math.round(now.ms - last.ms), cpuMs: Math.round(now.cpu - last.cpu), rssMB: Math.round(memory.rss / 2 ** 20), heapMB: Math.round(memory.heapUsed / 2 ** 20) });
    last = now;
  };
  const draft = await readDraft(draftPath);
  const segmenter = createSegmenter(SEGMENTER_DEFAULTS);
  segmenter.tokens('加载分词词典');
  phase('read draft, load jieba');
  // As the CLI: a second thread segments the opinions of each file read while the next is read.
  const ahead = startSegmentAhead(SEGMENTER_DEFAULTS);
  const ingest = await readSubmissions(await collectInputFiles([corpusDir]), normalizeIngestOptions({}), undefined, undefined, undefined, ahead === null ? undefined : (records) => ahead.add(records.map((record) => record.opinion)));
  const segmented = ahead === null ? null : await ahead.finish();
  const segmentedAhead = segmented?.size ?? 0;
  phase('read submissions (ingest)');
  // The floor the digest is held to: reading the same files (the phase above) and segmenting their text
  // once. Measured on a segmenter of its own, so the digest below does not profit from a warm one.
  const floorSegmenter = createSegmenter(SEGMENTER_DEFAULTS);
  for (const record of ingest.records) floorSegmenter.terms(record.opinion);
  phase('floor: segment every opinion once (not part of the digest)');
  const text = createDigestText(draft, segmented === null ? segmenter : withSegmented(segmenter, segmented), { ...ASSIGN_DEFAULTS, examples: [] });
  phase('createDigestText (segments the draft)');
  let step = null;
  const model = await buildDigest(ingest, draft, text, { near: DEFAULT_NEAR_THRESHOLD, assignThreshold: ASSIGN_DEFAULTS.threshold, clusterThreshold: DEFAULT_CLUSTER_THRESHOLD, date: null }, (next) => {
    if (next === step) return;
    // buildDigest computes keys, starts the duplicate search in a worker, then announces assign, dedupe
    // (waiting for the search while segmenting ahead), then cluster.
    phase(step === null ? 'buildDigest: canonical order, comparison keys' : `buildDigest: ${step}`);
    step = next;
  });
  phase(`buildDigest: ${step} and records`);
  const masking = startMaskAhead(model.records);
  await writeJsonAtomic(`${outDir}/digest.json`, model, { force: true });
  const maskedOpinions = await masking?.finish();
  phase('write digest.json');
  await renderReports(model, { formats: ['md'], templatesDir: null, showContact: false, maskedOpinions });
  phase('render md');
  const total = { ms: performance.now() - start, cpuMs: cpuMs() - cpu0 };
  const named = (prefix) => phases.filter((p) => p.name.startsWith(prefix));
  const sum = (list, key) => list.reduce((s, p) => s + p[key], 0);
  // jieba has to be loaded to segment at all: its loading counts in the floor too.
  const floorPhases = [...named('read draft, load jieba'), ...named('read submissions'), ...named('floor:')];
  const floor = { ms: sum(floorPhases, 'ms'), cpuMs: sum(floorPhases, 'cpuMs') };
  const floorOnly = named('floor:');
  // The digest: everything but the floor's own segmentation pass (reading the files is in both).
  const digest = { ms: total.ms - sum(floorOnly, 'ms'), cpuMs: total.cpuMs - sum(floorOnly, 'cpuMs') };
  process.stderr.write(`floor (read + segment once) ${(floor.ms / 1000).toFixed(1)} s wall / ${(floor.cpuMs / 1000).toFixed(1)} s CPU; digest ${(digest.ms / 1000).toFixed(1)} s / ${(digest.cpuMs / 1000).toFixed(1)} s; ratio ${(digest.ms / floor.ms).toFixed(2)}× wall, ${(digest.cpuMs / floor.cpuMs).toFixed(2)}× CPU\n`);
  return { ms: digest.ms, cpuMs: digest.cpuMs, records: model.records.length, segmentedAhead, phases, floor, ratio: { wall: digest.ms / floor.ms, cpu: digest.cpuMs / floor.cpuMs } };
}

let result;
if (kind === 'phases') {
  result = await measurePhases(rest[0], rest[1], rest[2]);
} else if (kind === 'cli') {
  const args = rest[0] === '--' ? rest.slice(1) : rest;
  result = await measureCli(args);
} else if (kind === 'render') {
  result = await measureRender(rest[0]);
} else if (kind === 'text') {
  result = await measureText(rest[0], rest[1]);
} else {
  process.stderr.write(`unknown measurement: ${kind}\n`);
  process.exit(2);
}
writeFileSync(resultFile, JSON.stringify({ ...result, maxRssMB: maxRssMB() }));
process.exit(0);
