/** The decision-sheet slice that `digest --decisions` and `feedback --decisions` share, resolved in one place. */
import { normalizeIngestOptions } from '../../ingest/index.js';
import type { DecisionSheetSource } from '../../decisions/read-sheet.js';
import { flagPath } from './common.js';

/**
 * The filled decision sheet a --decisions flag names: its path against the folder the command runs in, and how
 * it is read — every sheet (the decision sheets are found by their headers, never by --sheet), within the
 * guarded reader's own limits (the config's reading settings are for submissions).
 */
export function decisionSheetOf(cwd: string, flag: string): DecisionSheetSource {
  return { path: flagPath(cwd, flag), reading: normalizeIngestOptions({}) };
}
