// Benchmark of clusterOpinions on synthetic distinct opinions: ~1,000 articles with a skewed
// distribution (one article holds 10%), terms drawn from per-article topics plus noise.
// Build first (npm run build, or tsc -p tsconfig.build.json), then: node bench/cluster.mjs [n ...]
import { CLUSTER_DEFAULTS, clusterOpinions } from '../dist/cluster/index.js';
import { rng } from './rng.mjs';

const VOCABULARY = Array.from({ length: 20000 }, (_v, i) => `词${i.toString(36)}`);

function generate(n, seed) {
  const next = rng(seed);
  const items = [];
  for (let i = 0; i < n; i++) {
    // 10% on article 1, the rest Zipf-like over 1,000 articles.
    const article = next() < 0.1 ? 1 : 1 + Math.floor(1000 ** next());
    const topic = Math.floor(next() * 8);
    const terms = [];
    const base = (article * 131 + topic * 17) % (VOCABULARY.length - 10);
    for (let t = 0; t < 4; t++) terms.push(VOCABULARY[base + Math.floor(next() * 6)]); // topic words
    const noise = 3 + Math.floor(next() * 8);
    for (let t = 0; t < noise; t++) terms.push(VOCABULARY[Math.floor(next() * VOCABULARY.length)]);
    items.push({ id: `r${i}`, article: String(article), terms, submissions: 1 + Math.floor(next() * 3), points: [`点${i % 300}`], counties: [] });
  }
  return items;
}

for (const n of process.argv.slice(2).map(Number).concat(process.argv.length > 2 ? [] : [100_000, 1_000_000])) {
  const items = generate(n, 7);
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  const clusters = clusterOpinions(items, { ...CLUSTER_DEFAULTS, tokens: null, forms: null });
  const seconds = (performance.now() - start) / 1000;
  const rss = process.memoryUsage().rss;
  const biggest = clusters.filter((c) => c.article === '1').length;
  console.log(
    `n=${n}: ${seconds.toFixed(2)} s, ${Math.round(n / seconds).toLocaleString('en')} opinions/s, ` +
      `RSS ${Math.round(rssBefore / 2 ** 20)} → ${Math.round(rss / 2 ** 20)} MiB, clusters ${clusters.length} ` +
      `(article 1: ${items.filter((i) => i.article === '1').length} opinions in ${biggest} clusters)`,
  );
}
