// Benchmark of findDuplicateGroups on synthetic opinions with planted exact and near duplicates.
// Build first (npm run build, or tsc -p tsconfig.build.json), then: node bench/dedupe.mjs [n ...]
import { findDuplicateGroups, DEFAULT_NEAR_THRESHOLD } from '../dist/dedupe/index.js';
import { rng } from './rng.mjs';

// 600 common characters: random text over them resembles opinions in shingle statistics.
const CHARS = Array.from({ length: 600 }, (_v, i) => String.fromCharCode(0x4e00 + ((i * 37) % 20000)));
const BOILERPLATE = ['建议第二十条增加规定', '关于第十二条的意见', '尊敬的领导您好', '建议修改为'];

function randomText(next, length) {
  let s = '';
  for (let i = 0; i < length; i++) s += CHARS[Math.floor(next() * CHARS.length)];
  return s;
}
function edit(next, text) {
  const chars = [...text];
  const changes = 1 + Math.floor(next() * 3); // a few words changed
  for (let c = 0; c < changes; c++) {
    const at = Math.floor(next() * (chars.length - 2));
    chars.splice(at, 2, ...randomText(next, 2));
  }
  let out = chars.join('');
  if (next() < 0.3) out = '各位领导' + out; // greeting
  if (next() < 0.3) out = out + randomText(next, 12); // a sentence added
  return out;
}

function generate(n, seed) {
  const next = rng(seed);
  const items = [];
  const planted = []; // [originalId, copyId]
  let id = 0;
  while (items.length < n) {
    const roll = next();
    const base = BOILERPLATE[Math.floor(next() * BOILERPLATE.length)] + randomText(next, 30 + Math.floor(next() * 120));
    const original = `r${id++}`;
    items.push({ id: original, key: base, point: `点${Math.floor(next() * 300)}`, county: `县${Math.floor(next() * 7)}` });
    if (roll < 0.05) {
      // a form letter: 2–40 edited copies
      const copies = 2 + Math.floor(next() * 39);
      for (let c = 0; c < copies && items.length < n; c++) {
        const copy = `r${id++}`;
        items.push({ id: copy, key: edit(next, base), point: `点${Math.floor(next() * 300)}`, county: null });
        planted.push([original, copy]);
      }
    } else if (roll < 0.15 && items.length < n) {
      items.push({ id: `r${id++}`, key: base, point: null, county: null }); // exact repeat
    } else if (roll < 0.17) {
      items.push({ id: `r${id++}`, key: '同意', point: null, county: null });
    }
  }
  return { items, planted };
}

for (const n of process.argv.slice(2).map(Number).concat(process.argv.length > 2 ? [] : [100_000, 1_000_000])) {
  const { items, planted } = generate(n, 42);
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  const groups = findDuplicateGroups(items, { near: DEFAULT_NEAR_THRESHOLD });
  const seconds = (performance.now() - start) / 1000;
  const rss = process.memoryUsage().rss;
  const groupOf = new Map();
  for (const g of groups) for (const m of g.members) groupOf.set(m, g.id);
  const found = planted.filter(([a, b]) => groupOf.has(a) && groupOf.get(a) === groupOf.get(b)).length;
  console.log(
    `n=${n}: ${seconds.toFixed(2)} s, ${Math.round(n / seconds).toLocaleString('en')} items/s, ` +
      `RSS ${Math.round(rssBefore / 2 ** 20)} → ${Math.round(rss / 2 ** 20)} MiB, groups ${groups.length} ` +
      `(near ${groups.filter((g) => g.kind === 'near').length}), planted near copies found ${found}/${planted.length}`,
  );
}
