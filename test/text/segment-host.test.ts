/** jieba's one native dictionary is the segmenter's own: another segmenter's words never leak into it. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createSegmenter, JiebaHost, SEGMENTER_DEFAULTS } from '../../src/text/segment.js';

const dir = mkdtempSync(join(tmpdir(), 'yijian-seg-host-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('JiebaHost', () => {
  test('a segmenter with extra words does not change what a plain one cuts, before or after it', () => {
    const host = new JiebaHost();
    const dict = join(dir, 'user.dict.txt');
    writeFileSync(dict, '犬只芯片 3000 n\n', 'utf8');
    const extended = createSegmenter({ ...SEGMENTER_DEFAULTS, userDicts: [dict] }, host);
    const plain = createSegmenter(SEGMENTER_DEFAULTS, host);
    const text = '小区里的犬只芯片登记';
    expect(extended.tokens(text)).toContain('犬只芯片');
    // Before, jieba kept 犬只芯片 for every later segmenter of the process.
    expect(plain.tokens(text)).not.toContain('犬只芯片');
    // Segmenters with the same dictionaries share one load.
    createSegmenter(SEGMENTER_DEFAULTS, host).tokens(text);
    expect(host.loads).toBe(2);
  });
});
