/** The guided flow's reading: each sheet's grid kept for previews, and one sheet read again with a person's choices. */
import type { Config } from '../config/schema.js';
import { ConfigSchema } from '../config/schema.js';
import { displayNames, ingestGrid, mapsFor, readSubmissions, type IngestOptions, type IngestResult, type SheetGrid, type WorkbookWorkers } from '../ingest/index.js';
import { fallbackPoint, type GuidedSheet, type SheetRead } from './guided-sheets.js';
import { mapEntries, patchConfigObject, type SheetChoices } from './guided-save.js';

/**
 * The guided flow's one read of the inputs: the records and figures of `readSubmissions`, and each sheet with
 * the grid that read parsed (kept for previews and re-reads with a person's choices, so no file is parsed twice).
 * Workbooks are parsed by `workers`, the run's, as digest and merge do.
 */
export async function readForGuide(
  files: readonly string[],
  options: IngestOptions,
  workers?: WorkbookWorkers,
): Promise<{ result: IngestResult; sheets: GuidedSheet[] }> {
  const grids = new Map<string, readonly SheetGrid[]>();
  const merged = new Set<string>();
  const result = await readSubmissions(files, options, undefined, workers, (path, read, isMerged) => {
    grids.set(path, read);
    if (isMerged) merged.add(path);
  });
  return { result, sheets: guidedSheets(files, result, grids, merged, options) };
}

/** Each sheet of the first read with its grid (from `grids`, each file's as read), its file's path, and whether that file is `merged`. */
function guidedSheets(
  files: readonly string[],
  result: IngestResult,
  grids: ReadonlyMap<string, readonly SheetGrid[]>,
  merged: ReadonlySet<string>,
  options: IngestOptions,
): GuidedSheet[] {
  const pathOf = new Map([...displayNames(files)].map(([path, name]) => [name, path]));
  const perFile = new Map<string, number>();
  for (const report of result.sheets) perFile.set(report.file, (perFile.get(report.file) ?? 0) + 1);
  const sheets: GuidedSheet[] = [];
  for (const report of result.sheets) {
    const path = pathOf.get(report.file);
    if (path === undefined) continue;
    const grid = grids.get(path)?.find((candidate) => candidate.name === report.sheet);
    if (grid === undefined) continue;
    const absent = mapsFor(options.maps, path, report.sheet).filter((mapping) => mapping.target.kind === 'none').map((mapping) => mapping.field);
    sheets.push({ original: report, path, grid, bySheet: (perFile.get(report.file) ?? 0) > 1, absent, ...(merged.has(path) ? { merged: true } : {}) });
  }
  return sheets;
}

/**
 * One sheet read again with the config as it would be saved with this sheet's choices (`raw` is the user's config
 * as written). A header-text target that lands on another column than the one picked (two headers alike) is
 * replaced by the column letter, in `choice` too, so what is saved is what was shown.
 */
export function rereadSheet(
  sheet: GuidedSheet,
  choice: SheetChoices,
  raw: Readonly<Record<string, unknown>>,
  files: readonly string[],
  optionsFor: (config: Config) => IngestOptions,
): SheetRead {
  const read = (): SheetRead => {
    const config = ConfigSchema.parse(patchConfigObject(raw, { map: mapEntries([choice], files, () => sheet.original.columns) }));
    // A merged workbook's 意见汇总 is read again as the first read did: 原表序号 as 序号, the 来源 columns as provenance.
    const source = { file: sheet.original.file, path: sheet.path, encoding: sheet.original.encoding, ...(sheet.merged === true ? { merged: true } : {}) };
    const outcome = ingestGrid(sheet.grid, source, optionsFor(config));
    return { report: outcome.report, rejects: outcome.rejects, problems: outcome.problems, notices: outcome.notices, point: fallbackPoint(outcome.records), records: outcome.records };
  };
  let result = read();
  let fixed = false;
  for (const [field, column] of Object.entries(choice.fields)) {
    if (column === null || column === undefined) continue;
    const landed = result.report.columns.find((candidate) => candidate.field === field)?.column;
    if (landed !== column.letter && column.header !== '') {
      column.header = '';
      fixed = true;
    }
  }
  if (fixed) result = read();
  return result;
}
