/** `yijian inspect`: what yijian sees in each file, before anything is merged or digested. */
import type { Command } from 'commander';
import { EXIT } from '../errors.js';
import { FIELD_HEADERS, type ArticleAssignment, type Draft, type SheetReport } from '../model.js';
import { articleLabel } from '../article-key.js';
import { candidatesNote, recordCandidates } from '../report/candidates.js';
import { createAssigner } from '../assign/assign.js';
import { assignBatch } from '../assign/batch.js';
import { NOTE_LABELS } from '../ingest/non-data.js';
import { COLUMN_HOW_NOTES } from '../ingest/columns.js';
import { rowLabel } from '../provenance.js';
import { cutText } from '../text/format.js';
import { maskPersonalData } from '../text/pii.js';
import { withCode } from '../codes.js';
import { columnWords, headedColumnWords, rowNumbersWords, rowWords, sheetWords } from '../location.js';
import { noticesOf, noticeText } from '../notices.js';
import type { IngestResult } from '../ingest/index.js';
import { action, type CommandContext } from './program.js';
import { commandDescription } from './commands.js';
import { addIngestFlags, isSheetError, readInputs, reconciliationLine, reportInputProblems } from './ingest-flags.js';
import { addTextFlags, draftOf, segmenterOf } from './text-flags.js';
import { resolveInspectOptions, type InspectFlags } from './options/inspect.js';


/** Registers `inspect`. */
export function registerInspect(program: Command): void {
  const command = program
    .command('inspect')
    .description(commandDescription('inspect'))
    .argument('<files...>', '意见文件或目录（.xlsx .xls .csv .tsv）')
    .option('--json', '以 JSON 输出（供脚本使用）')
    .option('--assign <0-1>', '按相似度归入条文的最低相似度');
  addIngestFlags(command);
  addTextFlags(command);
  command.addHelpText('after', `
示例：
  $ yijian inspect fixtures/submissions/
  $ yijian inspect 东湖街道.xlsx --map 意见建议=D
  $ yijian inspect fixtures/submissions/ --draft 草案.txt --json > 归类检查.json`);
  command.action(action(async (context, files: string[], flags: InspectFlags) => inspect(context, files, flags)));
}

async function inspect(context: CommandContext, files: string[], flags: InspectFlags): Promise<number> {
  const options = resolveInspectOptions(files, { flags, config: context.config, cwd: context.cwd });
  const draft = await draftOf(options.text);
  const result = await readInputs(options.inputs, options.ingest, context, [], undefined, [options.text.draft]);
  // Each sheet notice and problem once: without --json it is printed under its sheet on stdout (ℹ/⚠/✗ … [W_…]),
  // and each unreadable file after the sheets, not again on stderr; with --json, as with merge --json, the document has only its words (sheets[].notices) and stderr
  // carries the line with its place and code.
  const hasProblems = reportInputProblems(result, context, options.json ? 'print' : 'shown');

  let assignments: Map<string, ArticleAssignment[]> | null = null;
  if (draft !== null) {
    const segmenter = segmenterOf(options.text);
    // The same two passes as digest (cited, learn, guess), so inspect shows the guesses digest will make.
    const assigner = createAssigner(draft, (text) => segmenter.terms(text), { ...options.assign, examples: [] });
    const { records } = result;
    const found = assignBatch(assigner, { count: records.length, input: (index) => records[index]!, terms: (index) => segmenter.terms(records[index]!.opinion) });
    assignments = new Map(records.map((record, index) => [record.id, found[index]!]));
  }

  if (options.json) {
    context.stdout(`${JSON.stringify(inspectDocument(result, assignments, draft?.title ?? null), null, 2)}\n`);
  } else {
    for (const sheet of result.sheets) context.stdout(describeSheet(sheet, result));
    for (const failure of result.failures) context.stdout(`✗ ${withCode(failure.code, failure.message)}\n\n`);
    if (assignments !== null && draft !== null) context.stdout(describeAssignments(result, assignments, draft));
  }
  context.terminal.info(reconciliationLine(result));
  return options.strict && hasProblems ? EXIT.inputProblems : result.reconciliation.balanced ? EXIT.ok : EXIT.failure;
}

/** The --json document of inspect. */
export function inspectDocument(result: IngestResult, assignments: Map<string, ArticleAssignment[]> | null, draftTitle: string | null): unknown {
  return {
    reconciliation: result.reconciliation,
    sheets: result.sheets,
    failures: result.failures,
    rejects: result.rejects,
    draft: draftTitle,
    records: assignments === null ? undefined : result.records.map((record) => ({
      id: record.id,
      source: record.source,
      point: record.point,
      pointSource: record.pointSource,
      county: record.county,
      article: record.article,
      opinion: record.opinion,
      articles: assignments.get(record.id) ?? [],
    })),
  };
}

function describeSheet(sheet: SheetReport, result: IngestResult): string {
  const lines: string[] = [`■ ${sheet.file} · ${sheetWords(sheet.sheet)}${sheet.encoding === null ? '' : ` · 编码 ${sheet.encoding}`}`];
  // A sheet of several tables: each table's header and mapping, one after the other.
  const tables = sheet.tables !== undefined && sheet.tables.length > 1 ? sheet.tables : [{ headerRows: sheet.headerRows, columns: sheet.columns }];
  tables.forEach((table, i) => {
    const which = tables.length > 1 ? `（第 ${i + 1} 张表）` : '';
    lines.push(`  表头${which}：${table.headerRows.length === 0 ? '未找到' : rowNumbersWords(table.headerRows)}`);
    const mapped = table.columns.filter((column) => column.field !== null || column.question !== undefined);
    const unmapped = table.columns.filter((column) => column.field === null && column.question === undefined && column.header !== '');
    if (mapped.length > 0) {
      lines.push('  列映射：');
      for (const column of mapped) {
        if (column.question !== undefined) {
          lines.push(`    ${column.column.padEnd(3)}${column.header} → ${FIELD_HEADERS.opinion}（条款：${column.question}，按条设问）`);
          continue;
        }
        const field = column.field === null ? '' : FIELD_HEADERS[column.field];
        lines.push(`    ${column.column.padEnd(3)}${column.header === '' ? '（无表头）' : column.header} → ${field}${COLUMN_HOW_NOTES[column.how]}`);
      }
    }
    if (unmapped.length > 0) lines.push(`  未映射的列：${unmapped.map((column) => headedColumnWords(column.column, column.header)).join('，')}`);
  });
  const split = sheet.splitParts ?? 0;
  const notes = sheet.notes ?? 0;
  lines.push(
    `  数据行 ${sheet.rows}：有效意见 ${sheet.records}${split > 0 ? `（其中 ${split} 条由一行多条拆出）` : ''}，问题行 ${sheet.rejects}，空行 ${sheet.blanks}${notes > 0 ? `，说明行 ${notes}` : ''}`,
  );
  const sheetNotices = noticesOf(result.notices, sheet.file, sheet.sheet);
  // A whole 填表说明 sheet (yijian's own form has one) is said in one line, not listed line by line.
  const listed = sheetNotices.some((n) => n.code === 'W_INSTRUCTION_SHEET') ? 0 : 10;
  // Masked as the reports are (a signature line with its phone, 填表人：陈淑芬 138…): the screen is shared and pasted too.
  for (const note of (sheet.noteRows ?? []).slice(0, listed)) lines.push(`  · ${rowWords(note.row)}${NOTE_LABELS[note.kind]}：${maskPersonalData(note.text)}`);
  if ((sheet.noteRows?.length ?? 0) > listed && listed > 0) lines.push(`  ……另有 ${(sheet.noteRows?.length ?? 0) - listed} 个说明行（用 --json 查看全部）`);
  for (const notice of sheetNotices) lines.push(`  ℹ ${withCode(notice.code, noticeText(notice))}`);
  const origin = pointOrigin(sheet, result);
  if (origin !== null) lines.push(`  联系点：${origin}`);
  // With its code, and not again on stderr (reportInputProblems 'shown'): read once.
  for (const problem of result.problems.filter((p) => p.file === sheet.file && p.sheet === sheet.sheet)) {
    lines.push(`  ${isSheetError(problem.code) ? '✗' : '⚠'} ${withCode(problem.code, problem.message)}`);
  }
  const rejects = result.rejects.filter((reject) => reject.source.file === sheet.file && reject.source.sheet === sheet.sheet);
  for (const reject of rejects.slice(0, 20)) lines.push(`  ✗ ${reject.message}${reject.column === null ? '' : `（${columnWords(reject.column)}）`}`);
  if (rejects.length > 20) lines.push(`  ……另有 ${rejects.length - 20} 个问题行（用 --json 查看全部）`);
  return `${lines.join('\n')}\n\n`;
}

const POINT_SOURCES: Readonly<Record<string, string>> = {
  column: '取自表中联系点列',
  option: '取自 --point',
  config: '取自配置文件',
  filename: '取自文件名',
  none: '未知',
  subtitle: '取自表内分段标题',
  title: '取自表格上方的标题或“联系点：”一行',
  sheet: '取自工作表名',
};

// Where the sheet's point names came from, so staff can see a name guessed from the file name.
function pointOrigin(sheet: SheetReport, result: IngestResult): string | null {
  const records = result.records.filter((record) => record.source.file === sheet.file && record.source.sheet === sheet.sheet);
  const first = records[0];
  if (first === undefined) return null;
  if (first.pointSource === 'column') return null;
  const fromSubtitles = [...new Set(records.filter((r) => r.pointSource === 'subtitle').map((r) => r.point ?? ''))];
  if (fromSubtitles.length > 1) return `${fromSubtitles.join('、')}（${POINT_SOURCES.subtitle}）`;
  return `${first.point ?? '（空）'}（${POINT_SOURCES[first.pointSource] ?? first.pointSource}）${first.county === null ? '' : `，县（市、区）：${first.county}`}`;
}

const SOURCE_NAMES: Readonly<Record<ArticleAssignment['source'], string>> = {
  column: '条款列',
  text: '正文引用',
  general: '总体意见',
  similarity: '相似度',
  none: '未归入',
  corrected: '人工更正',
};

/** Characters of an opinion shown after its article, before the ellipsis. */
const EXCERPT_CHARS = 28;

function describeAssignments(result: IngestResult, assignments: Map<string, ArticleAssignment[]>, draft: Draft): string {
  const title = draft.title;
  const lines = [`■ 条文归属（草案：${title}）`];
  const counts = new Map<string, number>();
  for (const record of result.records) {
    const found = assignments.get(record.id) ?? [];
    // As the reports name them (第十九条, 第二十五条第二款, 总体意见), not the digest's keys (19, 25.2, general).
    const keys = found.map((a) => `${articleLabel(a.key, draft)}${a.notInDraft ? '（草案无此条）' : ''}`).join('、');
    // The unassigned and the general labels say how they were found already; a similarity guess says it is one,
    // as every report does.
    const how = [...new Set(found.filter((a) => a.source !== 'none' && a.source !== 'general').map((a) =>
      a.source === 'similarity'
        ? `自动归入，请核对，相似度 ${a.confidence.toFixed(2)}${a.runnerUp === undefined ? '' : `，次选${articleLabel(a.runnerUp.key, draft)}`}`
        : SOURCE_NAMES[a.source]))].join('、');
    // Staff check here what digest will do: an opinion left 未归入 shows the articles it most resembles, as the 登记表 will.
    const likely = candidatesNote(recordCandidates(found), (key) => articleLabel(key, draft));
    for (const a of found) counts.set(a.source, (counts.get(a.source) ?? 0) + 1);
    const excerpt = cutText(maskPersonalData(record.opinion).replace(/\s+/g, ' '), EXCERPT_CHARS);
    lines.push(`  ${record.source.file} ${rowLabel(record.source)} → ${keys}${how === '' ? '' : `（${how}）`} ${excerpt}${likely === '' ? '' : `\n      ${likely}`}`);
  }
  const summary = [...counts].map(([source, n]) => `${SOURCE_NAMES[source as ArticleAssignment['source']]} ${n}`).join('，');
  lines.push(`  合计：${summary}`);
  return `${lines.join('\n')}\n\n`;
}
