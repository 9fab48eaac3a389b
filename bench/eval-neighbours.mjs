#!/usr/bin/env node
/**
 * Does a runner-up that is a structural neighbour of the guess (the next article, the same 节 or 章) tell a wrong
 * similarity guess from a right one? Session 23 asked because on unseen drafts the wrong guesses went mostly to a
 * neighbour of the right article. For the uncited opinions of a part that the assigner does not cite itself:
 * the placed guesses by how far the runner-up (outside a duty–penalty pair, as the assigner measures the lead)
 * stands, the wrong ones listed, and what a larger lead asked of a guess with a neighbouring runner-up would cost.
 *
 *   node bench/eval-neighbours.mjs [--part tuning]
 *   node bench/eval-ablated.mjs domain eval-neighbours.mjs     without the tuning domains' synonyms (or `none`)
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { EVAL_SETS, parseSource } from '../fixtures/eval/make-eval.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const load = (path) => import(join(ROOT, 'dist', path));
const { values } = parseArgs({ options: { part: { type: 'string', default: 'tuning' } } });
const { collectInputFiles, normalizeIngestOptions, readSubmissions } = await load('ingest/index.js');
const { readDraft } = await load('text/read-draft.js');
const { createSegmenter, SEGMENTER_DEFAULTS } = await load('text/segment.js');
const { ASSIGN_DEFAULTS, createAssigner } = await load('assign/assign.js');
const { createArticleMatcher } = await load('assign/similarity.js');
const { penaltyLinks } = await load('assign/structure.js');

const baseOf = (key) => (/^\d/.test(key) ? key.split('.')[0] : key);
const guesses = [];
const near = [];
for (const set of EVAL_SETS.filter((s) => s.part === values.part)) {
  const opinions = parseSource(readFileSync(join(ROOT, 'fixtures/eval/src', `${set.name}.txt`), 'utf8'), set.name);
  const lines = readFileSync(join(ROOT, 'fixtures/eval/gold', `${set.name}.csv`), 'utf8').replace(/^\uFEFF/, '').split('\r\n').slice(1).filter((l) => l !== '');
  const gold = new Map(lines.map((line, i) => [line.split(',').slice(0, 2).join('\u0000'), opinions[i]]));
  const draft = await readDraft(join(ROOT, set.draft));
  const segmenter = createSegmenter(SEGMENTER_DEFAULTS);
  const segment = (t) => segmenter.terms(t);
  const ingest = await readSubmissions(await collectInputFiles([join(ROOT, 'fixtures/eval', set.name)]), normalizeIngestOptions({}));
  const assigner = createAssigner(draft, segment, { ...ASSIGN_DEFAULTS, examples: [] });
  // A second matcher taught the same opinions, for whether an article is anchored (the assigner keeps it inside).
  const matcher = createArticleMatcher(draft, segment);
  const links = penaltyLinks(draft);
  const paired = (a, b) => (links.get(a)?.includes(b) ?? false) || (links.get(b)?.includes(a) ?? false);
  const open = [];
  for (const record of ingest.records) {
    const found = assigner.cited(record);
    if (found.length === 0) {
      open.push(record);
      continue;
    }
    assigner.learn(record, found);
    const keys = found.filter((a) => a.source !== 'similarity' && a.source !== 'none' && !a.notInDraft).map((a) => a.key);
    for (const key of keys) matcher.learn(key, segment(record.opinion), 1 / keys.length, record.opinion);
  }
  const article = new Map(draft.articles.map((a, index) => [a.key, { ...a, index }]));
  for (const record of open) {
    const g = gold.get(`${basename(record.source.file)}\u0000${record.source.row}`);
    if (g.cited) continue;
    const ranked = assigner.candidates(record, 6);
    const best = ranked[0];
    const second = best === undefined ? undefined : ranked.slice(1).find((r) => !paired(best.key, r.key));
    if (best === undefined || second === undefined || !article.has(best.key) || !article.has(second.key)) continue;
    const [b, r] = [article.get(best.key), article.get(second.key)];
    const row = {
      batch: set.name, gold: g.gold.map((k) => (k === 'none' ? 'unassigned' : k)), key: best.key, runnerUp: second.key,
      lead: best.score - second.score, anchored: matcher.anchors(segment(record.opinion), best.key),
      distance: Math.abs(b.index - r.index), section: b.section !== null && b.section === r.section, chapter: b.chapter !== null && b.chapter === r.chapter,
      placed: assigner.guess(record)[0].source === 'similarity', opinion: record.opinion,
    };
    row.right = row.gold.includes(baseOf(row.key));
    (row.placed ? guesses : near).push(row);
  }
}
const tally = (list) => `${list.filter((r) => r.right).length} right / ${list.filter((r) => !r.right).length} wrong`;
console.log(`placed guesses: ${tally(guesses)}`);
for (const r of guesses.filter((g) => !g.right)) console.log(`  ✗ ${r.gold.join(';')} → ${r.key} (runner-up ${r.runnerUp}, ${r.distance} articles away, lead ${r.lead.toFixed(3)}${r.anchored ? ', anchored' : ''}) ${r.opinion.slice(0, 40)}`);
for (const d of [1, 2, 3]) console.log(`runner-up within ${d} article(s): ${tally(guesses.filter((g) => g.distance <= d))}; farther: ${tally(guesses.filter((g) => g.distance > d))}`);
const middle = [...guesses, ...near].filter((r) => r.lead >= 0.03 && r.lead < 0.07);
console.log(`best article (placed or not) leading by 0.03–0.07, runner-up within 2: ${tally(middle.filter((r) => r.distance <= 2))}; farther: ${tally(middle.filter((r) => r.distance > 2))}`);
const rules = {
  'within 1': (r) => r.distance <= 1,
  'within 2': (r) => r.distance <= 2,
  'within 3': (r) => r.distance <= 3,
  'same 节 or next': (r) => r.section || r.distance <= 1,
  'same 章': (r) => r.chapter,
};
console.log('a larger lead when the runner-up is a neighbour: placed right / wrong lost');
for (const [name, neighbour] of Object.entries(rules)) {
  const cells = [0.01, 0.02, 0.03, 0.05, 0.08].map((extra) => {
    const lost = guesses.filter((r) => neighbour(r) && r.lead < (r.anchored ? ASSIGN_DEFAULTS.minLead : ASSIGN_DEFAULTS.minLeadUnanchored) + extra);
    return `+${extra}: −${lost.filter((r) => r.right).length} / −${lost.filter((r) => !r.right).length}`;
  });
  console.log(`  ${name.padEnd(16)} ${cells.join('  ')}`);
}
