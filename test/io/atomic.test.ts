/**
 * Interrupted runs leave the old output or a complete new one, never half of one; nothing is
 * overwritten without --force.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { BIN, GOOD, looksCrashed, runInProcess, tempDir } from '../bad/cli.js';

// Big enough that a 2 ms poll sees the temporary file before the rename (measured: it lives 3–7 ms at
// 10,000 and at 50,000 rows alike, since the workbook is built in memory and written in one go); more rows
// only lengthen the reading that happens before it (44 s against 14 s per run on a loaded machine).
const ROWS = 10_000;

function bigCsv(dir: string): string {
  const path = join(dir, '大表.csv');
  const lines = ['序号,联系点,条款,意见建议'];
  for (let i = 1; i <= ROWS; i += 1) lines.push(`${i},测试联系点,第${(i % 40) + 1}条,第${i}条意见：建议增加停放点和充电设施。`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Starts merge over `output` with --force, kills it with SIGKILL once the temp file exists (or after `delayMs`). */
function killedMerge(input: string, output: string, delayMs: number): Promise<void> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, 'merge', input, '-o', output, '--force'], { env: { ...process.env, CI: 'true', NO_COLOR: '1' }, stdio: 'ignore' });
    const dir = join(output, '..');
    const started = Date.now();
    const timer = setInterval(() => {
      const temp = readdirSync(dir).some((name) => name.startsWith('.out.xlsx.') && name.endsWith('.tmp'));
      if ((temp && Date.now() - started >= delayMs) || Date.now() - started > 30_000) {
        clearInterval(timer);
        child.kill('SIGKILL');
      }
    }, 2);
    child.on('close', () => {
      clearInterval(timer);
      done();
    });
  });
}

describe('atomic outputs', () => {
  it('merge killed at several moments leaves the old bytes or a complete workbook', async () => {
    const dir = tempDir('yijian-atomic-');
    const input = bigCsv(dir);
    const output = join(dir, 'out.xlsx');
    const old = Buffer.from('old output, not a workbook');
    for (const delay of [0, 20, 60, 150]) {
      writeFileSync(output, old);
      await killedMerge(input, output, delay);
      const bytes = readFileSync(output);
      if (!bytes.equals(old)) {
        const book = XLSX.read(bytes, { type: 'buffer' });
        const rows = XLSX.utils.sheet_to_json(book.Sheets['意见汇总'] ?? {});
        expect(rows).toHaveLength(ROWS);
      }
    }
  }, 240_000);

  it('merge, digest and templates export refuse to overwrite without --force', async () => {
    const dir = tempDir('yijian-atomic-');
    const output = join(dir, 'm.xlsx');
    writeFileSync(output, 'keep');
    const merge = await runInProcess(['merge', GOOD, '-o', output]);
    expect(merge.code).toBe(1);
    expect(merge.stderr).toContain('已存在');
    expect(looksCrashed(merge.stderr)).toBe(false);
    expect(readFileSync(output, 'utf8')).toBe('keep');

    const draft = join('fixtures', 'draft', '某市电动自行车管理条例（征求意见稿）.txt');
    const out = join(dir, 'digest');
    expect((await runInProcess(['digest', GOOD, '--draft', draft, '-o', out])).code).toBe(0);
    const before = readdirSync(out).map((name) => [name, readFileSync(join(out, name)).length]);
    const again = await runInProcess(['digest', GOOD, '--draft', draft, '-o', out]);
    expect(again.code).toBe(1);
    expect(looksCrashed(again.stderr)).toBe(false);
    expect(readdirSync(out).map((name) => [name, readFileSync(join(out, name)).length])).toEqual(before);

    const templates = join(dir, 'templates');
    expect((await runInProcess(['templates', 'export', templates])).code).toBe(0);
    expect(existsSync(templates)).toBe(true);
    const twice = await runInProcess(['templates', 'export', templates]);
    expect(twice.code).toBe(1);
    expect(looksCrashed(twice.stderr)).toBe(false);
  }, 180_000);
});
