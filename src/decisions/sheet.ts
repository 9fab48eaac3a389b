/**
 * The filled decision sheet (采纳情况登记表) as drafters return it: sorted, filtered, re-saved by
 * WPS or Excel. Headers are found by their text and rows matched by id, never by position.
 */
import * as XLSX from 'xlsx';
import { type Decision, foldDecisionText, parseDecision } from './values.js';

/** Where a value sits: file, sheet and the cell address staff can type into the name box. */
export interface CellRef {
  file: string;
  sheet: string;
  /** G7 */
  address: string;
  /** 1-based row as the spreadsheet shows it. */
  row: number;
}

/** One filled row: the id it names, the decision and reason written there. */
export interface DecisionEntry {
  /** 编号 (or 意见编号 on the 单条意见 sheet). */
  id: string;
  /** 编号（核对用）, the hidden copy; '' when absent. */
  checkId: string;
  decision: Decision;
  /** The cell as written, for messages. */
  written: string;
  reason: string;
  /** The decision cell. */
  cell: CellRef;
  /** The id cell. */
  idCell: CellRef;
  /** 状态 from a carried-forward sheet, '' otherwise. */
  status: string;
  /** 成员（核对用）: the cluster's distinct opinion ids, empty when the column is absent. */
  members: string[];
}

/** What can be wrong with a decision sheet; each names its cell when there is one. */
export type DecisionProblemCode =
  | 'unknown-decision'
  | 'missing-id'
  | 'duplicate-id'
  | 'unknown-id'
  | 'id-mismatch'
  | 'no-decision-sheet';

/** A problem found in the sheet: a warning, fatal under --strict. */
export interface DecisionProblem {
  code: DecisionProblemCode;
  /** Chinese, naming the cell: 采纳情况登记表.xlsx 工作表 采纳情况登记表 G7 … */
  message: string;
  cell: CellRef | null;
}

/** 采纳情况登记表 read back: per-cluster rows, per-opinion overrides, problems. */
export interface DecisionSheet {
  file: string;
  clusters: DecisionEntry[];
  opinions: DecisionEntry[];
  problems: DecisionProblem[];
}

/** "采纳情况登记表.xlsx 工作表 采纳情况登记表 G7" */
export function describeCell(cell: CellRef): string {
  return `${cell.file} 工作表 ${cell.sheet} ${cell.address}`;
}

const HEADER_SCAN_ROWS = 12;

/** Header names, folded: full-width brackets and spaces do not matter. */
const fold = (text: string): string => foldDecisionText(text).replace(/[()]/g, '');
const HEADERS = {
  id: ['编号', '类编号', '意见类编号'],
  checkId: ['编号核对用', '核对编号'],
  opinionId: ['意见编号', '记录编号'],
  decision: ['采纳情况', '处理意见', '采纳意见', '采纳结果'],
  reason: ['理由说明', '理由', '说明', '采纳理由', '未采纳理由'],
  status: ['状态'],
  members: ['成员核对用'],
};
type HeaderKey = keyof typeof HEADERS;

/** Column index of each known header in a row, or null when the row is not a decision header. */
function headerColumns(row: readonly string[]): Partial<Record<HeaderKey, number>> | null {
  const found: Partial<Record<HeaderKey, number>> = {};
  row.forEach((cell, index) => {
    const text = fold(cell);
    for (const key of Object.keys(HEADERS) as HeaderKey[]) {
      if (found[key] === undefined && HEADERS[key].includes(text)) found[key] = index;
    }
  });
  const hasId = found.id !== undefined || found.checkId !== undefined || found.opinionId !== undefined;
  return hasId && found.decision !== undefined ? found : null;
}

/** Cell text with SheetJS's formatting, the formula guard (U+200B) and outer spaces removed. */
const clean = (value: unknown): string => String(value ?? '').replace(/\u200B/g, '').trim();

/** Reads every sheet of a decision workbook (pure: the workbook is already parsed). */
export function parseDecisionWorkbook(workbook: XLSX.WorkBook, file: string): DecisionSheet {
  const result: DecisionSheet = { file, clusters: [], opinions: [], problems: [] };
  let foundHeader = false;
  for (const sheetName of workbook.SheetNames) {
    const sheet = workbook.Sheets[sheetName];
    if (sheet === undefined || sheet['!ref'] === undefined) continue;
    const origin = XLSX.utils.decode_range(sheet['!ref']).s;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '', blankrows: true })
      .map((row) => row.map(clean));
    const headerIndex = rows.slice(0, HEADER_SCAN_ROWS).findIndex((row) => headerColumns(row) !== null);
    if (headerIndex < 0) continue;
    foundHeader = true;
    const columns = headerColumns(rows[headerIndex] ?? []) ?? {};
    const perOpinion = columns.opinionId !== undefined;
    const target = perOpinion ? result.opinions : result.clusters;
    const cellRef = (rowIndex: number, column: number): CellRef => ({
      file,
      sheet: sheetName,
      address: XLSX.utils.encode_cell({ r: origin.r + rowIndex, c: origin.c + column }),
      row: origin.r + rowIndex + 1,
    });
    const seen = new Map<string, CellRef>();
    for (let i = headerIndex + 1; i < rows.length; i += 1) {
      const row = rows[i] ?? [];
      const at = (column: number | undefined): string => (column === undefined ? '' : (row[column] ?? ''));
      const idColumn = perOpinion ? columns.opinionId : (columns.id ?? columns.checkId);
      const id = at(idColumn) !== '' ? at(idColumn) : at(columns.checkId);
      const written = at(columns.decision);
      const reason = at(columns.reason);
      const decisionCell = cellRef(i, columns.decision ?? 0);
      if (id === '') {
        // A row with a decision but no id cannot be matched; a row with neither carries nothing to lose.
        if (written !== '' || reason !== '') {
          result.problems.push({
            code: 'missing-id',
            message: `${describeCell(decisionCell)}：此行填写了采纳情况或理由，但没有编号，无法对应到意见`,
            cell: decisionCell,
          });
        }
        continue;
      }
      const idCell = cellRef(i, (id === at(idColumn) ? idColumn : columns.checkId) ?? 0);
      const decision = parseDecision(written);
      if (decision === null) {
        result.problems.push({
          code: 'unknown-decision',
          message: `${describeCell(decisionCell)}：不认识的采纳情况“${written}”（编号 ${id}），按“待研究”处理`,
          cell: decisionCell,
        });
      }
      const earlier = seen.get(id);
      if (earlier !== undefined) {
        result.problems.push({
          code: 'duplicate-id',
          message: `${describeCell(idCell)}：编号 ${id} 重复出现（首次在 ${earlier.address}），以首次出现的行为准`,
          cell: idCell,
        });
        continue;
      }
      seen.set(id, idCell);
      target.push({
        id,
        checkId: perOpinion ? '' : at(columns.checkId),
        decision: decision ?? '待研究',
        written,
        reason,
        cell: decisionCell,
        idCell,
        status: at(columns.status),
        members: at(columns.members).split(/\s+/).filter((m) => m !== ''),
      });
    }
  }
  if (!foundHeader) {
    result.problems.push({
      code: 'no-decision-sheet',
      message: `${file}：没有找到含“编号”和“采纳情况”列的工作表，所有意见按“待研究”处理`,
      cell: null,
    });
  }
  return result;
}
