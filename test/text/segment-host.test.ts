/** jieba's one native dictionary is the segmenter's own: another segmenter's words never leak into it. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { createSegmenter, JiebaHost, SEGMENTER_DEFAULTS, UNUSED_IDF } from '../../src/text/segment.js';

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

describe('jieba is loaded without its keyword weights', () => {
  test('the IDF file given is one line, and cutting is as before', async () => {
    const nodejieba = (await import('nodejieba')).default;
    const load = vi.spyOn(nodejieba, 'load');
    try {
      const host = new JiebaHost();
      const segmenter = createSegmenter(SEGMENTER_DEFAULTS, host);
      expect(segmenter.tokens('关于电动自行车停放管理的建议，小区物业应当设置充电桩')).toEqual(
        ['关于', '电动自行车', '停放', '管理', '的', '建议', '小区', '物业', '应当', '设置', '充电桩'],
      );
      // The 6 MB default (nodejieba's idf.utf8) took some 0.15 s of CPU per load, on each thread that segments.
      const idfDict = load.mock.calls[0]?.[0]?.idfDict;
      expect(idfDict).toBeDefined();
      expect(String(idfDict)).not.toContain('cppjieba');
      expect(UNUSED_IDF.trim().split('\n')).toHaveLength(1);
      expect(Number(UNUSED_IDF.trim().split(' ')[1])).toBeGreaterThan(0);
    } finally {
      load.mockRestore();
    }
  });
});
