/**
 * Reads a filled decision sheet from disk (the only file I/O of the decision sheet), through the
 * intake's guarded reader: the same size, zip, encoding and time checks as a submission, so a damaged
 * or hostile 登记表 fails with a message instead of hanging `feedback`.
 */
import { basename } from 'node:path';
import { YijianError } from '../errors.js';
import { readFileSheets } from '../ingest/read-file.js';
import type { IngestOptions } from '../ingest/options.js';
import type { WorkbookWorkers } from '../ingest/workbook-worker.js';
import { type DecisionSheet, parseDecisionGrids } from './sheet.js';

const HINT = '请给出 yijian digest 生成并填写好的采纳情况登记表（.xlsx），或从它另存的 .xls / .csv。';

/** A filled decision sheet to read: where it is and how (resolved once, by the command's options). */
export interface DecisionSheetSource {
  path: string;
  /** Every sheet (the decision sheets are found by their headers), within the guarded reader's limits. */
  reading: IngestOptions;
}

/**
 * Reads `source.path` (xlsx, xls, or a CSV saved from it). Missing → E_FILE_NOT_FOUND; empty, damaged, not a
 * workbook, or without a sheet holding 编号 and 采纳情况 → E_BAD_DECISIONS naming the file.
 */
export async function readDecisionSheet(source: DecisionSheetSource, workers?: WorkbookWorkers): Promise<DecisionSheet> {
  const { path } = source;
  const name = basename(path);
  let grids;
  try {
    grids = (await readFileSheets(path, source.reading, workers)).grids;
  } catch (error) {
    if (!(error instanceof YijianError)) throw error;
    if (error.code === 'E_FILE_NOT_FOUND') {
      throw new YijianError('E_FILE_NOT_FOUND', `找不到采纳情况登记表：${path}`, {
        hint: '请检查 --decisions 后的文件路径。',
        location: { file: path },
        cause: error,
      });
    }
    throw new YijianError('E_BAD_DECISIONS', `无法读取采纳情况登记表 ${name}：${error.message}`, {
      // The intake's hints speak of submitters resending files; a 登记表 is the drafters' own file. Limits keep theirs.
      hint: error.code === 'E_TOO_LARGE' && error.hint !== undefined ? error.hint : `请用 Excel 或 WPS 打开这份登记表，确认内容完整后另存为 .xlsx 再试。${HINT}`,
      location: { file: path },
      cause: error,
    });
  }
  const sheet = parseDecisionGrids(grids, name);
  const missing = sheet.problems.find((p) => p.code === 'W_NO_DECISION_SHEET');
  if (missing !== undefined) {
    // Reading on would turn every decision into 待研究 without a word: an unusable sheet stops the run.
    throw new YijianError('E_BAD_DECISIONS', `采纳情况登记表 ${name} 中没有找到含“编号”和“采纳情况”列的工作表，无法读取采纳情况。`, {
      hint: `${HINT}表头被改名或删除时，请恢复“编号”“采纳情况”两列的表头。`,
      location: { file: path },
    });
  }
  return sheet;
}
