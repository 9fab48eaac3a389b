/**
 * digest --decisions carries the old decision into a cluster that gained opinions and marks it 需复核. Run through
 * feedback as it stood, the new point's letter said 未采纳 with the old reason — a decision nobody made on its
 * opinion — and nothing said so. The row is now a decision-sheet problem naming the 状态 cell.
 */
import { describe, expect, it } from 'vitest';
import { carryForward } from '../../src/decisions/carry-forward.js';
import { digest, HEADER, parse } from './tiny.js';

const HEAD = [...HEADER, '状态'];
const line = (id: string, decision: string, status: string): unknown[] => [id, '第一条', '意见', '1/1', '甲', '', decision, '', id, status];

describe('a carried decision still marked 需复核', () => {
  it('is said, naming the 状态 cell, and still read as written', () => {
    const sheet = parse({ 采纳情况登记表: [HEAD, line('1-a', '未采纳', '需复核：成员有变化（原编号 1-z）'), line('2-b', '采纳', '')] }, '登记表.xlsx');
    expect(sheet.problems.map((p) => [p.code, p.cell?.address])).toEqual([['W_NOT_REVIEWED', 'J2']]);
    expect(sheet.problems[0]!.message).toContain('未采纳');
    expect(sheet.clusters.map((c) => c.decision)).toEqual(['未采纳', '采纳']);
  });

  it('is not said once the 状态 cell is cleared, for a blank decision, or for other statuses', () => {
    const sheet = parse({
      采纳情况登记表: [HEAD, line('1-a', '未采纳', ''), line('2-b', '', '需复核：成员有变化（原编号 2-z）'), line('3-c', '采纳', '新增'),
        line('4-d', '采纳', '条文编号有变化（原编号 5-d）')],
    }, '登记表.xlsx');
    expect(sheet.problems).toEqual([]);
  });
});

describe('a rerun on a sheet whose 需复核 was not cleared', () => {
  // The third round (digest --decisions on the second round's sheet) found the members unchanged and cleared the mark:
  // the decision nobody reviewed then went out as if it had been checked.
  it('keeps the mark; a cleared one stays cleared', () => {
    const header = [...HEAD, '成员（核对用）'];
    const old = parse({
      采纳情况登记表: [header, [...line('1-a', '未采纳', '需复核：成员有变化（原编号 1-z）'), 'r1'], [...line('2-b', '采纳', ''), 'r2']],
    }, '登记表.xlsx');
    const { carried } = carryForward(old, digest());
    expect(carried.clusters.get('1-a')).toMatchObject({ decision: '未采纳', status: '需复核：成员有变化（原编号 1-z）' });
    expect(carried.clusters.get('2-b')).toMatchObject({ decision: '采纳', status: '' });
  });
});
