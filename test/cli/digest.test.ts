/** `yijian digest` end to end on the fixtures: the model it writes, checked against what was planted. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DigestSchema, type Digest, type DigestRecord } from '../../src/model.js';
import { runYijian as runCli, type CliRun } from './run-cli.js';

const repo = resolve(import.meta.dirname, '../..');
const submissions = join(repo, 'fixtures/submissions');
const draft = join(repo, 'fixtures/draft/某市电动自行车管理条例（征求意见稿）.txt');

function yijian(args: string[]): Promise<CliRun> {
  return runCli(args, repo);
}

function digestOf(dir: string): Digest {
  return DigestSchema.parse(JSON.parse(readFileSync(join(dir, 'digest.json'), 'utf8')));
}

function recordAt(digest: Digest, fileStart: string, row: number, sheet?: string): DigestRecord {
  const found = digest.records.filter(
    (record) => record.source.file.startsWith(fileStart) && record.source.row === row && (sheet === undefined || record.source.sheet === sheet),
  );
  expect(found, `${fileStart} row ${row}`).toHaveLength(1);
  return found[0] as DigestRecord;
}

describe('yijian digest on the fixtures', () => {
  let out: string;
  let run: Awaited<ReturnType<typeof yijian>>;
  let digest: Digest;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'yijian-digest-'));
    run = await yijian(['digest', submissions, '--draft', draft, '-o', out, '--formats', 'md']);
    digest = digestOf(out);
  });

  it('exits 0, prints a Chinese summary and the reconciliation line', async () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('意见汇总：某市电动自行车管理条例（征求意见稿）');
    expect(run.stdout).toContain('意见最多的条文');
    expect(run.stderr).toContain('数据行 108 = 意见行 92（拆分后有效意见 93 条） + 问题行 3 + 空行 8 + 说明行 5');
    expect(readdirSync(out).sort()).toEqual(['digest.json', '汇总报告.md']);
  });

  it('writes totals that match fixtures/EXPECTED.md', async () => {
    expect(digest.totals).toMatchObject({
      files: 7,
      rows: 108,
      records: 93,
      rejects: 3,
      blanks: 8,
      notes: 5,
      splitParts: 1,
      exactGroups: 3,
      nearGroups: 1,
      duplicates: 5,
      distinctOpinions: 88,
      points: 7,
      counties: 2,
    });
    expect(digest.records).toHaveLength(93);
    expect(digest.rejects).toHaveLength(3);
    expect(digest.draft?.articles).toHaveLength(46);
  });

  it('groups the form letter sent by two points, and its edited copy, with both points named', async () => {
    const original = recordAt(digest, '城东区-东湖街道', 10);
    const copy = recordAt(digest, '河西县城关镇', 2);
    const edited = recordAt(digest, '河西县-桃源镇', 3, '入户走访');
    expect(original.duplicateGroup).not.toBeNull();
    expect(copy.duplicateGroup).toBe(original.duplicateGroup);
    expect(edited.duplicateGroup).toBe(original.duplicateGroup);
    const group = digest.duplicateGroups.find((candidate) => candidate.id === original.duplicateGroup);
    expect(group?.kind).toBe('near');
    expect(group?.canonical).toBe(original.id);
    // Canonical first, then source order (file name by code point: 河西县-桃源镇 sorts before 河西县城关镇).
    expect(group?.members).toEqual([original.id, edited.id, copy.id]);
    expect(group?.points).toEqual(['东湖街道基层立法联系点', '桃源镇基层立法联系点', '河西县城关镇立法联系点']);
    expect(group?.counties).toEqual(['城东区', '河西县']);
    expect(original.canonical).toBe(true);
    expect(copy.canonical).toBe(false);
    expect(copy.cluster).toBe(original.cluster);
  });

  it('finds exact duplicates across width, punctuation and traditional characters', async () => {
    const pairs: [[string, number, string?], [string, number, string?]][] = [
      [['城东区-滨江社区', 2], ['城东区-科技园企业', 4]],
      [['河西县-华侨新村', 3], ['河西县城关镇', 4]],
      [['河西县-桃源镇', 8, '座谈会'], ['河西县-桃源镇', 2, '入户走访']],
    ];
    for (const [a, b] of pairs) {
      const first = recordAt(digest, ...a);
      const second = recordAt(digest, ...b);
      expect(first.duplicateGroup, `${a[0]} ${a[1]}`).not.toBeNull();
      expect(second.duplicateGroup).toBe(first.duplicateGroup);
      expect(digest.duplicateGroups.find((group) => group.id === first.duplicateGroup)?.kind).toBe('exact');
    }
  });

  it('does not group unrelated opinions on the same article', async () => {
    const onArticle12 = digest.records.filter((record) => record.articles[0]?.key === '12');
    expect(onArticle12.length).toBeGreaterThan(3);
    const groups = new Set(onArticle12.map((record) => record.duplicateGroup).filter((id) => id !== null));
    expect(groups.size).toBeLessThan(onArticle12.length);
    const ungrouped = onArticle12.filter((record) => record.duplicateGroup === null);
    expect(ungrouped.length).toBeGreaterThanOrEqual(3);
  });

  it('assigns articles from the column, from text, and by similarity', async () => {
    expect(recordAt(digest, '城东区-东湖街道', 9).articles[0]).toMatchObject({ key: '19', source: 'similarity' });
    expect(recordAt(digest, '河西县城关镇', 3).articles[0]).toMatchObject({ key: '25', source: 'similarity' });
    expect(recordAt(digest, '城东区-科技园企业', 6).articles[0]).toMatchObject({ key: '30', source: 'similarity' });
    expect(recordAt(digest, '城东区-滨江社区', 8).articles[0]).toMatchObject({ key: '28', source: 'text' });
    expect(recordAt(digest, '城东区-东湖街道', 19).articles[0]).toMatchObject({ key: '50', source: 'column', notInDraft: true });
  });

  it('gives every record one cluster, and every cluster valid members', async () => {
    const clusterIds = new Set(digest.clusters.map((cluster) => cluster.id));
    for (const record of digest.records) expect(clusterIds.has(record.cluster), record.id).toBe(true);
    const members = digest.clusters.flatMap((cluster) => cluster.opinions);
    expect(new Set(members).size).toBe(members.length);
    expect(members.length).toBe(digest.totals.distinctOpinions);
    const submissions = digest.clusters.reduce((sum, cluster) => sum + cluster.submissions, 0);
    expect(submissions).toBe(digest.totals.records);
  });

  it('gives the same ids whatever the order the files are named in', async () => {
    const files = readdirSync(submissions).sort().map((name) => join(submissions, name));
    const again = mkdtempSync(join(tmpdir(), 'yijian-digest-'));
    const reversed = await yijian(['digest', ...files.reverse(), '--draft', draft, '-o', again, '--formats', 'md']);
    expect(reversed.status).toBe(0);
    const second = digestOf(again);
    expect(second.records.map((record) => [record.id, record.duplicateGroup, record.cluster])).toEqual(
      digest.records.map((record) => [record.id, record.duplicateGroup, record.cluster]),
    );
    expect(second.clusters).toEqual(digest.clusters);
    expect(readFileSync(join(again, 'digest.json'))).toEqual(readFileSync(join(out, 'digest.json')));
  });
});

describe('yijian digest without a draft', () => {
  it('assigns from citations only and leaves the rest unassigned', async () => {
    const out = mkdtempSync(join(tmpdir(), 'yijian-digest-'));
    const run = await yijian(['digest', submissions, '-o', out, '--formats', 'md', '--json']);
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout) as { totals: { records: number } };
    expect(summary.totals.records).toBe(93);
    const digest = digestOf(out);
    expect(digest.draft).toBeNull();
    const sources = new Set(digest.records.flatMap((record) => record.articles.map((a) => a.source)));
    expect(sources.has('similarity')).toBe(false);
    expect(recordAt(digest, '城东区-东湖街道', 9).articles[0]).toMatchObject({ key: 'unassigned', source: 'none' });
    expect(recordAt(digest, '城东区-东湖街道', 19).articles[0]).toMatchObject({ key: '50', notInDraft: false });
  });

  it('refuses to overwrite an existing digest without --force', async () => {
    const out = mkdtempSync(join(tmpdir(), 'yijian-digest-'));
    expect((await yijian(['digest', submissions, '-o', out, '--formats', 'md'])).status).toBe(0);
    const before = readFileSync(join(out, 'digest.json'));
    const again = await yijian(['digest', submissions, '-o', out, '--formats', 'md']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('已存在');
    expect(again.stderr).toContain('--force');
    expect(readFileSync(join(out, 'digest.json'))).toEqual(before);
    expect((await yijian(['digest', submissions, '-o', out, '--formats', 'md', '--force'])).status).toBe(0);
  });
});
