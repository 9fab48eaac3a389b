/**
 * A chat group's log pasted into one column (东湖街道-微信群.xlsx): speaker lines give the 提出人 and 日期 of the messages
 * below them, [图片] is no message, 赵某：…… names its own writer. Before: every speaker line and [图片] was an opinion,
 * and the title 微信群意见整理 one more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestGrid } from '../../src/ingest/sheet.js';
import { chatSpeaker, isChatMedia, isTitleLine } from '../../src/ingest/non-data.js';
import { pointFromFileName } from '../../src/ingest/point.js';
import { grid, options } from './helpers.js';

const source = { file: '东湖街道-微信群.xlsx', path: 'in/东湖街道-微信群.xlsx', encoding: null };
const LOG = [
  ['东湖街道立法联系点微信群意见整理'],
  ['张阿姨 2024-05-20 10:23'],
  ['楼道里充电太危险了，建议物业每天晚上巡查。'],
  ['李师傅 2024/5/20 10:30:12'],
  ['电动车进电梯应该一律禁止，物业要装阻车系统。'],
  ['[图片]'],
  ['2024-05-20 11:02 王老师'],
  ['头盔要有国家标准，现在网上卖的很多是假的。'],
  ['赵某：第二十六条载人规定太严了，二胎家庭两个孩子怎么办？'],
  ['建议：充电桩要多建一些。'],
  ['李师傅撤回了一条消息'],
];

describe('a chat log pasted as one column', () => {
  const out = ingestGrid(grid(LOG), source, options());

  it('files each message under its speaker and time, and a named line under its own writer', () => {
    expect(out.records.map((r) => [r.submitter, r.date, r.opinion])).toEqual([
      ['张阿姨', '2024-05-20 10:23', '楼道里充电太危险了，建议物业每天晚上巡查。'],
      ['李师傅', '2024/5/20 10:30:12', '电动车进电梯应该一律禁止，物业要装阻车系统。'],
      ['王老师', '2024-05-20 11:02', '头盔要有国家标准，现在网上卖的很多是假的。'],
      ['赵某', null, '第二十六条载人规定太严了，二胎家庭两个孩子怎么办？'],
      // 建议 is no name: the line stays whole, the last speaker's.
      ['王老师', '2024-05-20 11:02', '建议：充电桩要多建一些。'],
    ]);
  });

  it('keeps the title, the speaker lines and [图片] as 说明行 and says what it did', () => {
    expect(out.report.noteRows?.map((n) => [n.row, n.kind])).toEqual([[1, 'title'], [2, 'speaker'], [4, 'speaker'], [6, 'media'], [7, 'speaker'], [11, 'media']]);
    expect(out.report.notices?.some((n) => n.includes('第 2 行、第 4 行、第 7 行是聊天记录的发言人和时间') && n.includes('第 9 行冒号前是发言人的姓名'))).toBe(true);
    expect(out.report.rows).toBe(out.report.records + out.report.rejects + out.report.blanks + (out.report.notes ?? 0));
    expect(pointFromFileName(source.file)).toBe('东湖街道');
  });

  it('a sheet with a header keeps such lines as opinions (only a pasted column is a chat log)', () => {
    const table = ingestGrid(grid([['意见建议'], ['张阿姨 2024-05-20 10:23'], ['楼道充电太危险。']]), source, options());
    expect(table.records.map((r) => r.opinion)).toEqual(['张阿姨 2024-05-20 10:23', '楼道充电太危险。']);
  });
});

describe('chat lines', () => {
  it('a speaker line is a short name and a time, in either order; a sentence with a time is not', () => {
    expect(chatSpeaker('张阿姨 10:23')).toEqual({ name: '张阿姨', time: '10:23' });
    expect(chatSpeaker('晚上10:23以后不准充电')).toBeNull();
    expect(chatSpeaker('建议 晚上十点后禁止充电')).toBeNull();
    fc.assert(fc.property(fc.constantFrom('张阿姨', '李师傅', '小区业主王', '东湖-老周'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (name, h, m) => {
      const time = `2024-05-20 ${h}:${String(m).padStart(2, '0')}`;
      expect(chatSpeaker(`${name} ${time}`)).toEqual({ name, time });
      expect(chatSpeaker(`${time} ${name}`)).toEqual({ name, time });
    }));
  });

  it('[图片] and 撤回 are no messages; a title ending 整理 is a title', () => {
    expect(['[图片]', '[动画表情]', '张三撤回了一条消息'].every(isChatMedia)).toBe(true);
    expect(isChatMedia('图片太模糊')).toBe(false);
    expect(isTitleLine('东湖街道立法联系点微信群意见整理')).toBe(true);
  });
});

describe('a named chat line of several numbered opinions', () => {
  it('is split and counted like any row', () => {
    const out = ingestGrid(grid([
      ['张阿姨 2024-05-20 10:23'],
      ['楼道里充电太危险了，建议物业每天晚上巡查。'],
      ['赵某：1.载人规定太严了，二胎家庭怎么办？2.头盔要统一发放，农村老人不习惯戴。'],
      ['电动车进电梯应该一律禁止，物业要装阻车系统。'],
    ]), source, options());
    expect(out.records.map((r) => [r.submitter, r.opinion])).toEqual([
      ['张阿姨', '楼道里充电太危险了，建议物业每天晚上巡查。'],
      ['赵某', '载人规定太严了，二胎家庭怎么办？'],
      ['赵某', '头盔要统一发放，农村老人不习惯戴。'],
      ['张阿姨', '电动车进电梯应该一律禁止，物业要装阻车系统。'],
    ]);
    const r = out.report;
    expect(r.rows).toBe(r.records - (r.splitParts ?? 0) + r.rejects + r.blanks + (r.notes ?? 0));
  });
});
