#!/usr/bin/env node
/**
 * The top self-time functions (and files) of a V8 .cpuprofile (from `node --cpu-prof`).
 *   node bench/profile-top.mjs FILE.cpuprofile [count]
 */
import { readFileSync } from 'node:fs';

/** Self time in ms per function and per script of one profile, largest first. */
export function profileTop(path, count = 25) {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const nodeById = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map();
  profile.samples.forEach((id, index) => {
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  const byFunction = new Map();
  const byFile = new Map();
  let total = 0;
  for (const [id, ms] of selfMs) {
    const frame = nodeById.get(id)?.callFrame;
    if (frame === undefined) continue;
    total += ms;
    const url = frame.url.replace(/^file:\/\//, '').replace(/^.*\/(dist|node_modules)\//, '$1/');
    const name = `${frame.functionName || '(anonymous)'} ${url || '(native)'}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    const file = url || `(${frame.functionName || 'native'})`;
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  }
  const top = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, ms]) => ({ name, ms: Math.round(ms), share: ms / total }));
  return { totalMs: Math.round(total), functions: top(byFunction), files: top(byFile) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [path, count] = process.argv.slice(2);
  const { totalMs, functions, files } = profileTop(path, Number(count ?? 25));
  console.log(`total sampled ${totalMs} ms\n\nself time by function:`);
  for (const f of functions) console.log(`${String(f.ms).padStart(8)} ms ${(100 * f.share).toFixed(1).padStart(5)}%  ${f.name}`);
  console.log('\nself time by file:');
  for (const f of files) console.log(`${String(f.ms).padStart(8)} ms ${(100 * f.share).toFixed(1).padStart(5)}%  ${f.name}`);
}
