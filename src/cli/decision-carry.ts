/** `digest --decisions OLD_SHEET`: the earlier, filled decision sheet read, and carried into the new digest. */
import { readDecisionSheet, type DecisionSheetSource } from '../decisions/read-sheet.js';
import type { CarriedDecisions } from '../decisions/carried.js';
import { type CarriedCorrections, carryCorrections, carryForward, correctionsBeforeBuild } from '../decisions/carry-forward.js';
import type { DecisionSheet } from '../decisions/sheet.js';
import type { Digest } from '../model.js';
import type { CommandContext } from './program.js';
import { noticeText } from '../notices.js';

/** An earlier, filled decision sheet for `digest --decisions`, read before the build so its corrections shape it. */
export interface DecisionCarry {
  sheet: DecisionSheet;
  /** Resolves the sheet's corrections against the records just read: assignments to keep and examples for the assigner. */
  beforeBuild(records: readonly { id: string; opinion: string }[], draft: Digest['draft']): CarriedCorrections;
  /** Applies corrections and moves to the built digest and maps the old decisions onto it, telling the user what happened. */
  afterBuild(digest: Digest): { digest: Digest; carried: CarriedDecisions };
}

/** For `digest --decisions OLD_SHEET`: reads the old sheet (a bad one stops the run before anything is written). */
export async function readDecisionCarry(
  decisions: DecisionSheetSource | null, context: CommandContext,
): Promise<DecisionCarry | undefined> {
  if (decisions === null) return undefined;
  const sheet = await readDecisionSheet(decisions, context.workbooks);
  for (const notice of sheet.notices) context.terminal.warn(notice.code, noticeText(notice));
  for (const problem of sheet.problems) context.terminal.warn(problem.code, problem.message);
  let before: CarriedCorrections | null = null;
  return {
    sheet,
    beforeBuild(records, draft) {
      before = correctionsBeforeBuild(sheet, records, draft);
      return before;
    },
    afterBuild(built) {
      const corrected = before === null ? null : carryCorrections(sheet, before, built);
      const digest = corrected?.digest ?? built;
      for (const problem of corrected?.problems ?? []) context.terminal.warn(problem.code, problem.message);
      if (corrected !== null && (corrected.counts.articles > 0 || corrected.counts.moves > 0)) {
        context.terminal.info(`沿用上次登记表中的更正：${corrected.counts.articles} 条意见按更正后的条款归入，${corrected.counts.moves} 条意见移入指定的类。`);
      }
      const result = carryForward(sheet, digest, corrected?.movedTo);
      context.terminal.info(`沿用上次的采纳情况：成员未变 ${result.kept} 类，需复核 ${result.review} 类，新增 ${result.added} 类。`);
      if (result.gone.length > 0) {
        context.terminal.warn('W_DECISIONS_GONE', `上次登记表中 ${result.gone.length} 类意见在本次汇总中已不存在（原编号 ${result.gone.join('、')}），其采纳情况未沿用。`);
      }
      return { digest, carried: result.carried };
    },
  };
}
