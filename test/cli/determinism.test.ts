/** Same inputs and config, same outputs, byte for byte; the order files are named in does not matter. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySubmissions, draft, tempDir, yijian } from './run-yijian.js';

function filesOf(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name))]));
}

describe('digest is deterministic', () => {
  it('two runs, every format, into two folders: byte-identical files', async () => {
    const subs = copySubmissions();
    const [a, b] = [join(tempDir(), 'a'), join(tempDir(), 'b')];
    expect((await yijian(['digest', subs, '--draft', draft, '-o', a])).status).toBe(0);
    expect((await yijian(['digest', subs, '--draft', draft, '-o', b])).status).toBe(0);
    const first = filesOf(a);
    const second = filesOf(b);
    expect([...first.keys()]).toEqual([...second.keys()]);
    expect(first.size).toBe(7);
    for (const [name, bytes] of first) expect(bytes.equals(second.get(name) ?? Buffer.alloc(0)), name).toBe(true);
    // No run date is written unless asked for.
    expect(first.get('digest.json')?.toString('utf8')).not.toMatch(/20\d\d-\d\d-\d\dT\d\d:/);
  });

  it('files named in a different order give the same digest.json', async () => {
    const subs = copySubmissions();
    const names = readdirSync(subs).sort();
    const [a, b] = [join(tempDir(), 'a'), join(tempDir(), 'b')];
    expect((await yijian(['digest', ...names, '--draft', draft, '-o', a, '--formats', 'md'], subs)).status).toBe(0);
    expect((await yijian(['digest', ...[...names].reverse(), '--draft', draft, '-o', b, '--formats', 'md'], subs)).status).toBe(0);
    expect(readFileSync(join(a, 'digest.json')).equals(readFileSync(join(b, 'digest.json')))).toBe(true);
  });

  it('merge writes byte-identical workbooks and CSVs', async () => {
    const subs = copySubmissions();
    const dir = tempDir();
    for (const name of ['a.xlsx', 'b.xlsx', 'a.csv', 'b.csv']) expect((await yijian(['merge', subs, '-o', join(dir, name)])).status).toBe(0);
    expect(readFileSync(join(dir, 'a.xlsx')).equals(readFileSync(join(dir, 'b.xlsx')))).toBe(true);
    expect(readFileSync(join(dir, 'a.csv')).equals(readFileSync(join(dir, 'b.csv')))).toBe(true);
  });

  it('--date is the one way a date gets in', async () => {
    const subs = copySubmissions();
    const out = join(tempDir(), 'o');
    expect((await yijian(['digest', subs, '-o', out, '--formats', 'md', '--date', '2024-06-01'])).status).toBe(0);
    expect(readFileSync(join(out, 'digest.json'), 'utf8')).toContain('2024-06-01');
  });
});
