/** `yijian inspect` end to end on the fixtures: what a staff member sees before merging, checked against fixtures/EXPECTED.md. */
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ArticleAssignmentSchema,
  FileFailureSchema,
  ProvenanceSchema,
  ReconciliationSchema,
  RejectSchema,
  SheetReportSchema,
  type SheetReport,
} from '../../src/model.js';
import * as XLSX from 'xlsx';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleLabel } from '../../src/article-key.js';
import { BAD, csvSheetName, DRAFT_TXT, FIXTURE, fixturePath, makeTempDir, runYijian as runCli, SUBMISSIONS, type CliRun } from './run-cli.js';

/** The --json document, validated with the shared schemas so a drift in shape fails here. */
const InspectDocumentSchema = z.object({
  reconciliation: ReconciliationSchema,
  sheets: z.array(SheetReportSchema),
  failures: z.array(FileFailureSchema),
  rejects: z.array(RejectSchema),
  draft: z.string().nullable(),
  records: z
    .array(
      z.object({
        id: z.string(),
        source: ProvenanceSchema,
        point: z.string().nullable(),
        article: z.string().nullable(),
        opinion: z.string(),
        articles: z.array(ArticleAssignmentSchema),
      }),
    )
    .optional(),
});
type InspectDocument = z.infer<typeof InspectDocumentSchema>;
type InspectedRecord = NonNullable<InspectDocument['records']>[number];

async function inspectJson(args: readonly string[]): Promise<{ run: CliRun; doc: InspectDocument }> {
  const run = await runCli(['inspect', ...args, '--json']);
  return { run, doc: InspectDocumentSchema.parse(JSON.parse(run.stdout)) };
}

const QIAOLIAN = '河西县-侨联立法联系点-2024年5月.xlsx';

/** Per file and sheet, from fixtures/EXPECTED.md: header rows, data rows, records, rejects, blanks, encoding. */
const EXPECTED_SHEETS: readonly (Pick<SheetReport, 'file' | 'sheet' | 'headerRows' | 'rows' | 'records' | 'rejects' | 'blanks' | 'encoding'>)[] = [
  { file: FIXTURE.donghu, sheet: '意见汇总', headerRows: [2, 3], rows: 21, records: 18, rejects: 1, blanks: 2, encoding: null },
  { file: FIXTURE.binjiang, sheet: 'Sheet1', headerRows: [1], rows: 16, records: 15, rejects: 0, blanks: 1, encoding: null },
  { file: FIXTURE.kejiyuan, sheet: csvSheetName(FIXTURE.kejiyuan), headerRows: [1], rows: 16, records: 14, rejects: 1, blanks: 1, encoding: 'GBK' },
  // The 侨联 workbook: a 填表说明 sheet (3 说明行), then 意見匯總 with a split cell, a 合計 row and a signature line.
  { file: QIAOLIAN, sheet: '填表說明', headerRows: [], rows: 3, records: 0, rejects: 0, blanks: 0, encoding: null },
  { file: QIAOLIAN, sheet: '意見匯總', headerRows: [2, 3], rows: 8, records: 7, rejects: 0, blanks: 0, encoding: null },
  { file: FIXTURE.huaqiao, sheet: csvSheetName(FIXTURE.huaqiao), headerRows: [1], rows: 12, records: 11, rejects: 0, blanks: 1, encoding: 'UTF-8 (BOM)' },
  { file: FIXTURE.taoyuan, sheet: '座谈会', headerRows: [2], rows: 9, records: 8, rejects: 0, blanks: 1, encoding: null },
  { file: FIXTURE.taoyuan, sheet: '入户走访', headerRows: [1], rows: 8, records: 8, rejects: 0, blanks: 0, encoding: null },
  { file: FIXTURE.chengguan, sheet: '汇总', headerRows: [1], rows: 15, records: 12, rejects: 1, blanks: 2, encoding: null },
];

/** The three planted reject rows: file, row, the column the opinion should have been in. */
const EXPECTED_REJECTS = [
  { file: FIXTURE.donghu, row: 13, column: 'F' },
  { file: FIXTURE.kejiyuan, row: 15, column: 'G' },
  { file: FIXTURE.chengguan, row: 11, column: 'E' },
] as const;

/** The human output, one block per sheet, keyed by "file · sheet". */
function sheetBlocks(stdout: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const block of stdout.split('\n\n')) {
    const match = /^■ (.+?) · 工作表“(.+?)”/u.exec(block.trim());
    if (match !== null) blocks.set(`${match[1]} · ${match[2]}`, block);
  }
  return blocks;
}

describe('yijian inspect fixtures/submissions --json', () => {
  let run: CliRun;
  let doc: InspectDocument;

  beforeAll(async () => {
    ({ run, doc } = await inspectJson([SUBMISSIONS]));
  });

  it('exits 0 and reconciles 108 data rows = 92 rows of records (93 records) + 3 rejects + 8 blanks + 5 说明行', async () => {
    expect(run.status).toBe(0);
    expect(doc.reconciliation).toEqual({ files: 7, failedFiles: 0, sheets: 9, rows: 108, records: 93, rejects: 3, blanks: 8, notes: 5, splitParts: 1, balanced: true });
    expect(doc.failures).toEqual([]);
    expect(run.stderr).toContain('核对：读取 7 个文件 9 个工作表，数据行 108 = 意见行 92（拆分后有效意见 93 条） + 问题行 3 + 空行 8 + 说明行 5');
  });

  it('with --json, as merge --json: the sheet notices as words in sheets[].notices, and once on stderr with place and code', async () => {
    const split = doc.sheets.find((sheet) => sheet.file === QIAOLIAN && sheet.sheet === '意見匯總');
    expect(split?.notices).toEqual([expect.stringContaining('已拆为 2 条（第 5 行 2 条）')]);
    const lines = run.stderr.split('\n').filter((line) => line.includes('[W_CELLS_SPLIT]'));
    expect(lines).toEqual([`文件 ${QIAOLIAN} 工作表“意見匯總”：${split?.notices?.[0] ?? ''} [W_CELLS_SPLIT]`]);
  });

  it('reports every sheet with the header rows and counts of fixtures/EXPECTED.md', async () => {
    expect(doc.sheets.map((sheet) => `${sheet.file} · ${sheet.sheet}`)).toEqual(EXPECTED_SHEETS.map((s) => `${s.file} · ${s.sheet}`));
    for (const [index, expected] of EXPECTED_SHEETS.entries()) {
      const sheet = doc.sheets[index];
      expect(sheet, expected.file).toMatchObject(expected);
      expect(sheet?.problems, expected.file).toEqual([]);
    }
  });

  it('finds the opinion column in every sheet and maps the two-row header of 东湖 by its joined labels', async () => {
    // Every table has one opinion column; the 填表说明 sheet is not a table.
    for (const sheet of doc.sheets.filter((s) => s.sheet !== '填表說明')) {
      expect(sheet.columns.filter((column) => column.field === 'opinion'), sheet.file).toHaveLength(1);
    }
    const donghu = doc.sheets.find((sheet) => sheet.file === FIXTURE.donghu);
    expect(donghu?.columns.map((c) => [c.column, c.header, c.field, c.how])).toEqual([
      ['A', '序号', 'seq', 'synonym'],
      ['B', '联系点', 'point', 'synonym'],
      ['C', '提出人', 'submitter', 'synonym'],
      ['D', '身份', 'submitterType', 'synonym'],
      ['E', '意见/涉及条款', 'article', 'synonym'],
      ['F', '意见/意见内容', 'opinion', 'synonym'],
      ['G', '意见/理由依据', 'reason', 'synonym'],
      ['H', '联系方式', 'contact', 'synonym'],
      ['I', '日期', 'date', 'synonym'],
    ]);
  });

  it('lists exactly the three planted reject rows, with file, sheet, row and column', async () => {
    expect(doc.rejects.map((r) => ({ file: r.source.file, row: r.source.row, column: r.column }))).toEqual(EXPECTED_REJECTS);
    for (const reject of doc.rejects) {
      expect(reject.reason).toBe('E_NO_OPINION');
      expect(reject.message).toContain(`第 ${reject.source.row} 行`);
    }
    // The row's other cells are kept, so staff can see who sent an empty opinion.
    expect(doc.rejects[0]?.cells).toEqual({ 提出人: '郑华', 联系方式: '13900138888' });
  });

  it('prints no records without --draft (records belong to the assignment view)', async () => {
    expect(doc.records).toBeUndefined();
    expect(doc.draft).toBeNull();
  });
});

describe('yijian inspect fixtures/submissions (for people)', () => {
  let run: CliRun;
  let blocks: Map<string, string>;

  beforeAll(async () => {
    run = await runCli(['inspect', SUBMISSIONS]);
    blocks = sheetBlocks(run.stdout);
  });

  it('shows the 侨联 sheet\'s 说明行 and its split cell', async () => {
    const block = blocks.get(`${QIAOLIAN} · 意見匯總`) ?? '';
    expect(block).toContain('C  意見/對應條款 → 条款（按表头用词推断）');
    expect(block).toContain('D  意見/意見及理由 → 意见建议（按表头用词推断）');
    expect(block).toContain('第 10 行合计行：合計 共7條');
    expect(block).toContain('第 11 行签名落款行：填表人：陳淑芬');
    expect(block).toContain('已拆为 2 条（第 5 行 2 条）');
    expect(blocks.get(`${QIAOLIAN} · 填表說明`)).toContain('本表是填表说明，3 行记为说明行');
    // Said in that one line, not listed line by line (yijian's own form has 49 of them).
    expect(blocks.get(`${QIAOLIAN} · 填表說明`)).not.toMatch(/^ {2}· 第/mu);
  });

  it('prints one block per sheet with its counts', async () => {
    expect(run.status).toBe(0);
    expect(blocks.get(`${FIXTURE.donghu} · 意见汇总`)).toContain('  表头：第 2、3 行\n');
    expect(blocks.get(`${FIXTURE.binjiang} · Sheet1`)).toContain('  表头：第 1 行\n');
    expect([...blocks.keys()]).toEqual(EXPECTED_SHEETS.map((s) => `${s.file} · ${s.sheet}`));
    for (const s of EXPECTED_SHEETS) {
      const block = blocks.get(`${s.file} · ${s.sheet}`) ?? '';
      expect(block).toContain(s.headerRows.length === 0 ? '表头：未找到' : `表头：第 ${s.headerRows.join('、')} 行`);
      expect(block).toContain(`数据行 ${s.rows}：有效意见 ${s.records}`);
      expect(block).toContain(`问题行 ${s.rejects}，空行 ${s.blanks}`);
    }
  });

  it.each([
    [FIXTURE.donghu, '意见汇总', ['E  意见/涉及条款 → 条款', 'F  意见/意见内容 → 意见建议', 'G  意见/理由依据 → 理由']],
    [FIXTURE.binjiang, 'Sheet1', ['B  联系点名称 → 联系点', 'D  姓名 → 提出人', 'J  联系电话 → 联系方式', 'K  提出时间 → 日期']],
    [FIXTURE.kejiyuan, csvSheetName(FIXTURE.kejiyuan), ['B  报送单位 → 联系点', 'C  区县 → 县（市、区）', 'G  意见及建议 → 意见建议']],
    [FIXTURE.taoyuan, '座谈会', ['C  所属县区 → 县（市、区）', 'E  人员类别 → 身份', 'F  条目 → 条款', 'G  具体意见 → 意见建议']],
    [FIXTURE.taoyuan, '入户走访', ['A  编号 → 序号', 'C  辖区 → 县（市、区）', 'F  条款序号 → 条款', 'G  意见 → 意见建议']],
    [FIXTURE.chengguan, '汇总', ['E  意见 → 意见建议', 'F  修改建议 → 修改建议']],
  ])('names the mapped columns of %s · %s', async (file, sheet, lines) => {
    const block = blocks.get(`${file} · ${sheet}`) ?? '';
    expect(block).toContain('列映射：');
    for (const line of lines) expect(block).toContain(line);
  });

  it('names each reject row inside the block of its own sheet', async () => {
    for (const reject of EXPECTED_REJECTS) {
      const key = [...blocks.keys()].find((k) => k.startsWith(`${reject.file} · `)) ?? '';
      expect(blocks.get(key)).toContain(`✗ 第 ${reject.row} 行“意见建议”为空。（${reject.column} 列）`);
    }
    const rejectLines = run.stdout.split('\n').filter((line) => line.trimStart().startsWith('✗'));
    expect(rejectLines).toHaveLength(3);
  });

  it('says which encoding each CSV was read in (GBK from WPS, UTF-8 with BOM)', async () => {
    expect(run.stdout).toContain(`■ ${FIXTURE.kejiyuan} · 工作表“${csvSheetName(FIXTURE.kejiyuan)}” · 编码 GBK`);
    expect(run.stdout).toContain(`■ ${FIXTURE.huaqiao} · 工作表“${csvSheetName(FIXTURE.huaqiao)}” · 编码 UTF-8 (BOM)`);
    // Workbooks have no text encoding to report.
    expect(run.stdout).not.toMatch(/\.xlsx · 工作表“[^”]+” · 编码/u);
  });

  it('names every sheet as the other messages do (工作表“…”), never 工作表「…」', async () => {
    expect(blocks.size).toBe(EXPECTED_SHEETS.length);
    expect(`${run.stdout}${run.stderr}`).not.toContain('工作表「');
  });

  it('prints each sheet notice once: under its sheet on stdout with its code, not again on stderr', async () => {
    // The 侨联 workbook has two: its 填表说明 sheet, and the split cell of 意見匯總.
    const noticeLines = run.stdout.split('\n').filter((line) => line.trimStart().startsWith('ℹ'));
    expect(noticeLines).toEqual([
      '  ℹ 本表是填表说明，3 行记为说明行，不作意见。 [W_INSTRUCTION_SHEET]',
      expect.stringMatching(/^ {2}ℹ 1 行的意见格内有多条编号意见，已拆为 2 条（第 5 行 2 条）；不想拆分可加 --no-split。 \[W_CELLS_SPLIT\]$/u),
    ]);
    expect(blocks.get(`${QIAOLIAN} · 意見匯總`)).toContain('[W_CELLS_SPLIT]');
    expect(run.stderr).not.toContain('W_INSTRUCTION_SHEET');
    expect(run.stderr).not.toContain('W_CELLS_SPLIT');
    expect(run.stderr).not.toContain('已拆为');
  });

  it('keeps results on stdout and diagnostics on stderr', async () => {
    expect(run.stdout).not.toContain('核对：');
    expect(run.stderr).toContain('3 行未能成为有效意见');
    expect(run.stderr).toContain('核对：读取 7 个文件 9 个工作表');
  });
});

describe('yijian inspect: a sheet problem and an unreadable file, read once', () => {
  it('prints a reader problem under its sheet with its code, and an unreadable file after the sheets, neither again on stderr', async () => {
    const run = await runCli(['inspect', join(BAD, 'mixed-encoding.csv'), join(BAD, 'encrypted.xlsx')]);
    const said = `${run.stdout}\n${run.stderr}`;
    // Each once in all that a person at a terminal reads (stdout and stderr together), with its code.
    expect(said.split('UTF-8 与 GBK 编码的行混杂')).toHaveLength(2);
    expect(run.stdout).toMatch(/^ {2}⚠ 文件 mixed-encoding\.csv：文件中 UTF-8 与 GBK 编码的行混杂.*\[W_MIXED_ENCODING\]$/mu);
    expect(said.split('设有打开密码')).toHaveLength(2);
    expect(run.stdout).toContain('✗ 文件 encrypted.xlsx：文件设有打开密码（已加密），无法读取。 [E_ENCRYPTED]');
    // Still an input problem for --strict, and the reconciliation line stays on stderr.
    expect(run.stderr).toContain('1 个文件无法读取');
    expect((await runCli(['inspect', join(BAD, 'mixed-encoding.csv'), '--strict'])).status).toBe(3);
  });

  it('with --json, both stay on stderr with their codes (the document has them as data)', async () => {
    const run = await runCli(['inspect', join(BAD, 'mixed-encoding.csv'), join(BAD, 'encrypted.xlsx'), '--json']);
    expect(run.stderr).toContain('[W_MIXED_ENCODING]');
    expect(run.stderr).toContain('[E_ENCRYPTED]');
  });
});

describe('yijian inspect --draft: opinions left 未归入', () => {
  it('shows the articles each most resembles under its line, marked as a guess, as the 登记表 will', async () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, '东湖.csv'), [
      '序号,联系点,条款,意见建议',
      '1,东湖街道立法联系点,,停车和充电都不方便，希望政府想想办法。',
      '2,东湖街道立法联系点,第十九条,楼道里充电太危险，要严格禁止。',
    ].join('\n'));
    const json = (await runCli(['inspect', '东湖.csv', '--draft', DRAFT_TXT, '--json'], dir));
    const candidates = (JSON.parse(json.stdout) as InspectDocument).records?.[0]?.articles[0]?.candidates ?? [];
    expect(candidates.length).toBeGreaterThan(0);
    const run = await runCli(['inspect', '东湖.csv', '--draft', DRAFT_TXT], dir);
    const lines = run.stdout.split('\n');
    const at = lines.findIndex((line) => line.includes('第 2 行 → 未归入条文 '));
    expect(at).toBeGreaterThan(0);
    const labels = candidates.map((c) => articleLabel(c.key, null)).join('、');
    expect(lines[at + 1]).toBe(`      可能涉及：${labels}（按内容推测，待人工确认）`);
    // A cited opinion has no such line.
    expect(lines[lines.findIndex((line) => line.includes('第 3 行 → 第十九条')) + 1]).not.toContain('可能涉及');
  });
});

describe('yijian inspect --strict', () => {
  it.each([
    [['--strict'], 3],
    [[], 0],
  ] as const)('inspect fixtures/submissions %j exits %i (the fixtures contain 3 reject rows)', async (flags, code) => {
    const run = await runCli(['inspect', SUBMISSIONS, ...flags]);
    expect(run.status).toBe(code);
    // The report is printed in full either way; --strict only changes the exit code.
    expect(run.stdout).toContain(`■ ${FIXTURE.chengguan}`);
  });

  it('exits 0 under --strict for a file with no problem rows', async () => {
    expect((await runCli(['inspect', fixturePath(FIXTURE.binjiang), '--strict'])).status).toBe(0);
  });
});

describe('yijian inspect --map', () => {
  it('forces 意见建议 onto the 修改建议 column of 城关: only the row with a suggestion stays a record', async () => {
    const { run, doc } = await inspectJson([fixturePath(FIXTURE.chengguan), '--map', '意见建议=F']);
    expect(run.status).toBe(0);
    const sheet = doc.sheets[0];
    expect(sheet?.columns.find((c) => c.column === 'F')).toEqual({ column: 'F', header: '修改建议', field: 'opinion', how: 'forced' });
    // The column that used to hold the opinion is no longer mapped: one column per field.
    expect(sheet?.columns.find((c) => c.column === 'E')).toMatchObject({ header: '意见', field: null });
    expect(sheet).toMatchObject({ rows: 15, records: 1, rejects: 12, blanks: 2 });
    // Row 9 is the one row with a 修改建议 (fixtures/EXPECTED.md); every other data row is now a reject.
    expect(doc.rejects.map((r) => r.source.row)).toEqual([2, 3, 4, 5, 8, 10, 11, 12, 13, 14, 15, 16]);
    expect(doc.rejects.every((r) => r.column === 'F')).toBe(true);
  });

  it('accepts the header text instead of a letter, and shows the forced column to people', async () => {
    const byHeader = (await inspectJson([fixturePath(FIXTURE.chengguan), '--map', 'opinion=修改建议'])).doc;
    expect(byHeader.sheets[0]).toMatchObject({ records: 1, rejects: 12 });
    const run = await runCli(['inspect', fixturePath(FIXTURE.chengguan), '--map', '意见建议=F']);
    expect(run.stdout).toContain('F  修改建议 → 意见建议（指定）');
    expect(run.stdout).toContain('未映射的列：E 列「意见」');
  });

  it.each([
    ['胡说=F', '不认识字段“胡说”'],
    ['abc', '缺少“='],
  ])('a bad --map %s is a usage error (exit 2) with a Chinese message', async (spec, said) => {
    const run = await runCli(['inspect', fixturePath(FIXTURE.chengguan), '--map', spec]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`列映射“${spec}”无效`);
    expect(run.stderr).toContain(said);
    expect(run.stderr).toContain('--map 意见建议=C');
    expect(run.stderr).not.toContain('内部错误');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });
});

describe('yijian inspect --draft (article assignment)', () => {
  let run: CliRun;
  let doc: InspectDocument;
  let human: CliRun;

  beforeAll(async () => {
    ({ run, doc } = await inspectJson([SUBMISSIONS, '--draft', DRAFT_TXT]));
    human = await runCli(['inspect', SUBMISSIONS, '--draft', DRAFT_TXT]);
  });

  function recordAt(file: string, row: number, sheet?: string): InspectedRecord {
    const found = (doc.records ?? []).filter(
      (r) => r.source.file === file && r.source.row === row && (sheet === undefined || r.source.sheet === sheet),
    );
    expect(found, `${file} row ${row}`).toHaveLength(1);
    return found[0] as InspectedRecord;
  }

  it('lists all 93 records, each with at least one assignment, and names the draft', async () => {
    expect(run.status).toBe(0);
    expect(doc.draft).toBe('某市电动自行车管理条例（征求意见稿）');
    expect(doc.records).toHaveLength(93);
    for (const record of doc.records ?? []) expect(record.articles.length, record.id).toBeGreaterThan(0);
  });

  it.each([
    [FIXTURE.donghu, 9, '19'],
    [FIXTURE.chengguan, 3, '25'],
    [FIXTURE.kejiyuan, 6, '30'],
  ])('assigns %s row %i (no citation) to article %s by similarity', async (file, row, key) => {
    const record = recordAt(file, row);
    expect(record.article).toBeNull();
    expect(record.articles).toHaveLength(1);
    const [assignment] = record.articles;
    expect(assignment).toMatchObject({ key, source: 'similarity', cited: null, notInDraft: false });
    expect(assignment?.confidence).toBeGreaterThan(0);
    expect(assignment?.confidence).toBeLessThan(1);
  });

  it('flags 东湖 row 19 (第五十条) as citing an article the draft does not have', async () => {
    expect(recordAt(FIXTURE.donghu, 19).articles).toEqual([
      { key: '50', source: 'column', confidence: 1, cited: '第五十条', notInDraft: true },
    ]);
  });

  it.each([
    [FIXTURE.binjiang, 8, undefined, '28'],
    [FIXTURE.taoyuan, 4, '入户走访', '38'],
  ])('finds citations only in the text: %s row %i → %s', async (file, row, sheet, key) => {
    const record = recordAt(file, row, sheet);
    expect(record.article).toBeNull();
    expect(record.articles).toEqual([expect.objectContaining({ key, source: 'text', confidence: 1, notInDraft: false })]);
  });

  it.each([
    [FIXTURE.donghu, 12, undefined, ['20', '21', '22'], 'column'],
    [FIXTURE.donghu, 24, undefined, ['12', '13'], 'column'],
    [FIXTURE.huaqiao, 2, undefined, ['25'], 'column'],
    [FIXTURE.kejiyuan, 13, undefined, ['general'], 'general'],
    [FIXTURE.chengguan, 8, undefined, ['30.2'], 'column'],
  ])('reads the 条款 column: %s row %i → %j', async (file, row, sheet, keys, source) => {
    const record = recordAt(file, row, sheet);
    expect(record.articles.map((a) => a.key)).toEqual(keys);
    expect(record.articles.every((a) => a.source === source && !a.notInDraft)).toBe(true);
  });

  it('takes the point of 城关 from its file name (the sheet has no 联系点 column)', async () => {
    const chengguan = (doc.records ?? []).filter((r) => r.source.file === FIXTURE.chengguan);
    expect(chengguan).toHaveLength(12);
    expect(new Set(chengguan.map((r) => r.point))).toEqual(new Set(['河西县城关镇立法联系点']));
  });

  it('shows people each assignment, how it was found and the not-in-draft flag', async () => {
    expect(human.status).toBe(0);
    const out = human.stdout;
    expect(out).toContain('■ 条文归属（草案：某市电动自行车管理条例（征求意见稿））');
    expect(out).toMatch(new RegExp(`${FIXTURE.donghu} 第 9 行 → 第十九条（自动归入，请核对，相似度 0\\.\\d\\d(，次选第[一二三四五六七八九十]+条)?）`));
    expect(out).toMatch(new RegExp(`${FIXTURE.chengguan} 第 3 行 → 第二十五条（自动归入，请核对，相似度 0\\.\\d\\d(，次选第[一二三四五六七八九十]+条)?）`));
    expect(out).toMatch(new RegExp(`${FIXTURE.kejiyuan} 第 6 行 → 第三十条（自动归入，请核对，相似度 0\\.\\d\\d(，次选第[一二三四五六七八九十]+条)?）`));
    expect(out).toContain(`${FIXTURE.donghu} 第 19 行 → 第五十条（草案无此条）（条款列）`);
    expect(out).toContain(`${FIXTURE.binjiang} 第 8 行 → 第二十八条（正文引用）`);
    expect(out).toMatch(/合计：.*条款列 \d+/);
  });
});

describe('inspect masks personal data in what it prints', () => {
  it('in a signature line and in an opinion excerpt, as the reports do', async () => {
    const dir = makeTempDir('yijian-inspect-mask-');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([
      ['联系点', '条款', '意见建议'],
      ['东湖街道立法联系点', '第十九条', '我的电话13812345678，楼道充电太危险了。'],
      ['填表人：陈淑芬 13912345678'],
    ]), '意见');
    writeFileSync(join(dir, '东湖.xlsx'), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const run = await runCli(["inspect", "东湖.xlsx", "--draft", DRAFT_TXT], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('签名落款行：填表人：陈淑芬 139****5678');
    expect(run.stdout).toContain('我的电话138****5678');
    expect(run.stdout).not.toMatch(/1[38]\d{9}/u);
  });
});
