import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECISIONS, parseDecision } from '../../src/decisions/values.js';

describe('parseDecision', () => {
  it.each([
    ['采纳', '采纳'], ['已采纳', '采纳'], [' 采 纳 ', '采纳'], ['予以采纳。', '采纳'],
    ['部分采纳', '部分采纳'], ['部分采用', '部分采纳'],
    ['未采纳', '未采纳'], ['不予采纳', '未采纳'], ['暂不采纳；', '未采纳'],
    ['已转送', '已转送'], ['转交', '已转送'], ['转送有关部门', '已转送'],
    ['作为参考', '作为参考'], ['参考', '作为参考'], ['供参考', '作为参考'],
    ['', '待研究'], ['　', '待研究'], ['待研究', '待研究'], ['\u200B', '待研究'],
    ['已吸收', '采纳'], ['吸收采纳', '采纳'], ['原则采纳', '部分采纳'], ['部分吸收', '部分采纳'],
    ['√采纳', '采纳'], ['☑ 部分采纳', '部分采纳'], ['不采纳（已有规定）', '未采纳'], ['未采纳(与上位法不符)。', '未采纳'],
  ])('%j → %s', (written, expected) => expect(parseDecision(written)).toBe(expected));

  it.each(['大概采纳', '同意', 'yes', '采纳了吧', '1', 'constructor', '__proto__', '（采纳）', '已在其他条款体现', '已有规定'])('%j is not a decision', (written) => {
    expect(parseDecision(written)).toBeNull();
  });

  it('ignores spaces (ASCII and full-width) and end punctuation anywhere around a known value', () => {
    const space = fc.constantFrom(' ', '　', '\t', '');
    fc.assert(
      fc.property(fc.constantFrom(...DECISIONS), space, space, fc.constantFrom('', '。', '；'), (decision, before, after, end) => {
        expect(parseDecision(`${before}${decision}${after}${end}`)).toBe(decision);
      }),
    );
  });

  it('never throws, whatever the cell holds', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      const result = parseDecision(text);
      expect(result === null || (DECISIONS as readonly string[]).includes(result)).toBe(true);
    }));
  });
});
