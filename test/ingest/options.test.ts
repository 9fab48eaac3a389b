import { describe, expect, it } from 'vitest';
import { YijianError } from '../../src/errors.js';
import { parseMapSpec, parseMapSpecs } from '../../src/ingest/map-spec.js';
import { DEFAULT_LIMITS, normalizeIngestOptions } from '../../src/ingest/options.js';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof YijianError ? error.code : 'not a YijianError';
  }
  return undefined;
}

describe('parseMapSpec', () => {
  it.each([
    ['opinion=C', 'opinion', { kind: 'column', letter: 'C', index: 2 }],
    ['意见建议=c', 'opinion', { kind: 'column', letter: 'C', index: 2 }],
    ['article=AB', 'article', { kind: 'column', letter: 'AB', index: 27 }],
    ['意见建议=具体内容', 'opinion', { kind: 'header', text: '具体内容' }],
    [' point = 报送 单位 ', 'point', { kind: 'header', text: '报送 单位' }],
    ['县（市、区）=D', 'county', { kind: 'column', letter: 'D', index: 3 }],
    ['县(市、区)=D', 'county', { kind: 'column', letter: 'D', index: 3 }],
    ['submitterType＝身份', 'submitterType', { kind: 'header', text: '身份' }],
    ['OPINION=意见', 'opinion', { kind: 'header', text: '意见' }],
  ])('%s', (spec, field, target) => {
    expect(parseMapSpec(spec)).toEqual({ field, target, scope: { file: null, sheet: null }, spec });
  });

  it.each(['opinion', '=C', 'opinion=', '意见=C', 'unknown=C', '', '__proto__=A', 'constructor=B'])(
    'refuses %j with E_BAD_MAPPING',
    (spec) => {
      expect(codeOf(() => parseMapSpec(spec))).toBe('E_BAD_MAPPING');
    },
  );

  it('refuses two mappings for one field', () => {
    expect(codeOf(() => parseMapSpecs(['opinion=C', '意见建议=D']))).toBe('E_BAD_MAPPING');
  });

  it('gives a Chinese message and a hint', () => {
    try {
      parseMapSpec('foo=C');
    } catch (error) {
      expect(error).toBeInstanceOf(YijianError);
      expect((error as YijianError).message).toMatch(/列映射/u);
      expect((error as YijianError).hint).toMatch(/--map/u);
    }
    expect.assertions(3);
  });
});

describe('normalizeIngestOptions', () => {
  it('fills every default', () => {
    const options = normalizeIngestOptions({});
    expect(options.sheet).toBeNull();
    expect(options.maps).toEqual([]);
    expect(options.point).toBeNull();
    expect(options.county).toBeNull();
    expect(options.rules).toEqual([]);
    expect(options.limits).toEqual(DEFAULT_LIMITS);
    expect(options.synonyms.opinion[0]).toBe('意见建议');
  });

  it('parses maps given as strings or as a record, user synonyms and limits', () => {
    const options = normalizeIngestOptions({
      maps: { 意见建议: 'E' },
      synonyms: { opinion: ['群众心声'], 联系点: '报送点' },
      point: '  城关街道  ',
      rules: [{ pattern: '*东城*', county: '东城区' }],
      limits: { maxCellLength: 100 },
    });
    expect(options.maps[0]?.field).toBe('opinion');
    expect(options.synonyms.opinion.at(-1)).toBe('群众心声');
    expect(options.synonyms.point.at(-1)).toBe('报送点');
    expect(options.point).toBe('城关街道');
    expect(options.rules).toEqual([{ pattern: '*东城*', point: null, county: '东城区' }]);
    expect(options.limits.maxCellLength).toBe(100);
    expect(options.limits.maxFileBytes).toBe(DEFAULT_LIMITS.maxFileBytes);
  });

  it.each([
    [{ limits: { maxCellLength: -1 } }, 'E_BAD_CONFIG'],
    [{ unknownOption: 1 }, 'E_BAD_CONFIG'],
    [{ synonyms: { nofield: ['x'] } }, 'E_BAD_CONFIG'],
    [{ maps: ['opinion'] }, 'E_BAD_MAPPING'],
    [{ rules: [{ pattern: '' }] }, 'E_BAD_CONFIG'],
  ])('refuses %j', (input, code) => {
    expect(codeOf(() => normalizeIngestOptions(input))).toBe(code);
  });
});

describe('scoped --map', () => {
  it('parses file and sheet scopes; the most specific mapping wins for each field', async () => {
    const { mapsFor, parseMapSpecs } = await import('../../src/ingest/map-spec.js');
    const maps = parseMapSpecs(['意见建议=C', '海淀*.xls:意见建议=E', '东湖.xlsx:座谈会:意见建议=F', '海淀*.xls:条款=B']);
    expect(maps[1]?.scope).toEqual({ file: '海淀*.xls', sheet: null });
    expect(maps[2]?.scope).toEqual({ file: '东湖.xlsx', sheet: '座谈会' });
    const pick = (path: string, sheet: string) => mapsFor(maps, path, sheet).map((m) => m.spec);
    expect(pick('收件/海淀区学院路.xls', 'Sheet1')).toEqual(['海淀*.xls:意见建议=E', '海淀*.xls:条款=B']);
    expect(pick('收件/东湖.xlsx', '座谈会')).toEqual(['东湖.xlsx:座谈会:意见建议=F']);
    expect(pick('收件/东湖.xlsx', '入户走访')).toEqual(['意见建议=C']);
    expect(pick('收件/朝阳.xlsx', 'Sheet1')).toEqual(['意见建议=C']);
  });

  it('two mappings of one field in the same scope are refused; in different scopes they are not', async () => {
    const { parseMapSpecs } = await import('../../src/ingest/map-spec.js');
    expect(() => parseMapSpecs(['a.xls:意见建议=C', 'a.xls:意见建议=D'])).toThrow(/已由/u);
    expect(parseMapSpecs(['a.xls:意见建议=C', 'b.xls:意见建议=D'])).toHaveLength(2);
  });

  it('config maps take the same scoped keys', () => {
    const normalized = normalizeIngestOptions({ maps: { '海淀*.xls:意见建议': 'E' } });
    expect(normalized.maps[0]).toMatchObject({ field: 'opinion', scope: { file: '海淀*.xls', sheet: null } });
  });
});
