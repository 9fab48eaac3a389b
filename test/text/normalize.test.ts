import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { comparisonKey, normalizeText, simplifiedName, toSimplified } from '../../src/text/normalize.js';

describe('toSimplified', () => {
  test.each([
    ['電動自行車', '电动自行车'],
    ['業主委員會', '业主委员会'],
    ['裡面', '里面'],
    ['裏面', '里面'],
    ['綫路', '线路'],
    ['衞生', '卫生'],
    ['養犬登記', '养犬登记'],
    ['电动自行车', '电动自行车'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(toSimplified(input)).toBe(expected);
  });
});

describe('simplifiedName', () => {
  test.each([
    ['嘉定區安亭鎮', '嘉定区安亭镇'],
    ['乾縣城關鎮', '乾县城关镇'],
    // Official simplified names with characters opencc would change in running text stay as they are.
    ['乾县', '乾县'],
    ['乾安县', '乾安县'],
    ['於潜镇', '於潜镇'],
    ['闵行区古美路街道', '闵行区古美路街道'],
    ['Block A 联系点', 'Block A 联系点'],
  ])('%s → %s', (name, expected) => {
    expect(simplifiedName(name)).toBe(expected);
  });

  test('is idempotent and never longer than the name', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'區鎮縣乾县于於後后街道村a1 '.split('')), maxLength: 12 }), (name) => {
      const once = simplifiedName(name);
      expect(simplifiedName(once)).toBe(once);
      expect([...once].length).toBe([...name].length);
    }));
  });
});

describe('normalizeText', () => {
  test.each([
    ['ＡＢＣ１２３', 'abc123'],
    ['第１２条', '第12条'],
    ['十二', '十二'],
    ['第十二条', '第十二条'],
    ['建议，删除。', '建议,删除.'],
    ['a、b', 'a,b'],
    ['“飞线”充电', '"飞线"充电'],
    ['「飞线」‘充电’', '"飞线"\'充电\''],
    ['（一）【注】', '(一)[注]'],
    ['〈条例〉《条例》', '《条例》《条例》'],
    ['罚款——过高', '罚款--过高'],
    ['等等……', '等等......'],
    ['楼道\u3000充电 \t\n\r\n 问题', '楼道充电问题'],
    ['电\u200b动\u200d车\ufeff', '电动车'],
    ['nul\u0000ctl\u0007', 'nulctl'],
    ['Hello WORLD', 'helloworld'],
    ['電動車ＯＫ', '电动车ok'],
    ['①', '1'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  test('long text keeps every character (chunked output)', () => {
    const long = '电动自行车'.repeat(10_000);
    expect(normalizeText(long)).toBe(long);
    expect(normalizeText(`${long}Ａ`)).toBe(`${long}a`);
  });

  test('folding reuses one buffer: a long text, then a short one, each comes out whole and alone', () => {
    // Folded chunk by chunk from the first changed character on; the unchanged start is copied as it is.
    const commas = '，'.repeat(9_000);
    expect(normalizeText(commas)).toBe(','.repeat(9_000));
    expect(normalizeText(`${'电动'.repeat(5_000)}　，`)).toBe(`${'电动'.repeat(5_000)},`);
    expect(normalizeText(`${' '.repeat(8_192)}Ａ。`)).toBe('a.');
    expect(normalizeText('建议，')).toBe('建议,');
    expect(comparisonKey(commas)).toBe('');
    expect(comparisonKey('建议，增设充电桩。')).toBe('建议增设充电桩');
  });

  test('is idempotent when removing white space brings combining marks together (found by fuzzing)', () => {
    const once = normalizeText('\u{1D157}\u{1D165}\uFE70');
    expect(normalizeText(once)).toBe(once);
  });

  test('is idempotent and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
        expect(once).not.toMatch(/[\s\u0000-\u001f\u200b\u3000]/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('comparisonKey', () => {
  test.each([
    ['建议删除第十二条。', '建议删除第十二条'],
    ['建议 删除，第十二条！', '建议删除第十二条'],
    ['建議刪除第十二條', '建议删除第十二条'],
    ['“建议”删除——第１２条', '建议删除第12条'],
    ['好😀👍', '好'],
    ['罚款+200元=太高', '罚款200元太高'],
  ])('%j → %j', (input, expected) => {
    expect(comparisonKey(input)).toBe(expected);
  });

  test('opinions differing only in punctuation, spacing, width or script share a key', () => {
    const variants = [
      '建议电动自行车不得在楼道内充电，违者罚款。',
      '建议电动自行车不得在楼道内充电 违者罚款',
      '建議電動自行車不得在樓道內充電，違者罰款。',
      '建议电动自行车不得在楼道内充电；违者罚款！！',
      '\u3000建议电动自行车不得在楼道内充电,违者罚款.\n',
    ];
    expect(new Set(variants.map(comparisonKey)).size).toBe(1);
    expect(comparisonKey('建议电动自行车可以在楼道内充电')).not.toBe(comparisonKey(variants[0] ?? ''));
  });

  test('contains no punctuation or symbol and is stable under normalizeText', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (text) => {
        const key = comparisonKey(text);
        expect(key).not.toMatch(/[\p{P}\p{S}\s]/u);
        expect(comparisonKey(normalizeText(text))).toBe(key);
      }),
      { numRuns: 2000 },
    );
  });
});
