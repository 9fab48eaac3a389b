/**
 * The letter's 总体情况 as the head of a contact point reads it: every figure checkable against the table below it.
 * It was "报送意见 15 条（去重后 15 条），其中采纳 3 条、部分采纳 0 条 … 采纳率（按报送条数）30.8%" — 4 of 15 is not
 * 30.8% (the base, the decided ones, was in a note under the table), "去重后" said nothing when equal, and a point
 * whose opinions were all still pending read 采纳率（按报送条数）—.
 */
import { describe, expect, it } from 'vitest';
import { totalsSentence } from '../../src/decisions/feedback.js';
import { statsRow, type StatsRecord } from '../../src/decisions/stats.js';
import type { Decision } from '../../src/decisions/values.js';

/** Records of one point: each decision with its opinion id (a repeated id is a repeat within the point). */
const rows = (list: [Decision, string][]): StatsRecord[] =>
  list.map(([decision, opinionId]) => ({ point: '甲', county: null, opinionId, decision, draftKey: '' }));

describe('totalsSentence', () => {
  it.each([
    ['some decided, some pending, no repeats', rows([['采纳', 'a'], ['未采纳', 'b'], ['未采纳', 'c'], ['待研究', 'd'], ['作为参考', 'e']]),
      '报送意见 5 条：采纳 1 条、未采纳 2 条、作为参考 1 条、待研究 1 条。已作出处理的 4 条中，采纳和部分采纳 1 条，采纳率 25.0%。'],
    ['all decided, with a repeat', rows([['采纳', 'a'], ['采纳', 'a'], ['部分采纳', 'b'], ['已转送', 'c']]),
      '报送意见 4 条：采纳 2 条、部分采纳 1 条、已转送有关部门 1 条。各条意见均已作出处理，采纳和部分采纳 3 条，采纳率 75.0%。' +
      '你单位报送的意见中，有 1 条与你单位所报其他意见相同或相近，已合并研究。'],
    ['decided, none adopted', rows([['未采纳', 'a'], ['作为参考', 'b'], ['待研究', 'c']]),
      '报送意见 3 条：未采纳 1 条、作为参考 1 条、待研究 1 条。已作出处理的 2 条中，没有采纳或部分采纳的，采纳率 0.0%。'],
    ['nothing decided yet', rows([['待研究', 'a'], ['待研究', 'b']]),
      '报送意见 2 条：待研究 2 条。各条意见正在研究中，尚未作出处理。'],
  ])('%s', (_name, records, expected) => {
    expect(totalsSentence(statsRow('甲', '', records))).toBe(expected);
  });

  it('never prints a decision it got none of, a rate without its base, or a dash for a rate', () => {
    const sentence = totalsSentence(statsRow('甲', '', rows([['待研究', 'a']])));
    expect(sentence).not.toMatch(/ 0 条|—|去重后|按报送条数/u);
  });
});
