import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createSegmenter, SEGMENTER_DEFAULTS } from '../../src/text/segment.js';
import { DEFAULT_USER_DICT, readUserDict } from '../../src/text/dictionaries.js';
import { LAWS } from '../support/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'yijian-segment-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text, 'utf8');
  return path;
};

const OPINION =
  '建议第十二条增加规定：禁止在楼道内飞线充电，外卖骑手的电动自行车应当佩戴头盔，物业服务企业应当设置充电桩。罚款200元太低。';

describe('createSegmenter', () => {
  const segmenter = createSegmenter(SEGMENTER_DEFAULTS);

  test('keeps legal-domain words whole', () => {
    const tokens = segmenter.tokens(OPINION);
    for (const word of ['飞线充电', '外卖骑手', '电动自行车', '头盔', '物业服务企业', '充电桩', '楼道', '罚款']) {
      expect(tokens).toContain(word);
    }
    expect(segmenter.tokens('业主委员会使用住宅专项维修资金')).toEqual(['业主委员会', '使用', '住宅专项维修资金']);
    expect(segmenter.tokens('基层立法联系点')).toEqual(['基层立法联系点']);
  });

  test('tokens are of the normalised text, without punctuation', () => {
    expect(segmenter.tokens('電動自行車，頭盔！')).toEqual(['电动自行车', '头盔']);
    expect(segmenter.tokens('  ，。！  ')).toEqual([]);
    expect(segmenter.tokens('')).toEqual([]);
  });

  test('terms drop stop words, numbers, citations and single characters', () => {
    const terms = segmenter.terms(OPINION);
    expect(terms).toEqual(expect.arrayContaining(['飞线充电', '骑手', '电动自行车', '头盔', '物业服务人', '充电桩', '罚款']));
    for (const gone of ['建议', '第十二条', '增加', '规定', '应当', '的', '在', '200', '内']) {
      expect(terms).not.toContain(gone);
    }
    expect(segmenter.terms('第12条第2款和十二条')).toEqual([]);
    expect(segmenter.terms('养犬要办养犬登记，犬只要拴牵引绳')).toEqual(expect.arrayContaining(['养犬登记', '牵引带']));
  });

  test('is deterministic', () => {
    const text = readFileSync(join(LAWS, '上海市养犬管理条例.txt'), 'utf8').slice(0, 3000);
    expect(segmenter.terms(text)).toEqual(segmenter.terms(text));
    expect(createSegmenter(SEGMENTER_DEFAULTS).terms(text)).toEqual(segmenter.terms(text));
  });

  test('never throws and never returns punctuation or empty tokens', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (text) => {
        for (const token of segmenter.tokens(text)) {
          expect(token).not.toBe('');
          expect(token).not.toMatch(/^[\p{P}\p{S}]+$/u);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('user dictionaries and stop words extend the defaults', () => {
    const before = createSegmenter(SEGMENTER_DEFAULTS);
    expect(before.tokens('小区里的犬只芯片登记')).not.toContain('犬只芯片');
    const dict = write('user.dict.txt', '# our words\n犬只芯片 3000 n\n楼栋长\n网格化管理 nz\n');
    const stops = write('stop.txt', '# extra\n小区\n');
    const extended = createSegmenter({ ...SEGMENTER_DEFAULTS, userDicts: [dict], stopWords: ['登記'], stopWordFiles: [stops] });
    expect(extended.tokens('小区里的犬只芯片登记')).toContain('犬只芯片');
    expect(extended.terms('小区里的犬只芯片登记')).toEqual(['犬只芯片']);
    expect(extended.tokens('楼栋长负责网格化管理')).toEqual(expect.arrayContaining(['楼栋长', '网格化管理']));
    // The default segmenter keeps its own stop words.
    expect(before.terms('小区登记')).toEqual(['小区', '登记']);
  });

  test('unreadable or malformed dictionaries are E_BAD_CONFIG, naming the file and line', () => {
    const missing = join(dir, 'no-such.dict.txt');
    expect(() => createSegmenter({ ...SEGMENTER_DEFAULTS, userDicts: [missing] })).toThrow(
      expect.objectContaining({ code: 'E_BAD_CONFIG', location: { file: missing } }),
    );
    expect(() => createSegmenter({ ...SEGMENTER_DEFAULTS, stopWordFiles: [missing] })).toThrow(expect.objectContaining({ code: 'E_BAD_CONFIG' }));
    const bad = write('bad.dict.txt', '好词 10 n\n坏 词 有 四项\n');
    expect(() => createSegmenter({ ...SEGMENTER_DEFAULTS, userDicts: [bad] })).toThrow(
      expect.objectContaining({ code: 'E_BAD_CONFIG', location: { file: bad, row: 2 } }),
    );
  });
});

describe('bundled dictionary', () => {
  test('has the brief\'s terms and at least 150 entries', () => {
    const words = readUserDict(DEFAULT_USER_DICT).map((e) => e.word);
    expect(words.length).toBeGreaterThanOrEqual(150);
    for (const word of ['基层立法联系点', '电动自行车', '物业服务企业', '行政处罚', '业主委员会', '住宅专项维修资金', '养犬登记', '楼道', '飞线充电', '外卖骑手', '头盔', '号牌', '充电桩', '罚款', '执法部门']) {
      expect(words).toContain(word);
    }
  });
});
