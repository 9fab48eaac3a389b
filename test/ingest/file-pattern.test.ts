/** One rule for file patterns: the config's points rules and a scoped --map pick the same files. */
import { describe, expect, it } from 'vitest';
import { matchesFile } from '../../src/ingest/file-pattern.js';
import { findRule } from '../../src/ingest/point.js';
import { mapsFor, parseMapSpec } from '../../src/ingest/map-spec.js';

const CASES: readonly [pattern: string, path: string, expected: boolean][] = [
  ['海淀*.xls', '/县区/海淀区-学院路街道.xls', true],
  ['海淀*.xls', '/县区/海淀区-学院路街道.xlsx', false],
  ['海淀*', '/县区/西城区/海淀路社区.xlsx', true],
  ['*/西城区/*', '/县区/西城区/海淀路社区.xlsx', true],
  ['东湖?.xlsx', '/意见/东湖1.xlsx', true],
  ['东湖?.xlsx', '/意见/东湖12.xlsx', false],
  ['东湖.xlsx*', '/意见/城东湖.xlsx', false],
  // No * or ?: a piece of the path, folders included; backslashes read as slashes on both sides.
  ['西城区/', '/县区/西城区/海淀路社区.xlsx', true],
  ['西城区\\海淀', 'C:\\县区\\西城区\\海淀路社区.xlsx', true],
  ['东城区', '/县区/西城区/海淀路社区.xlsx', false],
  // Regular-expression characters are plain text.
  ['意见(1).csv', '/意见/意见(1).csv', true],
  ['意见.+', '/意见/意见.csv', false],
];

describe('file patterns', () => {
  it.each(CASES)('%s on %s → %s, for matchesFile, a points rule and a scoped --map alike', (pattern, path, expected) => {
    expect(matchesFile(pattern, path)).toBe(expected);
    expect(findRule([{ pattern, point: '学院路街道', county: null }], path) !== null).toBe(expected);
    expect(mapsFor([parseMapSpec(`${pattern}:意见建议=E`)], path, 'Sheet1').length > 0).toBe(expected);
  });
});
