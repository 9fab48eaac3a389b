import { describe, expect, it } from 'vitest';
import { isoDate, periodText } from '../../src/text/format.js';

describe('the collection period from 日期 cells', () => {
  it.each([
    ['2024-05-06', '2024-05-06'],
    ['2024/5/6', '2024-05-06'],
    ['2024.5.6', '2024-05-06'],
    ['2024年5月6日', '2024-05-06'],
    [' 2024 年 12 月 31 日 上午', '2024-12-31'],
    ['5月6日', null],
    ['2024-13-01', null],
    ['座谈会', null],
  ])('isoDate(%s) = %s', (text, iso) => {
    expect(isoDate(text)).toBe(iso);
  });

  it('spans the earliest and latest readable dates, leaving unreadable ones out', () => {
    expect(periodText(['2024/5/9', null, '2024年5月14日', '不详', '2024-05-06'])).toBe('2024年5月6日至5月14日');
    expect(periodText(['2023-12-30', '2024-01-03'])).toBe('2023年12月30日至2024年1月3日');
    expect(periodText(['2024-05-06', '2024/5/6'])).toBe('2024年5月6日');
    expect(periodText([null, '不详'])).toBe('');
  });
});
