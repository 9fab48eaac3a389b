/**
 * `yijian compare` end to end on a generated second round of 上海市养犬管理条例: one CLI run writes the
 * three formats and the JSON mapping; the files are then read as the drafting office would read them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, readWorkbook, rowValues, runYijian, sheetNamed, type CliRun } from '../cli/run-cli.js';
import { LAWS } from '../support/paths.js';
import { parseDraft } from '../../src/text/draft.js';
import { generateRound, type GeneratedRound } from './rounds.js';

const OLD = join(LAWS, '上海市养犬管理条例.md');
let dir: string;
let run: CliRun;
let round: GeneratedRound;
let json: { mapping: Record<string, { new: string[]; kind: string; similarity: number }>; added: string[]; files: string[] };

beforeAll(async () => {
  dir = makeTempDir('yijian-compare-');
  round = generateRound(parseDraft(readFileSync(OLD, 'utf8'), '上海市养犬管理条例.md'), 3);
  writeFileSync(join(dir, '上海市养犬管理条例（修改稿）.md'), round.text);
  run = await runYijian(['compare', OLD, '上海市养犬管理条例（修改稿）.md', '-o', '对照表', '--json'], dir);
  json = JSON.parse(run.stdout) as typeof json;
});

describe('yijian compare OLD NEW -o 对照表 --json', () => {
  it('exits 0 and writes the Word, Excel and Markdown tables', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(json.files.map((f) => f.replace(/^.*[\\/]/, ''))).toEqual(['对照表.docx', '对照表.xlsx', '对照表.md']);
  });

  it('prints every old key with its true new keys and a similarity', () => {
    for (const [key, keys] of Object.entries(round.truth)) {
      expect(json.mapping[key]?.new, key).toEqual(keys);
      const similarity = json.mapping[key]!.similarity;
      expect(similarity).toBeGreaterThanOrEqual(0);
      expect(similarity).toBeLessThanOrEqual(1);
    }
    for (const key of round.operations.deleted) expect(json.mapping[key]).toMatchObject({ new: [], kind: 'deleted', similarity: 0 });
    expect(json.added).toHaveLength(round.operations.added);
  });

  it('marks inserted words bold and underlined and deleted words struck through in Word, two columns', () => {
    const xml = new PizZip(readFileSync(join(dir, '对照表.docx'))).file('word/document.xml')!.asText();
    expect(xml).toContain('原条文');
    expect(xml).toContain('修改后条文');
    expect(xml).not.toMatch(/\{[#/@]?rows\}|\{@?\w+Xml\}/);
    // One table, two columns; the header row repeats on every page.
    expect(xml.match(/<w:gridCol /g)).toHaveLength(2);
    expect(xml).toContain('<w:tblHeader/>');
    const inserted = [...xml.matchAll(/<w:r><w:rPr><w:b\/><w:bCs\/><w:u w:val="single"\/><\/w:rPr><w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1]);
    const deleted = [...xml.matchAll(/<w:r><w:rPr><w:b\/><w:bCs\/><w:strike\/><\/w:rPr><w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1]);
    // Every added provision appears whole as inserted text; every deleted article's text as struck text.
    const newDraft = parseDraft(round.text, '修改稿.md');
    for (const key of json.added) expect(inserted).toContain(newDraft.articles.find((a) => a.key === key)!.text);
    expect(deleted.length).toBeGreaterThan(0);
    expect(xml).toContain('（删除）');
    expect(xml).toMatch(/（原第[一二三四五六七八九十]+条拆分为第/);
  });

  it('lists every change in Excel, with the marked words in columns of their own', () => {
    const sheet = sheetNamed(readWorkbook(join(dir, '对照表.xlsx')), '修改前后对照表');
    expect(rowValues(sheet, 0, 10)).toEqual(['序号', '修改情况', '原条号', '原条文', '修改后条号', '修改后条文', '相似度', '删去的文字', '增加的文字', '说明']);
    const rows: (string | number | boolean)[][] = [];
    // Heading rows (第三章 …) have no 序号; every row has its 修改情况.
    for (let r = 1; rowValues(sheet, r, 10)[1] !== ''; r++) rows.push(rowValues(sheet, r, 10));
    expect(rows.filter((r) => r[0] === '').every((r) => r[9] === '标题' && /^第.+[编章节]　/.test(String(r[5] || r[3])))).toBe(true);
    const newArticles = rows.flatMap((r) => String(r[4]).split('、').filter((l) => l !== ''));
    expect(new Set(newArticles).size).toBe(newArticles.length);
    expect(rows.filter((r) => r[1] === '删除' && r[0] !== '')).toHaveLength(round.operations.deleted.length);
    expect(rows.filter((r) => r[1] === '新增').every((r) => r[2] === '' && r[8] === String(r[5]).replace(/^第[^　]+条　/, ''))).toBe(true);
  });

  it('writes Markdown with ** for inserted and ~~ for deleted words', () => {
    const md = readFileSync(join(dir, '对照表.md'), 'utf8');
    expect(md).toMatch(/^# 上海市养犬管理条例（修改稿）修改前后对照表/);
    expect(md).toContain('| 序号 | 原条文 | 修改后条文 | 修改情况 |');
    expect(md).toMatch(/\*\*[^*]+\*\*/);
    expect(md).toMatch(/~~[^~]+~~/);
  });
});
