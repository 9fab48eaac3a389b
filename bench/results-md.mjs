/** Markdown tables and target checks from bench/out/results.json entries (see bench/run.mjs). */

const ORDER = ['digest-10k-md', 'digest-10k-all', 'digest-100k-md', 'digest-100k-all', 'phases-100k', 'render-100k', 'digest-100k-xlsx-md', 'merge-100k-xlsx', 'text-100k', 'digest-1m-md', 'digest-1m-all', 'phases-1m'];

const seconds = (ms) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
const perSecond = (count, ms) => Math.round(count / (ms / 1000)).toLocaleString('en');
const sorted = (stored) => Object.values(stored).sort((a, b) => rank(a.id) - rank(b.id));
const rank = (id) => (ORDER.includes(id) ? ORDER.indexOf(id) : ORDER.length);

/** Target checks on wall time (CPU time shown beside it), one line each: `PASS|MISS|—  description: figures`. */
export function targetsOf(stored) {
  const lines = [];
  const both = (e) => `${seconds(e.ms)} s wall, ${seconds(e.cpuMs)} s CPU`;
  const check = (ok, text) => lines.push(`- ${ok === null ? '— (not measured)' : ok ? 'PASS' : 'MISS'}  ${text}`);
  const d100all = stored['digest-100k-all'];
  const d100md = stored['digest-100k-md'];
  const d1m = stored['digest-1m-md'];
  const render = stored['render-100k'];
  check(d100all ? d100all.ms < 15_000 : null, `digest 100k (all reports) < 15 s: ${d100all ? both(d100all) : '?'}`);
  check(render ? render.ms < 10_000 : null, `rendering all reports of a 100k digest < 10 s: ${render ? both(render) : '?'}`);
  check(d1m ? d1m.ms < 180_000 : null, `digest 1M (--formats md) < 3 min: ${d1m ? both(d1m) : '?'}`);
  check(d1m ? d1m.maxRssMB < 4096 : null, `digest 1M peak RSS < 4 GB: ${d1m ? `${d1m.maxRssMB} MiB` : '?'}`);
  for (const id of ['phases-100k', 'phases-1m']) {
    const e = stored[id];
    if (e?.ratio === undefined) continue;
    check(e.ratio.wall <= 3, `${id}: digest ≤ 3× the floor (reading the files and segmenting their text once, same run): ${e.ratio.wall.toFixed(2)}× wall (${seconds(e.ms)} s vs ${seconds(e.floor.ms)} s), ${e.ratio.cpu.toFixed(2)}× CPU`);
  }
  check(d1m && d100md ? d1m.ms <= 12 * d100md.ms : null,
    `digest 1M ≤ 12× digest 100k (both --formats md): ${d1m && d100md ? `${(d1m.ms / d100md.ms).toFixed(1)}× (CPU time ${(d1m.cpuMs / d100md.cpuMs).toFixed(1)}×)` : '?'}`);
  return lines;
}

function mainTable(entries) {
  const rows = [
    '| Measurement | n | Wall s | CPU s | Throughput /s (wall) | Peak RSS MiB | Load avg before → after | Measured |',
    '|---|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const e of entries) {
    const formats = e.perFormatMs ? ` (each format alone, wall/CPU s: ${Object.entries(e.perFormatMs).map(([f, t]) => `${f} ${seconds(t.ms)}/${seconds(t.cpuMs)}`).join(', ')})` : '';
    rows.push(`| ${e.id}: ${e.what}${formats}${e.exitCode ? ` (exit ${e.exitCode})` : ''} | ${e.n.toLocaleString('en')} | ${seconds(e.ms)} | ${seconds(e.cpuMs)} | ${perSecond(e.n, e.ms)} ${e.unit} | ${e.maxRssMB} | ${e.loadBefore} → ${e.loadAfter} | ${e.at.slice(0, 16).replace('T', ' ')} |`);
  }
  return rows.join('\n');
}

function qualityTable(entries) {
  const scored = entries.filter((e) => e.quality !== undefined);
  if (scored.length === 0) return '';
  const rows = [
    '| Run | Exact pairs found / planted | Near pairs found / planted | Duplicate groups | Largest group | Lowest similarity to canonical | Groups with no planted pair (their members) |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const e of scored) {
    const q = e.quality;
    rows.push(`| ${e.id} | ${q.exact.found} / ${q.exact.planted} (missed ${q.exact.missed}) | ${q.near.found} / ${q.near.planted} (missed ${q.near.missed}) | ${q.groups} | ${q.largestGroup ?? '–'} | ${q.lowestSimilarity ?? '–'} | ${q.groupsWithoutPlantedPair} (${q.membersOfThoseGroups}); exact ${q.unplantedByKind.exact}, near ${q.unplantedByKind.near} |`);
  }
  return rows.join('\n');
}

function textTable(entries) {
  const text = entries.filter((e) => e.tokensMs !== undefined);
  if (text.length === 0) return '';
  const rows = ['| Run | Step | Wall time | Throughput (wall) | Throughput (per CPU second) |', '|---|---|---:|---:|---:|'];
  const cpu = (e, label, count, unit) => (e.cpuOf?.[label] === undefined ? '' : `${perSecond(count, e.cpuOf[label])} ${unit}`);
  for (const e of text) {
    const sources = Object.entries(e.bySource).map(([k, v]) => `${k} ${v}`).join(', ');
    rows.push(`| ${e.id} | jieba load (first call) | ${Math.round(e.jiebaLoadMs)} ms | | |`);
    rows.push(`| ${e.id} | segmenter.tokens on ${e.opinions.toLocaleString('en')} opinions (${e.characters.toLocaleString('en')} chars) | ${seconds(e.tokensMs)} s | ${perSecond(e.characters, e.tokensMs)} chars/s | ${cpu(e, 'tokens', e.characters, 'chars/s')} |`);
    rows.push(`| ${e.id} | segmenter.terms | ${seconds(e.termsMs)} s | ${perSecond(e.characters, e.termsMs)} chars/s | ${cpu(e, 'terms', e.characters, 'chars/s')} |`);
    rows.push(`| ${e.id} | readDraft (民法典, ${e.articles} articles) | ${Math.round(e.readDraftMs)} ms | | |`);
    rows.push(`| ${e.id} | createAssigner (segments the draft) | ${Math.round(e.createAssignerMs)} ms | | |`);
    rows.push(`| ${e.id} | assign, corpus as is (${sources}) | ${seconds(e.assignMs)} s | ${perSecond(e.opinions, e.assignMs)} opinions/s | ${cpu(e, 'assign', e.opinions, 'opinions/s')} |`);
    rows.push(`| ${e.id} | assign with 条款 cell empty (citations in text, else similarity) | ${seconds(e.similarityMs)} s | ${perSecond(e.opinions, e.similarityMs)} opinions/s | ${cpu(e, 'similarity', e.opinions, 'opinions/s')} |`);
  }
  return rows.join('\n');
}

function phasesTable(entries) {
  const runs = entries.filter((e) => e.phases !== undefined);
  if (runs.length === 0) return '';
  const names = [...new Set(runs.flatMap((e) => e.phases.map((p) => p.name)))];
  const rows = [
    `| Step | ${runs.map((e) => `${e.id} wall s / CPU s / RSS MiB after`).join(' | ')} |`,
    `|---|${runs.map(() => '---:').join('|')}|`,
  ];
  for (const name of names) {
    rows.push(`| ${name} | ${runs.map((e) => {
      const p = e.phases.find((q) => q.name === name);
      return p === undefined ? '' : `${seconds(p.ms)} / ${seconds(p.cpuMs)} / ${p.rssMB}`;
    }).join(' | ')} |`);
  }
  rows.push(`| total (peak RSS) | ${runs.map((e) => `${seconds(e.ms)} / ${seconds(e.cpuMs)} / peak ${e.maxRssMB}`).join(' | ')} |`);
  return rows.join('\n');
}

function profiles(entries) {
  const profiled = entries.filter((e) => e.profile !== undefined);
  return profiled.map((e) => [
    `#### CPU profile of ${e.id} (self time; total sampled ${e.profile.totalMs} ms)`,
    '',
    '| Self ms | Share | Function |',
    '|---:|---:|---|',
    ...e.profile.functions.slice(0, 12).map((f) => `| ${f.ms} | ${(100 * f.share).toFixed(1)}% | \`${f.name}\` |`),
    '',
    '| Self ms | Share | File |',
    '|---:|---:|---|',
    ...e.profile.files.slice(0, 8).map((f) => `| ${f.ms} | ${(100 * f.share).toFixed(1)}% | \`${f.name}\` |`),
  ].join('\n')).join('\n\n');
}

/** The generated part of RESULTS.md (or just the tables, for the terminal). */
export function renderResults(stored, machine, { tableOnly }) {
  const entries = sorted(stored);
  const parts = [mainTable(entries), qualityTable(entries), textTable(entries)].filter((p) => p !== '');
  if (tableOnly) return parts.join('\n\n');
  return [
    `Generated ${machine.date} by \`node bench/run.mjs\`. Machine: ${machine.nproc} CPUs (\`nproc\`), ${machine.cpu}, Node ${machine.node}.`,
    'The machine was shared with other engineers while measuring: the load average (1/5/15 min) is given beside each figure;',
    'CPU s (user + system of the measuring process) is less sensitive to that load than wall time.',
    '',
    '```',
    '$ free -g',
    machine.memory,
    '```',
    '',
    '### Figures',
    '',
    parts[0],
    '',
    '### Planted duplicates (bench/generate.mjs truth.json)',
    '',
    qualityTable(entries) || '(no digest scored)',
    '',
    '### Digest steps (phases)',
    '',
    phasesTable(entries) || '(not measured)',
    '',
    '### Segmentation and assignment',
    '',
    textTable(entries) || '(not measured)',
    '',
    '### Targets',
    '',
    ...targetsOf(stored),
    '',
    profiles(entries),
  ].join('\n');
}
