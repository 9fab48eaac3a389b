/**
 * Corrections that stick, end to end: digest the fixtures, a drafter fills 更正条款 and 移入类编号 in the
 * 登记表, feedback shows the corrected articles; late submissions arrive and digest --decisions keeps them.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Digest, DigestRecord } from '../../src/model.js';
import { draft, type Filled, fillDecisionSheet, readDigestJson, submissions, yijian } from './cli.js';

type Run = Awaited<ReturnType<typeof yijian>>;
// Clusters that join only near-identical opinions: these tests follow corrections and moves, and the default
// threshold would also join the corrected opinions with other paraphrases on their new article.
const CLUSTERS = ['--cluster', '0.5'];
interface Problem { code: string; message: string; cell: { sheet: string; address: string } | null }

/** The record of one source row; `sheet` where the file has several. */
function recordAt(digest: Digest, fileStart: string, row: number, sheet?: string): DigestRecord {
  const found = digest.records.filter((r) => r.source.file.startsWith(fileStart) && r.source.row === row && (sheet === undefined || r.source.sheet === sheet));
  expect(found, `${fileStart} row ${row}`).toHaveLength(1);
  return found[0] as DigestRecord;
}

/** The line of a point's Markdown letter for one record: the point finds it by its own 序号 and 提出人. */
function letterLine(dir: string, record: DigestRecord): string {
  const md = readFileSync(join(dir, `${record.point}-采纳情况反馈.md`), 'utf8');
  const line = md.split('\n').find((l) => l.startsWith(`| ${record.seq ?? ''} | ${record.submitter ?? ''} |`));
  expect(line, `${record.source.file} row ${record.source.row}`).toBeDefined();
  return line as string;
}

/** A sheet of a workbook as objects keyed by header. */
function sheetRows(path: string, sheet: string, headerRow = 0): Record<string, string>[] {
  const book = XLSX.read(readFileSync(path), { type: 'buffer' });
  const found = book.Sheets[sheet];
  expect(found, sheet).toBeDefined();
  return XLSX.utils.sheet_to_json<Record<string, string>>(found as XLSX.WorkSheet, { defval: '', range: headerRow });
}

/** The text of one cell of the filled workbook, to check a message names the cell that holds the value. */
function cellValue(path: string, sheet: string, address: string): unknown {
  return XLSX.read(readFileSync(path), { type: 'buffer' }).Sheets[sheet]?.[address]?.v;
}

const REASON_18 = '已在第十八条增加充电设施定期抽检的规定';
const LATE = '城东区-东城社区立法联系点-2024年5月补报.csv';

describe('corrections in the 登记表 reach feedback and stick in a rerun', () => {
  let work: string;
  let old: Digest;
  let filled: string;
  let feedback: Run;
  let rerun: Run;
  let fresh: Digest;
  let again: Run;
  // 东湖 row 9: 飞线充电 … 加大处罚力度 — no citation, assigned to 第十九条 by similarity; the drafter corrects it to 第三十七条.
  let flying: DigestRecord;
  // 华侨 row 3 (traditional characters) and its duplicate 城关 row 4: the cluster is corrected to 第十八条.
  let stairs: DigestRecord;
  let stairsCopy: DigestRecord;
  // 华侨 row 5 (灭火器 beside the charging point, cites 第十九条): moved into the 第十八条 cluster of 滨江 row 13.
  let moved: DigestRecord;
  let target: DigestRecord;
  // Bad corrections: 桃源 row 4 to an article the draft lacks, the 头盔 cluster to nonsense, 科技园 row 6 to an unknown cluster.
  let missing: DigestRecord;
  let helmet: DigestRecord;
  let lost: DigestRecord;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'yijian-corrections-'));
    const input = join(work, 'in');
    mkdirSync(input);
    for (const name of readdirSync(submissions)) copyFileSync(join(submissions, name), join(input, name));
    const first = await yijian(['digest', input, '--draft', draft, '-o', join(work, 'old'), '--formats', 'xlsx', ...CLUSTERS]);
    expect(first.status, first.stderr).toBe(0);
    old = readDigestJson(join(work, 'old'));
    flying = recordAt(old, '城东区-东湖街道', 9);
    stairs = recordAt(old, '河西县-华侨新村', 3);
    stairsCopy = recordAt(old, '河西县城关镇', 4);
    moved = recordAt(old, '河西县-华侨新村', 5);
    target = recordAt(old, '城东区-滨江社区', 13);
    missing = old.records.find((r) => r.opinion.startsWith('第三十八条超速罚五十元')) as DigestRecord;
    helmet = recordAt(old, '河西县城关镇', 3);
    lost = recordAt(old, '城东区-科技园企业', 6);
    filled = join(work, '已填写.xlsx');
    const clusterRows: Record<string, Filled> = {
      [stairs.cluster]: ['部分采纳', '集中充电设施建设已写入第十八条', '第十八条'],
      [target.cluster]: ['采纳', REASON_18],
      [helmet.cluster]: ['作为参考', '', '看着办'],
    };
    fillDecisionSheet(join(work, 'old', '采纳情况登记表.xlsx'), filled, (id) => clusterRows[id] ?? ['', ''], {
      [flying.id]: ['', '', '第37条'],
      [moved.id]: ['', '', '', target.cluster],
      [missing.id]: ['', '', '第九十九条'],
      [lost.id]: ['', '', '', '99-不存在'],
    });
    feedback = await yijian(['feedback', '--digest', join(work, 'old'), '--decisions', filled, '-o', join(work, 'fb'), '--formats', 'md,xlsx', '--json']);

    // Late submissions: a new point sends 东湖 row 9's opinion word for word (its file sorts first, so it becomes the canonical copy).
    writeFileSync(join(input, LATE),
      '序号,联系点,县（市、区）,提出人,条款,意见建议\n' +
      `1,东城社区基层立法联系点,城东区,补报甲,,${flying.opinion}\n` +
      '2,东城社区基层立法联系点,城东区,补报乙,第四十四条,建议附则中明确本条例自公布之日起六个月后施行，给群众留出换车时间。\n');
    rerun = await yijian(['digest', input, '--draft', draft, '-o', join(work, 'new'), '--formats', 'xlsx', '--decisions', filled, ...CLUSTERS]);
    fresh = readDigestJson(join(work, 'new'));
    again = await yijian(['feedback', '--digest', join(work, 'new'), '--decisions', join(work, 'new', '采纳情况登记表.xlsx'), '-o', join(work, 'fb2'), '--formats', 'md', '--json']);
  });

  it('offers the correction columns on both sheets of the 登记表', async () => {
    expect(Object.keys(sheetRows(join(work, 'old', '采纳情况登记表.xlsx'), '采纳情况登记表')[0] ?? {})).toContain('更正条款');
    expect(Object.keys(sheetRows(join(work, 'old', '采纳情况登记表.xlsx'), '单条意见')[0] ?? {})).toEqual(expect.arrayContaining(['更正条款', '移入类编号']));
    expect(flying.articles.map((a) => [a.key, a.source])).toEqual([['19', 'similarity']]);
  });

  it('shows a corrected opinion\'s article in the point\'s feedback letter and feedback.json', async () => {
    expect(feedback.status, feedback.stderr).toBe(0);
    expect(letterLine(join(work, 'fb'), flying)).toContain('| 第三十七条（经核对归入本条） |');
    const json = JSON.parse(readFileSync(join(work, 'fb', 'feedback.json'), 'utf8')) as { records: { id: string; articleLabel: string }[] };
    expect(json.records.find((r) => r.id === flying.id)?.articleLabel).toBe('第三十七条');
    expect(feedback.stderr).toContain('登记表中的更正：');
  });

  it('gives a cluster\'s corrected article to each of its opinions and their duplicates, with the cluster\'s decision', async () => {
    for (const record of [stairs, stairsCopy]) {
      const line = letterLine(join(work, 'fb'), record);
      expect(line).toContain('| 第十八条（经核对归入本条） |');
      expect(line).toContain('| 部分采纳 | 集中充电设施建设已写入第十八条 |');
    }
  });

  it('moves an opinion into another cluster: it takes that cluster\'s article and decision', async () => {
    expect(moved.articles[0]?.key).toBe('19');
    expect(target.articles[0]?.key).toBe('18');
    const line = letterLine(join(work, 'fb'), moved);
    expect(line).toContain('| 第十八条（经核对归入本条） |');
    expect(line).toContain(`| 采纳 | ${REASON_18} |`);
    expect(JSON.parse(readFileSync(join(work, 'fb', 'feedback.json'), 'utf8')).records.find((r: { id: string }) => r.id === moved.id)?.cluster).toBe(target.cluster);
  });

  it('reports each correction it cannot apply with its cell, and applies the rest', async () => {
    const problems = (JSON.parse(feedback.stdout) as { problems: Problem[] }).problems;
    expect(problems.map((p) => p.code).sort()).toEqual(['W_ARTICLE_NOT_IN_DRAFT', 'W_UNKNOWN_ARTICLE', 'W_UNKNOWN_CLUSTER']);
    const written: Record<string, string> = { 'W_ARTICLE_NOT_IN_DRAFT': '第九十九条', 'W_UNKNOWN_ARTICLE': '看着办', 'W_UNKNOWN_CLUSTER': '99-不存在' };
    for (const problem of problems) {
      const cell = problem.cell as { sheet: string; address: string };
      const row = cell.address.replace(/^[A-Z]+/, '');
      const column = problem.code === 'W_UNKNOWN_CLUSTER' ? '移入类编号' : '更正条款';
      expect(problem.message).toContain(`文件 已填写.xlsx 工作表“${cell.sheet}” ${cell.address}（第 ${row} 行“${column}”列）`);
      expect(cellValue(filled, cell.sheet, cell.address)).toBe(written[problem.code]);
      expect(feedback.stderr).toContain(problem.message);
    }
    expect(problems.find((p) => p.code === 'W_UNKNOWN_ARTICLE')?.cell?.sheet).toBe('采纳情况');
    expect(letterLine(join(work, 'fb'), missing)).toContain('| 第三十八条 |');
    expect(letterLine(join(work, 'fb'), helmet)).toContain('| 作为参考 |');
  });

  it('keeps the corrected articles in the rerun, marked corrected, for the late copy too', async () => {
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(rerun.stderr).toContain('沿用上次登记表中的更正');
    const late = recordAt(fresh, LATE.slice(0, 8), 2);
    for (const record of [recordAt(fresh, '城东区-东湖街道', 9), late]) {
      expect(record.articles.map((a) => [a.key, a.source, a.cited])).toEqual([['37', 'corrected', '第37条']]);
    }
    // The late file sorts first: its copy is now the canonical record, and the cluster is on 第三十七条.
    expect(late.canonical).toBe(true);
    expect(fresh.clusters.find((c) => c.id === late.cluster)?.article).toBe('37');
    for (const [file, row] of [['河西县-华侨新村', 3], ['河西县城关镇', 4]] as const) {
      expect(recordAt(fresh, file, row).articles.map((a) => [a.key, a.source])).toEqual([['18', 'corrected']]);
    }
  });

  it('carries the move into the rerun: the opinion stays in the cluster it was moved to', async () => {
    const now = recordAt(fresh, '河西县-华侨新村', 5);
    const there = recordAt(fresh, '城东区-滨江社区', 13);
    expect(now.cluster).toBe(there.cluster);
    expect(now.articles.map((a) => [a.key, a.source])).toEqual([['18', 'corrected']]);
    // The cluster it left had no other opinion: it is gone, and nothing is flagged for review because of the move.
    expect(fresh.clusters.some((c) => c.id === moved.cluster)).toBe(false);
    const row = sheetRows(join(work, 'new', '采纳情况登记表.xlsx'), '采纳情况登记表').find((r) => r['编号'] === there.cluster);
    expect([row?.['采纳情况'], row?.['理由说明'], row?.['状态']]).toEqual(['采纳', REASON_18, '']);
    expect(rerun.stderr).not.toContain(`原编号 ${moved.cluster}`);
  });

  it('does not ask to review a cluster whose id changed only because its article was corrected', async () => {
    const rows = sheetRows(join(work, 'new', '采纳情况登记表.xlsx'), '采纳情况登记表');
    const stairsNow = recordAt(fresh, '河西县-华侨新村', 3);
    // The corrected cluster now has an id on 第十八条, with the same opinions: its decision is kept as it was.
    expect(stairsNow.cluster).not.toBe(stairs.cluster);
    expect(rows.find((r) => r['编号'] === stairsNow.cluster)).toMatchObject({ 采纳情况: '部分采纳', 状态: '' });
    const flagged = rows.filter((r) => r['状态'] !== '').map((r) => [r['条款'], r['状态']]);
    // The late copy became the canonical record of 东湖 row 9's opinion: a change to review, under the old id, not a new cluster.
    expect(flagged).toEqual([['第三十七条', `需复核：成员有变化（原编号 ${flying.cluster}）`], ['第四十四条', '新增']]);
  });

  it('pre-fills the corrections and the move on the new 登记表, so they stick in the next round', async () => {
    const late = recordAt(fresh, LATE.slice(0, 8), 2);
    const opinions = sheetRows(join(work, 'new', '采纳情况登记表.xlsx'), '单条意见');
    expect(opinions.find((r) => r['意见编号'] === late.id)?.['更正条款']).toBe('第37条');
    expect(opinions.find((r) => r['意见编号'] === late.id)?.['条款']).toContain('第三十七条');
    const now = recordAt(fresh, '河西县-华侨新村', 5);
    expect(opinions.find((r) => r['意见编号'] === now.id)?.['移入类编号']).toBe(recordAt(fresh, '城东区-滨江社区', 13).cluster);
    const clusters = sheetRows(join(work, 'new', '采纳情况登记表.xlsx'), '采纳情况登记表');
    expect(clusters.find((r) => r['编号'] === recordAt(fresh, '河西县-华侨新村', 3).cluster)?.['更正条款']).toBe('第十八条');
    // What could not be applied is kept as typed and reported again, naming the old sheet's cell.
    expect(rerun.stderr).toMatch(/已填写\.xlsx 工作表“单条意见” H(\d+)（第 \1 行“更正条款”列）：意见 \S+ 的更正条款“第九十九条”/);
  });

  it('gives the same letters from the rerun and its pre-filled 登记表 (the corrections stuck)', async () => {
    expect(again.status, again.stderr).toBe(0);
    const dir = join(work, 'fb2');
    expect(letterLine(dir, recordAt(fresh, '城东区-东湖街道', 9))).toContain('| 第三十七条（经核对归入本条） |');
    expect(letterLine(dir, recordAt(fresh, LATE.slice(0, 8), 2))).toContain('| 第三十七条（经核对归入本条） |');
    expect(letterLine(dir, recordAt(fresh, '河西县-华侨新村', 5))).toContain(`| 第十八条（经核对归入本条） |`);
    expect(letterLine(dir, recordAt(fresh, '河西县-华侨新村', 5))).toContain(`| 采纳 | ${REASON_18} |`);
    expect(existsSync(join(dir, '东城社区基层立法联系点-采纳情况反馈.md'))).toBe(true);
  });
});
