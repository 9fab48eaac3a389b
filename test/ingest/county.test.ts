import { describe, expect, it } from 'vitest';
import { officialCountyCount } from '../../src/ingest/counties.js';
import { countyFromFileName, countyFromPointName } from '../../src/ingest/point.js';
import { ingestGrid } from '../../src/ingest/sheet.js';
import { grid, options } from './helpers.js';

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
    // A county after its city's name is still the county.
    ['杭州市西湖区-某某.xlsx', '西湖区'],
    ['东城区-和平里街道立法联系点.xlsx', '东城区'],
    ['西城区展览路街道立法联系点.xlsx', '西城区'],
    ['浦东新区陆家嘴街道.csv', '浦东新区'],
    ['北京市海淀区学院路街道.xlsx', '海淀区'],
    ['崇明区-城桥镇.xlsx', '崇明区'],
    ['东城街道立法联系点.xlsx', null],
  ])('%s → %s', (name, county) => {
    expect(countyFromFileName(name)).toBe(county);
  });
});

describe('official county-level names', () => {
  it('come from the package list: thousands of them, every district of Beijing and Shanghai', () => {
    expect(officialCountyCount()).toBeGreaterThan(2800);
    for (const name of ['东城区', '西城区', '朝阳区', '丰台区', '石景山区', '海淀区', '门头沟区', '房山区', '通州区', '顺义区', '昌平区', '大兴区', '怀柔区', '平谷区', '密云区', '延庆区', '黄浦区', '徐汇区', '长宁区', '静安区', '普陀区', '虹口区', '杨浦区', '闵行区', '宝山区', '嘉定区', '浦东新区', '金山区', '松江区', '青浦区', '奉贤区', '崇明区']) {
      expect(countyFromPointName(`${name}某某街道立法联系点`), name).toBe(name);
    }
  });

  it('names the list lacks come from the config', () => {
    expect(countyFromFileName('北京经济技术开发区-企业立法联系点.xlsx')).toBeNull();
    expect(countyFromFileName('北京经济技术开发区-企业立法联系点.xlsx', ['北京经济技术开发区'])).toBe('北京经济技术开发区');
  });

  it('a point named after its county gives the county when the sheet has no county column', () => {
    const g = grid([['联系点', '意见建议'], ['东城区和平里街道立法联系点', '建议公开物业账目'], ['某某社区', '建议公示']]);
    const out = ingestGrid(g, { file: '汇总.xlsx', path: '汇总.xlsx', encoding: null }, options());
    expect(out.records.map((r) => r.county)).toEqual(['东城区', null]);
    const forced = ingestGrid(g, { file: '汇总.xlsx', path: '汇总.xlsx', encoding: null }, options({ county: '西城区' }));
    expect(forced.records.map((r) => r.county)).toEqual(['西城区', '西城区']);
  });
});
