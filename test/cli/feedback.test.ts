/** `yijian feedback` end to end: digest the fixtures, fill the decision sheet as drafters do, check what each point gets. */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Digest, DigestRecord } from '../../src/model.js';
import { draft, fillDecisionSheet, readDigestJson, submissions, yijian } from '../decisions/cli.js';

/** The test's own reading of the variants it writes (not the code under test). */
const MEANS: Readonly<Record<string, string>> = {
  已采纳: '采纳', 采纳: '采纳', 部分采纳: '部分采纳', 不予采纳: '未采纳', 未采纳: '未采纳', 转交: '已转送', 参考: '作为参考', '': '待研究',
};
const CYCLE = ['已采纳', '部分采纳', '不予采纳', '转交', '参考', '', '采纳', '未采纳'];
const COLUMNS = ['采纳', '部分采纳', '未采纳', '已转送', '作为参考', '待研究'];

function recordAt(digest: Digest, fileStart: string, row: number): DigestRecord {
  const found = digest.records.filter((r) => r.source.file.startsWith(fileStart) && r.source.row === row);
  expect(found).toHaveLength(1);
  return found[0] as DigestRecord;
}

describe('yijian feedback on the fixtures', () => {
  let work: string;
  let out: string;
  let digest: Digest;
  let d1: { cluster: string; text: string };
  let d2Canonical: string;
  let decisionOf: Map<string, string>;
  let run: Awaited<ReturnType<typeof yijian>>;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'yijian-feedback-'));
    out = join(work, 'digest');
    expect((await yijian(['digest', submissions, '--draft', draft, '-o', out, '--formats', 'xlsx'])).status).toBe(0);
    digest = readDigestJson(out);
    const dh = recordAt(digest, '城东区-东湖街道', 10);
    d1 = { cluster: dh.cluster, text: dh.opinion };
    d2Canonical = recordAt(digest, '城东区-滨江社区', 2).id;
    decisionOf = new Map();
    fillDecisionSheet(join(out, '采纳情况登记表.xlsx'), join(work, '已填写.xlsx'), (id, index) => {
      const written = id === d1.cluster ? '已采纳' : (CYCLE[index % CYCLE.length] ?? '');
      const reason = id === d1.cluster ? '已在第十九条中增加物业服务人的劝阻义务' : `理由-${id}`;
      decisionOf.set(id, MEANS[written] ?? 'unknown');
      return [written, reason];
    }, { [d2Canonical]: ['参考', '单条意见：作为参考'] });
    run = await yijian(['feedback', '--digest', join(out, 'digest.json'), '--decisions', join(work, '已填写.xlsx'), '-o', join(work, 'fb'), '--json']);
  });

  /** Expected decision of every record, computed here from digest.json alone. */
  function expectedDecision(record: DigestRecord): string {
    const group = digest.duplicateGroups.find((g) => g.members.includes(record.id));
    const canonical = group?.canonical ?? record.id;
    if (canonical === d2Canonical) return '作为参考';
    return decisionOf.get(record.cluster) ?? '待研究';
  }

  it('exits 0 with no problems and writes one docx and one md per point, statistics and feedback.json', async () => {
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).problems).toEqual([]);
    const files = readdirSync(join(work, 'fb'));
    const points = [...new Set(digest.records.map((r) => r.point ?? '未注明联系点'))];
    for (const point of points) {
      expect(files).toContain(`${point}-采纳情况反馈.docx`);
      expect(files).toContain(`${point}-采纳情况反馈.md`);
    }
    expect(files).toEqual(expect.arrayContaining(['feedback.json', '统计.xlsx', '统计.md', '统计.html']));
    expect(files).toHaveLength(points.length * 2 + 4);
  });

  it('counts each point\'s decisions as computed independently from digest.json', async () => {
    const book = XLSX.read(readFileSync(join(work, 'fb', '统计.xlsx')), { type: 'buffer' });
    const sheet = book.Sheets['各联系点'];
    expect(sheet).toBeDefined();
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet as XLSX.WorkSheet);
    const points = [...new Set(digest.records.map((r) => r.point ?? '未注明联系点'))];
    for (const point of points) {
      const mine = digest.records.filter((r) => (r.point ?? '未注明联系点') === point);
      const row = rows.find((r) => r['联系点'] === point);
      expect(row, point).toBeDefined();
      expect(row?.['报送意见']).toBe(mine.length);
      for (const column of COLUMNS) {
        expect(row?.[column], `${point} ${column}`).toBe(mine.filter((r) => expectedDecision(r) === column).length);
      }
      const adopted = mine.filter((r) => ['采纳', '部分采纳'].includes(expectedDecision(r))).length;
      const decided = mine.filter((r) => expectedDecision(r) !== '待研究').length;
      expect(row?.['采纳率（按报送）']).toBe(decided === 0 ? '—' : `${(Math.round((adopted / decided) * 1000) / 10).toFixed(1)}%`);
    }
    const total = rows.find((r) => r['联系点'] === '合计');
    expect(total?.['报送意见']).toBe(93);
    expect(total?.['去重后']).toBe(digest.totals.distinctOpinions);
  });

  /** The letter's table line of `record`: the point finds it by its own 序号 and 提出人; 附：来源 gives the row. */
  function letterLine(md: string, record: DigestRecord): string | undefined {
    // 序号 6 在第 10 行, or inside a run said once: 序号 1–5 在第 2–6 行.
    const runs = [...md.matchAll(/序号 (\d+)–(\d+) 在第 (\d+)–(\d+) 行/gu)].map((m) => m.slice(1, 5).map(Number));
    const seq = Number(record.seq);
    const inRun = runs.some(([s0, s1, r0]) => seq >= s0! && seq <= s1! && record.source.row === r0! + (seq - s0!));
    expect(inRun || md.includes(`序号 ${record.seq ?? ''} 在第 ${record.source.row} 行`), `${record.seq} / ${record.source.row}`).toBe(true);
    return md.split('\n').find((l) => l.startsWith(`| ${record.seq ?? ''} | ${record.submitter ?? ''} |`));
  }

  it('lists every opinion a point sent in its Markdown feedback, by its own 序号 and 提出人, with its decision', async () => {
    const mine = digest.records.filter((r) => r.point === recordAt(digest, '河西县城关镇', 2).point);
    const md = readFileSync(join(work, 'fb', `${mine[0]?.point}-采纳情况反馈.md`), 'utf8');
    for (const record of mine) {
      const line = letterLine(md, record);
      expect(line, `row ${record.source.row}`).toBeDefined();
      expect(line).toContain(`| ${expectedDecision(record)} |`);
      // Files, sheets and rows are for the 附：来源 lines only, never the letter's table.
      expect(line).not.toContain(record.source.file);
    }
  });

  it('gives the D1 duplicate (东湖 row 10, 城关 row 2) its cluster decision in both points\' feedback', async () => {
    for (const [fileStart, row] of [['城东区-东湖街道', 10], ['河西县城关镇', 2]] as const) {
      const record = recordAt(digest, fileStart, row);
      const md = readFileSync(join(work, 'fb', `${record.point}-采纳情况反馈.md`), 'utf8');
      expect(letterLine(md, record)).toContain('| 采纳 | 已在第十九条中增加物业服务人的劝阻义务 |');
    }
  });

  it('applies a 单条意见 override to the opinion and its duplicate (D2: 滨江 row 2, 科技园 row 4)', async () => {
    for (const [fileStart, row] of [['城东区-滨江社区', 2], ['城东区-科技园企业', 4]] as const) {
      const record = recordAt(digest, fileStart, row);
      const md = readFileSync(join(work, 'fb', `${record.point}-采纳情况反馈.md`), 'utf8');
      expect(letterLine(md, record)).toContain('| 作为参考 | 单条意见：作为参考 |');
    }
  });

  it('says when the letters go out without 落款 (issuer, date), and not once both are given', async () => {
    // Neither --issuer nor --date, here or at digest: the letters would need both written in by hand.
    expect(run.stderr).toContain('[W_NO_ISSUER]');
    expect(run.stderr).toContain('[W_NO_LETTER_DATE]');
    const md = readFileSync(join(work, 'fb', readdirSync(join(work, 'fb')).find((n) => n.endsWith('-采纳情况反馈.md'))!), 'utf8');
    expect(md).not.toMatch(/\d{4}年\d{1,2}月\d{1,2}日\s*\n+附：/u);
    const signed = await yijian(['feedback', '--digest', out, '--decisions', join(work, '已填写.xlsx'), '-o', join(work, 'fb-signed'),
      '--formats', 'md', '--issuer', '某市司法局', '--date', '2024年6月10日', '--contact', '张三，021-63210000']);
    expect(signed.status, signed.stderr).toBe(0);
    expect(signed.stderr).not.toContain('[W_NO_ISSUER]');
    expect(signed.stderr).not.toContain('[W_NO_LETTER_DATE]');
    // --contact reaches every letter, below its date.
    const signedDir = join(work, 'fb-signed');
    for (const name of readdirSync(signedDir).filter((n) => n.endsWith('-采纳情况反馈.md'))) {
      expect(readFileSync(join(signedDir, name), 'utf8'), name).toMatch(/2024年6月10日\s*\n+（联系人：张三，021-63210000）/u);
    }
  });

  it('writes Word feedback that reads back with the opinions and decisions', async () => {
    const record = recordAt(digest, '河西县城关镇', 2);
    const { value } = await mammoth.extractRawText({ path: join(work, 'fb', `${record.point}-采纳情况反馈.docx`) });
    expect(value).toContain('意见采纳情况的反馈');
    expect(value).toContain(d1.text);
    expect(value).toContain('已在第十九条中增加物业服务人的劝阻义务');
    const mine = digest.records.filter((r) => r.point === record.point);
    expect(value).toContain(`报送意见 ${mine.length} 条`);
  });

  it('stops with exit 3 and the cell named when a decision cannot be read, --strict or not; 部份采纳 is read', async () => {
    const filled = join(work, '有错.xlsx');
    fillDecisionSheet(join(out, '采纳情况登记表.xlsx'), filled, (_id, index) => [index === 4 ? '大概吧' : index === 5 ? '部份采纳' : '采纳', '']);
    // A letter must not say 待研究 beside a drafter's reason: no letters at all, without --strict too.
    const loose = await yijian(['feedback', '--digest', out, '--decisions', filled, '-o', join(work, 'fb-loose')]);
    expect(loose.status).toBe(3);
    const cell = /有错\.xlsx 工作表“采纳情况” (H\d+)/.exec(loose.stderr)?.[1];
    expect(cell, loose.stderr).toBeDefined();
    expect(loose.stderr).not.toContain('部份采纳');
    const sheet = XLSX.read(readFileSync(filled), { type: 'buffer' }).Sheets['采纳情况'];
    expect(sheet?.[cell as string]?.v).toBe('大概吧');
    expect(existsSync(join(work, 'fb-loose'))).toBe(false);
  });

  it('refuses a digest.json that is not one (E_BAD_DIGEST, exit 1) and an existing output without --force', async () => {
    const bad = await yijian(['feedback', '--digest', join(work, '已填写.xlsx'), '--decisions', join(work, '已填写.xlsx'), '-o', join(work, 'x')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('digest.json');
    const again = await yijian(['feedback', '--digest', out, '--decisions', join(work, '已填写.xlsx'), '-o', join(work, 'fb')]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('--force');
  });
});

describe('yijian digest --decisions (carry-forward) when late submissions arrive', () => {
  it('keeps decisions of unchanged clusters and flags a changed one for review', async () => {
    const { copyFileSync, mkdirSync, writeFileSync } = await import('node:fs');
    const work = mkdtempSync(join(tmpdir(), 'yijian-carry-'));
    const input = join(work, 'in');
    mkdirSync(input);
    for (const name of readdirSync(submissions)) copyFileSync(join(submissions, name), join(input, name));
    expect((await yijian(['digest', input, '--draft', draft, '-o', join(work, 'old'), '--formats', 'xlsx'])).status).toBe(0);
    const old = readDigestJson(join(work, 'old'));
    fillDecisionSheet(join(work, 'old', '采纳情况登记表.xlsx'), join(work, 'filled.xlsx'), (id) => ['已采纳', `原理由 ${id}`]);

    // A late file: one opinion joining the 第十二条之一 cluster of 临时号牌, one on an article nobody wrote about.
    const target = old.clusters.find((c) => c.article === '12-1' && c.opinions.length >= 2);
    expect(target).toBeDefined();
    writeFileSync(join(input, '城东区-东湖街道立法联系点-2024年5月补报.csv'),
      '序号,联系点,县（市、区）,提出人,条款,意见建议\n' +
      '1,东湖街道基层立法联系点,城东区,补报甲,第十二条之一,临时号牌有效期到2026年底太短，很多老人买的超标车还能用，建议延长两年并允许网上办理延期。\n' +
      '2,东湖街道基层立法联系点,城东区,补报乙,第四十四条,建议附则中明确本条例自公布之日起六个月后施行，给群众留出换车时间。\n');
    const run = await yijian(['digest', input, '--draft', draft, '-o', join(work, 'new'), '--formats', 'xlsx', '--decisions', join(work, 'filled.xlsx')]);
    expect(run.status, run.stderr).toBe(0);
    const fresh = readDigestJson(join(work, 'new'));
    const sheet = XLSX.read(readFileSync(join(work, 'new', '采纳情况登记表.xlsx')), { type: 'buffer' }).Sheets['采纳情况登记表'];
    const rows = XLSX.utils.sheet_to_json<Record<string, string>>(sheet as XLSX.WorkSheet, { defval: '' });
    const oldIds = new Set(old.clusters.map((c) => c.id));
    let unchanged = 0;
    for (const cluster of fresh.clusters) {
      const row = rows.find((r) => r['编号'] === cluster.id);
      expect(row, cluster.id).toBeDefined();
      if (oldIds.has(cluster.id)) {
        unchanged += 1;
        expect([row?.['采纳情况'], row?.['理由说明'], row?.['状态']]).toEqual(['采纳', `原理由 ${cluster.id}`, '']);
      }
    }
    expect(unchanged).toBe(old.clusters.length - 1);
    // The late opinion joins it (as a new distinct opinion or as a duplicate that becomes canonical): membership changes.
    const changed = fresh.clusters.find((c) => c.id !== target?.id && c.opinions.some((o) => target?.opinions.includes(o)));
    expect(changed).toBeDefined();
    const row = rows.find((r) => r['编号'] === changed?.id);
    expect(row?.['状态']).toBe(`需复核：成员有变化（原编号 ${target?.id}）`);
    expect(row?.['采纳情况']).toBe('采纳');
    const added = fresh.clusters.find((c) => c.article === '44');
    expect(rows.find((r) => r['编号'] === added?.id)?.['状态']).toBe('新增');
  });
});
