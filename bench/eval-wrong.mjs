#!/usr/bin/env node
/**
 * The uncited opinions the assigner places, one by one: what won and why. For every uncited opinion of the eval
 * batches that the assigner does not cite itself, the ranking as the digest makes it (cited opinions learned
 * first), the best article, the runner-up the lead is measured against, whether the best article is anchored and
 * by which words, the gold article's rank, and the evidence: how much the best article's score drops when each
 * word of the opinion is left out (the words that won it), with how many of the draft's article texts hold the
 * word and whether the best article's own text does.
 *
 *   node bench/eval-wrong.mjs                 the confidently wrong guesses of every batch, grouped by batch
 *   node bench/eval-wrong.mjs --all           every placed guess (right ones marked ✓)
 *   node bench/eval-wrong.mjs --part tuning   one part
 *   node bench/eval-wrong.mjs --json FILE     every uncited opinion's record (placed or not) as JSON, for study
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { EVAL_SETS, readGold } from '../fixtures/eval/make-eval.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const load = (path) => import(join(ROOT, 'dist', path));
const { values } = parseArgs({ options: { part: { type: 'string' }, all: { type: 'boolean', default: false }, json: { type: 'string' } } });

const { collectInputFiles, normalizeIngestOptions, readSubmissions } = await load('ingest/index.js');
const { readDraft } = await load('text/read-draft.js');
const { createSegmenter, SEGMENTER_DEFAULTS } = await load('text/segment.js');
const { ASSIGN_DEFAULTS, createAssigner } = await load('assign/assign.js');
const { articleDocument } = await load('assign/similarity.js');

const baseOf = (key) => (/^\d/.test(key) ? key.split('.')[0] : key);
const goldKey = (key) => (key === 'none' ? 'unassigned' : key);

// How common each word is in general Chinese text: jieba's own IDF table (higher is rarer).
const nodejieba = (await import('nodejieba')).default;
const GENERAL_IDF = new Map(readFileSync(nodejieba.DEFAULT_IDF_DICT, 'utf8').split('\n').map((l) => l.split(' ')).filter((p) => p.length === 2).map(([w, v]) => [w, Number(v)]));
const segmenter = createSegmenter(SEGMENTER_DEFAULTS);
const terms = (text) => segmenter.terms(text);
const out = [];
const sets = EVAL_SETS.filter((set) => values.part === undefined || set.part === values.part);
for (const set of sets) {
  const gold = readGold(set);
  const draft = await readDraft(join(ROOT, set.draft));
  const ingest = await readSubmissions(await collectInputFiles([join(ROOT, 'fixtures/eval', set.name)]), normalizeIngestOptions({}));
  const assigner = createAssigner(draft, terms, { ...ASSIGN_DEFAULTS, examples: [] });
  // Which article texts hold each word (as the matcher segments them).
  const docs = draft.articles.map((_, i) => new Set(terms(articleDocument(draft, i))));
  const keyAt = draft.articles.map((a) => a.key);
  const holders = (term) => docs.reduce((n, d) => n + (d.has(term) ? 1 : 0), 0);
  const holds = (key, term) => docs[keyAt.indexOf(key)]?.has(term) ?? false;
  const anchorMax = Math.max(2, Math.floor(0.05 * draft.articles.length));
  const open = [];
  for (const record of ingest.records) {
    const found = assigner.cited(record);
    if (found.length > 0) assigner.learn(record, found);
    else open.push(record);
  }
  const all = draft.articles.length + 1;
  // Per word: how many of the batch's opinions hold it, and how many distinct articles its citing opinions cite.
  const inOpinions = new Map();
  const citedBy = new Map();
  const citedOf = new Map();
  const citingCount = new Map();
  for (const record of ingest.records) {
    const own = new Set(terms(record.opinion));
    const found = assigner.cited(record).filter((a) => a.source !== 'none' && !a.notInDraft).map((a) => baseOf(a.key));
    for (const k of new Set(found)) citingCount.set(k, (citingCount.get(k) ?? 0) + 1 / new Set(found).size);
    for (const t of own) {
      inOpinions.set(t, (inOpinions.get(t) ?? 0) + 1);
      for (const k of found) citedOf.set(`${k}\u0000${t}`, (citedOf.get(`${k}\u0000${t}`) ?? 0) + 1);
      if (found.length > 0) { const s = citedBy.get(t) ?? new Set(); for (const k of found) s.add(k); citedBy.set(t, s); }
    }
  }
  const seen = new Map();
  for (const record of open) {
    const g = gold.get(`${basename(record.source.file)}\u0000${record.source.row}`);
    if (g.cited) continue;
    const want = new Set(g.gold.map(goldKey));
    const guess = assigner.guess(record)[0];
    const own = terms(record.opinion);
    const ranked = assigner.candidates(record, all);
    const best = ranked[0];
    const scoreOf = (list, key) => list.find((r) => r.key === key)?.score ?? 0;
    const goldRank = ranked.findIndex((r) => want.has(baseOf(r.key)));
    const distinct = [...new Set(own)];
    const evidence = best === undefined ? [] : distinct.map((term) => {
      const rest = () => own.filter((t) => t !== term);
      const without = assigner.candidates(record, all, rest);
      const again = guess.source === 'similarity' ? assigner.guess(record, rest)[0] : null;
      return { term, drop: best.score - scoreOf(without, best.key), holders: holders(term), inBest: holds(best.key, term), count: own.filter((t) => t === term).length,
        idf: GENERAL_IDF.get(term) ?? null, opinions: inOpinions.get(term) ?? 0, citedArticles: citedBy.get(term)?.size ?? 0, learnedBy: citedOf.get(`${baseOf(best.key)}\u0000${term}`) ?? 0, keeps: again === null ? null : again.source === 'similarity' && again.key === guess.key };
    }).sort((a, b) => b.drop - a.drop);
    const placed = guess.source === 'similarity' ? baseOf(guess.key) : 'unassigned';
    const row = {
      part: set.part, set: set.name, row: record.source.row, file: basename(record.source.file),
      gold: g.gold, topic: g.topic, dup: g.dup, opinion: record.opinion,
      placed, right: want.has(placed), confidence: guess.confidence,
      best: best?.key ?? null, bestScore: best?.score ?? 0, second: ranked[1]?.key ?? null, secondScore: ranked[1]?.score ?? 0,
      goldRank, goldScore: goldRank < 0 ? 0 : ranked[goldRank].score,
      anchorWords: best === undefined ? [] : distinct.filter((t) => holders(t) <= anchorMax && holds(best.key, t)),
      articles: draft.articles.length, anchorMax, citing: best === undefined ? 0 : (citingCount.get(baseOf(best.key)) ?? 0),
      position: best === undefined ? -1 : keyAt.indexOf(baseOf(best.key)), title: draft.title,
      evidence,
      top: ranked.slice(0, 5).map((r) => ({ key: r.key, score: Math.round(r.score * 1e4) / 1e4 })),
    };
    out.push(row);
    void seen;
  }
}
if (values.json !== undefined) {
  writeFileSync(values.json, JSON.stringify(out));
  console.log(`${out.length} uncited opinions written to ${values.json}`);
} else {
  const shown = out.filter((r) => r.placed !== 'unassigned' && (values.all || !r.right));
  let part = '';
  for (const r of shown) {
    if (r.part !== part) console.log(`\n## ${(part = r.part)}`);
    const ev = r.evidence.slice(0, 6).map((e) => `${e.term}${e.count > 1 ? `×${e.count}` : ''} ${e.drop.toFixed(3)} (${e.holders}${e.inBest ? '' : ', not in text'}${e.idf === null ? '' : `, idf ${e.idf.toFixed(1)}`}, op ${e.opinions}/${e.citedArticles}${e.keeps === false ? ', needed' : ''})`).join(' · ');
    console.log(`${r.right ? '✓' : '✗'} ${r.set} row ${r.row}: gold ${r.gold.join(';')} (rank ${r.goldRank < 0 ? '—' : r.goldRank + 1}, ${r.goldScore.toFixed(3)}) → ${r.placed} ${r.bestScore.toFixed(3)}, 2nd ${r.second} ${r.secondScore.toFixed(3)}, lead ${(r.bestScore - r.secondScore).toFixed(3)}; anchors [${r.anchorWords.join(' ')}]\n    ${r.opinion.slice(0, 70)}\n    evidence: ${ev}`);
  }
  const wrong = out.filter((r) => r.placed !== 'unassigned' && !r.right).length;
  console.log(`\n${shown.length} shown; ${wrong} confidently wrong of ${out.length} uncited opinions the assigner does not cite itself`);
}
