/**
 * The personal-data scan: digest, merge, feedback and stats run through the real CLI on fixtures/pii
 * (phone, ID-card and e-mail in every format, in opinions, 理由, 联系方式, 联系点, 提出人, a file name and a
 * sheet name), then every file written — unzipped for .docx/.xlsx — is scanned by a pattern list of its
 * own, written apart from src/text/pii.ts: the fixture's seeded values as digit strings, and generic
 * number and e-mail shapes. Documents meant to be read or sent: zero hits. digest.json and the merged
 * workbook are staff's working files and keep full data by design.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { DRAFT_TXT, REPO_ROOT, runYijian, type CliRun } from '../cli/run-cli.js';
import { fillDecisionSheet } from '../decisions/cli.js';
import { hits as hitsOf, scanFolder as scanFolderOf, unitsOf, type Secret } from './pii-scanner.js';

const PII = join(REPO_ROOT, 'fixtures/pii');

const manifest = JSON.parse(readFileSync(join(PII, 'secrets.json'), 'utf8')) as {
  files: string[];
  point: string;
  sheet: string;
  ordinary: string[];
  secrets: Secret[];
};

/** What the fixture files hold (the decision-sheet reasons below are added by the test). */
const FIXTURE_SECRETS = [...manifest.secrets];
/** Drafters' reasons mention people too: the letters must not pass them on. */
const REASON_PHONE = '已与提出人电话 136 0013 6000 沟通';
const REASON_EMAIL = '已转交，经办人邮箱 jingban.li＠example.com';
manifest.secrets.push({ text: '136 0013 6000', kind: 'mobile', where: '理由说明 (decision sheet)', digits: '13600136000' });
manifest.secrets.push({ text: 'jingban.li＠example.com', kind: 'email', where: '理由说明 (decision sheet)', local: 'jingban.li' });

const hits = (unit: string): string[] => hitsOf(unit, manifest.secrets);
const scanFolder = (dir: string, only?: (name: string) => boolean): Record<string, string[]> => scanFolderOf(dir, manifest.secrets, only);

// ---- The runs ----

describe('personal data in what the CLI writes (fixtures/pii)', () => {
  let work: string;
  const runs: Record<string, CliRun> = {};

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'yijian-pii-'));
    runs['digest'] = await runYijian(['digest', PII, '--draft', DRAFT_TXT, '-o', join(work, 'digest')]);
    runs['merge'] = await runYijian(['merge', PII, '-o', join(work, '合并.xlsx')]);
    fillDecisionSheet(join(work, 'digest', '采纳情况登记表.xlsx'), join(work, '已填写.xlsx'), (_id, index) =>
      [['采纳', '部分采纳', '未采纳', '作为参考', ''][index % 5] ?? '', index % 2 === 0 ? REASON_PHONE : REASON_EMAIL]);
    runs['feedback'] = await runYijian(['feedback', '--digest', join(work, 'digest'), '--decisions', join(work, '已填写.xlsx'), '-o', join(work, 'feedback')]);
    runs['stats'] = await runYijian(['stats', join(work, 'feedback'), join(work, 'digest'), '-o', join(work, 'stats')]);
    runs['show-contact'] = await runYijian(['digest', PII, '--draft', DRAFT_TXT, '-o', join(work, 'show'), '--formats', 'xlsx', '--show-contact']);
  });

  it('every run succeeds', () => {
    for (const [name, run] of Object.entries(runs)) expect(run.status, `${name}: ${run.stderr}`).toBe(0);
  });

  it('the scanner itself finds the fixture\'s personal data (so zero hits below means something)', () => {
    const input = manifest.files.flatMap((f) => unitsOf(join(PII, f)));
    const missed = FIXTURE_SECRETS.filter((s) => !manifest.files.includes(s.text) && !input.some((u) => hits(u).some((h) => h.includes(s.text))));
    expect(missed.map((s) => s.text)).toEqual([]);
    expect(FIXTURE_SECRETS.length).toBeGreaterThanOrEqual(50);
    expect(hits(REASON_PHONE).length + hits(REASON_EMAIL).length).toBeGreaterThanOrEqual(2);
  });

  const DIGEST_DOCUMENTS = ['汇总报告.md', '汇总报告.html', '汇总报告.docx', '条文意见对照表.docx', '条文意见对照表.xlsx', '采纳情况登记表.xlsx'];
  it.each(DIGEST_DOCUMENTS)('digest: %s shows none', (name) => {
    expect(scanFolder(join(work, 'digest'), (n) => n === name)).toEqual({});
  });

  it.each(['.md', '.docx'])('feedback: every letter (%s), its content and its file name, shows none', (ext) => {
    const letters = readdirSync(join(work, 'feedback')).filter((n) => n.endsWith(`-采纳情况反馈${ext}`));
    expect(letters.length).toBe(3);
    expect(scanFolder(join(work, 'feedback'), (n) => letters.includes(n))).toEqual({});
  });

  it('feedback: feedback.json shows none', () => {
    expect(scanFolder(join(work, 'feedback'), (n) => n === 'feedback.json')).toEqual({});
  });

  it.each(['统计.xlsx', '统计.md', '统计.html'])('feedback and stats: %s shows none (联系点 and county columns, sheet and chart labels)', (name) => {
    expect(scanFolder(join(work, 'feedback'), (n) => n === name)).toEqual({});
    expect(scanFolder(join(work, 'stats'), (n) => n === name)).toEqual({});
  });

  it('the point whose name holds a phone number gets a letter under a masked name', () => {
    const names = readdirSync(join(work, 'feedback'));
    expect(names).toContain('东湖联系点（电话138＊＊＊＊0013）-采纳情况反馈.docx');
    expect(runs['feedback']?.stdout).toContain('东湖联系点（电话138****0013）');
    expect(hits(runs['feedback']?.stdout ?? '')).toEqual([]);
    expect(hits(runs['stats']?.stdout ?? '')).toEqual([]);
  });

  it('with --show-contact, only the decision sheet\'s 联系方式 column shows contacts as written', () => {
    const book = XLSX.read(readFileSync(join(work, 'show', '采纳情况登记表.xlsx')), { type: 'buffer' });
    const sheet = book.Sheets[book.SheetNames[0] ?? ''] as XLSX.WorkSheet;
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet, { defval: '' });
    const contacts = rows.map((r) => String(r['联系方式'])).join('\n');
    expect(contacts).toContain('138 0013 8002');
    expect(contacts).toContain('lina.chen＠example.com');
    const others = rows.flatMap((r) => Object.entries(r).filter(([k]) => k !== '联系方式').map(([, v]) => String(v)));
    expect(others.flatMap(hits)).toEqual([]);
    expect(scanFolder(join(work, 'show'), (n) => n === '条文意见对照表.xlsx')).toEqual({});
  });

  it('keeps ordinary numbers as written in the reports', () => {
    const text = readFileSync(join(work, 'digest', '汇总报告.md'), 'utf8') + readdirSync(join(work, 'feedback'))
      .filter((n) => n.endsWith('.md')).map((n) => readFileSync(join(work, 'feedback', n), 'utf8')).join('\n');
    const digestText = unitsOf(join(work, 'digest', '条文意见对照表.docx')).join('\n');
    for (const ordinary of manifest.ordinary) expect(`${text}\n${digestText}`, ordinary).toContain(ordinary);
  });

  it('digest.json and the merged workbook are working files: they keep full data, by design', () => {
    const json = readFileSync(join(work, 'digest', 'digest.json'), 'utf8');
    expect(json).toContain(manifest.point);
    expect(json).toContain('138 0013 8002');
    const merged = unitsOf(join(work, '合并.xlsx')).join('\n');
    expect(merged).toContain('lina.chen＠example.com');
    expect(merged).toContain(manifest.sheet);
  });
});
