/**
 * Setup file loaded only when YIJIAN_TEST_CPU names a file (bench/suite-time.mjs sets it): appends one JSON
 * line per test file with the CPU its process used, its own and that of the children it waited for (the
 * spawned CLI, LibreOffice, Chromium). On a machine shared with other work, wall time says little; CPU
 * time is what a test file costs.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { afterAll } from 'vitest';

const out = process.env['YIJIAN_TEST_CPU'];

/** utime, stime, cutime, cstime of this process in ms (Linux /proc; clock ticks are 100 Hz). */
function cpu(): { own: number; children: number } {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
  const tick = 10;
  return { own: (fields[11]! + fields[12]!) * tick, children: (fields[13]! + fields[14]!) * tick };
}

const start = cpu();

if (out !== undefined && out !== '') {
  afterAll(({}, suite) => {
    const end = cpu();
    const file = 'filepath' in suite ? String(suite.filepath) : suite.name;
    appendFileSync(out, `${JSON.stringify({
      file,
      ownMs: end.own - start.own,
      childrenMs: end.children - start.children,
      processOwnMs: end.own,
    })}\n`);
  });
}
