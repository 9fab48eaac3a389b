/**
 * The guided flow's column step: each doubtful sheet (and any other the person asks for) shown with its first
 * rows and the column of every field; the person moves any field to another column or to none, sees the sheet
 * read again, and goes on. Prompts and reading are passed in, so the step runs in tests without a terminal.
 */
import { FIELD_HEADERS, type Field, type OpinionRecord, type Reject, type SheetReport } from '../model.js';
import type { SheetGrid, SheetProblem } from '../ingest/index.js';
import type { ColumnProfile } from '../ingest/content.js';
import { choiceLabel, headerChoices, profilesByLetter } from './guided-columns.js';
import { contentMismatch, isInstructionSheet, sheetDoubts, suggestedField, type Doubt } from './guided-doubts.js';
import { FIELD_ORDER, fieldTarget, mappingLines, previewLines, readResultLines } from './guided-view.js';
import type { ColumnChoice, SheetChoices } from './guided-save.js';
import { noticesOf, type Notice } from '../notices.js';
import type { NoticeCode } from '../codes.js';
import { atPlace, rowNumbersWords, sheetWords } from '../location.js';

/** The prompts the flow asks with: @inquirer/prompts at a terminal, scripted answers in tests. */
export interface Prompts {
  select<T>(question: { message: string; choices: { value: T; name: string }[]; default?: T; pageSize?: number }): Promise<T>;
  confirm(question: { message: string; default?: boolean }): Promise<boolean>;
  input(question: { message: string; default?: string; validate?: (value: string) => boolean | string }): Promise<string>;
  checkbox<T>(question: { message: string; choices: { value: T; name: string; checked?: boolean }[]; required?: boolean }): Promise<T[]>;
}

/** One sheet as the step works on it. */
export interface GuidedSheet {
  /** The sheet as first read (the tool's own mapping). */
  original: SheetReport;
  path: string;
  grid: SheetGrid;
  /** Scope saved choices to the sheet: its file has several sheets. */
  bySheet: boolean;
  /** Fields the config already says this sheet lacks (`提出人=无`). */
  absent: readonly Field[];
  /** The file is a workbook `yijian merge` wrote: a re-read keeps its merged handling (原表序号, 来源 columns). */
  merged?: boolean;
}

/** What reading one sheet again with the choices so far gives. */
export interface SheetRead {
  report: SheetReport;
  rejects: Reject[];
  problems: SheetProblem[];
  /** What the reader decided on its own about the sheet, with codes (a column taken by its content …). */
  notices: Notice[];
  /** The 联系点 the rows get when the sheet has no such column (from the file name, --point or the config). */
  point: string | null;
  /** The sheet's records as this read gives them. */
  records: readonly OpinionRecord[];
}

/** What the step needs from its caller. */
export interface SheetStepDeps {
  prompts: Prompts;
  /** Lines for the person (stderr at a terminal). */
  say: (line: string) => void;
  /**
   * A doubt for the person, with its code: a reading notice's own (W_COLUMNS_COMPETE …), W_COLUMN_DOUBT for one
   * the step found itself (a field missing, a picked column whose content does not fit).
   */
  warn: (line: string, code: NoticeCode | 'W_COLUMN_DOUBT') => void;
  /** Reads one sheet again with these choices (the other sheets' choices are the caller's business). */
  reread: (sheet: GuidedSheet, choices: SheetChoices) => Promise<SheetRead>;
  /** The terminal's width in columns, so previews do not wrap. */
  screenWidth?: number;
}

const DONE = '\u0000done';

/**
 * Runs the step over every sheet: doubtful ones are shown and asked about, then the person may open any other.
 * Returns, per sheet with any, the fields the person moved and the guessed ones they saw and kept.
 */
export async function chooseColumns(
  sheets: readonly GuidedSheet[],
  first: { records: readonly OpinionRecord[]; rejects: readonly Reject[]; problems: readonly SheetProblem[]; notices: readonly Notice[] },
  deps: SheetStepDeps,
): Promise<SheetChoices[]> {
  const states = sheets.map((sheet) => ({
    sheet,
    profiles: profilesByLetter(sheet.original, sheet.grid),
    read: {
      report: sheet.original,
      rejects: first.rejects.filter((reject) => sameSheet(reject.source, sheet.original)),
      problems: first.problems.filter((problem) => sameSheet(problem, sheet.original)),
      notices: noticesOf(first.notices, sheet.original.file, sheet.original.sheet),
      ...ownRecords(first.records, sheet.original),
    } satisfies SheetRead,
    choices: { file: sheet.original.file, path: sheet.path, sheet: sheet.original.sheet, bySheet: sheet.bySheet, fields: {} } as SheetChoices,
  }));
  const doubtful = states.filter((state) => sheetDoubts(state.sheet.original, state.read, state.profiles, absentFields(state)).length > 0);
  deps.say(doubtful.length === 0
    ? `读取了 ${sheets.length} 张工作表，列映射都没有疑问：`
    : `读取了 ${sheets.length} 张工作表，其中 ${doubtful.length} 张的列映射需要您确认：`);
  for (const state of states) {
    const mark = doubtful.includes(state) ? '？' : isInstructionSheet(state.sheet.original) ? '—' : '✔';
    deps.say(`  ${mark} ${state.sheet.original.file} · ${state.sheet.original.sheet}：有效意见 ${state.read.report.records}，问题行 ${state.read.report.rejects}`);
  }
  for (const state of doubtful) await reviewSheet(state, deps);

  for (;;) {
    const others = states.filter((state) => !isInstructionSheet(state.sheet.original));
    if (others.length === 0) break;
    const picked = await deps.prompts.select<number | string>({
      message: '还要查看或修改哪张表的列？',
      choices: [
        { value: DONE, name: '不用了，继续' },
        ...others.map((state) => ({ value: states.indexOf(state), name: `${state.sheet.original.file} · ${state.sheet.original.sheet}` })),
      ],
      default: DONE,
      pageSize: 12,
    });
    if (picked === DONE || typeof picked !== 'number') break;
    const state = states[picked];
    if (state !== undefined) await reviewSheet(state, deps);
  }
  return states.map((state) => state.choices).filter((choices) => Object.keys(choices.fields).length > 0);
}

// The first read's records of one sheet, and the 联系点 they fell back on.
function ownRecords(all: readonly OpinionRecord[], sheet: SheetReport): Pick<SheetRead, 'records' | 'point'> {
  const records = all.filter((record) => sameSheet(record.source, sheet));
  return { records, point: fallbackPoint(records) };
}

interface SheetState {
  sheet: GuidedSheet;
  profiles: Map<string, ColumnProfile>;
  read: SheetRead;
  choices: SheetChoices;
}

async function reviewSheet(state: SheetState, deps: SheetStepDeps): Promise<void> {
  const { original, grid } = state.sheet;
  const header = original.headerRows.length === 0 ? '表头未找到' : `表头${rowNumbersWords(original.headerRows)}`;
  deps.say('');
  deps.say(`■ ${original.file} · ${sheetWords(original.sheet)} · ${header}`);
  let doubts = sheetDoubts(state.read.report, state.read, state.profiles, absentFields(state));
  for (const doubt of doubts) deps.warn(doubt.message, doubt.code ?? 'W_COLUMN_DOUBT');
  for (const line of previewLines(grid, original.headerRows, 3, (deps.screenWidth ?? 200) - 2)) deps.say(`  ${line}`);
  deps.say('  各字段现在取自：');
  for (const line of mappingLines(state.read.report, state.read.point)) deps.say(line);
  for (const line of readResultLines(state.read.report, state.read.rejects)) deps.say(line);

  const columns = headerChoices(original, grid);
  let suggested = fieldToFix(doubts, state.choices);
  for (;;) {
    const field = await deps.prompts.select<Field | string>({
      message: atPlace({ file: original.file, sheet: original.sheet }, '要修改哪个字段的列？'),
      choices: [
        { value: DONE, name: '这张表没问题了，继续' },
        ...FIELD_ORDER.map((candidate) => ({ value: candidate, name: `${FIELD_HEADERS[candidate]} → ${fieldTarget(state.read.report, candidate)}` })),
      ],
      default: suggested ?? DONE,
      pageSize: FIELD_ORDER.length + 1,
    });
    if (field === DONE || !isField(field)) {
      confirmGuesses(state);
      return;
    }
    suggested = null;
    const current = state.read.report.columns.find((column) => column.field === field)?.column ?? null;
    // A column whose content looks like the field (phone numbers for 联系方式), an unmapped one first, else one
    // mapped to another field (the names under a 联系方式 header, when 提出人 holds the phone numbers).
    const looksLike = columns.filter((choice) => choice.column !== current && suggestedField(state.profiles.get(choice.column)) === field);
    const unmapped = looksLike.find((choice) => !state.read.report.columns.some((c) => c.column === choice.column && c.field !== null));
    const suggestion = (unmapped ?? looksLike[0])?.column ?? (field === 'opinion' && current === null ? longestText(state, columns) : null);
    const letter = await deps.prompts.select<string | null>({
      message: `“${FIELD_HEADERS[field]}”在哪一列？`,
      choices: [
        ...columns.map((choice) => ({ value: choice.column, name: choiceLabel(choice) })),
        { value: null, name: `无（本表没有“${FIELD_HEADERS[field]}”）` },
      ],
      default: suggestion ?? current,
      pageSize: 14,
    });
    const chosen: ColumnChoice = letter === null ? null : { letter, header: original.headerRows.length === 0 ? '' : (columns.find((c) => c.column === letter)?.header ?? '') };
    if (chosen !== null) {
      const mismatch = contentMismatch(field, state.profiles.get(chosen.letter));
      if (mismatch !== null) deps.warn(`注意：${chosen.letter} 列${mismatch}，请确认选对了列。`, 'W_COLUMN_DOUBT');
    } else if (field === 'opinion') {
      deps.warn(`注意：没有“${FIELD_HEADERS.opinion}”列，这张表的各行都会记为问题行。`, 'W_COLUMN_DOUBT');
    }
    const before = mappingLines(state.read.report, state.read.point);
    state.choices.fields[field] = chosen;
    state.read = await deps.reread(state.sheet, state.choices);
    const after = mappingLines(state.read.report, state.read.point);
    // Only what moved: the chosen field, and any field that lost or gained a column with it.
    deps.say('  重新读取后：');
    for (const line of after.filter((line, i) => line !== before[i] || FIELD_ORDER[i] === field)) deps.say(line);
    for (const line of readResultLines(state.read.report, state.read.rejects)) deps.say(line);
    doubts = sheetDoubts(state.read.report, state.read, state.profiles, absentFields(state));
    for (const doubt of doubts) {
      if (doubt.kind === 'problem' || doubt.kind === 'content' || doubt.kind === 'no-opinion' || doubt.kind === 'unmapped') deps.warn(doubt.message, doubt.code ?? 'W_COLUMN_DOUBT');
    }
    suggested = fieldToFix(doubts, state.choices);
  }
}

// For a missing 意见建议: the unmapped column of the longest text that can hold opinions (情况记录, 群众诉求).
function longestText(state: SheetState, columns: readonly { column: string }[]): string | null {
  let best: { column: string; length: number } | null = null;
  for (const { column } of columns) {
    const profile = state.profiles.get(column);
    if (profile === undefined || profile.meanLength < 10 || contentMismatch('opinion', profile) !== null) continue;
    if (state.read.report.columns.some((c) => c.column === column && c.field !== null)) continue;
    if (best === null || profile.meanLength > best.length) best = { column, length: profile.meanLength };
  }
  return best?.column ?? null;
}

function absentFields(state: SheetState): Set<Field> {
  const chosen = (Object.entries(state.choices.fields) as [Field, ColumnChoice][]).filter(([, column]) => column === null).map(([field]) => field);
  return new Set([...state.sheet.absent, ...chosen]);
}

// The field the cursor starts on: the first one that is wrong or missing and not yet chosen. A guess that may
// well be right (a header read by its words) starts on "continue", so accepting it is one key.
function fieldToFix(doubts: readonly Doubt[], choices: SheetChoices): Field | null {
  const wrong = doubts.find((doubt) => doubt.field !== null && doubt.kind !== 'guess' && !(doubt.field in choices.fields));
  return wrong?.field ?? null;
}

// A person who looked at a sheet and went on has confirmed its guessed columns: saved with the choices, they are
// no longer guesses next month, and the sheet is not asked about again.
function confirmGuesses(state: SheetState): void {
  for (const column of state.read.report.columns) {
    if (column.field === null || column.field in state.choices.fields) continue;
    if (column.how === 'words' || column.how === 'content') state.choices.fields[column.field] = { letter: column.column, header: column.header };
  }
}

function isField(value: string): value is Field {
  return (FIELD_ORDER as readonly string[]).includes(value);
}

/** The point of a sheet's records when it came from elsewhere than a column of the sheet. */
export function fallbackPoint(records: readonly OpinionRecord[]): string | null {
  const record = records.find((candidate) => candidate.pointSource !== 'column' && candidate.point !== null && candidate.point !== '');
  return record?.point ?? null;
}

function sameSheet(source: { file: string; sheet: string }, sheet: SheetReport): boolean {
  return source.file === sheet.file && source.sheet === sheet.sheet;
}
