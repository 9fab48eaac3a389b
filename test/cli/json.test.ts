/** --json: one JSON document on stdout, everything else on stderr; --quiet silences info lines. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { draft, submissions, tempDir, yijian, type CliRun } from './run-yijian.js';

const Reconciliation = z.strictObject({
  files: z.literal(7),
  failedFiles: z.literal(0),
  sheets: z.literal(9),
  rows: z.literal(108),
  records: z.literal(93),
  rejects: z.literal(3),
  blanks: z.literal(8),
  notes: z.literal(5),
  splitParts: z.literal(1),
  balanced: z.literal(true),
});
const Sheet = z.object({ file: z.string(), sheet: z.string(), rows: z.number(), records: z.number(), columns: z.array(z.object({ column: z.string(), field: z.string().nullable() })) });
const Reject = z.object({ source: z.object({ file: z.string(), sheet: z.string(), row: z.number().int().positive() }), reason: z.string() });

const InspectJson = z.strictObject({
  reconciliation: Reconciliation,
  sheets: z.array(Sheet).length(9),
  failures: z.array(z.unknown()).length(0),
  rejects: z.array(Reject).length(3),
  draft: z.string().nullable(),
  records: z.array(z.object({ id: z.string(), articles: z.array(z.object({ key: z.string() })) })).optional(),
});
const MergeJson = z.strictObject({
  output: z.string(),
  reconciliation: Reconciliation,
  sheets: z.array(Sheet).length(9),
  failures: z.array(z.unknown()).length(0),
  rejects: z.array(Reject).length(3),
});
const DigestJson = z.strictObject({
  outputDir: z.string(),
  files: z.array(z.string()).min(2),
  totals: z.object({ records: z.literal(93), rejects: z.literal(3), rows: z.literal(108) }),
  reconciliation: Reconciliation,
});

/** Parses stdout as exactly one JSON document (JSON.parse refuses anything before or after it). */
function onlyJson(run: CliRun): unknown {
  expect(run.stdout.trimStart()).toMatch(/^[[{]/);
  return JSON.parse(run.stdout);
}

describe('--json prints one document on stdout', () => {
  it('inspect --json', async () => {
    const run = await yijian(['inspect', submissions, '--json']);
    expect(run.status).toBe(0);
    const doc = InspectJson.parse(onlyJson(run));
    expect(doc.records).toBeUndefined();
    expect(run.stderr).toContain('核对：');
  });

  it('inspect --json --draft lists every record with its articles', async () => {
    const run = await yijian(['inspect', submissions, '--json', '--draft', draft]);
    const doc = InspectJson.parse(onlyJson(run));
    expect(doc.draft).toBe('某市电动自行车管理条例（征求意见稿）');
    expect(doc.records).toHaveLength(93);
  });

  it('merge --json', async () => {
    const out = join(tempDir(), '汇总.xlsx');
    const run = await yijian(['merge', submissions, '-o', out, '--json']);
    expect(run.status).toBe(0);
    expect(MergeJson.parse(onlyJson(run)).output).toBe(out);
    expect(run.stderr).toContain('已写入');
  });

  it('digest --json', async () => {
    const out = join(tempDir(), 'out');
    const run = await yijian(['digest', submissions, '--draft', draft, '-o', out, '--formats', 'md,xlsx', '--json']);
    expect(run.status).toBe(0);
    const doc = DigestJson.parse(onlyJson(run));
    expect(doc.outputDir).toBe(out);
    expect(doc.files).toEqual(['digest.json', '汇总报告.md', '条文意见对照表.xlsx', '采纳情况登记表.xlsx']);
    // The human summary goes nowhere near stdout under --json.
    expect(run.stdout).not.toContain('意见最多的条文');
  });

  it('templates list --json', async () => {
    const run = await yijian(['templates', 'list', '--json']);
    expect(z.array(z.object({ report: z.string(), file: z.string(), kind: z.string() })).min(1).parse(onlyJson(run)).length).toBeGreaterThan(0);
  });
});

describe('--quiet', () => {
  it('silences info and success lines, keeps warnings, and leaves --json intact', async () => {
    const out = join(tempDir(), 'm.xlsx');
    const run = await yijian(['--quiet', 'merge', submissions, '-o', out, '--json']);
    expect(run.status).toBe(0);
    MergeJson.parse(onlyJson(run));
    expect(run.stderr).not.toContain('核对：');
    expect(run.stderr).not.toContain('已写入');
    expect(run.stderr).toContain('3 行未能成为有效意见');
  });

  it('digest -q prints the summary on stdout and no info lines', async () => {
    const run = await yijian(['-q', 'digest', submissions, '-o', join(tempDir(), 'o'), '--formats', 'md']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('意见汇总');
    expect(run.stderr).not.toContain('核对：');
  });
});
