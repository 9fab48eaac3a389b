/**
 * Ingestion entry points: files in, records and rejects out, with figures that reconcile.
 */
import { basename } from 'node:path';
import type { FileFailure, OpinionRecord, Reconciliation, Reject, SheetReport } from '../model.js';
import { YijianError } from '../errors.js';
import { comparePaths, displayNames } from './files.js';
import type { IngestOptions } from './options.js';
import { readFileSheets } from './read-file.js';
import { ingestGrid, type SheetProblem } from './sheet.js';

export { collectInputFiles, displayNames } from './files.js';
export { normalizeIngestOptions, DEFAULT_LIMITS, type IngestOptions, type IngestOptionsInput, type PointRule } from './options.js';
export { parseMapSpec, parseMapSpecs, mapsFor, scopedMapSpec, type ForcedMapping, type MapTarget, type MapScope } from './map-spec.js';
export { splitOpinion, type OpinionPart } from './split.js';
export { rowLabel } from './rows.js';
export { NOTE_LABELS, type NoteKind } from './non-data.js';
export { DEFAULT_SYNONYMS, foldHeader, resolveFieldName } from './synonyms.js';
export { ingestGrid, type SheetOutcome, type SheetProblem, type SheetSource } from './sheet.js';
export { readFileSheets, readSheetsFromBytes, sheetsFromBytes, SUPPORTED_EXTENSIONS } from './read-file.js';
export type { SheetGrid, GridCell, MergeRange } from './grid.js';

/** Everything a run read: per-sheet figures, failed files, records and rejects in source order. */
export interface IngestResult {
  sheets: SheetReport[];
  failures: FileFailure[];
  records: OpinionRecord[];
  rejects: Reject[];
  reconciliation: Reconciliation;
  /** Sheet problems with their codes (each SheetReport keeps only the messages). */
  problems: SheetProblem[];
}

/**
 * Reads every file; a file that cannot be read becomes a FileFailure and the others go on.
 * Output is ordered by display name, then sheet order, then row, whatever the order of `paths`.
 */
export async function readSubmissions(
  paths: readonly string[],
  options: IngestOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<IngestResult> {
  const names = displayNames(paths);
  const ordered = [...paths].sort((a, b) => comparePaths(names.get(a) ?? a, names.get(b) ?? b) || comparePaths(a, b));
  const result: IngestResult = {
    sheets: [],
    failures: [],
    records: [],
    rejects: [],
    reconciliation: emptyReconciliation(paths.length),
    problems: [],
  };
  let done = 0;
  for (const path of ordered) {
    const file = names.get(path) ?? basename(path);
    try {
      const { grids, encoding, warnings = [] } = await readFileSheets(path, options);
      for (const grid of grids) {
        const outcome = ingestGrid(grid, { file, path, encoding }, options);
        for (const warning of warnings) {
          // The only reader warning today: lines of one CSV in different encodings, each decoded on its own.
          outcome.problems.push({ file, sheet: grid.name, code: 'E_MIXED_ENCODING', message: `文件 ${file}：${warning}` });
          outcome.report.problems.push(`文件 ${file}：${warning}`);
        }
        result.sheets.push(outcome.report);
        // A loop, not push(...spread): a sheet can hold a million rows, more than a call's arguments.
        for (const record of outcome.records) result.records.push(record);
        for (const reject of outcome.rejects) result.rejects.push(reject);
        for (const problem of outcome.problems) result.problems.push(problem);
      }
    } catch (error) {
      result.failures.push(toFailure(file, error));
    }
    done += 1;
    onProgress?.(done, ordered.length);
  }
  result.reconciliation = reconcile(paths.length, result);
  return result;
}

function toFailure(file: string, error: unknown): FileFailure {
  if (error instanceof YijianError) {
    const cause = error.cause instanceof Error ? error.cause.message : error.cause === undefined ? undefined : String(error.cause);
    return { file, code: error.code, message: `文件 ${file}：${error.message}`, ...(cause === undefined ? {} : { cause }) };
  }
  // A parser bug must not stop the other files; the code says it is ours, not the user's.
  const detail = error instanceof Error ? error.message : String(error);
  return { file, code: 'E_UNREADABLE_FILE', message: `文件 ${file}：读取时出错（${detail}）。` };
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
