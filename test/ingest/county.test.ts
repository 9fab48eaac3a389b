import { describe, expect, it } from 'vitest';
import { countyFromFileName } from '../../src/ingest/point.js';

describe('countyFromFileName', () => {
  it.each([
    ['城东区-东湖街道立法联系点-2024年5月.xlsx', '城东区'],
    ['河西县-华侨新村立法联系点-2024年5月.csv', '河西县'],
    ['河西县城关镇立法联系点意见汇总表.xlsx', '河西县'],
    ['some/dir/城东区_滨江社区.xls', '城东区'],
    ['海城市-东关街道.xlsx', '海城市'],
    ['滨江社区立法联系点.xlsx', null],
    ['东湖街道立法联系点.xlsx', null],
    ['意见汇总表.xlsx', null],
    ['城区街道联系点.xlsx', null],
    ['高新区管委会.xlsx', null],
    ['杭州市西湖区-某某.xlsx', null],
  ])('%s → %s', (name, county) => {
    expect(countyFromFileName(name)).toBe(county);
  });
});
