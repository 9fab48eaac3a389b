/** The intake shapes end to end through the real binary: scoped --map, 说明行, split cells, nothing read. */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, runYijian, type CliRun } from './run-cli.js';

const CORPUS = 'fixtures/intake/corpus';

describe('yijian inspect on intake shapes, with a --map scoped to one file', () => {
  let run: CliRun;
  let json: CliRun;
  beforeAll(async () => {
    const dir = makeTempDir();
    for (const name of ['丰台区-方庄地区立法联系点.xlsx', '顺义区-仁和镇立法联系点.xlsx']) copyFileSync(join(CORPUS, name), join(dir, name));
    // A header nobody could guess: only this file's --map may fix it.
    writeFileSync(join(dir, '北街社区.csv'), '编号,情况记录,栏目三\n1,建议公开物业服务收支,甲\n2,建议物业费调价先听证,乙\n');
    run = await runYijian(['inspect', dir, '--map', '北街*.csv:意见建议=B']);
    json = await runYijian(['inspect', dir, '--map', '北街*.csv:意见建议=B', '--json']);
  });

  it('applies the scoped mapping to that file only and reconciles with 说明行 and split parts', () => {
    expect(run.status).toBe(0);
    const doc = JSON.parse(json.stdout) as { reconciliation: Record<string, unknown>; sheets: { file: string; columns: { column: string; field: string | null; how: string }[] }[] };
    const beijie = doc.sheets.find((s) => s.file === '北街社区.csv');
    expect(beijie?.columns.find((c) => c.column === 'B')).toMatchObject({ field: 'opinion', how: 'forced' });
    // The other files keep their own opinion columns: the mapping did not reach them.
    for (const sheet of doc.sheets.filter((s) => s.file !== '北街社区.csv')) {
      expect(sheet.columns.find((c) => c.field === 'opinion')?.how).not.toBe('forced');
    }
    // 方庄: 6 opinions + 合计 + signature; 仁和镇: 6 rows, two split (2 + 3 parts); 北街: 2.
    expect(doc.reconciliation).toMatchObject({ files: 3, rows: 16, records: 17, notes: 2, splitParts: 3, rejects: 0, balanced: true });
  });

  it('shows the 说明行, the split rows and the guessed columns to people', () => {
    expect(run.stdout).toContain('合计行：合计 共6条');
    expect(run.stdout).toContain('签名落款行：填表人：王芳');
    expect(run.stdout).toMatch(/已拆为 5 条（第 4 行 2 条，第 7 行 3 条）/u);
    expect(run.stdout).toContain('（按表头用词推断）');
    expect(run.stderr).toContain('数据行 16 = 意见行 14（拆分后有效意见 17 条） + 问题行 0 + 空行 0 + 说明行 2');
  });
});

describe('nothing read is a failure', () => {
  it('merge exits 1 when no input gives a single opinion, and says why', async () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, '填表说明.csv'), '填表说明\n一、每条意见填写一行。\n二、请注明条款。\n');
    const run = await runYijian(['merge', dir, '-o', join(dir, '汇总.xlsx')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('没有读到任何意见');
    expect(run.stderr).toContain('说明行 3');
  });
});
