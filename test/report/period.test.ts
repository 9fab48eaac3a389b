import { describe, expect, it } from 'vitest';
import { isoDate, periodNote, periodText } from '../../src/text/format.js';

describe('the collection period from 日期 cells', () => {
  it.each([
    ['2024-05-06', '2024-05-06'],
    ['2024/5/6', '2024-05-06'],
    ['2024.5.6', '2024-05-06'],
    ['2024年5月6日', '2024-05-06'],
    [' 2024 年 12 月 31 日 上午', '2024-12-31'],
    ['5月6日', null],
    ['2024-13-01', null],
    ['20240523', '2024-05-23'],
    ['2024年5月21号', '2024-05-21'],
    ['202405231', null],
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

  it('gives a date without its year the batch\'s one year, and says what it took on trust or left out', () => {
    const dates = ['5.20', '5月21号', '2024.5.22', '20240523', '2024年5月', '2025-13-40', '上周三', null];
    expect(periodText(dates)).toBe('2024年5月20日至5月23日');
    expect(periodNote(dates)).toBe('（其中 2 条的日期未写年份，按 2024 年计；另有 3 条的日期无法识别，未计入）');
    // Two years among the full dates: a date without one cannot be placed.
    expect(periodText(['2023-12-30', '2024-01-03', '1月2日'])).toBe('2023年12月30日至2024年1月3日');
    expect(periodNote(['2023-12-30', '2024-01-03', '1月2日'])).toBe('（另有 1 条的日期无法识别，未计入）');
    expect(periodNote(['2024-05-06', '2024/5/9'])).toBe('');
    expect(periodNote(['5月6日', '不详'])).toBe('');
  });
});
