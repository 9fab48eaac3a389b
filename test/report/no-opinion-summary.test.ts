/**
 * The summary says how many answered 无意见 (they are 说明行, not opinions: test/ingest/no-opinion.test.ts), as a
 * bureau's report does (另有 N 条答复为“无意见”); and a batch whose points name no county does not open with
 * 0 个县（市、区）的 1 个联系点.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRAFT_TXT, makeTempDir, runYijian } from '../cli/run-cli.js';

describe('the summary of a sheet with 无 answers', () => {
  it('counts them apart from the opinions, in the overview and in digest.json', async () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, '东湖街道立法联系点.csv'), '\uFEFF序号,提出人,条款,意见建议\n1,王建国,第十条,楼道里不能停电动车，建议写清楚。\n2,李秀英,,无\n3,张伟,,暂无意见。\n4,刘敏,第十九条,充电桩太少了。\n');
    const run = await runYijian(['digest', join(dir, '东湖街道立法联系点.csv'), '--draft', DRAFT_TXT, '-o', join(dir, 'out'), '--formats', 'md']);
    expect(run.status, run.stderr).toBe(0);
    const md = readFileSync(join(dir, 'out/汇总报告.md'), 'utf8');
    expect(md).toContain('1 个联系点共报送意见 2 条，按所涉条款和内容归纳为 2 类；另有 2 条答复为“无意见”，未计入。');
    expect(md).not.toContain('0 个县（市、区）');
    const digest = JSON.parse(readFileSync(join(dir, 'out/digest.json'), 'utf8')) as { totals: { records: number; notes?: number; noOpinions?: number } };
    expect(digest.totals).toMatchObject({ records: 2, notes: 2, noOpinions: 2 });
  });
});
