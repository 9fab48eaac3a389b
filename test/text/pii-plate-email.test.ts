/**
 * Found on fresh submissions (fixtures/pii/fresh, session 23). A licence plate in an opinion (我司车辆沪A·12345曾被
 * 套牌) was printed whole: a plate names one vehicle and, through the register, its keeper — personal data here, as
 * parking and traffic apps treat it — so it is masked like a number, the province and office kept (沪A·***45). And an
 * e-mail typed with spaces around the at sign (sun.mou @ 163.com, wu_mou@ qq.com) was not read as an address.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData, maskContact, maskPersonalData } from '../../src/text/pii.js';

describe('licence plates', () => {
  it.each([
    ['我司车辆沪A·12345曾被套牌', '我司车辆沪A·***45曾被套牌'],
    ['车牌京A12345', '车牌京A***45'],
    ['新能源车粤B D12345', '新能源车粤B ****45'],
    ['电动车号牌浙A.3B456被盗', '电动车号牌浙A.***56被盗'],
  ])('%s → %s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
    expect(maskPersonalData(masked)).toBe(masked);
    expect(findPersonalData(text).map((m) => m.kind)).toEqual(['plate']);
  });

  it('in a 联系方式 cell too, the same way', () => expect(maskContact('车牌 沪A·12345')).toBe('车牌 沪A·***45'));

  it.each(['（2024）京0105民初12345号', '京A号牌', '沪A股', '新ABCDE', '统一社会信用代码 91110000MA01234567', '苏ABC'])('leaves %s alone', (text) => {
    expect(maskPersonalData(text)).toBe(text);
  });

  it('no plate keeps more than its last two characters (property)', () => {
    const province = fc.constantFrom(...'京津沪渝冀豫云辽黑湘皖鲁苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼');
    const letter = fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ');
    const serial = fc.array(fc.constantFrom(...'0123456789'), { minLength: 5, maxLength: 5 }).map((d) => d.join(''));
    const dot = fc.constantFrom('', '·', '.', ' ');
    fc.assert(fc.property(province, letter, dot, serial, (p, l, d, s) => {
      const masked = maskPersonalData(`举报车辆${p}${l}${d}${s}违停`);
      expect(masked).toBe(`举报车辆${p}${l}${d}***${s.slice(-2)}违停`);
    }));
  });
});

describe('e-mail addresses typed with spaces around the at sign', () => {
  it.each([
    ['有事发邮件 sun.mou @ 163.com 。', '有事发邮件 s*** @ 163.com 。'],
    ['邮箱 wu_mou@ qq.com', '邮箱 w***@ qq.com'],
    ['e-mail: wang.zy @ hongxing.com', 'e-mail: w*** @ hongxing.com'],
    ['邮箱：li.ming ＠ example.com', '邮箱：l*** ＠ example.com'],
  ])('%s → %s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
    expect(maskPersonalData(masked)).toBe(masked);
  });

  it.each(['请 @ 张三 处理', '会议 @ 3楼', '价格 @ 5元'])('leaves %s alone (no Latin domain after the sign)', (text) => {
    expect(maskPersonalData(text)).toBe(text);
  });

  it('no more than the first letter of the name is left, however the sign is spaced (property)', () => {
    const name = fc.tuple(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789._'), { minLength: 3, maxLength: 12 }))
      .map(([first, rest]) => `${first}${rest.join('')}`.replace(/[._]+$/u, 'x'));
    const sign = fc.constantFrom(' @ ', '@ ', ' @', '  @  ', ' ＠ ', '＠ ');
    const domain = fc.constantFrom('163.com', 'qq.com', 'example.com.cn', 'hongxing.com');
    fc.assert(fc.property(name, sign, domain, (local, at, host) => {
      const masked = maskPersonalData(`有事发邮件${local}${at}${host}，谢谢`);
      expect(masked).toBe(`有事发邮件${local.charAt(0)}***${at}${host}，谢谢`);
      expect(maskPersonalData(masked)).toBe(masked);
    }));
  });
});
