/**
 * A remark in brackets behind the decision (不采纳（已有规定）) is the drafter's reason. With the 理由说明 cell left
 * blank, the letter printed 未采纳 and nothing else: the point was not told that the draft already provides for it.
 */
import { describe, expect, it } from 'vitest';
import { applyDecisions } from '../../src/decisions/apply.js';
import { buildFeedbackDocument, pointFeedback } from '../../src/decisions/feedback.js';
import { decisionRemark } from '../../src/decisions/values.js';
import { digest, HEADER, parse, row } from './tiny.js';

describe('decisionRemark', () => {
  it.each([
    ['不采纳（已有规定）', '已有规定'],
    ['未采纳(已有规定)。', '已有规定'],
    ['√作为参考【拟在实施细则中明确】', '拟在实施细则中明确'],
    ['部分采纳（第１２条已作修改）', '第１２条已作修改'],
    ['采纳', ''],
    ['不采纳（）', ''],
    ['', ''],
    // Not a known decision with a remark: nothing to take (the cell is reported as unknown).
    ['已有规定', ''],
    ['（已有规定）', ''],
  ])('%j → %j', (written, expected) => expect(decisionRemark(written)).toBe(expected));
});

describe('a decision cell with a remark and a blank 理由说明', () => {
  const sheet = parse({ 采纳情况登记表: [HEADER, row('1-a', '不采纳（已有规定）'), row('2-b', '采纳（已有规定）', '已在第二条中修改')] }, '登记表.xlsx');

  it('reads the remark as the reason, and a written reason stays as written', () => {
    expect(sheet.clusters.map((c) => [c.decision, c.reason])).toEqual([['未采纳', '已有规定'], ['采纳', '已在第二条中修改']]);
  });

  it('tells the point the remark in its letter', () => {
    const letters = pointFeedback(buildFeedbackDocument(digest(), applyDecisions(digest(), sheet)), { issuer: '', dateText: '' });
    const lines = letters[0]!.items.map((i) => [i.recordId, i.decision, i.reason]);
    expect(lines).toContainEqual(['r1', '未采纳', '已有规定']);
    expect(lines).toContainEqual(['r3', '未采纳', '已有规定']);
  });
});

describe('已有规定 written alone', () => {
  it('is still not a decision, and the message shows how to write it so that the remark reaches the letter', () => {
    const sheet = parse({ 采纳情况登记表: [HEADER, row('1-a', '已有规定'), row('2-b', '大概吧')] }, '登记表.xlsx');
    expect(sheet.problems.map((p) => p.code)).toEqual(['W_UNKNOWN_DECISION', 'W_UNKNOWN_DECISION']);
    expect(sheet.problems[0]!.message).toContain('“未采纳（已有规定）”');
    expect(sheet.problems[1]!.message).not.toContain('已有规定');
  });
});
