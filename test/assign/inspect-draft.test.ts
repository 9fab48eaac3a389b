/** `inspect --draft` guesses the way digest does: every citing opinion teaches the articles before any guess. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runYijian, type CliRun } from '../cli/run-cli.js';

const DRAFT = `某市养犬管理条例（草案）
第一条 养犬人应当为犬只接种狂犬病疫苗，并办理养犬登记。
第二条 禁止携带犬只进入公共场所和公共交通工具。
第三条 养犬人携带犬只外出，应当为犬只束牵引带。
`;
// The uncited opinion is the first row: a single pass would guess it before anything was learned.
const CSV = `序号,联系点,条款,意见建议
1,花木街道,,周末想带我家小狗坐地铁去郊区，结果在地铁站被拦下来了。
2,花木街道,第二条,希望允许小型犬装进航空箱以后坐地铁，去宠物医院太不方便了。
3,花木街道,第二条,带狗坐公交地铁应该放开，装笼子的小狗不会影响别人。
4,花木街道,第2条,商场和地铁里看到有人带狗，对狗毛过敏的人很难受。
`;

describe('inspect --draft assigns in two passes, as digest does', () => {
  let dir = '';
  let run: CliRun;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yijian-inspect-draft-'));
    writeFileSync(join(dir, '草案.txt'), DRAFT, 'utf8');
    writeFileSync(join(dir, '花木街道.csv'), CSV, 'utf8');
    run = await runYijian(['inspect', join(dir, '花木街道.csv'), '--draft', join(dir, '草案.txt'), '--assign', '0.1', '--json'], dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('guesses the uncited first row from the citing rows after it, marked as a guess', () => {
    expect(run.status, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout) as { records: { source: { row: number }; articles: { key: string; source: string; confidence: number }[] }[] };
    const first = doc.records.find((r) => r.source.row === 2)!;
    expect(first.articles[0]).toMatchObject({ key: '2', source: 'similarity' });
    expect(first.articles[0]!.confidence).toBeGreaterThan(0);
    expect(doc.records.filter((r) => r.source.row > 2).every((r) => r.articles[0]!.source === 'column')).toBe(true);
  });
});
