import * as XLSX from 'xlsx';
/** `yijian merge` end to end: the merged workbook read back cell by cell, as the county bureau forwards it. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { WorkBook, WorkSheet } from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { MERGED_HEADERS, REJECT_HEADERS } from '../../src/report/merged.js';
import { normalizeIngestOptions, readSubmissions } from '../../src/ingest/index.js';
import type { OpinionRecord } from '../../src/model.js';
import {
  allCells,
  BAD,
  cellAt,
  csvSheetName,
  FIXTURE,
  fixturePath,
  makeTempDir,
  onPath,
  readWorkbook,
  rowValues,
  runYijian as runCli,
  sheetNamed,
  sheetRange,
  SUBMISSIONS,
  type CliRun,
} from './run-cli.js';

/** The records sheet's headers as DESIGN.md names the canonical fields, then provenance. */
const HEADERS = ['序号', '联系点', '县（市、区）', '提出人', '身份', '条款', '意见建议', '修改建议', '理由', '联系方式', '日期', '来源文件', '来源工作表', '来源行号', '格内序号', '原表序号'];
const WIDTH = HEADERS.length;
/** Columns (0-based) of the provenance cells. */
const FILE_COL = 11;
const SHEET_COL = 12;
const ROW_COL = 13;
/** Which opinion of its cell a split record is (2 for 第 5 行第 2 条); empty for a row not split. */
const PART_COL = 14;
/** 序号 runs 1…N over the merged rows; the point's own 序号 moves to 原表序号 (the last column). */
const OWN_SEQ_COL = 15;
/** A sample row (the point's 序号 first, as the point sent it; none is split) as the merged sheet shows it at position `n`. */
const asMerged = (sample: readonly (string | number)[], n: number): (string | number)[] => [n, ...sample.slice(1), '', sample[0] ?? ''];
const OPINION_COL = 6;
/** The invisible guard cell-safety.ts puts before risky text. */
const GUARD = '\u200B';

/** Records picked to cover each fixture's quirks, every cell as the merged sheet must show it. */
const SAMPLE_ROWS: readonly (readonly (string | number)[])[] = [
  // Two-row header, county only in the file name, a reason, a mobile number.
  ['1', '东湖街道基层立法联系点', '城东区', '王建国', '群众', '第十二条', '号牌悬挂在车尾容易被遮挡，建议允许悬挂在车头或者车尾，便于识别。', '', '很多车型车尾没有安装号牌的位置。', '13800135678', '2024-05-06', FIXTURE.donghu, '意见汇总', 4],
  // Real Excel date cells come out as the date the sheet shows.
  ['19', '东湖街道基层立法联系点', '城东区', '宋平', '群众', '第十二、十三条', '号牌变更、补领和转移登记建议都可以在社区便民登记点一次办好。', '', '', '13900134444', '2024-05-13', FIXTURE.donghu, '意见汇总', 24],
  // .xls (BIFF8) with a 修改建议.
  ['2', '滨江社区基层立法联系点', '城东区', '高洁', '群众', '第十二条之一', '临时号牌有效期到2026年底太短，很多老人买的超标车还能用，建议延长一年。', '有效期延长至二〇二七年十二月三十一日。', '', '13811110002', '2024-05-08', FIXTURE.binjiang, 'Sheet1', 3],
  // GBK CSV, one quoted cell over three lines (Excel row 7), line breaks kept.
  ['5', '科技园企业基层立法联系点', '城东区', '李娜', '律师', '第九条', '第九条第（二）项建议修改为：\n“（二）改变电动自行车蓄电池、电动机、限速装置等部件的出厂设置，但经检验合格的维修除外；”\n理由：正常维修更换部件不应被禁止。', '', '', '13822220005', '2024/5/9', FIXTURE.kejiyuan, csvSheetName(FIXTURE.kejiyuan), 7],
  // Full-width digits and punctuation are kept as sent: merge does not normalise.
  ['3', '科技园企业基层立法联系点', '城东区', '某快递公司', '企业', '第２４条', '第２４条限速１５公里太低了,电动自行车正常骑行速度在２０公里左右,建议非机动车道内限速调整为２０公里／小时。', '', '', '0371-66131003', '2024/5/8', FIXTURE.kejiyuan, csvSheetName(FIXTURE.kejiyuan), 4],
  // Traditional characters in the opinion and in the 条款 cell stay traditional: merge does not convert.
  ['1', '华侨新村基层立法联系点', '河西县', '黄志明', '群众', '第二十五條', '騎電動自行車戴頭盔是對的，但夏天太熱，建議推廣透氣的輕便頭盔。', '', '', '13933330001', '2024-05-09', FIXTURE.huaqiao, csvSheetName(FIXTURE.huaqiao), 2],
  ['3', '华侨新村基层立法联系点', '河西县', '陈国华', '其他', '第十條', '海外僑胞回鄉探親購買電動自行車，建議可以憑護照辦理登記。', '', '方便歸僑僑眷。', '13933330003', '2024-05-09', FIXTURE.huaqiao, csvSheetName(FIXTURE.huaqiao), 4],
  // Numeric contact cells come out as the digits, not 1.38E+10; no date column gives an empty date.
  ['1', '桃源镇基层立法联系点', '河西县', '罗大勇', '人大代表', '第二十四条', '农村道路没有非机动车道，限速二十五公里可以，但建议乡村道路适当放宽。', '', '', '13812340001', '', FIXTURE.taoyuan, '座谈会', 3],
  // Second sheet of the same workbook, 修改建议 filled, 日期 as Chinese text.
  ['7', '桃源镇基层立法联系点', '河西县', '姚军', '群众', '第二十五条', '农村老人骑车不习惯戴头盔，建议村里统一发放。', '由镇政府统一采购发放安全头盔', '', '', '2024年5月14日', FIXTURE.taoyuan, '入户走访', 8],
  // No 联系点 and no county column: both from the file name.
  ['6', '河西县城关镇立法联系点', '河西县', '蒋华', '群众', '第十一条', '登记材料中的车辆来历证明，二手车很难提供，建议允许个人书面承诺代替。', '增加“无法提供的，可以书面承诺”', '', '13844440006', '2024-05-10', FIXTURE.chengguan, '汇总', 9],
];

/** Per-sheet counts of the 核对 sheet (fixtures/EXPECTED.md). */
const COUNT_ROWS: readonly (readonly (string | number)[])[] = [
  [FIXTURE.donghu, '意见汇总', '', '2、3', 21, 18, 1, 2, ''],
  [FIXTURE.binjiang, 'Sheet1', '', '1', 16, 15, 0, 1, ''],
  [FIXTURE.kejiyuan, csvSheetName(FIXTURE.kejiyuan), 'GBK', '1', 16, 14, 1, 1, ''],
  // The reader's own decisions are in 说明, so whoever opens the workbook later sees them.
  ['河西县-侨联立法联系点-2024年5月.xlsx', '填表說明', '', '', 3, 0, 0, 0, '本表是填表说明，3 行记为说明行，不作意见。'],
  ['河西县-侨联立法联系点-2024年5月.xlsx', '意見匯總', '', '2、3', 8, 7, 0, 0, '1 行的意见格内有多条编号意见，已拆为 2 条（第 5 行 2 条）；不想拆分可加 --no-split。'],
  [FIXTURE.huaqiao, csvSheetName(FIXTURE.huaqiao), 'UTF-8 (BOM)', '1', 12, 11, 0, 1, ''],
  [FIXTURE.taoyuan, '座谈会', '', '2', 9, 8, 0, 1, ''],
  [FIXTURE.taoyuan, '入户走访', '', '1', 8, 8, 0, 0, ''],
  [FIXTURE.chengguan, '汇总', '', '1', 15, 12, 1, 2, ''],
];

/** All data rows of the records sheet, as values. */
function dataRows(sheet: WorkSheet): (string | number | boolean)[][] {
  const range = sheetRange(sheet);
  const rows: (string | number | boolean)[][] = [];
  for (let r = 1; r <= range.e.r; r += 1) rows.push(rowValues(sheet, r, WIDTH));
  return rows;
}

/** The 0-based sheet row of the record from `file` / `sheetName` / `row`. */
function findRow(sheet: WorkSheet, file: string, sheetName: string, row: number): number {
  const range = sheetRange(sheet);
  const found: number[] = [];
  for (let r = 1; r <= range.e.r; r += 1) {
    if (cellAt(sheet, r, FILE_COL)?.v === file && cellAt(sheet, r, SHEET_COL)?.v === sheetName && cellAt(sheet, r, ROW_COL)?.v === row) found.push(r);
  }
  expect(found, `${file} · ${sheetName} · ${row}`).toHaveLength(1);
  return found[0] ?? -1;
}

function mergeInto(dir: string, output: string, ...args: string[]): Promise<CliRun> {
  return runCli(['merge', ...args, '-o', output], dir);
}

describe('yijian merge fixtures/submissions -o 汇总.xlsx', () => {
  let dir: string;
  let run: CliRun;
  let book: WorkBook;
  let records: WorkSheet;

  beforeAll(async () => {
    dir = makeTempDir();
    run = await mergeInto(dir, '汇总.xlsx', SUBMISSIONS);
    book = readWorkbook(join(dir, '汇总.xlsx'));
    records = sheetNamed(book, '意见汇总');
  });

  it('exits 0 and says the rows reconcile', async () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('数据行 108 = 意见行 92（拆分后有效意见 93 条） + 问题行 3 + 空行 8 + 说明行 5');
    expect(run.stderr).toContain('已写入 汇总.xlsx：93 条意见，3 个问题行。');
    expect(readdirSync(dir)).toEqual(['汇总.xlsx']);
  });

  it('writes the sheets 意见汇总, 问题行 and 核对', async () => {
    expect(book.SheetNames).toEqual(['意见汇总', '问题行', '核对']);
  });

  it('puts the canonical headers in row 1 and 93 data rows below', async () => {
    expect(MERGED_HEADERS).toEqual(HEADERS);
    expect(rowValues(records, 0, WIDTH)).toEqual(HEADERS);
    expect(records['!ref']).toBe('A1:P94');
    expect(dataRows(records)).toHaveLength(93);
  });

  it('numbers the merged rows 1…93 in 序号 and keeps each point\'s own 序号 in 原表序号', async () => {
    expect(dataRows(records).map((row) => row[0])).toEqual(Array.from({ length: 93 }, (_, i) => i + 1));
    const donghu = dataRows(records).filter((row) => row[FILE_COL] === FIXTURE.donghu);
    expect(donghu.slice(0, 3).map((row) => row[OWN_SEQ_COL])).toEqual(['1', '2', '3']);
  });

  it('keeps every record with its provenance, files in name order and rows in sheet order', async () => {
    // 来源行号 with 格内序号: the two opinions split out of the 侨联 sheet's row 5 are 5 | 1 and 5 | 2, so every
    // record has its own place.
    const provenance = dataRows(records).map((row) => `${String(row[FILE_COL])}|${String(row[SHEET_COL])}|${String(row[PART_COL])}|${String(row[ROW_COL])}`);
    expect(new Set(provenance).size).toBe(93);
    const perSheet = new Map<string, number>();
    for (const row of dataRows(records)) {
      const key = `${String(row[FILE_COL])} · ${String(row[SHEET_COL])}`;
      perSheet.set(key, (perSheet.get(key) ?? 0) + 1);
    }
    // A 填表说明 sheet gives no record, so it has no line here.
    expect([...perSheet]).toEqual(COUNT_ROWS.filter((count) => Number(count[5]) > 0).map((count) => [`${String(count[0])} · ${String(count[1])}`, count[5]]));
    const files = dataRows(records).map((row) => String(row[FILE_COL]));
    expect(files).toEqual([...files].sort());
    // The planted reject and blank rows are absent from the records sheet.
    for (const [file, row] of [[FIXTURE.donghu, 13], [FIXTURE.donghu, 7], [FIXTURE.chengguan, 11], [FIXTURE.kejiyuan, 15]] as const) {
      expect(provenance.some((p) => p.startsWith(`${file}|`) && p.endsWith(`|${row}`)), `${file} row ${row}`).toBe(false);
    }
  });

  it.each(SAMPLE_ROWS.map((row) => [`${String(row[FILE_COL])} · ${String(row[SHEET_COL])} · 第 ${String(row[ROW_COL])} 行`, row]))(
    'writes every cell of %s as sent',
    (_label, expected) => {
      const r = findRow(records, String(expected[FILE_COL]), String(expected[SHEET_COL]), Number(expected[ROW_COL]));
      expect(rowValues(records, r, WIDTH)).toEqual(asMerged(expected, r));
      // Text stays text (the point's 序号 too, so 001 would keep its zeros); the running 序号 and the row number are numbers.
      for (let c = 0; c < WIDTH; c += 1) {
        const cell = cellAt(records, r, c);
        if (cell !== undefined && cell.v !== '') expect(cell.t, `${HEADERS[c] ?? c}`).toBe(c === ROW_COL || c === PART_COL || c === 0 ? 'n' : 's');
      }
    },
  );

  it('neutralises the formula-like opinions (华侨 row 5 “=1+1…”, 滨江 row 6 “-建议…”) and keeps their text', async () => {
    const huaqiao = cellAt(records, findRow(records, FIXTURE.huaqiao, csvSheetName(FIXTURE.huaqiao), 5), OPINION_COL);
    expect(huaqiao).toMatchObject({ t: 's', v: `${GUARD}=1+1 建议在小区集中充电点旁边配置灭火器，每月检查一次。` });
    const binjiang = cellAt(records, findRow(records, FIXTURE.binjiang, 'Sheet1', 6), OPINION_COL);
    expect(binjiang).toMatchObject({ t: 's', v: `${GUARD}-建议删除第三项，城市道路上没有停车泊位的地方太多，一刀切禁止停放不现实。` });
  });

  it('has no formula anywhere in the workbook, and no text cell that a spreadsheet would take for one', async () => {
    const cells = allCells(book);
    expect(cells.length).toBeGreaterThan(86 * WIDTH);
    for (const { sheet, address, cell } of cells) {
      expect(cell.f, `${sheet}!${address}`).toBeUndefined();
      if (typeof cell.v === 'string') expect(cell.v, `${sheet}!${address}`).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('lists the 3 reject rows in 问题行 with file, sheet, row, reason, column and what was sent', async () => {
    const rejects = sheetNamed(book, '问题行');
    expect(rejects['!ref']).toBe('A1:F4');
    expect(rowValues(rejects, 0, 6)).toEqual(REJECT_HEADERS);
    expect(rowValues(rejects, 0, 6)).toEqual(['来源文件', '来源工作表', '来源行号', '问题', '所在列', '原始内容']);
    expect(rowValues(rejects, 1, 6)).toEqual([FIXTURE.donghu, '意见汇总', 13, '第 13 行“意见建议”为空。', 'F', '提出人：郑华；联系方式：13900138888']);
    expect(rowValues(rejects, 2, 6)).toEqual([
      FIXTURE.kejiyuan, csvSheetName(FIXTURE.kejiyuan), 15, '第 15 行“意见建议”为空。', 'G',
      '序号：13；报送单位：科技园企业基层立法联系点；区县：城东区；提出人：孔亮；身份：群众；联系电话：13822220013；日期：2024/5/12',
    ]);
    expect(rowValues(rejects, 3, 6)).toEqual([FIXTURE.chengguan, '汇总', 11, '第 11 行“意见建议”为空。', 'E', '序号：8；提出人：韩梅梅；身份：群众；联系方式：13844440008']);
  });

  it('gives the per-sheet counts in 核对, and they add up', async () => {
    const counts = sheetNamed(book, '核对');
    expect(rowValues(counts, 0, 9)).toEqual(['来源文件', '工作表', '编码', '表头行', '数据行', '有效意见', '问题行', '空行', '说明']);
    expect(counts['!ref']).toBe('A1:K10');
    COUNT_ROWS.forEach((expected, index) => expect(rowValues(counts, index + 1, 9)).toEqual(expected));
    const sum = (column: number): number => COUNT_ROWS.reduce((total, row) => total + Number(row[column]), 0);
    expect([sum(4), sum(5), sum(6), sum(7)]).toEqual([108, 93, 3, 8]);
  });

  it('writes the same bytes on a second run', async () => {
    const again = makeTempDir();
    expect((await mergeInto(again, '汇总.xlsx', SUBMISSIONS)).status).toBe(0);
    expect(readFileSync(join(again, '汇总.xlsx')).equals(readFileSync(join(dir, '汇总.xlsx')))).toBe(true);
  });

  const hasSoffice = onPath('soffice');
  if (!hasSoffice) console.warn('跳过 LibreOffice 检查：PATH 上没有 soffice（apt-get install libreoffice-calc 后可运行）。');
  it.runIf(hasSoffice)('opens in LibreOffice: converted to CSV, the Chinese text, traditional characters and line breaks are intact', () => {
    const out = makeTempDir('yijian-lo-');
    const profile = makeTempDir('yijian-lo-profile-');
    const converted = spawnSync('soffice', [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1',
      '--outdir', out,
      join(dir, '汇总.xlsx'),
    ], { encoding: 'utf8', timeout: 120_000 });
    expect(converted.status, converted.stderr).toBe(0);
    const rows = parse(readFileSync(join(out, '汇总.csv'), 'utf8'), { bom: true, relax_column_count: true }) as string[][];
    expect(rows[0]).toEqual(HEADERS);
    expect(rows).toHaveLength(94);
    const text = rows.flat().join('\n');
    expect(text).not.toContain('\uFFFD');
    expect(text).toContain('騎電動自行車戴頭盔是對的，但夏天太熱，建議推廣透氣的輕便頭盔。');
    expect(text).toContain('第九条第（二）项建议修改为：\n“（二）改变电动自行车蓄电池');
    // LibreOffice read the guarded cell as text, not as a formula to evaluate.
    expect(text).toContain('=1+1 建议在小区集中充电点旁边配置灭火器');
  });
});

describe('yijian merge -o 汇总.csv', () => {
  let dir: string;
  let run: CliRun;

  beforeAll(async () => {
    dir = makeTempDir();
    run = await mergeInto(dir, '汇总.csv', SUBMISSIONS);
  });

  function readCsv(name: string): { raw: Buffer; rows: string[][] } {
    const raw = readFileSync(join(dir, name));
    return { raw, rows: parse(raw.subarray(3).toString('utf8')) as string[][] };
  }

  it('writes the records as UTF-8 CSV with a BOM, and the rejects beside it', async () => {
    expect(run.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['汇总.csv', '汇总.问题行.csv']);
    const { raw, rows } = readCsv('汇总.csv');
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.toString('utf8')).toContain('\r\n');
    expect(rows[0]).toEqual(HEADERS);
    expect(rows).toHaveLength(94);
    // The CSV is the same table as the workbook, with the row number and part as text.
    for (const expected of SAMPLE_ROWS) {
      const found = rows.find((row) => row[FILE_COL] === expected[FILE_COL] && row[SHEET_COL] === expected[SHEET_COL] && row[ROW_COL] === String(expected[ROW_COL]));
      expect(found).toEqual(asMerged(expected, Number(found?.[0])).map(String));
    }
    expect(rows.slice(1).map((row) => row[0])).toEqual(Array.from({ length: 93 }, (_, i) => String(i + 1)));
    expect(rows.flat().filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
    // Two formula-like opinions; the two parts split out of 侨联 row 5 are 5 | 1 and 5 | 2 (no 5-2, which Excel would open as a date).
    expect(rows.flat().filter((cell) => cell.startsWith(GUARD))).toHaveLength(2);
    expect(rows.slice(1).filter((row) => row[PART_COL] !== '').map((row) => [row[FILE_COL], row[ROW_COL], row[PART_COL]])).toEqual([
      ['河西县-侨联立法联系点-2024年5月.xlsx', '5', '1'],
      ['河西县-侨联立法联系点-2024年5月.xlsx', '5', '2'],
    ]);
  });

  it('writes the 3 reject rows to 汇总.问题行.csv', async () => {
    const { raw, rows } = readCsv('汇总.问题行.csv');
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(rows[0]).toEqual(REJECT_HEADERS);
    expect(rows.slice(1).map((row) => [row[0], row[2], row[4]])).toEqual([
      [FIXTURE.donghu, '13', 'F'],
      [FIXTURE.kejiyuan, '15', 'G'],
      [FIXTURE.chengguan, '11', 'E'],
    ]);
  });

  it('refuses when only the .问题行.csv beside it exists, and writes nothing', async () => {
    const other = makeTempDir();
    writeFileSync(join(other, '汇总.问题行.csv'), 'old');
    const refused = await mergeInto(other, '汇总.csv', SUBMISSIONS);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('已存在');
    expect(readdirSync(other)).toEqual(['汇总.问题行.csv']);
    expect(readFileSync(join(other, '汇总.问题行.csv'), 'utf8')).toBe('old');
  });
});

describe('yijian merge: existing output and --force', () => {
  it('refuses to overwrite without --force (exit 1, file unchanged) and rewrites with it', async () => {
    const dir = makeTempDir();
    const output = join(dir, '汇总.xlsx');
    expect((await mergeInto(dir, '汇总.xlsx', fixturePath(FIXTURE.chengguan))).status).toBe(0);
    const before = readFileSync(output);
    const mtime = statSync(output).mtimeMs;

    const refused = await mergeInto(dir, '汇总.xlsx', SUBMISSIONS);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('输出文件已存在');
    expect(refused.stderr).toContain('--force');
    expect(refused.stderr).not.toContain('内部错误');
    expect(readFileSync(output).equals(before)).toBe(true);
    expect(statSync(output).mtimeMs).toBe(mtime);
    expect(readdirSync(dir)).toEqual(['汇总.xlsx']);

    const forced = await mergeInto(dir, '汇总.xlsx', SUBMISSIONS, '--force');
    expect(forced.status).toBe(0);
    expect(sheetNamed(readWorkbook(output), '意见汇总')['!ref']).toBe('A1:P94');
    expect(readdirSync(dir)).toEqual(['汇总.xlsx']);
  });

  it('rejects an output that is neither .xlsx nor .csv as a usage error', async () => {
    const dir = makeTempDir();
    const run = await mergeInto(dir, '汇总.txt', SUBMISSIONS);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('输出文件须为 .xlsx 或 .csv');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('yijian merge --point / --county', () => {
  it('uses the flags where the sheet has no 联系点 / county column (they win over the file name)', async () => {
    const dir = makeTempDir();
    expect((await mergeInto(dir, 'x.xlsx', fixturePath(FIXTURE.chengguan), '--point', '城关镇测试点', '--county', '测试县')).status).toBe(0);
    const rows = dataRows(sheetNamed(readWorkbook(join(dir, 'x.xlsx')), '意见汇总'));
    expect(rows).toHaveLength(12);
    for (const row of rows) expect([row[1], row[2]]).toEqual(['城关镇测试点', '测试县']);
  });

  it('never overrides a 联系点 the sheet has; fills only the missing county', async () => {
    const dir = makeTempDir();
    expect((await mergeInto(dir, 'x.xlsx', fixturePath(FIXTURE.donghu), '--point', '别的联系点', '--county', '测试县')).status).toBe(0);
    const rows = dataRows(sheetNamed(readWorkbook(join(dir, 'x.xlsx')), '意见汇总'));
    expect(rows).toHaveLength(18);
    for (const row of rows) expect([row[1], row[2]]).toEqual(['东湖街道基层立法联系点', '测试县']);
  });

  it('keeps the county column of 滨江 whatever --county says', async () => {
    const dir = makeTempDir();
    expect((await mergeInto(dir, 'x.xlsx', fixturePath(FIXTURE.binjiang), '--county', '测试县')).status).toBe(0);
    const rows = dataRows(sheetNamed(readWorkbook(join(dir, 'x.xlsx')), '意见汇总'));
    expect(new Set(rows.map((row) => row[2]))).toEqual(new Set(['城东区']));
  });
});

describe('yijian merge with bad inputs', () => {
  it('a missing input path: a Chinese message naming it, exit 1, nothing written', async () => {
    const dir = makeTempDir();
    const missing = join(dir, '不存在的文件夹', '东湖.xlsx');
    const run = await mergeInto(dir, '汇总.xlsx', missing);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`找不到文件或文件夹：${missing}`);
    expect(run.stderr).toContain('请检查路径');
    expect(run.stderr).not.toContain('内部错误');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a good file plus a broken one: merges the good one, names the broken one, exit 0', async () => {
    const dir = makeTempDir();
    const run = await mergeInto(dir, '汇总.xlsx', fixturePath(FIXTURE.binjiang), join(BAD, 'text-named.xlsx'));
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('text-named.xlsx');
    expect(run.stderr).toContain('不是 Excel 工作簿');
    expect(run.stderr).toContain('核对：读取 2 个文件 1 个工作表，数据行 16 = 有效意见 15 + 问题行 0 + 空行 1，1 个文件无法读取');
    const book = readWorkbook(join(dir, '汇总.xlsx'));
    const rows = dataRows(sheetNamed(book, '意见汇总'));
    expect(rows).toHaveLength(15);
    expect(new Set(rows.map((row) => row[FILE_COL]))).toEqual(new Set([FIXTURE.binjiang]));
    // The workbook is forwarded on its own: its 核对 sheet must still say a file was not read.
    const counts = XLSX.utils.sheet_to_json<string[]>(sheetNamed(book, '核对'), { header: 1, defval: '' });
    const failed = counts.find((row) => row[0] === 'text-named.xlsx');
    expect(failed?.[8]).toContain('无法读取');
  });

  it('the same under --strict: still written, but exit 3', async () => {
    const dir = makeTempDir();
    const run = await mergeInto(dir, '汇总.xlsx', fixturePath(FIXTURE.binjiang), join(BAD, 'text-named.xlsx'), '--strict');
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('text-named.xlsx');
    expect(existsSync(join(dir, '汇总.xlsx'))).toBe(true);
  });

  it('--strict on a clean file exits 0', async () => {
    const dir = makeTempDir();
    expect((await mergeInto(dir, '汇总.xlsx', fixturePath(FIXTURE.binjiang), '--strict')).status).toBe(0);
  });
});

// A county merges, the city digests the county's workbook: the opinions split out of one cell stay the
// parts they were (no second split), and every record keeps the source and id the points' own files give.
describe('yijian merge, then yijian digest on the merged workbook', () => {
  let dir: string;
  let book: WorkBook;
  let records: Pick<OpinionRecord, 'id' | 'source' | 'opinion' | 'seq'>[];

  beforeAll(async () => {
    dir = makeTempDir();
    await mergeInto(dir, '县汇总.xlsx', SUBMISSIONS);
    book = readWorkbook(join(dir, '县汇总.xlsx'));
    const digest = await runCli(['digest', '县汇总.xlsx', '--formats', 'md', '-o', 'out'], dir);
    expect(digest.status).toBe(0);
    records = (JSON.parse(readFileSync(join(dir, 'out', 'digest.json'), 'utf8')) as { records: typeof records }).records;
  });

  it('writes 来源行号 and 格内序号 as plain numbers whose values are what the cells show: 5 | 2, never 5 shown as 5-2', () => {
    const sheet = sheetNamed(XLSX.read(readFileSync(join(dir, '县汇总.xlsx')), { type: 'buffer', cellNF: true }), '意见汇总');
    const cells = dataRows(sheet).map((_row, r) => [cellAt(sheet, r + 1, ROW_COL), cellAt(sheet, r + 1, PART_COL)] as const);
    // Numbers all, with no number format that would show something else than the value.
    expect(cells.filter(([row]) => row?.t !== 'n')).toEqual([]);
    for (const cell of cells.flat()) if (cell !== undefined && cell.v !== '') expect([cell.t, cell.z ?? 'General', cell.w]).toEqual(['n', 'General', String(cell.v)]);
    const parts = dataRows(sheet).filter((row) => row[PART_COL] !== '');
    expect(parts.map((row) => [row[FILE_COL], row[ROW_COL], row[PART_COL]])).toEqual([
      ['河西县-侨联立法联系点-2024年5月.xlsx', 5, 1],
      ['河西县-侨联立法联系点-2024年5月.xlsx', 5, 2],
    ]);
    // What a script reads (raw values, as pandas or a formula would): each record's place is its own, and sorting
    // by 来源文件, 来源工作表, 来源行号, 格内序号 gives the order yijian wrote, the parts of row 5 in theirs.
    const raw = XLSX.utils.sheet_to_json<Record<string, string | number>>(sheet, { raw: true, defval: '' });
    const place = (row: Record<string, string | number>) => [row['来源文件'], row['来源工作表'], row['来源行号'], row['格内序号']] as const;
    expect(new Set(raw.map((row) => place(row).join('|'))).size).toBe(93);
    const cmp = (a: Record<string, string | number>, b: Record<string, string | number>): number => {
      const [fa, sa, ra, pa] = place(a);
      const [fb, sb, rb, pb] = place(b);
      return String(fa).localeCompare(String(fb)) || String(sa).localeCompare(String(sb)) || Number(ra) - Number(rb) || Number(pa || 0) - Number(pb || 0);
    };
    const withinSheets = (rows: typeof raw) => rows.map((row) => `${String(row['来源文件'])}|${String(row['来源工作表'])}|${String(row['来源行号'])}|${String(row['格内序号'])}`);
    const bySheet = (rows: typeof raw) => [...new Set(rows.map((row) => `${String(row['来源文件'])}|${String(row['来源工作表'])}`))];
    // Within each sheet the written order is the sorted order.
    for (const key of bySheet(raw)) {
      const rows = raw.filter((row) => `${String(row['来源文件'])}|${String(row['来源工作表'])}` === key);
      expect(withinSheets([...rows].sort(cmp))).toEqual(withinSheets(rows));
    }
  });

  it('reads 来源行号 and 格内序号 back as the row and part they say, with the ids the points’ files give', async () => {
    const merged = await readSubmissions([join(dir, '县汇总.xlsx')], normalizeIngestOptions({}));
    const split = merged.records.filter((r) => r.source.file === '河西县-侨联立法联系点-2024年5月.xlsx' && r.source.row === 5);
    expect(split.map((r) => [r.source.row, r.source.part])).toEqual([[5, 1], [5, 2]]);
    const direct = await readSubmissions([join(SUBMISSIONS, '河西县-侨联立法联系点-2024年5月.xlsx')], normalizeIngestOptions({}));
    expect(split.map((r) => r.id)).toEqual(direct.records.filter((r) => r.source.row === 5).map((r) => r.id));
    expect(merged.records.length).toBe(93);
    expect(merged.records.every((r) => Number.isInteger(r.source.row))).toBe(true);
    // 格内序号 is provenance, like the other 来源 columns: no field is mapped to it, and it raises no notice.
    const columns = merged.sheets[0]?.columns ?? [];
    expect(columns.find((c) => c.header === '格内序号')).toMatchObject({ column: 'O', field: null });
    expect(merged.notices.map((notice) => notice.code)).toEqual(['W_MERGED_RECORDS_ONLY']);
  });

  it('keeps every record’s file, sheet, row, part, 序号, opinion and id as the points’ own files give them', async () => {
    const direct = await readSubmissions(readdirSync(SUBMISSIONS).map((name) => join(SUBMISSIONS, name)), normalizeIngestOptions({}));
    const key = (r: Pick<OpinionRecord, 'id' | 'source' | 'opinion' | 'seq'>) =>
      [r.id, r.source.file, r.source.sheet, r.source.row, r.source.part ?? 0, r.seq, r.opinion].join('|');
    expect(records.map(key).sort()).toEqual(direct.records.map(key).sort());
    expect(records.filter((r) => r.source.part !== undefined).map((r) => [r.source.row, r.source.part])).toEqual([[5, 1], [5, 2]]);
  });

  it('takes the points’ own 序号 from 原表序号, unless a --map of 序号 for this file says otherwise: that one wins', async () => {
    const merged = join(dir, '县汇总.xlsx');
    const read = (maps: string[]) => readSubmissions([merged], normalizeIngestOptions({ maps }));
    const [own, mapped, elsewhere] = await Promise.all([read([]), read(['序号=序号']), read(['别县汇总.xlsx:序号=序号'])]);
    const seqs = (result: typeof own) => result.records.map((r) => r.seq);
    const seqColumn = (result: typeof own) => result.sheets[0]?.columns.find((c) => c.field === 'seq');
    // 原表序号 as the points numbered their rows (东湖 starts at 1 again after the other files).
    expect(seqs(own)).toEqual(dataRows(sheetNamed(book, '意见汇总')).map((row) => String(row[OWN_SEQ_COL] ?? '')).map((seq) => seq === '' ? null : seq));
    expect(seqColumn(own)).toMatchObject({ column: 'P', header: '原表序号' });
    // --map 序号=序号: the merged numbering 1…N, as the user asked; the records keep their own source and id.
    expect(seqs(mapped)).toEqual(own.records.map((_r, i) => String(i + 1)));
    expect(seqColumn(mapped)).toMatchObject({ column: 'A', header: '序号', how: 'forced' });
    expect(mapped.records.map((r) => r.id)).toEqual(own.records.map((r) => r.id));
    // A mapping scoped to another file does not apply here.
    expect(seqs(elsewhere)).toEqual(seqs(own));
  });
});

