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
import { extname, join } from 'node:path';
import PizZip from 'pizzip';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { DRAFT_TXT, REPO_ROOT, runYijian, type CliRun } from '../cli/run-cli.js';
import { fillDecisionSheet } from '../decisions/cli.js';

const PII = join(REPO_ROOT, 'fixtures/pii');

interface Secret {
  text: string;
  kind: string;
  where: string;
  digits?: string;
  local?: string;
}
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

// ---- The independent scanner ----

const fold = (text: string): string =>
  text
    .replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[xｘＸ]/gu, 'X')
    .replace(/＠/gu, '@');
/** Every digit of a text, in order, as a reader piecing a number together would read them. */
const digitStream = (text: string): string => fold(text).replace(/[^0-9X]/gu, '');
/** Digit groups joined across the separators people type (138 0013 8000, 138—0013—8000, (021) 1234). */
function joinGroups(text: string): string {
  let joined = fold(text);
  for (let previous = ''; previous !== joined;) {
    previous = joined;
    joined = joined.replace(/(\d)[\s\u3000.．\-－–—()（）·]{1,4}(?=\d)/gu, '$1');
  }
  return joined;
}
const GENERIC: readonly [string, RegExp][] = [
  ['mobile', /1[3-9]\d{9}/u],
  ['ID card', /^[1-8]\d{16}[\dX]$|^[1-8]\d{14}$/u],
  ['landline', /^0\d{9,11}$/u],
];

/** What a reader could find in `unit`: seeded values, number shapes, unmasked e-mail addresses. */
function hits(unit: string): string[] {
  const found: string[] = [];
  const stream = digitStream(unit);
  for (const s of manifest.secrets) {
    if (s.digits !== undefined && stream.includes(s.digits)) found.push(`${s.kind} ${s.text} (${s.where})`);
    if (s.local !== undefined && fold(unit).includes(fold(s.local))) found.push(`${s.kind} ${s.text} (${s.where})`);
  }
  // Digit runs not glued to Latin letters (record ids are hex), after joining separated groups.
  for (const run of joinGroups(unit).matchAll(/(?<![A-Za-z0-9])\d+X?(?![A-Za-z0-9])/gu)) {
    for (const [kind, pattern] of GENERIC) if (pattern.test(run[0])) found.push(`${kind}-shaped ${run[0]}`);
  }
  for (const m of fold(unit).matchAll(/(?:电话|手机|座机|联系电话|QQ|qq)[：:\s]*\d{5,}/gu)) found.push(`labelled number ${m[0]}`);
  for (const m of fold(unit).matchAll(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:[.．][\p{L}\p{N}-]+)*[.．]\p{L}{2,}/gu)) found.push(`e-mail ${m[0]}`);
  return found;
}

const decodeEntities = (text: string): string =>
  text
    .replace(/&#x([0-9a-f]+);/giu, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/gu, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/gu, '"').replace(/&apos;/gu, "'").replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&amp;/gu, '&');

/** The texts of markup: each text node, each attribute value, and each Word paragraph / Excel string whole (runs split numbers). */
function markupUnits(xml: string): string[] {
  const units: string[] = [];
  for (const m of xml.matchAll(/>([^<]+)</gu)) units.push(decodeEntities(m[1] ?? ''));
  for (const m of xml.matchAll(/="([^"]*)"/gu)) units.push(decodeEntities(m[1] ?? ''));
  for (const m of xml.matchAll(/<(w:p|si|is|a:p)[ >][\s\S]*?<\/\1>/gu)) {
    units.push(decodeEntities([...m[0].matchAll(/<(?:w:t|t|a:t)(?: [^>]*)?>([^<]*)</gu)].map((t) => t[1]).join('')));
  }
  return units;
}

/** Every text of a written file, unzipped where needed. */
function unitsOf(path: string): string[] {
  const bytes = readFileSync(path);
  const ext = extname(path);
  if (ext === '.docx' || ext === '.xlsx') {
    const zip = new PizZip(bytes);
    return Object.values(zip.files).filter((f) => !f.dir).flatMap((f) => [f.name, ...markupUnits(f.asText())]);
  }
  const text = bytes.toString('utf8');
  if (ext === '.html') return markupUnits(text);
  return text.split('\n');
}

/** Hits per file of a folder (file names included), empty when nothing readable is left. */
function scanFolder(dir: string, only: (name: string) => boolean = () => true): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const name of readdirSync(dir).filter(only)) {
    const found = [...new Set([...hits(name), ...unitsOf(join(dir, name)).flatMap(hits)])];
    if (found.length > 0) result[name] = found;
  }
  return result;
}

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
