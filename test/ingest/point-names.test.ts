/**
 * One point under several names (the form's 东湖街道立法联系点, the point's own 东湖街道基层立法联系点): said as
 * W_POINT_NAMES_ALIKE, and made one by the config's pointNames.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, runYijian, type CliRun } from '../cli/run-cli.js';
import { alikePointNames, pointNameCore, preferredName, type PointNameItem } from '../../src/ingest/point-names.js';

const record = (point: string | null, county: string | null, file: string): PointNameItem => ({ point, county, file });

describe('pointNameCore', () => {
  it.each([
    ['东湖街道立法联系点', '东湖街道'],
    ['城东区东湖街道基层立法联系点', '东湖街道'],
    ['东湖街道 基层立法联系点', '东湖街道'],
    ['東湖街道立法聯繫點', '东湖街道'],
    ['河西县侨联立法联系点', '侨联'],
    ['立法联系点', null],
  ])('%s → %s', (name, core) => expect(pointNameCore(name)).toBe(core));

  it('finds the place whatever county and generic words surround it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('东湖街道', '侨联', '桃源镇', '科技园企业', '华侨新村社区'),
        fc.constantFrom('', '城东区', '河西县', '海淀区'),
        fc.constantFrom('', '基层'),
        fc.constantFrom('立法联系点', '联系点', '立法联系点（工作站）'),
        (place, county, level, suffix) => {
          expect(pointNameCore(`${county}${place}${level}${suffix}`)).toBe(place);
        },
      ),
    );
  });
});

describe('alikePointNames', () => {
  it('groups names of one place, with their records and files, and prefers the name most records carry', () => {
    const groups = alikePointNames([
      record('东湖街道立法联系点', null, '东湖街道-已填.xlsx'),
      record('东湖街道基层立法联系点', '城东区', '东湖.xlsx'),
      record('东湖街道基层立法联系点', '城东区', '东湖.xlsx'),
      record('桃源镇立法联系点', '河西县', '桃源.xlsx'),
    ]);
    expect(groups).toEqual([[
      { name: '东湖街道立法联系点', county: null, records: 1, files: ['东湖街道-已填.xlsx'] },
      { name: '东湖街道基层立法联系点', county: '城东区', records: 2, files: ['东湖.xlsx'] },
    ]]);
    expect(preferredName(groups[0]!)).toBe('东湖街道基层立法联系点');
  });

  it('keeps apart the same place name in two counties, and a name written one way only', () => {
    expect(alikePointNames([record('东湖街道立法联系点', '城东区', 'a.xlsx'), record('东湖街道基层立法联系点', '河西县', 'b.xlsx')])).toEqual([]);
    expect(alikePointNames([record('东湖街道立法联系点', null, 'a.xlsx'), record('东湖街道立法联系点', null, 'b.xlsx'), record(null, null, 'c.xlsx')])).toEqual([]);
  });
});

/** Writes a one-sheet workbook of `rows` as `dir/name`. */
function writeSheet(dir: string, name: string, rows: (string | number)[][]): void {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), '意见');
  writeFileSync(join(dir, name), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

describe('yijian merge with one point under two names', () => {
  let dir: string;
  let warned: CliRun;
  let unified: CliRun;
  const points = (file: string): Record<string, number> => {
    const book = XLSX.read(readFileSync(join(dir, file)), { type: 'buffer' });
    const counts: Record<string, number> = {};
    for (const row of XLSX.utils.sheet_to_json<Record<string, string>>(book.Sheets[book.SheetNames[0]!]!)) counts[row['联系点']!] = (counts[row['联系点']!] ?? 0) + 1;
    return counts;
  };

  beforeAll(async () => {
    dir = makeTempDir('yijian-point-names-');
    writeSheet(dir, '东湖街道-已填.xlsx', [['联系点：东湖街道立法联系点'], ['序号', '条款', '意见建议'], [1, '第十九条', '楼道里充电太危险了。']]);
    writeSheet(dir, '五月汇总.xlsx', [['联系点', '条款', '意见建议'], ['东湖街道基层立法联系点', '第十四条', '地铁口乱停车。'], ['东湖街道基层立法联系点', '第十五条', '禁停区域要画线。']]);
    warned = await runYijian(['merge', '.', '-o', '合并.xlsx'], dir);
    writeFileSync(join(dir, 'yijian.config.json'), JSON.stringify({ pointNames: { 东湖街道立法联系点: '东湖街道基层立法联系点' } }));
    unified = await runYijian(['merge', '.', '-o', '统一.xlsx'], dir);
  });

  it('warns with the names, their files, and the config that makes them one', () => {
    expect(warned.status, warned.stderr).toBe(0);
    expect(warned.stderr).toContain('联系点名称“东湖街道立法联系点”（1 条，东湖街道-已填.xlsx）、“东湖街道基层立法联系点”（2 条，五月汇总.xlsx）像是同一个联系点');
    expect(warned.stderr).toContain('"pointNames": {"东湖街道立法联系点":"东湖街道基层立法联系点"}');
    expect(warned.stderr).toContain('[W_POINT_NAMES_ALIKE]');
    expect(points('合并.xlsx')).toEqual({ 东湖街道立法联系点: 1, 东湖街道基层立法联系点: 2 });
  });

  it('with pointNames in the config, files every opinion under the one name and says nothing', () => {
    expect(unified.status, unified.stderr).toBe(0);
    expect(unified.stderr).not.toContain('W_POINT_NAMES_ALIKE');
    expect(points('统一.xlsx')).toEqual({ 东湖街道基层立法联系点: 3 });
  });
});

describe('yijian stats over two months that name one point two ways', () => {
  let dir: string;
  let warned: CliRun;
  let unified: CliRun;
  const pointRows = (run: CliRun): string[] => (JSON.parse(run.stdout) as { points: { name: string }[] }).points.map((p) => p.name).sort();

  beforeAll(async () => {
    dir = makeTempDir('yijian-point-names-stats-');
    writeSheet(dir, '五月.xlsx', [['联系点', '意见建议'], ['东湖街道基层立法联系点', '地铁口乱停车。'], ['东湖街道基层立法联系点', '禁停区域要画线。']]);
    writeSheet(dir, '六月.xlsx', [['联系点：东湖街道立法联系点'], ['序号', '意见建议'], [1, '楼道里充电太危险了。']]);
    expect((await runYijian(['digest', '五月.xlsx', '-o', '五月', '--formats', 'md'], dir)).status).toBe(0);
    expect((await runYijian(['digest', '六月.xlsx', '-o', '六月', '--formats', 'md'], dir)).status).toBe(0);
    warned = await runYijian(['stats', '五月', '六月', '-o', '统计1', '--json'], dir);
    writeFileSync(join(dir, 'yijian.config.json'), JSON.stringify({ pointNames: { 东湖街道立法联系点: '东湖街道基层立法联系点' } }));
    unified = await runYijian(['stats', '五月', '六月', '-o', '统计2', '--json'], dir);
  });

  it('warns, naming the runs, and counts two points until told', () => {
    expect(warned.status, warned.stderr).toBe(0);
    expect(warned.stderr).toContain('“东湖街道基层立法联系点”（2 条，五月）、“东湖街道立法联系点”（1 条，六月）像是同一个联系点');
    expect(pointRows(warned)).toEqual(['东湖街道基层立法联系点', '东湖街道立法联系点']);
  });

  it('counts one point with pointNames in the config, and says nothing', () => {
    expect(unified.stderr).not.toContain('W_POINT_NAMES_ALIKE');
    expect(pointRows(unified)).toEqual(['东湖街道基层立法联系点']);
  });
});
