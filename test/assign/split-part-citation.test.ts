/**
 * A cell split into numbered opinions shares its row's 条款 cell (session 22): a part that opens by naming its own
 * article is filed under that article, not under every article the cell lists for all the parts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Digest } from '../../src/model.js';
import { readDigestJson, repo, yijian } from '../decisions/cli.js';

const work = mkdtempSync(join(tmpdir(), 'yijian-split-cite-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const DRAFT = join(repo, 'fixtures/laws/上海市养犬管理条例.md');

let digest: Digest;
beforeAll(async () => {
  const input = join(work, 'in');
  mkdirSync(input, { recursive: true });
  const rows = [
    ['序号', '提出人', '涉及条款', '意见建议'],
    ['1', '王伟', '第二十二条、第四十三条', '"1、第二十二条应当规定牵引带长度不超过两米。2、第四十三条对不束牵引带的罚款太低，建议提高到二百元。"'],
    ['2', '李敏', '第二十二条', '"1、遛狗必须拴绳，电梯里要抱起来。2、第四十三条的罚款只有二十元，起不到作用。"'],
    ['3', '张静', '第十二条', '"对第十二条提两点意见：1、一户一犬不合理。2、小型犬应当允许两只。"'],
  ];
  writeFileSync(join(input, '闵行区-古美路街道立法联系点.csv'), '\uFEFF' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n');
  const run = await yijian(['digest', input, '--draft', DRAFT, '-o', join(work, 'out'), '--force', '--formats', 'md']);
  expect(run.status, run.stderr).toBe(0);
  digest = readDigestJson(join(work, 'out'));
});

const keysOf = (row: number, part: number): string[] =>
  digest.records.find((r) => r.source.row === row && r.source.part === part)!.articles.map((a) => a.key);

describe('a split part that names its own article', () => {
  it('goes under that article when the cell lists several (第二十二条、第四十三条 → 22 and 43, not both twice)', () => {
    expect(keysOf(2, 1)).toEqual(['22']);
    expect(keysOf(2, 2)).toEqual(['43']);
  });

  it('goes under the article it names although the cell names another; the part that names none keeps the cell', () => {
    expect(keysOf(3, 1)).toEqual(['22']);
    expect(keysOf(3, 2)).toEqual(['43']);
  });

  it('keeps the cell when the parts share a lead-in naming the article (对第十二条提两点意见：)', () => {
    expect(keysOf(4, 1)).toEqual(['12']);
    expect(keysOf(4, 2)).toEqual(['12']);
  });
});
