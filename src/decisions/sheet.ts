/**
 * The filled decision sheet (采纳情况登记表) as drafters return it: sorted, filtered, re-saved by
 * WPS or Excel. Headers are found by their text and rows matched by id, never by position.
 * Pure: the sheets arrive as grids from the intake's guarded reader (read-sheet.ts).
 */
import { cellText, columnLetter, type SheetGrid } from '../ingest/grid.js';
import { type Decision, decisionRemark, foldDecisionText, parseDecision } from './values.js';
import { atPlace, cellWords, rowWords } from '../location.js';
import { cutText } from '../text/format.js';
import type { DecisionSheetNotice } from '../notices.js';
import { isToolSuggestion } from './suggestion-cell.js';

/** Where a value sits: file, sheet and the cell address staff can type into the name box. */
export interface CellRef {
  file: string;
  sheet: string;
  /** G7 */
  address: string;
  /** 1-based row as the spreadsheet shows it. */
  row: number;
}

/** A filled cell: its text, where it is, and its column's header as the sheet has it. */
export interface WrittenCell {
  text: string;
  cell: CellRef;
  header: string;
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
  /** 更正条款: the article a person says the opinion (or the whole cluster) is about; null when blank. */
  correction: WrittenCell | null;
  /** 移入类编号 (单条意见 only): the cluster the opinion belongs in instead; null when blank. */
  moveTo: WrittenCell | null;
}

/** What can be wrong with a decision sheet (W_… codes of the one union in codes.ts); each names its cell when there is one. */
export type { DecisionProblemCode } from '../codes.js';
import type { DecisionProblemCode } from '../codes.js';

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
  /** What the reader decided on its own: a merged cell spread over its rows, a hidden sheet left out or read. */
  notices: DecisionSheetNotice[];
}

/** "文件 采纳情况登记表.xlsx 工作表“采纳情况登记表” G7" */
export function describeCell(cell: CellRef): string {
  return cellWords(cell.file, cell.sheet, cell.address);
}

/** "文件 登记表.xlsx 工作表“单条意见” H7（第 7 行“更正条款”列）": for cells staff may have to look for. */
export function describeWritten(written: WrittenCell): string {
  return `${describeCell(written.cell)}（${rowWords(written.cell.row)}“${written.header}”列）`;
}

const HEADER_SCAN_ROWS = 12;
/** How much of an edited 可能涉及条文 cell a message repeats. */
const QUOTED_CHARS = 40;

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
  correction: ['更正条款', '条款更正', '更正后条款', '正确条款', '应归条款', '改为条款'],
  moveTo: ['移入类编号', '移入类', '改归类编号', '改归入类', '移至类编号', '归入类编号'],
  /** The tool's guess for a 未归入 opinion (src/report/candidates.ts): never read as a correction, only checked for edits. */
  suggestion: ['可能涉及条文'],
};
type HeaderKey = keyof typeof HEADERS;

/** Columns whose merged cells mean "this value for every row covered"; ids are never spread (they would repeat). */
const SPREAD: readonly HeaderKey[] = ['decision', 'reason', 'correction', 'moveTo'];

/**
 * 已有规定 is how many drafters answer an opinion the draft already meets, but it is not one of the decisions (is it
 * adopted or not? the bureau says): the message shows how to write it so that the remark still reaches the letter.
 */
function alreadyProvidedHint(written: string): string {
  return /已有(?:相关|相应|明确)?规定|已作(?:出)?(?:相关|相应)?规定|已规定/u.test(written)
    ? '；可写作“未采纳（已有规定）”或“采纳（已有规定）”，括号里的说明作为理由写进反馈函'
    : '';
}

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

/** Cell text with the formula guard (U+200B) and outer spaces removed. */
const clean = (value: string): string => value.replace(/\u200B/g, '').trim();

/** A sheet with its decision header found. */
interface HeaderedSheet {
  grid: SheetGrid;
  rows: string[][];
  headerIndex: number;
  columns: Partial<Record<HeaderKey, number>>;
  perOpinion: boolean;
}

function withHeader(grid: SheetGrid): HeaderedSheet | null {
  const rows = grid.rows.map((row) => row.map((cell) => clean(cellText(cell))));
  const headerIndex = rows.slice(0, HEADER_SCAN_ROWS).findIndex((row) => headerColumns(row) !== null);
  if (headerIndex < 0) return null;
  const columns = headerColumns(rows[headerIndex] ?? []) ?? {};
  return { grid, rows, headerIndex, columns, perOpinion: columns.opinionId !== undefined };
}

/**
 * Spreads each merged range's value over the rows it covers (Excel keeps it in the top-left cell only),
 * for the decision, reason and correction columns below the header; says so, naming the range.
 */
function spreadMerges(sheet: HeaderedSheet, file: string, notices: DecisionSheetNotice[]): void {
  const spreadColumns = new Set(SPREAD.map((key) => sheet.columns[key]).filter((c): c is number => c !== undefined));
  for (const merge of sheet.grid.merges) {
    // Only ranges within the data rows: a title merged across the top is not a decision.
    if (merge.s.r <= sheet.headerIndex || merge.e.r === merge.s.r) continue;
    for (let c = merge.s.c; c <= merge.e.c; c += 1) {
      if (!spreadColumns.has(c)) continue;
      const value = sheet.rows[merge.s.r]?.[c] ?? '';
      if (value === '') continue;
      for (let r = merge.s.r + 1; r <= merge.e.r; r += 1) {
        const row = sheet.rows[r] ?? (sheet.rows[r] = []);
        while (row.length <= c) row.push('');
        row[c] = value;
      }
      const column = columnLetter(c);
      notices.push({
        code: 'W_MERGED_CELLS_SPREAD',
        location: { file, sheet: sheet.grid.name, row: merge.s.r + 1, column },
        range: `${column}${merge.s.r + 1}:${column}${merge.e.r + 1}`,
        value,
        rows: merge.e.r - merge.s.r + 1,
      });
    }
  }
}

/**
 * Reads the decision sheets of a workbook (or the one grid of a CSV). A hidden sheet is read only when
 * no visible sheet of the same kind (采纳情况 / 单条意见) has the decision columns, and it is said.
 */
export function parseDecisionGrids(grids: readonly SheetGrid[], file: string): DecisionSheet {
  const result: DecisionSheet = { file, clusters: [], opinions: [], problems: [], notices: [] };
  const found = grids.map(withHeader).filter((s): s is HeaderedSheet => s !== null);
  if (found.length === 0) {
    result.problems.push({
      code: 'W_NO_DECISION_SHEET',
      message: atPlace({ file }, '没有找到含“编号”和“采纳情况”列的工作表'),
      cell: null,
    });
    return result;
  }
  const used: HeaderedSheet[] = [];
  for (const perOpinion of [false, true]) {
    const kind = found.filter((s) => s.perOpinion === perOpinion);
    const visible = kind.filter((s) => s.grid.hidden !== true);
    for (const sheet of kind) {
      if (sheet.grid.hidden !== true) continue;
      const location = { file, sheet: sheet.grid.name };
      result.notices.push(
        visible.length > 0
          ? { code: 'W_HIDDEN_SHEET_SKIPPED', location, visible: visible.map((s) => s.grid.name) }
          : { code: 'W_HIDDEN_SHEET_READ', location, perOpinion },
      );
    }
    used.push(...(visible.length > 0 ? visible : kind));
  }
  // Workbook order, so "the first row wins" between two visible sheets means what it did.
  used.sort((a, b) => grids.indexOf(a.grid) - grids.indexOf(b.grid));
  for (const sheet of used) readEntries(sheet, file, result);
  return result;
}

function readEntries(sheet: HeaderedSheet, file: string, result: DecisionSheet): void {
  spreadMerges(sheet, file, result.notices);
  const { rows, columns, perOpinion, headerIndex } = sheet;
  const target = perOpinion ? result.opinions : result.clusters;
  const cellRef = (rowIndex: number, column: number): CellRef => ({
    file,
    sheet: sheet.grid.name,
    address: `${columnLetter(column)}${rowIndex + 1}`,
    row: rowIndex + 1,
  });
  /** A person wrote in 可能涉及条文: say the cell is not read, and where a correction goes (suggestion-cell.ts). */
  const suggestionEdit = (rowIndex: number, text: string, column: number | undefined, id: string, correction: WrittenCell | null): DecisionProblem | null => {
    if (column === undefined || text === '' || isToolSuggestion(text)) return null;
    // The same article written in 更正条款 too: it is read from there, nothing is lost, nothing to say.
    if (correction !== null && foldDecisionText(correction.text) === foldDecisionText(text)) return null;
    const cell = cellRef(rowIndex, column);
    const where = describeWritten({ text, cell, header: rows[headerIndex]?.[column] ?? '' });
    const shown = cutText(text, QUOTED_CHARS);
    const about = id === '' ? '' : `（${perOpinion ? '意见编号' : '编号'} ${id}）`;
    const instead = correction === null
      ? '要更正，请填在“更正条款”列。'
      : `本行的更正以“${correction.header}”列的“${correction.text}”为准。`;
    return {
      code: 'W_SUGGESTION_EDITED',
      message: `${where}：填写的“${shown}”${about}未读取。这一列是工具按内容推测的条文，改动不作为更正；${instead}`,
      cell,
    };
  };
  const seen = new Map<string, CellRef>();
  for (let i = headerIndex + 1; i < rows.length; i += 1) {
    const row = rows[i] ?? [];
    const at = (column: number | undefined): string => (column === undefined ? '' : (row[column] ?? ''));
    const written = (key: 'correction' | 'moveTo'): WrittenCell | null => {
      const column = columns[key];
      // A correction is per opinion; the move column means nothing on the per-cluster sheet.
      if (column === undefined || at(column) === '' || (key === 'moveTo' && !perOpinion)) return null;
      return { text: at(column), cell: cellRef(i, column), header: rows[headerIndex]?.[column] ?? '' };
    };
    const idColumn = perOpinion ? columns.opinionId : (columns.id ?? columns.checkId);
    const id = at(idColumn) !== '' ? at(idColumn) : at(columns.checkId);
    const decisionText = at(columns.decision);
    // 不采纳（已有规定） with a blank 理由说明: the remark is the reason the point is told.
    const reason = at(columns.reason) !== '' ? at(columns.reason) : decisionRemark(decisionText);
    const correction = written('correction');
    const moveTo = written('moveTo');
    const decisionCell = cellRef(i, columns.decision ?? 0);
    const suggestion = suggestionEdit(i, at(columns.suggestion), columns.suggestion, id, correction);
    if (suggestion !== null) result.problems.push(suggestion);
    if (id === '') {
      // A row with something filled but no id cannot be matched; a row with nothing filled carries nothing to lose.
      const filled = correction ?? moveTo;
      if (decisionText !== '' || reason !== '' || filled !== null) {
        const where = decisionText !== '' || reason !== '' || filled === null ? decisionCell : filled.cell;
        result.problems.push({
          code: 'W_MISSING_ID',
          message: `${describeCell(where)}：此行填写了采纳情况、理由或更正，但没有编号，无法对应到意见`,
          cell: where,
        });
      }
      continue;
    }
    const idCell = cellRef(i, (id === at(idColumn) ? idColumn : columns.checkId) ?? 0);
    const decision = parseDecision(decisionText);
    if (decision === null) {
      result.problems.push({
        code: 'W_UNKNOWN_DECISION',
        message: `${describeCell(decisionCell)}：不认识的采纳情况“${decisionText}”（编号 ${id}），未作为决定使用${alreadyProvidedHint(decisionText)}`,
        cell: decisionCell,
      });
    }
    const status = at(columns.status);
    if (status.startsWith('需复核') && decisionText !== '' && columns.status !== undefined) {
      // digest --decisions pre-fills the old decision on a cluster that gained opinions: sent as it is, the new
      // points' letters would carry a decision nobody made on their opinions.
      const statusCell = cellRef(i, columns.status);
      result.problems.push({
        code: 'W_NOT_REVIEWED',
        message: `${describeCell(statusCell)}：此类标“需复核”（编号 ${id}），采纳情况“${decisionText}”是上次的决定，新加入的意见尚未复核；` +
          '复核后请把“状态”格清空',
        cell: statusCell,
      });
    }
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      result.problems.push({
        code: 'W_DUPLICATE_ID',
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
      written: decisionText,
      reason,
      cell: decisionCell,
      idCell,
      status: at(columns.status),
      members: at(columns.members).split(/\s+/).filter((m) => m !== ''),
      correction,
      moveTo,
    });
  }
}
