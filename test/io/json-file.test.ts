/**
 * writeJsonAtomic (src/io/json-file.ts): one top-level key per line, one array element per line, the same bytes
 * as JSON.stringify gives each part, whatever the lines' lengths and characters.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeJsonAtomic } from '../../src/io/json-file.js';

/** What the file must hold: the layout spelled out with JSON.stringify. */
function expected(document: Record<string, unknown>): string {
  const entries = Object.entries(document).filter(([, value]) => value !== undefined);
  const lines = entries.map(([key, value], index) => {
    const body = Array.isArray(value) && value.length > 0
      ? `[\n${value.map((v, i) => `    ${JSON.stringify(v)}${i < value.length - 1 ? ',' : ''}\n`).join('')}  ]`
      : JSON.stringify(value);
    return `  ${JSON.stringify(key)}: ${body}${index < entries.length - 1 ? ',' : ''}\n`;
  });
  return `{\n${lines.join('')}}\n`;
}

let dir = '';
afterEach(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
  dir = '';
});

describe('writeJsonAtomic', () => {
  it('writes many lines of Chinese, emoji and escapes across buffer boundaries, and lines longer than the buffer', async () => {
    dir = mkdtempSync(join(tmpdir(), 'yijian-json-'));
    const records = Array.from({ length: 30_000 }, (_, i) => ({
      id: `r${i}`,
      opinion: `建议第${i}条删去“不得”二字😀\n\t"引号"\\${'意见'.repeat(i % 97)}`,
      score: i / 7,
      none: null,
      skipped: undefined,
    }));
    // Longer than the 1 MiB buffer once encoded (three bytes a character), and one just under it after a short line.
    records.splice(10, 0, { id: 'long', opinion: '长'.repeat(400_000), score: 0, none: null, skipped: undefined });
    records.splice(20, 0, { id: 'near', opinion: '近'.repeat(349_000), score: 0, none: null, skipped: undefined });
    const document = { schemaVersion: 1, date: null, empty: [], gone: undefined, draft: { title: '某条例' }, records, last: ['a'] };
    const path = join(dir, 'digest.json');
    await writeJsonAtomic(path, document, { force: false });
    const text = readFileSync(path, 'utf8');
    expect(text).toBe(expected(document));
    expect(JSON.parse(text).records).toHaveLength(30_002);
  });
});
