/**
 * The tool reads its own outputs: `digest .` run twice in a submissions folder, `merge -o 汇总.xlsx`
 * inside the input folder, an output path that is an input, the same file by two paths. Every run over
 * a folder holding earlier outputs must read the same records as the first run.
 */
import { cpSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, looksCrashed, runInProcess, tempDir, type CliRun } from './cli.js';

interface DigestJson {
  totals: Record<string, number>;
  reconciliation: { files: number; records: number; rows: number; balanced: boolean };
}

describe('a submissions folder that holds earlier outputs', () => {
  let dir: string;
  let first: DigestJson;
  let second: DigestJson;
  let afterMerge: DigestJson;
  let mergeAgain: CliRun;
  let overwrite: CliRun;
  let secondRun: CliRun;
  const source = join(REPO, 'fixtures', 'submissions', '城东区-科技园企业立法联系点-2024年5月.csv');
  beforeAll(async () => {
    dir = tempDir();
    cpSync(join(REPO, 'fixtures', 'submissions'), dir, { recursive: true });
    first = JSON.parse((await runInProcess(['digest', '.', '--json', '--formats', 'xlsx'], { cwd: dir })).stdout) as DigestJson;
    secondRun = await runInProcess(['digest', '.', '--json', '--force', '--formats', 'xlsx'], { cwd: dir });
    second = JSON.parse(secondRun.stdout) as DigestJson;
    await runInProcess(['merge', '.', '-o', '汇总.xlsx'], { cwd: dir });
    afterMerge = JSON.parse((await runInProcess(['digest', '.', '--json', '--force', '--formats', 'xlsx'], { cwd: dir })).stdout) as DigestJson;
    mergeAgain = await runInProcess(['merge', '.', '-o', 'merged/汇总2.xlsx'], { cwd: dir });
    overwrite = await runInProcess(['merge', '.', '-o', '城东区-科技园企业立法联系点-2024年5月.csv', '--force'], { cwd: dir });
  }, 180_000);

  it('a second digest skips ./yijian-output and reads the same records', () => {
    expect(first.reconciliation.records).toBeGreaterThan(80);
    expect(second.reconciliation).toEqual(first.reconciliation);
    expect(second.totals).toEqual(first.totals);
    expect(secondRun.stderr).toContain('yijian-output');
    expect(secondRun.stderr).toContain('已跳过');
    expect(secondRun.stderr).toMatch(/^提示：文件夹 \S*yijian-output 中有 digest\.json，是 yijian 以前输出的结果，已跳过其中的文件。 \[W_OUTPUT_FOLDER_SKIPPED\]$/mu);
  });

  it('a merged workbook beside its own sources is skipped, not counted twice', () => {
    expect(afterMerge.reconciliation.records).toBe(first.reconciliation.records);
    expect(afterMerge.totals).toEqual(first.totals);
    expect(mergeAgain.stderr).toMatch(/汇总\.xlsx 是 yijian merge 合并的结果.*以免重复计数。 \[W_MERGED_WITH_SOURCES\]$/mu);
  });

  it('merge refuses to write over one of its inputs, even with --force', () => {
    expect(looksCrashed(overwrite.stderr)).toBe(false);
    expect(overwrite.code).toBe(2);
    expect(overwrite.stderr).toContain('就是要读取的意见文件之一');
    expect(readFileSync(join(dir, '城东区-科技园企业立法联系点-2024年5月.csv'))).toEqual(readFileSync(source));
  });

  it('a merged workbook forwarded alone (its sources not in the run) is read as submissions', async () => {
    const elsewhere = tempDir();
    cpSync(join(dir, '汇总.xlsx'), join(elsewhere, '城东区汇总.xlsx'));
    // A report of the digest beside it is no submission: skipped, and said.
    cpSync(join(dir, 'yijian-output', '条文意见对照表.xlsx'), join(elsewhere, '对照表.xlsx'));
    const run = await runInProcess(['inspect', join(elsewhere, '城东区汇总.xlsx'), join(elsewhere, '对照表.xlsx'), '--json']);
    const doc = JSON.parse(run.stdout) as { reconciliation: { records: number } };
    expect(doc.reconciliation.records).toBe(first.reconciliation.records);
    expect(run.stderr).toMatch(/^提示：对照表\.xlsx 是 yijian 生成的报告，不是意见表，已跳过。 \[W_OWN_REPORT_SKIPPED\]$/mu);
    expect(run.stderr).toMatch(/^提示：城东区汇总\.xlsx 是 yijian merge 合并的结果：只读取其中的“意见汇总”工作表.* \[W_MERGED_RECORDS_ONLY\]$/mu);
    expect(statSync(join(elsewhere, '城东区汇总.xlsx')).size).toBeGreaterThan(0);
  }, 60_000);
});

describe('the same file given twice', () => {
  it('is read once with a notice, by two spellings and through a symbolic link', async () => {
    const dir = tempDir();
    cpSync(join(REPO, 'fixtures', 'submissions', '城东区-科技园企业立法联系点-2024年5月.csv'), join(dir, 'aux.csv'));
    symlinkSync(join(dir, 'aux.csv'), join(dir, 'link.csv'));
    const run = await runInProcess(['digest', 'aux.csv', './aux.csv', 'link.csv', '-o', 'out', '--json', '--formats', 'md'], { cwd: dir });
    expect(looksCrashed(run.stderr)).toBe(false);
    expect(run.stderr).not.toContain('重复的意见编号');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('./aux.csv 与 aux.csv 是同一个文件，只读取一次');
    expect(run.stderr).toContain('link.csv 与 aux.csv 是同一个文件，只读取一次');
    expect(run.stderr).toMatch(/^提示：link\.csv 与 aux\.csv 是同一个文件，只读取一次。 \[W_SAME_FILE_TWICE\]$/mu);
    expect((JSON.parse(run.stdout) as DigestJson).reconciliation.files).toBe(1);
  }, 60_000);
});
