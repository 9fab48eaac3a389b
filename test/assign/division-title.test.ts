/** A 条款 cell naming a chapter by its title (总则, 附则, 法律责任一章) is that chapter, as 第一章 would be. */
import { describe, expect, it } from 'vitest';
import { ASSIGN_DEFAULTS, createAssigner } from '../../src/assign/assign.js';
import { parseDraft } from '../../src/text/draft.js';
import { createSegmenter, SEGMENTER_DEFAULTS } from '../../src/text/segment.js';

const DRAFT = parseDraft(
  `某市养犬管理条例（草案）
第一章 总则
第一条 为了规范养犬行为，制定本条例。
第二章 养犬登记
第二条 养犬人应当办理养犬登记。
第三章 法律责任
第三条 违反本条例第二条规定的，处二百元罚款。
第四章 附则
第四条 本条例自公布之日起施行。`,
  '草案.txt',
);
const { terms } = createSegmenter(SEGMENTER_DEFAULTS);
const assigner = createAssigner(DRAFT, terms, { ...ASSIGN_DEFAULTS, examples: [] });
const keysOf = (cell: string) => assigner.cited({ article: cell, opinion: '建议增加动物福利的原则。' }).map((a) => [a.key, a.source, a.notInDraft]);

describe('a chapter named by its title in the 条款 column', () => {
  it.each([
    ['总则', 'ch1'], ['附则', 'ch4'], ['法律责任', 'ch3'], ['“养犬登记”一章', 'ch2'], ['总则部分', 'ch1'], [' 附 则 ', 'ch4'],
  ])('%s → %s', (cell, key) => expect(keysOf(cell)).toEqual([[key, 'column', false]]));

  // 侨 points write traditional script: 總則 is 总则 (the cell is folded as opinion text is; session 22 found 總則 unread).
  it.each([
    ['總則', 'ch1'], ['附則', 'ch4'], ['法律責任', 'ch3'], ['「養犬登記」一章', 'ch2'], ['總則部分', 'ch1'],
  ])('traditional %s → %s', (cell, key) => expect(keysOf(cell)).toEqual([[key, 'column', false]]));

  it('numbers still win, and a cell that is no title is not read as one', () => {
    expect(keysOf('第二章')).toEqual([['ch2', 'column', false]]);
    expect(keysOf('总则和附则')).toEqual([]);
    expect(keysOf('罚则')).toEqual([]);
  });
});
