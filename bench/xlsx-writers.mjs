#!/usr/bin/env node
/**
 * Two ways to write the sheet people print, measured at the same size: the 采纳情况登记表 shape (its 13
 * columns and widths, two hidden, wrapped body cells with row heights, bold grey header, frozen header
 * row, autofilter, the 采纳情况 drop-down on every data row, landscape A4 fitted to one page width with
 * the header repeated and page numbers in the footer).
 *
 *   node bench/xlsx-writers.mjs                       # 100k rows, every writer, one process each
 *   node bench/xlsx-writers.mjs --rows 20000 --only exceljs-stream
 *
 * Writers:
 *   sheetjs         yijian's path today: renderXlsxBook (SheetJS for the frame, body rows and print setup
 *                   as XML, native zlib) — imported from the built dist/
 *   exceljs-stream  ExcelJS 4 streaming WorkbookWriter (rows committed as they are added)
 *   exceljs-memory  ExcelJS 4 in-memory Workbook, then xlsx.writeBuffer()
 *
 * Each writer runs in a child process of its own, so peak RSS (maxRSS) is that writer's alone; CPU time
 * (user + system) is the figure to compare on a loaded machine. Building the rows is not timed.
 * ExcelJS is needed only here: `npm i --no-save exceljs@4.4.0` before running.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { rng } from './rng.mjs';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    only: { type: 'string' },
    child: { type: 'string' },
    /** With --child: keep the workbook written, to open it or print it. */
    out: { type: 'string' },
  },
});
const ROWS = Number(values.rows);
const WRITERS = ['sheetjs', 'exceljs-stream', 'exceljs-memory'];
const DIST = new URL('../dist/', import.meta.url);
const TEMPLATE = new URL('../templates/decision-sheet/decision-sheet.xlsx.json', import.meta.url);

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const OPENERS = ['建议', '居民反映', '经座谈讨论，建议', '律师代表认为', '有群众提出', '企业代表建议'];
const SUBJECTS = ['物业服务企业', '业主大会', '街道办事处', '居民委员会', '电动自行车停放', '充电设施', '老旧小区', '养犬人'];
const ASKS = ['明确办理时限，避免推诿', '细化收费标准并向业主公示', '增加对违规行为的处罚规定', '规定相关部门的监管职责', '补充听证程序，保障当事人陈述申辩的权利'];
const POINTS = ['滨江社区基层立法联系点', '城东街道基层立法联系点', '青山村民委员会', '市律师协会', '某大学法学院', '南湖街道办事处'];

/** 登记表 rows as decisionRows() gives them: long opinions, several points, masked contacts. */
function decisionRows(count) {
  const random = rng(20261202);
  const pick = (list) => list[Math.floor(random() * list.length)];
  return Array.from({ length: count }, (_, i) => {
    const article = 1 + Math.floor(random() * 120);
    const sentences = 1 + Math.floor(random() * 4);
    const text = Array.from({ length: sentences }, () => `${pick(OPENERS)}${pick(SUBJECTS)}${pick(ASKS)}。`).join('');
    const points = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(POINTS));
    return {
      id: `${article}-${(i * 2654435761 >>> 0).toString(16).padStart(8, '0')}`,
      articleLabel: `第${article > 10 ? `${NUMERALS[Math.floor(article / 10) - 1] ?? '十'}十` : ''}${NUMERALS[(article - 1) % 10]}条`,
      representative: text,
      countText: `${points.length}/${points.length + Math.floor(random() * 3)}`,
      pointsText: [...new Set(points)].join('、'),
      contactsText: `138****${String(1000 + Math.floor(random() * 9000))}`,
      decision: '',
      reason: '',
      status: i % 7 === 0 ? '新增' : '',
      membersText: `${article}-r${i}`,
      correction: '',
      assignmentNote: i % 5 === 0 ? '自动归入，请核对（相似度0.42）' : '',
    };
  });
}

function cpuSeconds() {
  const usage = process.resourceUsage();
  return (usage.userCPUTime + usage.systemCPUTime) / 1e6;
}

/** yijian today. */
async function writeSheetjs(rows, layout, template) {
  const { renderXlsxBook } = await import(new URL('report/render-xlsx.js', DIST).href);
  const known = Object.keys(rows[0] ?? {});
  return renderXlsxBook([{ template, layout, rows, known }], 'report');
}

/** What both ExcelJS writers set up on a sheet: columns, header, print setup. */
function exceljsSheet(workbook, layout, rows, wrappedLines) {
  const thin = { style: 'thin' };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const font = { name: '宋体', size: 11 };
  const sheet = workbook.addWorksheet(layout.sheetName, {
    views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: {
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }, printTitlesRow: '1:1',
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  sheet.columns = layout.columns.map((c) => ({
    key: c.field, width: c.width, hidden: c.hidden === true,
    style: { font, border, alignment: { vertical: 'top', wrapText: true } },
  }));
  const header = sheet.getRow(1);
  layout.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.style = { font: { ...font, bold: true }, border, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  });
  const last = String.fromCharCode(64 + layout.columns.length);
  sheet.autoFilter = `A1:${last}${rows.length + 1}`;
  const decisionAt = layout.columns.findIndex((c) => c.list !== undefined);
  const list = layout.columns[decisionAt].list;
  const column = String.fromCharCode(65 + decisionAt);
  sheet.dataValidations.add(`${column}2:${column}${rows.length + 1}`, {
    type: 'list', allowBlank: true, formulae: [`"${list.join(',')}"`], showErrorMessage: true,
    errorTitle: '无效的选项', error: `请从下拉列表中选择：${list.join('、')}`,
  });
  const height = (row) => {
    let lines = 1;
    layout.columns.forEach((c) => {
      if (c.hidden !== true) lines = Math.max(lines, wrappedLines(String(row[c.field] ?? ''), c.width));
    });
    return Math.min(409, Math.round(lines * 156 + 30) / 10);
  };
  return { sheet, height };
}

async function writeExceljsStream(rows, layout) {
  const { default: ExcelJS } = await import('exceljs');
  const { wrappedLines } = await import(new URL('report/xlsx-rows.js', DIST).href);
  const { Writable } = await import('node:stream');
  const chunks = [];
  const stream = new Writable({ write(chunk, _enc, done) { chunks.push(chunk); done(); } });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const { sheet, height } = exceljsSheet(workbook, layout, rows, wrappedLines);
  sheet.getRow(1).commit();
  for (const values of rows) {
    const row = sheet.addRow(values);
    row.height = height(values);
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

async function writeExceljsMemory(rows, layout) {
  const { default: ExcelJS } = await import('exceljs');
  const { wrappedLines } = await import(new URL('report/xlsx-rows.js', DIST).href);
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const { sheet, height } = exceljsSheet(workbook, layout, rows, wrappedLines);
  for (const values of rows) sheet.addRow(values).height = height(values);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function child(writer) {
  const data = readFileSync(TEMPLATE);
  const layout = JSON.parse(data.toString('utf8'));
  const template = { file: 'decision-sheet.xlsx.json', path: fileURLToPath(TEMPLATE), data };
  const rows = decisionRows(ROWS);
  const cpu0 = cpuSeconds();
  const start = performance.now();
  const out = writer === 'sheetjs' ? await writeSheetjs(rows, layout, template)
    : writer === 'exceljs-stream' ? await writeExceljsStream(rows, layout)
      : await writeExceljsMemory(rows, layout);
  if (values.out !== undefined) writeFileSync(values.out, out);
  const result = {
    writer, rows: ROWS, cpuS: +(cpuSeconds() - cpu0).toFixed(2), wallS: +((performance.now() - start) / 1000).toFixed(2),
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), bytes: out.length,
  };
  // The workbook must read back with every row (SheetJS, as yijian reads decision sheets); not timed.
  const XLSX = await import('xlsx');
  const back = XLSX.read(out, { type: 'buffer', dense: true });
  const sheet = back.Sheets[back.SheetNames[0]];
  result.rowsReadBack = XLSX.utils.decode_range(sheet['!ref']).e.r;
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (values.child !== undefined) {
  await child(values.child);
} else {
  const writers = values.only === undefined ? WRITERS : values.only.split(',');
  const self = fileURLToPath(import.meta.url);
  process.stdout.write(`| writer | rows | CPU s | wall s | peak RSS MiB | bytes | rows read back |\n|---|---|---|---|---|---|---|\n`);
  for (const writer of writers) {
    const run = spawnSync(process.execPath, ['--max-old-space-size=8192', self, '--child', writer, '--rows', String(ROWS)], { encoding: 'utf8' });
    if (run.status !== 0) {
      process.stdout.write(`| ${writer} | ${ROWS} | failed: ${(run.stderr.trim().split('\n').at(-1) ?? '').slice(0, 120)} |\n`);
      continue;
    }
    const r = JSON.parse(run.stdout.trim().split('\n').at(-1));
    process.stdout.write(`| ${r.writer} | ${r.rows} | ${r.cpuS} | ${r.wallS} | ${r.maxRssMiB} | ${r.bytes} | ${r.rowsReadBack} |\n`);
  }
}
