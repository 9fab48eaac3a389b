/**
 * What the segmenter and the normaliser do to go faster must not change what they return: a segmenter
 * remembers each token's term (segment.ts), and opencc is skipped for text it would not change (normalize.ts).
 */
import * as OpenCC from 'opencc-js';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createSegmenter, SEGMENTER_DEFAULTS } from '../../src/text/segment.js';
import { normalizeText, toSimplified } from '../../src/text/normalize.js';

// Words of real opinions, traditional forms among them, with synonyms, stop words, numbers and citations.
const WORDS = [
  '建议', '第十二条', '物业公司', '物业服务人', '电瓶车', '电动自行车', '電動自行車', '楼道', '樓道', '充电', '飞线充电',
  '抽烟', '吸烟', '罚款', '200元', '十二', '的', '在', '应当', '犬', '狗', '牵引绳', '牵绳', '业主委员会', '維修資金',
  '，', '。', '！', '“', '”', ' ', '\n', '小区', '停车难', '合同备案', '上海市', '裡', '綫', '衞', '乾淨', '头盔',
];
const opinion = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 25 }).map((parts) => parts.join(''));

describe('a segmenter remembers the term of each token', () => {
  test('the terms of each text do not depend on what the segmenter read before', () => {
    // Two segmenters that read the same texts in opposite orders, and remember across runs.
    const forward = createSegmenter(SEGMENTER_DEFAULTS);
    const backward = createSegmenter(SEGMENTER_DEFAULTS);
    fc.assert(
      fc.property(fc.array(opinion, { minLength: 1, maxLength: 30 }), (texts) => {
        const ahead = texts.map((text) => forward.terms(text));
        const behind = [...texts].reverse().map((text) => backward.terms(text)).reverse();
        expect(behind).toEqual(ahead);
        // Read again, warm: the same terms.
        expect(texts.map((text) => forward.terms(text))).toEqual(ahead);
      }),
      { numRuns: 40 },
    );
  });

  test('terms are tokens (or the synonym a token is folded into), in the tokens\' order', () => {
    const segmenter = createSegmenter(SEGMENTER_DEFAULTS);
    fc.assert(
      fc.property(opinion, (text) => {
        const tokens = segmenter.tokens(text);
        let at = 0;
        for (const term of segmenter.terms(text)) {
          while (at < tokens.length && tokens[at] !== term && !(segmenter.forms?.(term) ?? [term]).includes(tokens[at]!)) at += 1;
          expect(at).toBeLessThan(tokens.length);
          at += 1;
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('toSimplified skips opencc only for text opencc leaves as it is', () => {
  const fromHongKong = OpenCC.Locale.from['hk']!;
  const toMainland = OpenCC.Locale.to['cn']!;
  const convert = OpenCC.ConverterFactory(...fromHongKong, ...toMainland);
  /** The conversion as it was before the shortcut: opencc until nothing changes. */
  const reference = (text: string): string => {
    let current = text;
    for (let pass = 0; pass < 4; pass++) {
      const next = convert(current);
      if (next === current) break;
      current = next;
    }
    return current;
  };
  // Every character opencc's dictionaries name, beside ordinary simplified text.
  const dictionaryChars = [...new Set([...fromHongKong, ...toMainland].flat().join('').replace(/[ |]/gu, ''))];
  const mixed = fc.array(fc.oneof(fc.constantFrom(...dictionaryChars), fc.constantFrom(...WORDS), fc.string({ maxLength: 3 })), { maxLength: 12 }).map((parts) => parts.join(''));

  test('equals opencc on dictionary characters, phrases and ordinary text', () => {
    fc.assert(
      fc.property(mixed, (text) => {
        expect(toSimplified(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  test('converts what people write in traditional characters, leaves simplified text alone', () => {
    expect(toSimplified('建議樓道內禁止飛線充電')).toBe('建议楼道内禁止飞线充电');
    expect(toSimplified('乾淨的衞生間')).toBe(reference('乾淨的衞生間'));
    const simplified = '建议楼道内禁止飞线充电，物业公司应当设置充电桩。';
    expect(toSimplified(simplified)).toBe(simplified);
    expect(normalizeText('電動自行車，頭盔！')).toBe('电动自行车,头盔!');
  });
});
