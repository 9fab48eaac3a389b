/**
 * Ingestion entry points: files in, records and rejects out, with figures that reconcile.
 */
import { basename } from 'node:path';
import { MERGED_SHEETS, type FileFailure, type OpinionRecord, type Reconciliation, type Reject, type SheetReport } from '../model.js';
import { YijianError } from '../errors.js';
import { atPlace } from '../location.js';
import { noticeText, readerNotice, type Notice, type OwnOutputNotice } from '../notices.js';
import { comparePaths, displayNames } from './files.js';
import type { IngestOptions } from './options.js';
import { readFileSheets } from './read-file.js';
import { WorkbookWorkers } from './workbook-worker.js';
import type { SheetGrid } from './grid.js';
import { mergedSources } from './merged.js';
import { ingestGrid, workbookPoint, type SheetProblem } from './sheet.js';
import { sheetPoints } from './point.js';

export { collectInputFiles, collectInputs, displayNames, refuseOutputAmongInputs, sameFile, type InputFiles } from './files.js';
export { normalizeIngestOptions, DEFAULT_LIMITS, type IngestOptions, type IngestOptionsInput, type PointRule } from './options.js';
export { parseMapSpec, parseMapSpecs, mapsFor, scopedMapSpec, type ForcedMapping, type MapTarget, type MapScope } from './map-spec.js';
export { splitOpinion, type OpinionPart } from './split.js';
export { rowLabel } from './rows.js';
export { NOTE_LABELS, type NoteKind } from './non-data.js';
export { DEFAULT_SYNONYMS, foldHeader, resolveFieldName } from './synonyms.js';
export { ingestGrid, type SheetOutcome, type SheetProblem, type SheetSource } from './sheet.js';
export { GUARDED_READ_DEFAULTS, readFileSheets, readGuardedFile, readSheetsFromBytes, sheetsFromBytes, SUPPORTED_EXTENSIONS, type FileSheets, type GuardedReadSettings } from './read-file.js';
export type { SheetGrid, GridCell, MergeRange } from './grid.js';
export { WorkbookWorkers } from './workbook-worker.js';

/** Everything a run read: per-sheet figures, failed files, records and rejects in source order. */
export interface IngestResult {
  sheets: SheetReport[];
  failures: FileFailure[];
  records: OpinionRecord[];
  rejects: Reject[];
  reconciliation: Reconciliation;
  /** Sheet problems with their codes (each SheetReport keeps only the messages). */
  problems: SheetProblem[];
  /**
   * What the reader decided on its own, in reading order: files of yijian's own left out or read in part,
   * and each sheet's notices (a column taken by its content, rows joined, cells split…).
   */
  notices: Notice[];
}

/**
 * Reads every file; a file that cannot be read becomes a FileFailure and the others go on.
 * Output is ordered by display name, then sheet order, then row, whatever the order of `paths`.
 * Workbooks are parsed by `workers` (the run's), or by workers started for this call and ended with it.
 * `onSheets` is handed each file's grids as read (the guided flow previews them instead of reading the file again),
 * and whether the file is a workbook `yijian merge` wrote, so a sheet read again is read as this run read it.
 * `onRecords` is given each sheet's records as soon as they are read.
 */
export async function readSubmissions(
  paths: readonly string[],
  options: IngestOptions,
  onProgress?: (done: number, total: number) => void,
  workers?: WorkbookWorkers,
  onSheets?: (path: string, grids: readonly SheetGrid[], merged: boolean) => void,
  onRecords?: (records: readonly OpinionRecord[]) => void,
): Promise<IngestResult> {
  if (workers === undefined) {
    const own = new WorkbookWorkers();
    try {
      return await readSubmissions(paths, options, onProgress, own, onSheets, onRecords);
    } finally {
      await own.close();
    }
  }
  const names = displayNames(paths);
  const ordered = [...paths].sort((a, b) => comparePaths(names.get(a) ?? a, names.get(b) ?? b) || comparePaths(a, b));
  const result: IngestResult = {
    sheets: [],
    failures: [],
    records: [],
    rejects: [],
    reconciliation: emptyReconciliation(paths.length),
    problems: [],
    notices: [],
  };
  const inputNames = new Set(ordered.flatMap((path) => [basename(path), names.get(path) ?? basename(path)]));
  let done = 0;
  let skipped = 0;
  for (const path of ordered) {
    const file = names.get(path) ?? basename(path);
    try {
      const { grids, encoding, warnings = [], origin, notOpinions } = await readFileSheets(path, options, workers);
      if (notOpinions !== undefined) {
        // The draft's own text or the 征求意见通知, sent along with the opinions: left out, and said.
        result.notices.push(
          notOpinions.kind === 'draft'
            ? { code: 'W_WORD_NOT_OPINIONS', location: { file }, kind: 'draft', articles: notOpinions.articles }
            : { code: 'W_WORD_NOT_OPINIONS', location: { file }, kind: 'notice', title: notOpinions.title },
        );
        skipped += 1;
        done += 1;
        onProgress?.(done, ordered.length);
        continue;
      }
      const merged = origin?.kind === 'merge';
      onSheets?.(path, grids, merged);
      const skip = origin === undefined ? null : ownOutputNotice(file, origin.kind, grids, inputNames);
      if (skip !== null) {
        result.notices.push(skip);
        skipped += 1;
        done += 1;
        onProgress?.(done, ordered.length);
        continue;
      }
      // A county's merged workbook, forwarded on its own: its opinions are on 意见汇总; 问题行 and 核对 are that
      // run's own report on its inputs, not submissions.
      const read = merged ? grids.filter((grid) => grid.name !== MERGED_SHEETS.rejects && grid.name !== MERGED_SHEETS.counts) : grids;
      if (read.length < grids.length) {
        result.notices.push({ code: 'W_MERGED_RECORDS_ONLY', location: { file }, records: MERGED_SHEETS.records, others: [MERGED_SHEETS.rejects, MERGED_SHEETS.counts] });
      }
      // A county's workbook with one sheet per point (东湖街道, 桃源镇 …): each sheet's point is its name.
      const named = merged ? new Map<string, string>() : sheetPoints(read.filter((grid) => grid.word === undefined).map((grid) => grid.name), path);
      // A workbook with a cover (封面) before the table: its 报送单位：… names the point of the other sheets.
      const cover = merged ? undefined : workbookPoint(read, options);
      const outcomes = read.map((grid) => {
        const sheetPoint = named.get(grid.name);
        return ingestGrid(
          grid,
          merged ? { file, path, encoding, merged: true } : { file, path, encoding, ...(sheetPoint === undefined ? {} : { sheetPoint }), ...(cover === undefined ? {} : { cover }) },
          options,
        );
      });
      // A county's 汇总 sheet that repeats the points' own sheets of the same workbook: read once, not twice.
      const summaries = merged || options.sheet !== null ? new Map<number, string[]>() : summarySheets(outcomes.map((o) => o.records));
      for (const [at, grid] of read.entries()) {
        const outcome = outcomes[at]!;
        const within = summaries.get(at);
        if (within !== undefined) {
          result.notices.push({ code: 'W_SUMMARY_SHEET_SKIPPED', location: { file, sheet: grid.name }, records: outcome.records.length, within: within.map((i) => read[Number(i)]!.name) });
          continue;
        }
        for (const warning of warnings) {
          // The reader's notices (lines of one CSV in different encodings, control characters removed): problems of their sheet.
          if (warning.sheet !== undefined && warning.sheet !== grid.name) continue;
          const notice = readerNotice(warning, file, grid.name);
          const message = noticeText(notice);
          outcome.problems.push({ file, sheet: grid.name, code: notice.code, message });
          outcome.report.problems.push(message);
        }
        result.sheets.push(outcome.report);
        // A loop, not push(...spread): a sheet can hold a million rows, more than a call's arguments.
        for (const record of outcome.records) result.records.push(record);
        // Each sheet's records as soon as they are read (the digest segments them in a second thread meanwhile).
        onRecords?.(outcome.records);
        for (const reject of outcome.rejects) result.rejects.push(reject);
        for (const problem of outcome.problems) result.problems.push(problem);
        for (const notice of outcome.notices) result.notices.push(notice);
      }
    } catch (error) {
      result.failures.push(toFailure(file, error));
    }
    done += 1;
    onProgress?.(done, ordered.length);
  }
  result.reconciliation = reconcile(paths.length - skipped, result);
  return result;
}

/** An opinion's text as compared between the sheets of one workbook: a copied row is the same text, white space aside. */
function opinionKey(record: OpinionRecord): string {
  return record.opinion.replace(/\s+/gu, '');
}

/**
 * The sheets of one workbook whose opinions (two or more) are all on its other sheets — a 汇总 sheet over the points'
 * sheets, a copy of a sheet — by index, with the indexes (as strings) of the sheets that hold them. The largest go
 * first, so the 汇总 is the one left out and the points' own sheets stay; of two copies, the later one.
 */
function summarySheets(sheets: readonly (readonly OpinionRecord[])[]): Map<number, string[]> {
  const skipped = new Map<number, string[]>();
  if (sheets.length < 2) return skipped;
  const keys = sheets.map((records) => records.map(opinionKey));
  const sets = keys.map((list) => new Set(list));
  const order = keys.map((_, i) => i).sort((a, b) => keys[b]!.length - keys[a]!.length || b - a);
  for (const at of order) {
    if (keys[at]!.length < 2) continue;
    const holders = new Map<string, number>();
    for (const [other, set] of sets.entries()) {
      if (other === at || skipped.has(other)) continue;
      for (const key of set) if (!holders.has(key)) holders.set(key, other);
    }
    if (!keys[at]!.every((key) => holders.has(key))) continue;
    // A copy of one sheet is named as that sheet's; a 汇总 by the sheets that hold its rows.
    const copyOf = sets.findIndex((set, other) => other !== at && !skipped.has(other) && keys[at]!.every((key) => set.has(key)));
    const within = copyOf >= 0 ? [copyOf] : [...new Set(keys[at]!.map((key) => holders.get(key)!))].sort((a, b) => a - b);
    skipped.set(at, within.map(String));
  }
  return skipped;
}

/**
 * Why a workbook yijian wrote is not read, or null to read it. Reports (登记表, 对照表, 统计) never hold
 * submissions. A merged workbook does — a county's, forwarded to the city — unless the files it was merged
 * from are read in the same run: then every opinion in it would be counted twice.
 */
function ownOutputNotice(file: string, kind: string, grids: readonly SheetGrid[], inputs: ReadonlySet<string>): OwnOutputNotice | null {
  if (kind !== 'merge') return { code: 'W_OWN_REPORT_SKIPPED', location: { file } };
  const sources = mergedSources(grids);
  const also = [...sources].filter((source) => inputs.has(source) && source !== file);
  if (also.length === 0) return null;
  return { code: 'W_MERGED_WITH_SOURCES', location: { file }, sources: also };
}

function toFailure(file: string, error: unknown): FileFailure {
  if (error instanceof YijianError) {
    const cause = error.cause instanceof Error ? error.cause.message : error.cause === undefined ? undefined : String(error.cause);
    return { file, code: error.code, message: atPlace({ file }, error.message), ...(cause === undefined ? {} : { cause }) };
  }
  // A parser bug must not stop the other files; the code says it is ours, not the user's.
  const detail = error instanceof Error ? error.message : String(error);
  return { file, code: 'E_UNREADABLE_FILE', message: atPlace({ file }, `读取时出错（${detail}）。`) };
}

function emptyReconciliation(files: number): Reconciliation {
  return { files, failedFiles: 0, sheets: 0, rows: 0, records: 0, rejects: 0, blanks: 0, balanced: true };
}

/**
 * Totals over all sheets; balanced when every row is a record (one or, split, several), a reject, a blank
 * or a 说明行, and the lists agree.
 */
export function reconcile(
  files: number,
  result: Pick<IngestResult, 'sheets' | 'failures' | 'records' | 'rejects'>,
): Reconciliation {
  const sum = (pick: (sheet: SheetReport) => number): number => result.sheets.reduce((n, s) => n + pick(s), 0);
  const rows = sum((s) => s.rows);
  const records = sum((s) => s.records);
  const rejects = sum((s) => s.rejects);
  const blanks = sum((s) => s.blanks);
  const notes = sum((s) => s.notes ?? 0);
  const splitParts = sum((s) => s.splitParts ?? 0);
  return {
    files,
    failedFiles: result.failures.length,
    sheets: result.sheets.length,
    rows,
    records,
    rejects,
    blanks,
    // Present only when there are any, so the figures of a month without them read as before.
    ...(notes > 0 ? { notes } : {}),
    ...(splitParts > 0 ? { splitParts } : {}),
    balanced:
      rows === records - splitParts + rejects + blanks + notes &&
      records === result.records.length &&
      rejects === result.rejects.length,
  };
}
