/**
 * One data row → a record, a reject with its reason, or a blank row.
 */
import { createHash } from 'node:crypto';
import { FIELDS, type Field, type OpinionRecord, type PointSource, type Provenance, type Reject } from '../model.js';
import { findArticleRefs, parseArticleCell } from '../text/article-ref.js';
import { cellsBeyond, cellText, columnLetter, isUnreadable, stripNul, type GridCell } from './grid.js';
import { noteKind, noteText, type NoteKind } from './non-data.js';
import { fromHtml } from '../text/html.js';
import { splitOpinion } from './split.js';
import type { ArticleQuestion } from './article-questions.js';
import { labelledParts, type LabelledParts } from './labelled-cell.js';
import { simplifiedName } from '../text/normalize.js';
import { parseSourceRow } from '../provenance.js';
import { columnWords, rowColumnWords, rowWords } from '../location.js';

/** What the row belongs to and how its point and county are found when the sheet has no column for them. */
export interface RowContext {
  source: Omit<Provenance, 'row'>;
  /** Column header per column (for reject cells), already made unique. */
  cellKeys: readonly string[];
  /** Column (0-based) of each mapped field; no opinion column means every row is invalid. */
  fieldColumns: ReadonlyMap<Field, number>;
  /** Point / county when the row has none, in order: option, config rule, file name. */
  fallbackPoint: { name: string; source: PointSource } | null;
  /** Other names of a point → the name it goes by (config pointNames). */
  pointNames: ReadonlyMap<string, string>;
  fallbackCounty: string | null;
  /** In a chat log pasted into a sheet: who wrote the messages below the last speaker line, and when (chatSpeaker). */
  speaker?: { name: string; time: string | null } | null;
  /** The county a point's own name begins with (东城区和平里街道), used before the file name's; null if none. */
  countyOfPoint: (point: string) => string | null;
  maxCellLength: number;
  /** The header row's cell count, when a row with more cells is rejected (CSV: a cell split by a comma). */
  strictWidth?: number;
  /**
   * One shared copy of a repeated short value (联系点, 县区, 身份, 条款, 日期): a sheet of thousands of rows
   * names the same few points and articles over and over.
   */
  intern: (text: string) => string;
  /** Split a cell of several numbered opinions into one record each (off with --no-split). */
  split: boolean;
  /**
   * A merged workbook read again (a county's, forwarded): the columns holding each record's own provenance
   * (来源文件, 来源工作表, 来源行号 5, and 格内序号 2 for a split part; a workbook of earlier versions has no
   * 格内序号 and shows 5-2 in 来源行号), so the record keeps its source, its part and its id. (Its 序号, the
   * point's own from 原表序号, comes through the column mapping like any other field.)
   */
  carried?: { file: number; sheet: number; row: number; part?: number; seen: Set<string> };
  /** Columns that each ask about one article (article-questions.ts): every answered cell is an opinion on it. */
  questions?: readonly ArticleQuestion[];
}

/** Fields whose values repeat from row to row, kept once per distinct value. */
const REPEATED_FIELDS: ReadonlySet<Field> = new Set(['point', 'county', 'submitterType', 'article', 'date']);

/**
 * Where an opinion is looked for when its own cell is empty: a row that fills only 修改建议 or 修改理由 (the
 * sheet's 意见 column left blank) is still one person's opinion, not a row to drop.
 */
const BORROW_FIELDS = ['suggestion', 'reason'] as const;
export type BorrowField = (typeof BORROW_FIELDS)[number];

/** The fate of one row. */
export type RowOutcome =
  | { kind: 'blank' }
  | { kind: 'note'; note: NoteKind; text: string }
  /**
   * One record, or several when the opinion cell held a numbered list (each with its `source.part`). `borrowed`
   * when the opinion cell was empty and the opinion was taken from the row's 修改建议 or 理由 cell instead.
   */
  | { kind: 'record'; records: OpinionRecord[]; borrowed?: { field: BorrowField; column: number }; questions?: true; labelled?: true }
  | { kind: 'reject'; reject: Reject };

/** A 序号 written on a row nobody filled in: forms come numbered 1 to 30 in advance, the rows below the last opinion stay so. */
const PRINTED_SEQ = /^\s*\d{1,5}\s*[.、]?\s*$/u;

/** True when the row's only filled cell is a bare number in the 序号 column: an empty row of a pre-numbered form. */
function onlyNumbered(cells: readonly GridCell[], seqColumn: number | undefined): boolean {
  if (seqColumn === undefined || !PRINTED_SEQ.test(cellText(cells[seqColumn]))) return false;
  return cells.every((cell, column) => column === seqColumn || (!isUnreadable(cell) && cellText(cell).trim() === ''));
}

/**
 * Stable record id: the same file, sheet and row (and part, for a split cell) give the same id on every
 * run; a row that is not split keeps the id it always had.
 */
export function recordId(source: Provenance): string {
  const base = `${source.file}\u0000${source.sheet}\u0000${source.row}`;
  const hash = createHash('sha1').update(source.part === undefined ? base : `${base}\u0000part${source.part}`).digest('hex');
  return `r${hash.slice(0, 16)}`;
}

export { rowLabel } from '../provenance.js';

/** Classifies one row; `row` is the 1-based row number the spreadsheet shows. */
export function classifyRow(cells: readonly GridCell[], row: number, context: RowContext): RowOutcome {
  if (cells.every((cell) => !isUnreadable(cell) && cellText(cell).trim() === '')) return { kind: 'blank' };
  if (onlyNumbered(cells, context.fieldColumns.get('seq'))) return { kind: 'blank' };
  // Spelled out, not spread: V8 gave each spread copy a hidden class of its own, 300-odd bytes per
  // record (measured in a heap snapshot), most of a gigabyte at a million records.
  const source: Provenance = carriedSource(cells, context) ?? { file: context.source.file, sheet: context.source.sheet, row };
  const reject = (reason: Reject['reason'], message: string, column: number | null): RowOutcome => ({
    kind: 'reject',
    reject: {
      source,
      reason,
      message,
      column: column === null ? null : columnLetter(column),
      cells: rowCells(cells, context),
    },
  });
  const beyond = context.strictWidth === undefined ? [] : cellsBeyond(cells, context.strictWidth);
  if (beyond.length > 0) {
    const letters = beyond.map(columnLetter).join('、');
    return reject(
      'E_EXTRA_CELLS',
      `${rowWords(row)}比表头多出 ${beyond.length} 个单元格（${columnWords(letters)}）：可能是意见中有未加引号的英文逗号，把一个单元格分成了几格，后面各列随之错位。原样列在下面，请修正后重新读取。`,
      beyond[0] ?? null,
    );
  }
  const opinionColumn = context.fieldColumns.get('opinion');
  const note = noteKind(cells, opinionColumn === undefined ? null : cellText(cells[opinionColumn]));
  if (note !== null) return { kind: 'note', note, text: noteText(cells) };
  const questions = context.questions ?? [];
  if (opinionColumn === undefined && questions.length === 0) {
    return reject('E_INVALID_ROW', `${rowWords(row)}：工作表没有“意见建议”列，本行无法读取。`, null);
  }
  const large = cells.findIndex((cell) => cellText(cell).length > context.maxCellLength);
  if (large >= 0) {
    const length = cellText(cells[large]).length;
    return reject(
      'E_CELL_TOO_LARGE',
      `${rowColumnWords(row, columnLetter(large))}内容过长（${length} 字，上限 ${context.maxCellLength} 字）。`,
      large,
    );
  }
  for (const column of context.fieldColumns.values()) {
    const cell = cells[column];
    if (isUnreadable(cell)) {
      return reject('E_UNREADABLE_CELL', `${rowColumnWords(row, columnLetter(column))}无法读取（${cell.shown}）。`, column);
    }
  }
  let opinion = opinionColumn === undefined ? '' : normalizeOpinion(cellText(cells[opinionColumn]));
  let borrowed: { field: BorrowField; column: number } | undefined;
  // 无, 暂无意见, 没有 — the person was asked and has no opinion: a 说明行, unless a 修改建议 on the row says more.
  const answeredNothing = isNoOpinion(opinion);
  if (answeredNothing) opinion = '';
  if (opinion === '') {
    for (const field of BORROW_FIELDS) {
      const column = context.fieldColumns.get(field);
      const text = column === undefined ? '' : normalizeOpinion(cellText(cells[column]));
      if (column !== undefined && text !== '') {
        opinion = text;
        borrowed = { field, column };
        break;
      }
    }
  }
  if (questions.length > 0) return questionAnswers(cells, source, row, opinion === '' ? null : { column: borrowed?.column ?? opinionColumn ?? -1, text: opinion }, answeredNothing, context, reject);
  if (opinion === '' && answeredNothing) return { kind: 'note', note: 'noOpinion', text: noteText(cells) };
  if (opinion === '') {
    return reject('E_NO_OPINION', `${rowWords(row)}“意见建议”为空。`, opinionColumn ?? null);
  }
  // 条款：第十条 / 意见：… / 理由：… in the one cell: each part to its field where the row leaves that field empty.
  const labelled = borrowed === undefined && context.carried === undefined ? labelledParts(opinion) : null;
  if (labelled !== null) opinion = labelled.opinion;
  const built = buildRecord(cells, source, opinion, context);
  // The borrowed text is the opinion now: not printed a second time as its 修改建议 or 理由.
  const record = borrowed === undefined ? (labelled === null ? built : withLabelledParts(built, labelled, context)) : { ...built, [borrowed.field]: null };
  const withBorrowed = (outcome: Extract<RowOutcome, { kind: 'record' }>): RowOutcome => {
    const said = labelled === null ? outcome : { ...outcome, labelled: true as const };
    return borrowed === undefined ? said : { ...said, borrowed };
  };
  if (context.carried !== undefined) {
    // Split already, when the county merged it: the part stays the one it was given, never split again.
    // The invisible guard merge put before =, +, -, @ is merge's own and comes off again.
    const text = (value: string | null): string | null => (value === null ? null : unguard(value));
    return withBorrowed({
      kind: 'record',
      records: [{
        ...record,
        seq: text(record.seq),
        opinion: unguard(record.opinion),
        submitter: text(record.submitter),
        article: text(record.article),
        suggestion: text(record.suggestion),
        reason: text(record.reason),
      }],
    });
  }
  const parts = context.split ? splitOpinion(opinion) : null;
  if (parts === null) return withBorrowed({ kind: 'record', records: [record] });
  const cellKeys = record.article === null ? [] : parseArticleCell(record.article).keys;
  return withBorrowed({
    kind: 'record',
    records: parts.map(({ part, text }) => {
      const partSource: Provenance = { file: source.file, sheet: source.sheet, row, part };
      return { ...record, id: recordId(partSource), source: partSource, opinion: text, article: partArticle(text, record.article, cellKeys) };
    }),
  });
}

/**
 * A row of a form that asks one question per article: each answered question cell an opinion on its header's
 * article, the general 意见 cell (其他意见和建议) one more with the row's own 条款, in column order; several are
 * parts of the row (第 2 行第 1 条 …). Answers are not split further. No answer: a 说明行 when the person wrote
 * 无 somewhere, else a row without an opinion.
 */
function questionAnswers(
  cells: readonly GridCell[],
  source: Provenance,
  row: number,
  general: { column: number; text: string } | null,
  generalSaidNothing: boolean,
  context: RowContext,
  reject: (reason: Reject['reason'], message: string, column: number | null) => RowOutcome,
): RowOutcome {
  const answers: { column: number; text: string; article: string | null }[] = [];
  let saidNothing = generalSaidNothing;
  for (const question of context.questions ?? []) {
    const text = normalizeOpinion(cellText(cells[question.column]));
    if (text === '') continue;
    if (isNoOpinion(text)) {
      saidNothing = true;
      continue;
    }
    answers.push({ column: question.column, text, article: question.article });
  }
  if (general !== null) answers.push({ column: general.column, text: general.text, article: null });
  if (answers.length === 0) {
    if (saidNothing) return { kind: 'note', note: 'noOpinion', text: noteText(cells) };
    return reject('E_NO_OPINION', `${rowWords(row)}各条的意见都没有填写。`, context.fieldColumns.get('opinion') ?? context.questions?.[0]?.column ?? null);
  }
  answers.sort((a, b) => a.column - b.column);
  const record = buildRecord(cells, source, answers[0]!.text, context);
  const own = (answer: (typeof answers)[number]): string | null => (answer.article === null ? record.article : context.intern(answer.article));
  if (answers.length === 1) return { kind: 'record', records: [{ ...record, article: own(answers[0]!) }], questions: true };
  return {
    kind: 'record',
    questions: true,
    records: answers.map((answer, i) => {
      const partSource: Provenance = { file: source.file, sheet: source.sheet, row, part: i + 1 };
      return { ...record, id: recordId(partSource), source: partSource, opinion: answer.text, article: own(answer) };
    }),
  };
}

/** The record with a labelled cell's 条款, 修改建议 and 理由 where its own cells left them empty. */
function withLabelledParts(record: OpinionRecord, parts: LabelledParts, context: RowContext): OpinionRecord {
  return {
    ...record,
    article: record.article ?? (parts.article === undefined ? null : context.intern(parts.article)),
    suggestion: record.suggestion ?? parts.suggestion ?? null,
    reason: record.reason ?? parts.reason ?? null,
  };
}

// The zero-width space cell-safety.ts puts before text a spreadsheet would run as a formula.
function unguard(text: string): string {
  return text.startsWith('\u200B') ? text.slice(1) : text;
}

// The record's own provenance from a merged workbook's 来源 columns, or null when they do not hold one.
function carriedSource(cells: readonly GridCell[], context: RowContext): Provenance | null {
  const carried = context.carried;
  if (carried === undefined) return null;
  const file = unguard(normalizeField(cellText(cells[carried.file])));
  const sheet = unguard(normalizeField(cellText(cells[carried.sheet])));
  const at = carriedRow(cells, carried);
  if (file === '' || at === null) return null;
  // A row copied within the merged sheet would give two records one id: the copy keeps its own place instead.
  const key = `${file}\u0000${sheet}\u0000${at.row}\u0000${at.part ?? 0}`;
  if (carried.seen.has(key)) return null;
  carried.seen.add(key);
  return at.part === undefined ? { file, sheet, row: at.row } : { file, sheet, row: at.row, part: at.part };
}

// 来源行号 (5), with 格内序号 (2) when the workbook has that column and the cell is filled; an earlier version's
// 5-2 in 来源行号 itself is read too. Null for a place that is not one (a 格内序号 of 0 or text).
function carriedRow(cells: readonly GridCell[], carried: NonNullable<RowContext['carried']>): Pick<Provenance, 'row' | 'part'> | null {
  const at = parseSourceRow(cellText(cells[carried.row]));
  const partText = carried.part === undefined ? '' : cellText(cells[carried.part]).trim();
  if (at === null || partText === '') return at;
  const part = /^\d+$/u.test(partText) ? Number(partText) : 0;
  if (!Number.isSafeInteger(part) || part < 1 || at.part !== undefined) return null;
  return { row: at.row, part };
}

// A part that cites articles of its own takes those from a 条款 cell naming several ("第四十七条、第九十七条"),
// so each opinion goes to its own article; otherwise the part keeps the cell as written.
function partArticle(text: string, article: string | null, cellKeys: readonly string[]): string | null {
  if (article === null || cellKeys.length < 2) return article;
  const cited = findArticleRefs(text);
  const keys = cited.flatMap((c) => c.keys);
  if (keys.length === 0 || !keys.every((key) => cellKeys.includes(key))) return article;
  return cited.map((c) => c.text).join('、');
}

function buildRecord(
  cells: readonly GridCell[],
  source: Provenance,
  opinion: string,
  context: RowContext,
): OpinionRecord {
  const value = (field: Field): string | null => {
    const column = context.fieldColumns.get(field);
    if (column === undefined) return null;
    const cell = normalizeField(cellText(cells[column]));
    if (cell === '') return null;
    // 嘉定區安亭鎮 from one point and 嘉定区安亭镇 from another are one point, in one county.
    const text = field === 'point' || field === 'county' ? simplifiedName(cell) : cell;
    return REPEATED_FIELDS.has(field) ? context.intern(text) : text;
  };
  const fields = Object.fromEntries(FIELDS.map((field) => [field, value(field)])) as Record<Field, string | null>;
  let point = fields.point;
  let pointSource: PointSource = 'column';
  if (point === null) {
    point = context.fallbackPoint?.name ?? null;
    pointSource = context.fallbackPoint?.source ?? 'none';
  }
  if (point !== null) point = context.pointNames.get(point) ?? point;
  return {
    id: recordId(source),
    source,
    seq: fields.seq,
    point,
    pointSource,
    county: fields.county ?? (fields.point === null ? null : context.countyOfPoint(fields.point)) ?? context.fallbackCounty,
    submitter: fields.submitter ?? context.speaker?.name ?? null,
    submitterType: fields.submitterType,
    article: fields.article,
    opinion,
    suggestion: fields.suggestion,
    reason: fields.reason,
    contact: fields.contact,
    date: fields.date ?? context.speaker?.time ?? null,
  };
}

// Opinions keep their line breaks (staff wrote paragraphs), with Windows/Mac line ends unified.
/**
 * What an online form's export writes for a question left unanswered — 问卷星 (跳过) and (空), 腾讯问卷 （空）, (未填写)
 * —: an empty cell, not an answer (a 修改建议 of “(空)”, a 提出人 “(跳过)”).
 */
const UNANSWERED = /^[（(](?:跳过|空|未填|未填写|未作答|未回答)[)）]$/u;

/**
 * An answer that says the person has no opinion — 无, 没有, 暂无意见, 无意见建议, 没意见。, /, — — as a form's
 * 意见建议 cell or an online form's last question gets it from most who take part. 同意 / 赞成 are opinions (for
 * the draft), and 无其他意见 after one is part of it.
 */
const NO_OPINION = /^(?:(?:暂时?|目前|本人|我|我们|本单位)?(?:无|没有|没|暂无|尚无)(?:任何|其他|其它|别的|什么)?(?:意见|建议|意见建议|意见和建议|意见或建议|修改意见|修改建议)?|无|[/／\\\-－—–_＿.。·]+|n\/?a|none|nil)$/iu;

/** Whether an opinion cell (already normalised) only says there is no opinion. */
export function isNoOpinion(opinion: string): boolean {
  if (opinion === '' || opinion.length > 16) return false;
  const bare = opinion.replace(/[\s。.！!，,；;~～]+$/u, '').trim();
  return bare === '' || NO_OPINION.test(bare);
}

function normalizeOpinion(text: string): string {
  // An online platform's rich text (<p>…</p>, &nbsp;) is read as the text it shows.
  const opinion = fromHtml(stripNul(text)
    .replace(/\r\n?/gu, '\n')
    .trim());
  return UNANSWERED.test(opinion) ? '' : opinion;
}

// Other fields are one-line values: any run of white space with a line break becomes one space.
function normalizeField(raw: string): string {
  const text = fromHtml(raw);
  if (!/[\r\n\u0000]/u.test(text)) {
    const trimmed = text.trim();
    return UNANSWERED.test(trimmed) ? '' : trimmed;
  }
  return stripNul(text)
    .replace(/[ \t\u3000]*[\r\n]+[\s]*/gu, ' ')
    .trim();
}

// A reject shows the row's non-empty cells by header; the object has no prototype so a header
// named "__proto__" or "constructor" is just a key.
function rowCells(cells: readonly GridCell[], context: RowContext): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  cells.forEach((cell, column) => {
    const text = stripNul(cellText(cell)).trim();
    if (text === '') return;
    const key = context.cellKeys[column] ?? columnWords(columnLetter(column));
    // Only an oversized cell is cut, and the cut says so: it is the reason for the reject.
    out[key] =
      text.length > context.maxCellLength ? `${text.slice(0, 1000)}…（共 ${text.length} 字，已截断）` : text;
  });
  return out;
}

/** Unique keys for reject cells: the header, or the column letter when the header is blank or repeated. */
export function uniqueCellKeys(headers: readonly string[], width: number): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (let column = 0; column < width; column += 1) {
    const letter = columnLetter(column);
    const header = stripNul(headers[column] ?? '').trim();
    let key = header === '' ? columnWords(letter) : header;
    if (seen.has(key)) key = `${key}（${columnWords(letter)}）`;
    seen.add(key);
    keys.push(key);
  }
  return keys;
}
