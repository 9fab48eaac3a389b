/** Carrying 更正条款 and 移入类编号 into a rerun (digest --decisions): pure tests on hand-made sheets. */
import { describe, expect, it } from 'vitest';
import { carryCorrections, carryForward, correctionsBeforeBuild } from '../../src/decisions/carry-forward.js';
import { ASSIGN_DEFAULTS, createAssigner } from '../../src/assign/assign.js';
import { digestOnDraft, DRAFT, HEADER, OPINION_HEADER, opinionRow, parse, row } from './tiny.js';

/** Old-sheet cluster rows carry 成员（核对用） after 状态, as digest writes them. */
const OLD_HEADER = [...HEADER, '状态', '成员（核对用）', '更正条款'];
const oldRow = (id: string, members: string, correction = '', decision = '采纳'): unknown[] => [...row(id, decision), '', members, correction];

/** Character bigrams: enough to compare short Chinese texts without jieba. */
const bigrams = (text: string): string[] => {
  const chars = [...text.replace(/[^\p{Script=Han}]/gu, '')];
  return chars.slice(1).map((c, i) => `${chars[i]}${c}`);
};

describe('correctionsBeforeBuild', () => {
  const old = parse({
    采纳情况: [OLD_HEADER, oldRow('old-1', 'r1', '第二条'), oldRow('old-2', 'r2')],
    单条意见: [OPINION_HEADER, opinionRow('r2', 'old-2', '', '', '第1条第2款'), opinionRow('gone', 'old-2', '', '', '第二条')],
  }, '旧登记表.xlsx');
  const records = [{ id: 'r1', opinion: '老旧小区飞线拉电线的问题很严重' }, { id: 'r2', opinion: '适用范围应当写明包括郊区' }, { id: 'r9', opinion: '补报的意见' }];
  const carried = correctionsBeforeBuild(old, records, DRAFT);

  it('keeps the corrected articles of the records that are read again, marked corrected', () => {
    expect([...carried.assignments].map(([id, a]) => [id, a.map((x) => `${x.key}:${x.source}:${x.cited}`).join()])).toEqual([
      ['r2', '1.2:corrected:第1条第2款'], ['r1', '2:corrected:第二条'],
    ]);
  });

  it('passes the corrected opinions to the assigner as labelled examples, by article', () => {
    expect(carried.examples).toEqual([{ opinion: '适用范围应当写明包括郊区', key: '1' }, { opinion: '老旧小区飞线拉电线的问题很严重', key: '2' }]);
  });

  it('reports a corrected opinion that is no longer among the records, with its cell', () => {
    expect(carried.resolved.problems.map((p) => [p.code, p.cell?.sheet, p.cell?.address])).toEqual([['W_UNKNOWN_ID', '单条意见', 'A3']]);
    expect(carried.resolved.problems[0]?.message).toContain('工作表“单条意见” H3');
  });

  it('enriches the article profiles: an uncited opinion in the examples\' words is assigned by them', () => {
    const opinion = { article: null, opinion: '飞线拉电线太危险了' };
    const plain = createAssigner(DRAFT, bigrams, { ...ASSIGN_DEFAULTS, threshold: 0.05, examples: [] }).assign(opinion);
    const taught = createAssigner(DRAFT, bigrams, { ...ASSIGN_DEFAULTS, threshold: 0.05, examples: carried.examples }).assign(opinion);
    expect(plain.map((a) => a.key)).toEqual(['unassigned']);
    expect(taught.map((a) => [a.key, a.source])).toEqual([['2', 'similarity']]);
  });
});

describe('carryCorrections and carryForward', () => {
  it('follows a move to the cluster now holding its old target\'s opinions and pre-fills it on the new sheet', () => {
    // Old run: r1 alone in old-1, moved by hand into old-2 (r2); the new run's clusters are 1-a (r1, r3 copy) and 2-b (r2).
    const old = parse({
      采纳情况: [OLD_HEADER, oldRow('old-1', 'r1', '', '未采纳'), oldRow('old-2', 'r2', '第二条')],
      单条意见: [OPINION_HEADER, opinionRow('r1', 'old-1', '', '', '', 'old-2')],
    }, '旧登记表.xlsx');
    const fresh = digestOnDraft();
    const before = correctionsBeforeBuild(old, fresh.records, DRAFT);
    const after = carryCorrections(old, before, fresh);
    expect(after.problems).toEqual([]);
    expect([...after.movedTo]).toEqual([['r1', '2-b']]);
    expect(after.digest.records.map((r) => [r.id, r.cluster, r.articles[0]?.key])).toEqual([['r1', '2-b', '2'], ['r2', '2-b', '2'], ['r3', '2-b', '2']]);
    // 1-a lost its only opinion to the move: it is gone from the new digest.
    expect(after.digest.clusters.map((c) => c.id)).toEqual(['2-b']);
    const result = carryForward(old, after.digest, after.movedTo);
    expect(result.carried.opinions.get('r1')).toMatchObject({ moveTo: '2-b', correction: '' });
  });

  it('reports a move whose old target has no opinion left, with its cell', () => {
    const old = parse({
      采纳情况: [OLD_HEADER, oldRow('old-1', 'r1'), oldRow('old-9', 'gone-1 gone-2')],
      单条意见: [OPINION_HEADER, opinionRow('r2', 'old-1', '', '', '', 'old-9')],
    }, '旧登记表.xlsx');
    const fresh = digestOnDraft();
    const after = carryCorrections(old, correctionsBeforeBuild(old, fresh.records, DRAFT), fresh);
    expect(after.problems.map((p) => [p.code, p.cell?.address])).toEqual([['W_UNKNOWN_CLUSTER', 'I2']]);
    expect(after.digest.records.find((r) => r.id === 'r2')?.cluster).toBe('2-b');
  });

  it('does not flag for review a cluster whose membership changed only by the drafters\' own move', () => {
    const fresh = digestOnDraft();
    // The old sheet lists the clusters before the move (r1 in 1-a, r2 in 2-b) and moves r1 into 2-b.
    const old = parse({
      采纳情况: [OLD_HEADER, oldRow('1-a', 'r1'), oldRow('2-b', 'r2', '第二条')],
      单条意见: [OPINION_HEADER, opinionRow('r1', '1-a', '', '', '', '2-b')],
    }, '旧登记表.xlsx');
    const after = carryCorrections(old, correctionsBeforeBuild(old, fresh.records, DRAFT), fresh);
    const result = carryForward(old, after.digest, after.movedTo);
    expect([result.kept, result.review, result.added]).toEqual([1, 0, 0]);
    expect(result.carried.clusters.get('2-b')).toMatchObject({ decision: '采纳', status: '', correction: '第二条' });
  });
});
