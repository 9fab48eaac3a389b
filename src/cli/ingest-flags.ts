/** The reading flags inspect, merge and digest share, declared once, and their normalisation. */
import { alikePointNames, pointNameItems, preferredName, type PointNameUse } from '../ingest/point-names.js';
import type { Command } from 'commander';
import { collectInputs, refuseOutputAmongInputs, readSubmissions, sameFile, type IngestOptions, type IngestResult } from '../ingest/index.js';
import { YijianError } from '../errors.js';
import { withCode } from '../codes.js';
import { isSheetNotice, noticeLine, noticeText } from '../notices.js';
import type { OpinionRecord } from '../model.js';
import type { CommandContext } from './program.js';
import { collect } from './program.js';
import { ingestOptionsOf, type IngestFlags } from './options/ingest.js';

/** Reading flags as commander hands them over. */
export type { IngestFlags } from './options/ingest.js';

/** Declares --sheet, --map, --point, --county and --strict on a command. */
export function addIngestFlags(command: Command): Command {
  return command
    .option('--sheet <name>', '只读取这个工作表（默认读取全部工作表）')
    .option('-m, --map <field=column>', "指定列映射，可重复：--map 意见建议=C、--map opinion=具体内容；只用于某些文件：--map '海淀*.xls:意见建议=E'", collect, [])
    .option('--point <name>', '表中没有联系点列时，用这个联系点名称')
    .option('--county <name>', '表中没有县（市、区）列时，用这个名称')
    .option('--no-split', '一格内有多条编号意见（1.… 2.…）时不拆分，整格作一条意见')
    .option('--strict', '发现问题行或无法读取的文件时以退出码 3 结束', false);
}

/** Flags and config turned into the one options object ingestion sees (for the guided flow; commands resolve theirs in options/). */
export function ingestOptionsFrom(flags: IngestFlags, context: CommandContext): IngestOptions {
  return ingestOptionsOf(flags, context.config);
}

/**
 * Expands the file arguments and reads them all, with a progress bar for people. `outputs` are the
 * files the command will write: one that is also an input is refused before anything is read. `companions`
 * are files the command reads for another purpose (the draft, often beside the submissions): never said to be skipped.
 */
export async function readInputs(
  args: readonly string[],
  options: IngestOptions,
  context: CommandContext,
  outputs: readonly string[] = [],
  onRecords?: (records: readonly OpinionRecord[]) => void,
  companions: readonly (string | null)[] = [],
): Promise<IngestResult> {
  const { files: found, notices } = await collectInputs([...args]);
  refuseOutputAmongInputs(found, outputs);
  const known = companions.filter((path): path is string => path !== null);
  // The draft (--draft, --cited-draft) kept in the folder of submissions, a .docx now read like them, is no submission.
  const paths = found.filter((path) => !known.some((draft) => sameFile(draft, path)));
  const companion = (notice: (typeof notices)[number]): boolean =>
    notice.code === 'W_FORMAT_SKIPPED' && known.some((path) => sameFile(path, notice.location.file));
  for (const notice of notices) if (!companion(notice)) context.terminal.warn(notice.code, noticeText(notice));
  const progress = context.terminal.progress('读取文件', paths.length);
  let result: IngestResult;
  try {
    result = await readSubmissions(paths, options, (done) => progress.update(done), context.workbooks, undefined, onRecords);
  } finally {
    progress.stop();
  }
  // Files of yijian's own left out or read in part: said at once. A sheet's notices come with its problems.
  for (const notice of result.notices) if (!isSheetNotice(notice)) context.terminal.warn(notice.code, noticeText(notice));
  return result;
}

/** The reconciliation line every reading command prints. */
export function reconciliationLine(result: Pick<IngestResult, 'reconciliation'>): string {
  const r = result.reconciliation;
  const sign = r.balanced ? '=' : '≠';
  const failed = r.failedFiles > 0 ? `，${r.failedFiles} 个文件无法读取` : '';
  const split = r.splitParts ?? 0;
  const records = split > 0 ? `意见行 ${r.records - split}（拆分后有效意见 ${r.records} 条）` : `有效意见 ${r.records}`;
  const notes = (r.notes ?? 0) > 0 ? ` + 说明行 ${r.notes ?? 0}` : '';
  return `核对：读取 ${r.files} 个文件 ${r.sheets} 个工作表，数据行 ${r.rows} ${sign} ${records} + 问题行 ${r.rejects} + 空行 ${r.blanks}${notes}${failed}`;
}

/** merge and digest with nothing to work on: no input gave a single opinion, which is a failure, not a result. */
export function assertSomethingRead(result: IngestResult): void {
  if (result.records.length > 0) return;
  const why =
    result.failures.length === result.reconciliation.files
      ? '所有文件都无法读取'
      : result.reconciliation.rows === 0
        ? '文件中没有数据行'
        : `读到的 ${result.reconciliation.rows} 行数据都不是有效意见（问题行 ${result.rejects.length}，空行 ${result.reconciliation.blanks}，说明行 ${result.reconciliation.notes ?? 0}）`;
  throw new YijianError('E_NO_RECORDS', `没有读到任何意见：${why}。`, {
    hint: '请先用 yijian inspect 查看各文件的表头与列映射；意见列没有认出时，按提示用 --map 指定。',
  });
}

const SHEET_ERRORS: ReadonlySet<string> = new Set(['E_NO_OPINION_COLUMN', 'E_NO_HEADER', 'E_TOO_MANY_ROWS']);

/** A sheet problem that is an error (its opinions cannot be read), not a remark: 错误 on stderr, ✗ under its sheet. */
export function isSheetError(code: string): boolean {
  return SHEET_ERRORS.has(code);
}

/** The warning for one group of point names alike: each name with its records and files, and the config that makes them one. */
export function alikePointNamesText(group: readonly PointNameUse[]): string {
  const keep = preferredName(group);
  const names = group.map((use) => {
    const files = use.files.length > 2 ? `${use.files.slice(0, 2).join('、')} 等 ${use.files.length} 个文件` : use.files.join('、');
    return `“${use.name}”（${use.records} 条，${files}）`;
  });
  const config = JSON.stringify(Object.fromEntries(group.filter((use) => use.name !== keep).map((use) => [use.name, keep])));
  return `联系点名称${names.join('、')}像是同一个联系点，现按 ${group.length} 个联系点统计。`
    + `如是同一个，请在配置文件（yijian.config.json）中写 "pointNames": ${config}，各报告和反馈即按“${keep}”一个联系点计。`;
}

/**
 * Tells people about files that could not be read and sheet problems; returns whether any input problem exists.
 * `sheetNotices: 'shown'` is for a command whose stdout already shows, under each sheet, its notices and its
 * problems, and after the sheets the files it could not read, each with its code (inspect without --json):
 * each is printed in one place, so a person at a terminal reads it once.
 */
export function reportInputProblems(result: IngestResult, context: CommandContext, sheetNotices: 'print' | 'shown' = 'print'): boolean {
  const shown = sheetNotices === 'shown';
  const shownSheets = new Set(result.sheets.map((sheet) => `${sheet.file}\u0000${sheet.sheet}`));
  for (const failure of result.failures) {
    if (!shown) context.terminal.error(failure.code, failure.message);
    if (context.flags.debug && failure.cause !== undefined) process.stderr.write(`  原因（调试信息）：${failure.cause}\n`);
  }
  for (const problem of result.problems) {
    if (shown && shownSheets.has(`${problem.file}\u0000${problem.sheet}`)) continue;
    // A sheet whose opinions cannot be found at all is an error (its rows are all problem rows), not a remark.
    if (isSheetError(problem.code)) context.terminal.error(problem.code, problem.message);
    else context.terminal.warn(problem.code, problem.message);
  }
  // Information, not warnings (silenced by --quiet): the tool's reading, for a person to glance at; the code lets scripts pick one out.
  if (sheetNotices === 'print') for (const notice of result.notices) if (isSheetNotice(notice)) context.terminal.info(withCode(notice.code, noticeLine(notice)));
  if (result.rejects.length > 0) {
    context.terminal.warn('W_REJECTED_ROWS', `${result.rejects.length} 行未能成为有效意见（原因见输出中的“问题行”）。`);
  }
  for (const group of alikePointNames(pointNameItems(result.records), context.config.config.counties ?? [])) {
    context.terminal.warn('W_POINT_NAMES_ALIKE', alikePointNamesText(group));
  }
  return result.failures.length > 0 || result.rejects.length > 0 || result.problems.length > 0;
}
