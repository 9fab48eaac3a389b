/**
 * The guided flow's first question, pure: which sheets a person should look at before their rows are trusted,
 * and why. A sheet is doubtful when the tool guessed (header words, content, two columns competing), when a
 * field is missing or its column's content does not fit it, or when many rows became problem rows.
 */
import { FIELD_HEADERS, type Field, type SheetReport } from '../model.js';
import type { SheetProblem } from '../ingest/index.js';
import { unfitForOpinion, type CellKind, type ColumnProfile } from '../ingest/content.js';
import { headedColumnWords, placeWords } from '../location.js';
import { noticesOf, noticeText, type Notice, type SheetNotice } from '../notices.js';
import type { NoticeCode } from '../codes.js';

/** Why a sheet needs a person's eye; `field` and `column` say what the doubt is about, when it is one place. */
export interface Doubt {
  kind: 'no-header' | 'no-opinion' | 'problem' | 'notice' | 'guess' | 'content' | 'unmapped' | 'rejects';
  field: Field | null;
  column: string | null;
  /** Chinese, for the person. */
  message: string;
  /** For a doubt that is a reading notice, the notice's own code, which the person sees after the message. */
  code?: NoticeCode;
}

/** A share of a column's cells above which the column is taken to hold that kind. */
const MOSTLY = 0.6;

const KIND_NAMES: Readonly<Record<CellKind, string>> = {
  citation: '条款序号',
  date: '日期',
  phone: '电话号码',
  name: '人名',
  number: '数字',
  text: '长段文字',
};

/** Kinds of content a field's column cannot mostly hold (the opinion column is judged by ingest's own rule). */
const UNFIT: Partial<Readonly<Record<Field, readonly CellKind[]>>> = {
  submitter: ['phone', 'date', 'citation', 'text'],
  contact: ['name', 'date', 'citation', 'text'],
  date: ['phone', 'name', 'citation', 'text'],
  article: ['phone', 'name', 'date'],
  point: ['phone', 'date', 'citation'],
  seq: ['phone', 'name', 'text'],
};

/** The field an unmapped column's content points to. */
const SUGGESTED: Partial<Readonly<Record<CellKind, Field>>> = {
  phone: 'contact',
  name: 'submitter',
  date: 'date',
  citation: 'article',
};

/** The kind most of a column's cells are, when one kind holds most of them; long text counts only when long. */
export function dominantKind(profile: ColumnProfile): CellKind | null {
  if (profile.filled < 2) return null;
  const kinds = Object.entries(profile.shares) as [CellKind, number][];
  const [kind, share] = kinds.reduce((a, b) => (b[1] > a[1] ? b : a));
  if (share < MOSTLY) return null;
  // Short text (同意, 无) is not evidence against a name or contact column; a column of sentences is.
  if (kind === 'text' && profile.meanLength < 20) return null;
  return kind;
}

/**
 * Why the content of `profile` does not fit `field`, in Chinese (内容多为电话号码，不像“提出人”), or null when it
 * may. Used both on the tool's mapping and on a column a person picks.
 */
export function contentMismatch(field: Field, profile: ColumnProfile | undefined): string | null {
  if (profile === undefined) return null;
  if (field === 'opinion') {
    const unfit = unfitForOpinion(profile);
    return unfit === null ? null : `内容多为${unfit.label}，不像“${FIELD_HEADERS.opinion}”`;
  }
  const kind = dominantKind(profile);
  if (kind === null || !(UNFIT[field] ?? []).includes(kind)) return null;
  return `内容多为${KIND_NAMES[kind]}，不像“${FIELD_HEADERS[field]}”`;
}

/** The field an unmapped column's content looks like, or null. */
export function suggestedField(profile: ColumnProfile | undefined): Field | null {
  if (profile === undefined) return null;
  const kind = dominantKind(profile);
  return kind === null ? null : (SUGGESTED[kind] ?? null);
}

// Reported, not guessed: cells split at their numbers (--no-split undoes it) and 填表说明 sheets leave nothing to choose.
const NOT_DOUBTS: ReadonlySet<SheetNotice['code']> = new Set(['W_CELLS_SPLIT', 'W_INSTRUCTION_SHEET']);

/**
 * Everything doubtful about one sheet's mapping; empty when the sheet can be trusted as read.
 * `read` holds the run's (or the sheet's) problems and notices, with their codes; `profiles` the sheet's
 * columns by letter, `absent` the fields a person said the sheet lacks (`提出人=无`), which no column is suggested for.
 */
export function sheetDoubts(
  sheet: SheetReport,
  read: { problems: readonly SheetProblem[]; notices: readonly Notice[] },
  profiles: ReadonlyMap<string, ColumnProfile>,
  absent: ReadonlySet<Field> = new Set(),
): Doubt[] {
  if (isInstructionSheet(sheet)) return [];
  const doubts: Doubt[] = [];
  const own = read.problems.filter((problem) => problem.file === sheet.file && problem.sheet === sheet.sheet);
  if (sheet.headerRows.length === 0) {
    doubts.push({ kind: 'no-header', field: null, column: null, message: '没有找到表头。' });
  } else if (!sheet.columns.some((column) => column.field === 'opinion')) {
    doubts.push({ kind: 'no-opinion', field: 'opinion', column: null, message: `没有找到“${FIELD_HEADERS.opinion}”列。` });
  }
  for (const problem of own) {
    if (problem.code === 'E_NO_HEADER' || problem.code === 'E_NO_OPINION_COLUMN') continue;
    doubts.push({ kind: 'problem', field: null, column: null, message: withoutPlace(problem.message, sheet) });
  }
  for (const notice of noticesOf(read.notices, sheet.file, sheet.sheet)) {
    if (NOT_DOUBTS.has(notice.code)) continue;
    // Contacts under 备注 are asked about with that column below (像“联系方式”列), or were answered (联系方式=无).
    if (notice.code === 'W_CONTACT_IN_UNREAD_COLUMN' && (absent.has('contact') || suggestedField(profiles.get(notice.column.column)) === 'contact')) continue;
    doubts.push({ kind: 'notice', field: null, column: null, message: noticeText(notice), code: notice.code });
  }
  const mapped = new Set(sheet.columns.flatMap((column) => (column.field === null ? [] : [column.field])));
  for (const column of sheet.columns) {
    const label = headedColumnWords(column.column, column.header || '（空表头）');
    if (column.field === null) {
      const field = suggestedField(profiles.get(column.column));
      if (field !== null && !mapped.has(field) && !absent.has(field)) {
        doubts.push({
          kind: 'unmapped', field, column: column.column,
          message: `${label}没有对应任何字段，内容多为${kindNameOf(profiles.get(column.column))}，像“${FIELD_HEADERS[field]}”列。`,
        });
      }
      continue;
    }
    const mismatch = contentMismatch(column.field, profiles.get(column.column));
    if (mismatch !== null) {
      doubts.push({ kind: 'content', field: column.field, column: column.column, message: `${label}作“${FIELD_HEADERS[column.field]}”列，但${mismatch}。` });
    } else if (column.how === 'words' || column.how === 'content') {
      const how = column.how === 'words' ? '按表头用词推断' : '按内容推断';
      doubts.push({ kind: 'guess', field: column.field, column: column.column, message: `${label}作“${FIELD_HEADERS[column.field]}”列是${how}的。` });
    }
  }
  if (sheet.rejects >= 2 && sheet.rejects >= sheet.rows * 0.25) {
    doubts.push({ kind: 'rejects', field: null, column: null, message: `${sheet.rows} 行数据中有 ${sheet.rejects} 行成了问题行。` });
  }
  return doubts;
}

/** A 填表说明 sheet: no table, every line a note — nothing to map. */
export function isInstructionSheet(sheet: SheetReport): boolean {
  return sheet.headerRows.length === 0 && (sheet.notes ?? 0) > 0 && sheet.notes === sheet.rows - sheet.blanks;
}

function kindNameOf(profile: ColumnProfile | undefined): string {
  const kind = profile === undefined ? null : dominantKind(profile);
  return kind === null ? '文字' : KIND_NAMES[kind];
}

// The sheet is named once in the flow's heading; its problems repeat 文件 … 工作表“…” (location.ts's words) at their start.
function withoutPlace(message: string, sheet: SheetReport): string {
  const prefix = placeWords({ file: sheet.file, sheet: sheet.sheet });
  const rest = message.startsWith(prefix) ? message.slice(prefix.length) : message;
  return rest.replace(/^[：:，,]\s*/u, '');
}
