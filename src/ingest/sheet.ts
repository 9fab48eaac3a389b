/**
 * The pure core of ingestion: one sheet grid → header → column mapping → records, rejects and figures.
 */
import { FIELD_HEADERS, type Field, type OpinionRecord, type PointSource, type Reject, type SheetReport } from '../model.js';
import type { YijianErrorCode } from '../errors.js';
import { cellText, columnLetter, gridWidth, type GridCell, type SheetGrid } from './grid.js';
import { HEADER_SEARCH_ROWS, fieldCount, findHeader, type HeaderLocation } from './header.js';
import { mapColumns, type ColumnPlan } from './columns.js';
import { cellKind, profileColumns } from './content.js';
import { mapsFor, scopedMapSpec } from './map-spec.js';
import { carriedColumns, provenanceColumns, withOwnSeq } from './merged.js';
import { chatSpeaker, continuesOpinion, continuesRemark, FIRST_EXAMPLE_ROWS, isChatMedia, isCoverSheet, isExampleRow, isInstructionSheet, isTitleLine, joinContinued, letterPart, noteKind, noteText, pointOfSubtitle, subtitleText, type NoteKind } from './non-data.js';
import type { IngestOptions } from './options.js';
import { countyFromFileName, countyFromPointName, countyOnlyName, findRule, pointFromFileName, pointFromTitleLines } from './point.js';
import { classifyRow, isNoOpinion, uniqueCellKeys, type BorrowField, type RowContext } from './rows.js';
import { createInterner } from '../intern.js';
import { headedColumnWords, placeWords, rowWords, type SheetLocation } from '../location.js';
import { noticeText, type ColumnRef, type ReaderNotice, type SheetNotice } from '../notices.js';
import { buildSynonymIndex, matchHeader } from './synonyms.js';
import { askArticles } from './article-questions.js';
import { fillDitto, type DittoFill } from './ditto.js';
import { cutText } from '../text/format.js';
import { hasHtml } from '../text/html.js';
import { serialDate } from './read-workbook.js';
import { findPersonalData, type PersonalDataKind } from '../text/pii.js';

/** A problem with a sheet as a whole, with a stable code (the report keeps only the message). */
export interface SheetProblem {
  file: string;
  sheet: string;
  /** An error of the sheet (E_NO_OPINION_COLUMN …), or a reader notice shown as its problem (W_CONTROL_CHARACTERS …). */
  code: YijianErrorCode | ReaderNotice['code'];
  message: string;
}

/** Where the sheet came from: display name, the path rules match against, and the CSV encoding. */
export interface SheetSource {
  /** Display name: the base name, or the relative path when two inputs share a base name. */
  file: string;
  /** Path used for config rules and the file-name point. */
  path: string;
  encoding: string | null;
  /** Set when the file is a workbook `yijian merge` wrote: its records carry their own provenance. */
  merged?: boolean;
  /** The point this sheet is named after, when the workbook's sheets are named by point (point.ts sheetPoints). */
  sheetPoint?: string;
  /** The point (and county) another sheet of the workbook names (workbookPoint), for a sheet that does not name its own. */
  cover?: WorkbookPoint;
}

/** Everything one sheet gives. */
export interface SheetOutcome {
  report: SheetReport;
  records: OpinionRecord[];
  rejects: Reject[];
  problems: SheetProblem[];
  /** What the reader decided on its own about this sheet (the report keeps only their words). */
  notices: SheetNotice[];
}

/** Sheets longer than this are not searched for a second table (stacked tables are hand-made, short sheets). */
const STACKED_SEARCH_ROWS = 5000;

/**
 * Reads one grid into records and rejects; never throws on bad data, and rows = records + rejects + blanks.
 * A sheet holding two or more tables one below the other, each with a header of its own (一、座谈会意见 above one,
 * 二、书面意见 above the next, their columns in different orders), is read table by table, each by its own header.
 */
export function ingestGrid(grid: SheetGrid, source: SheetSource, options: IngestOptions): SheetOutcome {
  const outcome = ingestTables(grid, source, options);
  if (source.sheetPoint !== undefined) {
    const records = outcome.records.filter((record) => record.pointSource === 'sheet').length;
    if (records > 0) outcome.notices.unshift({ code: 'W_POINT_FROM_SHEET_NAME', location: { file: source.file, sheet: grid.name }, point: source.sheetPoint, records });
  }
  // The point of a sheet that names none, from the workbook's cover (报送单位：…): said, as a sheet name's is.
  const cover = source.cover;
  if (cover?.point != null && cover.sheet !== grid.name) {
    const records = outcome.records.filter((record) => record.pointSource === 'title' && record.point === (options.pointNames.get(cover.point!) ?? cover.point)).length;
    if (records > 0) outcome.notices.unshift({ code: 'W_POINT_FROM_OTHER_SHEET', location: { file: source.file, sheet: grid.name }, point: cover.point, from: cover.sheet, kind: cover.kind, records });
  }
  // A hidden sheet's opinions (last month's version kept out of sight, a copy): read, and asked about like hidden rows.
  if (grid.hidden === true && options.sheet === null && outcome.records.length > 0) {
    const notice: ReaderNotice = { code: 'W_HIDDEN_SHEET_OPINIONS', location: { file: source.file, sheet: grid.name }, records: outcome.records.length };
    const message = noticeText(notice);
    outcome.problems.push({ file: source.file, sheet: grid.name, code: notice.code, message });
    outcome.report.problems.push(message);
  }
  // A Word document: how its rows are counted, so that 第 12 行 can be found in it.
  if (grid.word !== undefined) outcome.notices.unshift({ code: 'W_WORD_DOCUMENT', location: { file: source.file, sheet: grid.name }, tables: [...grid.word.tables], paragraphs: grid.word.paragraphs });
  return outcome;
}

/** Rows as lines of text, their filled cells two spaces apart: what pointFromTitleLines reads. */
function textLines(rows: readonly (readonly GridCell[])[]): string[] {
  return rows.map((cells) => cells.map(cellText).filter((t) => t.trim() !== '').join('  '));
}

/** The point one sheet of a workbook names for all of them: on its cover, or above one sheet's header. */
export interface WorkbookPoint {
  sheet: string;
  point: string | null;
  county: string | null;
  kind: 'cover' | 'title';
}

/**
 * The point a workbook of several sheets names once for all: its cover sheet's 报送单位：… (封面), else the one point
 * named on the lines above the header of its sheets (座谈会 has 联系点：…, 入户走访 not). Undefined when none is named,
 * or when its sheets name different points (a county's workbook: each sheet keeps its own, or the file's).
 */
export function workbookPoint(grids: readonly SheetGrid[], options: IngestOptions): WorkbookPoint | undefined {
  const sheets = grids.filter((grid) => grid.word === undefined && grid.rows.length <= options.limits.maxRowsPerSheet);
  if (sheets.length < 2) return undefined;
  for (const grid of sheets) {
    if (!isCoverSheet(grid)) continue;
    const named = pointFromTitleLines(textLines(grid.rows));
    if (named.point !== null) return { sheet: grid.name, ...named, kind: 'cover' };
  }
  const index = buildSynonymIndex(options.synonyms);
  const titled: WorkbookPoint[] = [];
  let untitled = 0;
  for (const grid of sheets) {
    const header = findHeader(grid, index);
    if (header.rows.length === 0) continue;
    const named = pointFromTitleLines(textLines(grid.rows.slice(0, (header.rows[0] ?? 1) - 1)));
    if (named.point === null) untitled += 1;
    else titled.push({ sheet: grid.name, ...named, kind: 'title' });
  }
  const points = new Set(titled.map((t) => t.point));
  return points.size === 1 && untitled > 0 ? titled[0] : undefined;
}

function ingestTables(grid: SheetGrid, source: SheetSource, options: IngestOptions): SheetOutcome {
  const index = buildSynonymIndex(options.synonyms);
  const header = grid.rows.length > options.limits.maxRowsPerSheet ? { rows: [], headers: [] } : findHeader(grid, index);
  const others = header.rows.length === 0 || grid.rows.length > STACKED_SEARCH_ROWS ? [] : otherHeaders(grid, header, index);
  if (others.length === 0) return ingestTable(grid, source, options, index, { header, stacked: false });
  const tables = [header, ...others].sort((a, b) => a.rows[0]! - b.rows[0]!);
  const firstTop = tables[0]!.rows[0]! - 1;
  const outcomes = tables.map((table, i) => {
    const top = table.rows[0]! - 1;
    const end = i + 1 < tables.length ? tables[i + 1]!.rows[0]! - 1 : grid.rows.length;
    // Rows of the other tables are blank here; the sheet's title lines above the first table stay (联系点：…).
    const rows = grid.rows.slice(0, end).map((row, r) => (r < firstTop || r >= top ? row : []));
    return ingestTable({ ...grid, rows }, source, options, index, { header: table, stacked: true });
  });
  return joinTables(outcomes, tables, grid, { file: source.file, sheet: grid.name });
}

/**
 * Header rows below or above `header` that name two fields or more, the opinion among them, and are not `header`
 * repeated (a page's header printed again is a 说明行): the headers of further tables of the sheet.
 */
function otherHeaders(grid: SheetGrid, header: HeaderLocation, index: ReturnType<typeof buildSynonymIndex>): HeaderLocation[] {
  const own = new Set(header.rows);
  const headerKey = header.headers.map(plainHeader).join('\u0000');
  const found: HeaderLocation[] = [];
  grid.rows.forEach((cells, r) => {
    if (own.has(r + 1) || own.has(r) || repeatsHeader(cells, headerKey)) return;
    const texts = cells.map((cell) => cellText(cell).trim());
    const filled = texts.filter((t) => t !== '');
    // Cheap tests first: a header is a few short words, no number, date, phone or citation among them.
    if (filled.length < 2 || filled.some((t) => t.length > 12 || /\d/u.test(t))) return;
    if (filled.some((t) => !['text', 'name'].includes(cellKind(t)))) return;
    const matches = texts.map((t) => (t === '' ? null : matchHeader(t, index)));
    // Most of its cells name a field, the opinion among them, and at least two fields (a data row of short words may
    // hold one header word: 滨江社区 | 〔意见2〕 | 引号).
    const named = matches.filter((m) => m !== null).length;
    if (!matches.some((m) => m?.field === 'opinion') || fieldCount(texts, index) < 2 || named < Math.max(2, Math.ceil(0.6 * filled.length))) return;
    found.push({ rows: [r + 1], headers: texts });
  });
  return found;
}

/** The tables of one sheet as one outcome: their rows, records, rejects and notices together, the tables said. */
function joinTables(outcomes: readonly SheetOutcome[], tables: readonly HeaderLocation[], grid: SheetGrid, place: SheetLocation): SheetOutcome {
  const first = outcomes[0]!;
  // The sheet's header is the first table's; each row of a later table's header is a 说明行 of the rows below it, so
  // that rows (below the first header) = records + rejects + blanks + notes still holds.
  const laterHeaders = tables.slice(1).flatMap((t) => t.rows.map((row) => ({ row, kind: 'tableHeader' as const, text: noteText(grid.rows[row - 1] ?? []) })));
  const report: SheetReport = { ...first.report };
  const sum = (key: 'rows' | 'records' | 'rejects' | 'blanks'): number => outcomes.reduce((n, o) => n + o.report[key], 0);
  report.rows = sum('rows') + laterHeaders.length;
  report.records = sum('records');
  report.rejects = sum('rejects');
  report.blanks = sum('blanks');
  report.noteRows = [...outcomes.flatMap((o) => o.report.noteRows ?? []), ...laterHeaders].sort((a, b) => a.row - b.row);
  report.notes = report.noteRows.length;
  report.splitParts = outcomes.reduce((n, o) => n + (o.report.splitParts ?? 0), 0);
  report.splitRows = outcomes.flatMap((o) => o.report.splitRows ?? []);
  const opinionOf = (o: SheetOutcome): string => {
    const column = o.report.columns.find((c) => c.field === 'opinion');
    return column === undefined ? '（未找到意见列）' : headedColumnWords(column.column, column.header);
  };
  const notices: SheetNotice[] = [
    { code: 'W_TABLES_IN_SHEET', location: place, tables: outcomes.map((o, i) => ({ headerRow: tables[i]!.rows.at(-1)!, records: o.report.records, opinion: opinionOf(o) })) },
    ...outcomes.flatMap((o) => o.notices),
  ];
  const problems = outcomes.flatMap((o) => o.problems);
  report.problems = problems.map((p) => p.message);
  report.notices = notices.map(noticeText);
  // The sheet's header and mapping are the first table's; each table's are listed too.
  report.tables = outcomes.map((o, i) => ({ headerRows: tables[i]!.rows, columns: o.report.columns }));
  return { report, records: outcomes.flatMap((o) => o.records), rejects: outcomes.flatMap((o) => o.rejects), problems, notices };
}

/**
 * One table of a sheet by the header ingestGrid found for it (`found.stacked`: one of several tables, whose header
 * stands as found; a sheet's only header may still give way to a forced opinion column).
 */
function ingestTable(
  grid: SheetGrid,
  source: SheetSource,
  options: IngestOptions,
  index: ReturnType<typeof buildSynonymIndex>,
  found: { header: HeaderLocation; stacked: boolean },
): SheetOutcome {
  const problems: SheetProblem[] = [];
  // Every sheet problem names its file and sheet: a run reads dozens of files, many with a Sheet1.
  const place: SheetLocation = { file: source.file, sheet: grid.name };
  const where = placeWords(place);
  const problem = (code: YijianErrorCode, message: string): void => {
    problems.push({ file: source.file, sheet: grid.name, code, message: `${where}${message}` });
  };
  const notices: SheetNotice[] = [];
  const noteRows: { row: number; kind: NoteKind; text: string }[] = [];
  const splitRows: { row: number; parts: number }[] = [];
  const questionRows: { row: number; parts: number }[] = [];
  // Opinion cells written as 条款：… 意见：… 理由：…, their parts given to their fields.
  const labelledRows: number[] = [];
  // 同上 / 〃 in a 条款 or 意见建议 cell: taken from the record above, and said.
  const dittoRows: DittoFill[] = [];
  let previousRecord: OpinionRecord | null = null;
  const borrowedRows: { row: number; field: BorrowField; column: ColumnRef }[] = [];
  const outcome = (header: HeaderLocation, plan: ColumnPlan | null, rows: number): SheetOutcome => ({
    report: {
      file: source.file,
      sheet: grid.name,
      encoding: source.encoding,
      headerRows: header.rows,
      columns: plan?.columns ?? [],
      rows,
      records: 0,
      rejects: 0,
      blanks: 0,
      notes: 0,
      noteRows,
      splitParts: 0,
      splitRows,
      // Their words, filled in by `said` when the sheet is done; the values are the outcome's `notices`.
      notices: [],
      problems: problems.map((p) => p.message),
    },
    records: [],
    rejects: [],
    problems,
    notices,
  });
  const said = (result: SheetOutcome): SheetOutcome => {
    result.report.notices = notices.map(noticeText);
    return result;
  };

  if (grid.rows.length > options.limits.maxRowsPerSheet) {
    problem(
      'E_TOO_MANY_ROWS',
      `行数超过上限 ${options.limits.maxRowsPerSheet} 行，未读取。`,
    );
    return outcome({ rows: [], headers: [] }, null, 0);
  }
  const maps = withOwnSeq(mapsFor(options.maps, source.path, grid.name), source.merged, grid);
  let header = found.header;
  const forcesOpinionByLetter = maps.some((m) => m.field === 'opinion' && m.target.kind === 'column');
  if (!found.stacked && header.rows.length === 0 && forcesOpinionByLetter && grid.rows.length > 0) {
    // The user named the opinion column by letter: take row 1 as the header even though nothing matched.
    header = { rows: [1], headers: (grid.rows[0] ?? []).map((cell) => cellText(cell).trim()) };
  }
  const width = gridWidth(grid);
  // A sheet whose every line is a note, none an opinion or a problem.
  const notesOnly = (code: 'W_INSTRUCTION_SHEET' | 'W_HIDDEN_LIST_SHEET'): SheetOutcome => {
    const result = outcome(header, null, grid.rows.length);
    grid.rows.forEach((cells, r) => {
      if (cells.every((cell) => cellText(cell).trim() === '')) result.report.blanks += 1;
      else noteRows.push({ row: r + 1, kind: 'instruction', text: noteText(cells) });
    });
    result.report.notes = noteRows.length;
    notices.push({ code, location: place, rows: noteRows.length });
    return said(result);
  };
  // A 填表说明 sheet.
  if (header.rows.length === 0 && isInstructionSheet(grid)) return notesOnly('W_INSTRUCTION_SHEET');
  if (header.rows.length === 0 && isCoverSheet(grid)) {
    // A cover (封面): a title and 报送单位：… 联系人：… 报送日期：… lines; its point is given to the other sheets (index.ts).
    const result = outcome(header, null, grid.rows.length);
    let first = true;
    grid.rows.forEach((cells, r) => {
      if (cells.every((cell) => cellText(cell).trim() === '')) {
        result.report.blanks += 1;
        return;
      }
      noteRows.push({ row: r + 1, kind: first ? 'title' : 'signature', text: noteText(cells) });
      first = false;
    });
    result.report.notes = noteRows.length;
    notices.push({ code: 'W_COVER_SHEET', location: place, rows: noteRows.length, point: pointFromTitleLines(textLines(grid.rows)).point });
    return said(result);
  }
  // A hidden sheet of short values without a header: the options of the form's drop-down lists, not opinions.
  if (header.rows.length === 0 && grid.hidden === true && isListSheet(grid)) return notesOnly('W_HIDDEN_LIST_SHEET');
  const pasted = header.rows.length === 0 ? pastedOpinions(grid) : null;
  const dataStart = pasted?.firstRow ?? header.rows.at(-1) ?? 0;
  const profiles = header.rows.length === 0 ? [] : profileColumns(grid, dataStart, Math.max(width, header.headers.length));
  const plan = pasted !== null ? pastedPlan(pasted.column, pasted.numbered ? width : null) : header.rows.length === 0 ? null : mapColumns(header.headers, index, maps, profiles, place, provenanceColumns(source.merged, grid.name, header.headers));
  // One question per article (问卷: 您对第十条有何意见？): each answered cell an opinion on that article.
  const questions = plan === null || pasted !== null ? [] : askArticles(plan, header.headers);
  let blanksAbove = 0;
  if (pasted !== null) {
    for (let r = 0; r < pasted.firstRow; r += 1) {
      const cells = grid.rows[r] ?? [];
      if (cells.some((cell) => cellText(cell).trim() !== '')) noteRows.push({ row: r + 1, kind: 'title', text: noteText(cells) });
      else blanksAbove += 1;
    }
    const column = columnLetter(pasted.column);
    notices.push({
      code: 'W_PASTED_OPINIONS',
      location: { ...place, column },
      titleRows: pasted.firstRow,
      mapSpec: scopedMapSpec(source.file, grid.name, FIELD_HEADERS.opinion, column),
    });
  } else if (plan === null) {
    if (grid.rows.length > 0) {
      const guess = guessOpinionColumn(grid, 0, null);
      problem(
        'E_NO_HEADER',
        `前 ${HEADER_SEARCH_ROWS} 行中没有找到表头（如“${FIELD_HEADERS.opinion}”“${FIELD_HEADERS.article}”），各行记为无效。` +
          `本表开头几行：\n${previewRows(grid)}\n可用 ${scopedMapSpec(source.file, grid.name, FIELD_HEADERS.opinion, guess ?? 'C')} 指定意见所在的列（以第 1 行为表头）。`,
      );
    }
  } else if (!plan.fieldColumns.has('opinion') && questions.length === 0) {
    const found = plan.columns.map((c) => headedColumnWords(c.column, c.header)).join('、') || '（无）';
    const guess = guessOpinionColumn(grid, header.rows.at(-1) ?? 0, plan);
    problem(
      'E_NO_OPINION_COLUMN',
      `没有找到“${FIELD_HEADERS.opinion}”列。找到的表头：${found}。可用 ${scopedMapSpec(source.file, grid.name, FIELD_HEADERS.opinion, guess ?? '<列>')} 指定意见所在的列。`,
    );
  }
  for (const notice of plan?.notices ?? []) notices.push(notice);
  for (const message of plan?.suspect ?? []) problem('E_BAD_MAPPING', message);

  for (const mapping of plan?.unmatched ?? []) {
    const headers = plan?.columns.map((c) => headedColumnWords(c.column, c.header)).join('、') || '（无）';
    problem(
      'E_BAD_MAPPING',
      `中找不到 --map ${mapping.spec} 指定的列（表头：${headers}），这一指定在本表未起作用。`,
    );
  }

  // The lines above the header: 联系点：东湖街道立法联系点　县（市、区）：城东区 names the sender better than the file name.
  const titleEnd = pasted !== null ? pasted.firstRow : Math.max(0, (header.rows[0] ?? 1) - 1);
  const titleLines = textLines(grid.rows.slice(0, titleEnd));
  const fallback = fallbacks(source, options, pointFromTitleLines(titleLines));
  if (plan !== null && !plan.fieldColumns.has('point') && fallback.point === null) {
    const only = fallback.countyOnly;
    problem(
      'E_NO_POINT',
      only === null
        ? `没有联系点列，文件名中也看不出联系点名称，各条意见的联系点为空。可用 --point 指定，或在配置文件 points 中按文件名设定。`
        : `没有联系点列；文件名中的“${only.name}”${only.name === only.county ? '是县（市、区）的名称' : `是${only.county}一级的单位或汇总`}，不是联系点：各条意见的县（市、区）记为${fallback.county ?? only.county}，联系点为空。` +
          `如这些意见来自同一个联系点，可用 --point 指定，或在配置文件 points 中按文件名设定；来自几个联系点的，请在表中加“联系点”一列。`,
    );
  }
  const context: RowContext = {
    source: { file: source.file, sheet: grid.name },
    cellKeys: uniqueCellKeys(header.headers, width),
    fieldColumns: plan?.fieldColumns ?? new Map(),
    fallbackPoint: fallback.point,
    fallbackCounty: fallback.county,
    pointNames: options.pointNames,
    // --county and a config rule say it for the whole file; otherwise a point named 东城区… is in 东城区.
    countyOfPoint:
      options.county !== null || findRule(options.rules, source.path)?.county != null
        ? () => null
        : (point) => countyFromPointName(point, options.counties),
    maxCellLength: options.limits.maxCellLength,
    ...(grid.strictWidth === true && plan !== null && header.rows.length > 0 ? { strictWidth: Math.max(...header.rows.map((r) => grid.rows[r - 1]?.length ?? 0)) } : {}),
    // One pool per sheet, bounded: a column of values that never repeat must not grow it without end.
    intern: createInterner(20_000),
    split: options.split,
    ...(questions.length > 0 ? { questions } : {}),
    ...carriedColumns(source.merged, grid.name, header.headers),
  };
  // Compared as written (spaces folded), not through foldHeader: this runs on every data row, and the
  // traditional → simplified step would make a million-row sheet crawl.
  const headerKey = header.headers.map(plainHeader).join('\u0000');
  const result = outcome(header, plan, grid.rows.length - (pasted === null ? dataStart : 0));
  result.report.blanks = blanksAbove;
  const filled = dataMergeFill(grid, dataStart);
  const cellsAt = (r: number): readonly GridCell[] => filled.get(r) ?? grid.rows[r] ?? [];
  const opinionColumn = plan?.fieldColumns.get('opinion');
  if (opinionColumn !== undefined) mergedIntoOpinion(grid, dataStart, opinionColumn, filled);
  const otherColumns = [...(plan?.fieldColumns ?? new Map<string, number>())].filter(([field]) => field !== 'opinion').map(([, column]) => column);
  const across = mergedAcrossRows(grid, dataStart);
  const subtitlePoints: string[] = [];
  const speakerRows: number[] = [];
  const inlineSpeakerRows: number[] = [];
  let speakerOfRow: { name: string; time: string | null } | null = null;
  // Rows whose opinion, 修改建议 or 理由 cell holds web markup (<p>, &nbsp;): read as the text it shows, and said.
  const textColumns = (['opinion', 'suggestion', 'reason'] as const).flatMap((field) => {
    const column = plan?.fieldColumns.get(field);
    return column === undefined ? [] : [column];
  });
  const htmlRows: number[] = [];
  const exampleRows: number[] = [];
  for (let r = dataStart; r < grid.rows.length; r += 1) {
    let cells = cellsAt(r);
    if (plan !== null && header.rows.length > 0 && repeatsHeader(cells, headerKey)) {
      // WPS and Excel exports repeat the header at every printed page: not an opinion, not a problem.
      noteRows.push({ row: r + 1, kind: 'header', text: noteText(cells) });
      continue;
    }
    if (plan !== null && header.rows.length > 0 && r < dataStart + FIRST_EXAMPLE_ROWS && isExampleRow(cells, plan.fieldColumns.get('seq'))) {
      // The template's own example (序号 示例, 此行为填写示例): instructions, not 张三's opinion.
      noteRows.push({ row: r + 1, kind: 'instruction', text: noteText(cells) });
      exampleRows.push(r + 1);
      continue;
    }
    if (pasted === null && grid.word !== undefined && outsideTables(grid.word.tables, r + 1)) {
      // A paragraph of a Word document between or below its tables: 特此报送。, 东湖街道办事处 are no opinions.
      const part = letterPart(cells.map(cellText).join(''));
      if (part !== null && noteKind(cells, null) === null) {
        noteRows.push({ row: r + 1, kind: part, text: noteText(cells) });
        continue;
      }
    }
    const above = noteRows[noteRows.length - 1];
    if (above !== undefined && above.kind === 'remark' && above.row === r && continuesRemark(cells)) {
      // 注：1.…  then 2.联系电话：… on the next row: the remark goes on, it is no sub-title.
      noteRows.push({ row: r + 1, kind: 'remark', text: noteText(cells) });
      continue;
    }
    const subtitle = plan === null ? null : subtitleText(cells, opinionColumn, across.has(r));
    if (subtitle !== null && noteKind(cells, null) === null) {
      // 一、万寿路街道立法联系点（3条）: the rows below are that point's, when the sheet has no 联系点 column.
      noteRows.push({ row: r + 1, kind: 'subtitle', text: noteText(cells) });
      const point = plan?.fieldColumns.has('point') === true ? null : pointOfSubtitle(subtitle);
      if (point !== null) {
        context.fallbackPoint = { name: point, source: 'subtitle' };
        subtitlePoints.push(point);
      }
      continue;
    }
    if (pasted !== null) {
      // A chat log pasted as one column: 张阿姨 2024-05-20 10:23 says who wrote the messages below it and when,
      // [图片] or 撤回了一条消息 is no message.
      const line = cellText(cells[pasted.column]);
      // A letter's salutation, lead-in, closing and sender (市司法局：, 现将意见汇总如下：, 特此报送。, 东湖街道办事处).
      const part = letterPart(line);
      if (part !== null && noteKind(cells, null) === null) {
        noteRows.push({ row: r + 1, kind: part, text: noteText(cells) });
        continue;
      }
      // 一、…  二、… down the column: the number is the point's own 序号, not part of the opinion.
      const numbered = pasted.numbered ? LIST_NUMBER.exec(line) : null;
      if (numbered !== null) {
        const own = [...cells];
        own[pasted.column] = line.slice(numbered[0].length);
        own[width] = numbered[1] ?? numbered[2] ?? numbered[3] ?? '';
        cells = own;
      }
      const speaker = chatSpeaker(line);
      if (speaker !== null || isChatMedia(line)) {
        noteRows.push({ row: r + 1, kind: speaker === null ? 'media' : 'speaker', text: line.trim() });
        if (speaker !== null) {
          context.speaker = speaker;
          speakerRows.push(r + 1);
        }
        continue;
      }
      // 赵某：第二十六条太严了 — a line that names its own writer before a colon (a name, not 建议： or 关于：).
      const inline = /^([^\s：:，,。！？!?]{1,6})[：:]\s*(\S[\s\S]*)$/u.exec(line.trim());
      if (inline !== null && cellKind(inline[1]!) === 'name') {
        // Read as any row (split, counted), with the name as its writer for this row only.
        const own = [...cells];
        own[pasted.column] = inline[2]!;
        cells = own;
        speakerOfRow = { name: inline[1]!, time: null };
        inlineSpeakerRows.push(r + 1);
      }
    }
    const first = r;
    if (opinionColumn !== undefined && otherColumns.length > 0) {
      // An opinion typed on into the next row(s): one record, the rows below counted as 续行.
      while (r + 1 < grid.rows.length && continuesOpinion(cells, cellsAt(r + 1), opinionColumn, otherColumns)) {
        r += 1;
        const joined = [...cells];
        joined[opinionColumn] = joinContinued(cellText(cells[opinionColumn]), cellText(cellsAt(r)[opinionColumn]));
        cells = joined;
        noteRows.push({ row: r + 1, kind: 'continuation', text: `（接${rowWords(first + 1)}的意见）${noteText(cellsAt(r))}` });
      }
    }
    if (textColumns.some((c) => hasHtml(cellText(cells[c])))) htmlRows.push(first + 1);
    const lastSpeaker = context.speaker;
    if (speakerOfRow !== null) context.speaker = speakerOfRow;
    const row = classifyRow(cells, first + 1, context);
    context.speaker = lastSpeaker ?? null;
    speakerOfRow = null;
    if (row.kind === 'blank') result.report.blanks += 1;
    else if (row.kind === 'note') noteRows.push({ row: first + 1, kind: row.note, text: row.text });
    else if (row.kind === 'record') {
      for (const read of row.records) {
        const record = fillDitto(read, previousRecord, dittoRows);
        result.records.push(record);
        previousRecord = record;
      }
      if (row.labelled === true) labelledRows.push(first + 1);
      if (row.questions === true) questionRows.push({ row: first + 1, parts: row.records.length });
      else if (row.records.length > 1) splitRows.push({ row: first + 1, parts: row.records.length });
      if (row.borrowed !== undefined) {
        borrowedRows.push({ row: first + 1, field: row.borrowed.field, column: { column: columnLetter(row.borrowed.column), header: header.headers[row.borrowed.column] ?? '' } });
      }
    } else result.rejects.push(row.reject);
  }
  noteRows.sort((a, b) => a.row - b.row);
  result.report.notes = noteRows.length;
  const continued = noteRows.filter((n) => n.kind === 'continuation');
  if (continued.length > 0) notices.push({ code: 'W_CONTINUATION_JOINED', location: place, rows: continued.map((n) => n.row) });
  if (dittoRows.length > 0) notices.push({ code: 'W_DITTO_FILLED', location: place, rows: dittoRows });
  if (labelledRows.length > 0) notices.push({ code: 'W_LABELLED_CELLS', location: place, rows: labelledRows });
  const nothing = noteRows.filter((n) => n.kind === 'noOpinion');
  if (nothing.length > 0) notices.push({ code: 'W_NO_OPINION_ANSWERS', location: place, rows: nothing.map((n) => n.row), examples: noOpinionExamples(grid, nothing.map((n) => n.row)) });
  const subtitles = noteRows.filter((n) => n.kind === 'subtitle');
  if (subtitles.length > 0) {
    notices.push({ code: 'W_SUBTITLE_ROWS', location: place, rows: subtitles.map((n) => n.row), points: [...new Set(subtitlePoints)] });
  }
  // Rows = records − the extra parts of a row + …: a row's answers to several questions count as its parts too.
  result.report.splitParts = [...splitRows, ...questionRows].reduce((n, s) => n + s.parts - 1, 0);
  if (questions.length > 0) {
    notices.push({
      code: 'W_ARTICLE_QUESTIONS',
      location: place,
      columns: questions.map((q) => ({ column: { column: columnLetter(q.column), header: header.headers[q.column] ?? '' }, article: q.article })),
      rows: questionRows.length,
      records: questionRows.reduce((n, s) => n + s.parts, 0),
    });
  }
  if (splitRows.length > 0) notices.push({ code: 'W_CELLS_SPLIT', location: place, rows: splitRows.map((s) => ({ ...s })) });
  if (borrowedRows.length > 0) notices.push({ code: 'W_OPINION_FROM_OTHER_CELL', location: place, rows: borrowedRows });
  const hiddenMapped = hiddenMappedColumns(grid, plan, header.headers, result.records);
  if (hiddenMapped.length > 0) notices.push({ code: 'W_HIDDEN_COLUMN_READ', location: place, columns: hiddenMapped });
  const unreadContact = contactInUnreadColumn(grid, plan, header.headers, result.records);
  if (unreadContact !== null) {
    notices.push({ code: 'W_CONTACT_IN_UNREAD_COLUMN', location: place, ...unreadContact, mapSpec: scopedMapSpec(source.file, grid.name, FIELD_HEADERS.contact, unreadContact.column.column) });
  }
  if (htmlRows.length > 0) notices.push({ code: 'W_HTML_IN_CELLS', location: place, rows: htmlRows });
  if (exampleRows.length > 0) notices.push({ code: 'W_EXAMPLE_ROWS', location: place, rows: exampleRows });
  if (speakerRows.length + inlineSpeakerRows.length > 0) notices.push({ code: 'W_CHAT_SPEAKERS', location: place, rows: speakerRows, inline: inlineSpeakerRows });
  const serialDates = readSerialDates(result.records);
  if (serialDates !== null) notices.push({ code: 'W_DATE_FROM_SERIAL', location: place, ...serialDates });
  result.report.records = result.records.length;
  result.report.rejects = result.rejects.length;
  result.report.problems = problems.map((p) => p.message);
  return said(result);
}

// Point and county for rows whose sheet does not say: option, then config rule, then a 联系点：… line above the
// table, then the sheet's name when the workbook's sheets are named by point, then the file name. (The county is
// written at the front of file names that pass through a county bureau: 城东区-东湖街道….) A file name that is only a
// county's (城东区汇总.csv) gives the county and no point: `countyOnly` is that name, for the sheet's notice.
function fallbacks(
  source: SheetSource,
  options: IngestOptions,
  title: { point: string | null; county: string | null },
): { point: { name: string; source: PointSource } | null; county: string | null; countyOnly: { name: string; county: string } | null } {
  const rule = findRule(options.rules, source.path);
  let point: { name: string; source: PointSource } | null = null;
  let countyOnly: { name: string; county: string } | null = null;
  if (options.point !== null) point = { name: options.point, source: 'option' };
  else if (rule?.point != null) point = { name: rule.point, source: 'config' };
  else if (title.point !== null) point = { name: title.point, source: 'title' };
  else if (source.sheetPoint !== undefined) point = { name: source.sheetPoint, source: 'sheet' };
  else if (source.cover?.point != null) point = { name: source.cover.point, source: 'title' };
  else {
    const fromName = pointFromFileName(source.path);
    const county = fromName === null ? null : countyOnlyName(fromName, options.counties);
    if (fromName !== null && county !== null) countyOnly = { name: fromName, county };
    else if (fromName !== null) point = { name: fromName, source: 'filename' };
  }
  const county = options.county ?? rule?.county ?? title.county ?? (point?.name === source.cover?.point ? source.cover?.county : null);
  if (county != null) return { point, county, countyOnly };
  // A point named on the title line says its county itself (东城区和平里街道…) better than the file's name does.
  const named = point?.source === 'title' || point?.source === 'sheet' ? countyFromPointName(point.name, options.counties) : null;
  if (named !== null) return { point, county: named, countyOnly };
  return { point, county: countyFromFileName(source.path, options.counties) ?? countyOnly?.county ?? null, countyOnly };
}

/** Longest value of a drop-down list's option (第十二条（号牌登记）, 专家学者): an opinion is longer. */
const LIST_VALUE_LENGTH = 30;

/** A sheet of short values only, at most a few columns wide: what a form keeps its drop-down options in. */
function isListSheet(grid: SheetGrid): boolean {
  let filled = 0;
  for (const row of grid.rows) {
    for (const cell of row) {
      const text = cellText(cell).trim();
      if (text === '') continue;
      if (text.length > LIST_VALUE_LENGTH || text.includes('\n')) return false;
      filled += 1;
    }
  }
  return filled > 0;
}

// Rows (0-based) with a cell merged across several columns: a sub-title over the table's width.
function mergedAcrossRows(grid: SheetGrid, dataStart: number): Set<number> {
  const rows = new Set<number>();
  for (const merge of grid.merges) if (merge.s.r >= dataStart && merge.e.c > merge.s.c) rows.add(merge.s.r);
  return rows;
}

/**
 * Opinions pasted into one column with no header (under a title, perhaps): the column and the first row
 * (0-based) below the title lines, or null when the sheet is anything else.
 */
function pastedOpinions(grid: SheetGrid): { column: number; firstRow: number; numbered: boolean } | null {
  let column: number | null = null;
  for (const row of grid.rows) {
    for (const [c, cell] of row.entries()) {
      if (cellText(cell).trim() === '') continue;
      if (column !== null && column !== c) return null;
      column = c;
    }
  }
  if (column === null) return null;
  const texts = grid.rows.map((row) => cellText(row[column]).trim());
  let firstRow = 0;
  while (firstRow < texts.length && (texts[firstRow] === '' || isTitleLine(texts[firstRow] ?? ''))) firstRow += 1;
  // A letter's salutation, closing and signature lines are no opinions, and no reason to doubt the rest is.
  const body = texts.slice(firstRow).filter((text) => text !== '' && letterPart(text) === null && noteKind([text], null) === null);
  const opinionLike = body.filter((text) => text.length >= 10 && cellKind(text) === 'text');
  if (opinionLike.length < 2 || opinionLike.length < body.length * 0.6) return null;
  return { column, firstRow, numbered: body.filter((text) => LIST_NUMBER.test(text)).length >= 2 };
}

/** The number a pasted line starts with: 1. 1、 2） 一、 （三）; not 3.5米, 2024.5 or 第一条. */
const LIST_NUMBER = /^\s*(?:(\d{1,2})(?:[.．](?![\d.．])|[、)）])|([一二三四五六七八九十]{1,3})[、.．]|[（(](\d{1,2}|[一二三四五六七八九十]{1,3})[)）])\s*/u;

/** The plan of pasted opinions: the one column, and where a line's own number is put (`seqColumn`) when they are numbered. */
/** Whether a row (1-based) of a Word document's grid is a paragraph, outside every table. */
function outsideTables(tables: readonly { firstRow: number; lastRow: number }[], row: number): boolean {
  return tables.every((table) => row < table.firstRow || row > table.lastRow);
}

function pastedPlan(column: number, seqColumn: number | null): ColumnPlan {
  const letter = columnLetter(column);
  return {
    columns: [{ column: letter, header: '', field: 'opinion', how: 'content' }],
    fieldColumns: new Map(seqColumn === null ? [['opinion', column]] : [['opinion', column], ['seq', seqColumn]]),
    unmatched: [],
    notices: [],
    suspect: [],
  };
}

// Merged cells in data rows (a point's name merged down a block) give their value to every row of
// the range; only the first column is filled so a cell merged across columns is not copied into them.
function dataMergeFill(grid: SheetGrid, dataStart: number): Map<number, GridCell[]> {
  const filled = new Map<number, GridCell[]>();
  for (const merge of grid.merges) {
    if (merge.s.r < dataStart || merge.e.r <= merge.s.r) continue;
    const value = grid.rows[merge.s.r]?.[merge.s.c];
    if (value === undefined || cellText(value) === '') continue;
    for (let r = merge.s.r + 1; r <= merge.e.r && r < grid.rows.length; r += 1) {
      let row = filled.get(r);
      if (row === undefined) {
        row = [...(grid.rows[r] ?? [])];
        filled.set(r, row);
      }
      while (row.length <= merge.s.c) row.push('');
      if (cellText(row[merge.s.c]) === '') row[merge.s.c] = value;
    }
  }
  return filled;
}

/**
 * A cell merged across columns up to and over the opinion column (the 条款 and 意见建议 cells of a row made one,
 * the text typed in the first) shows its text in the opinion column: the text is the opinion's. Only on a row with
 * other cells filled, so a sub-title merged across the table stays one.
 */
function mergedIntoOpinion(grid: SheetGrid, dataStart: number, opinionColumn: number, filled: Map<number, GridCell[]>): void {
  for (const merge of grid.merges) {
    const r = merge.s.r;
    if (r < dataStart || merge.e.r !== r || merge.s.c >= opinionColumn || merge.e.c < opinionColumn) continue;
    const row = filled.get(r) ?? [...(grid.rows[r] ?? [])];
    const value = row[merge.s.c];
    if (value === undefined || cellText(value).trim() === '' || cellText(row[opinionColumn]).trim() !== '' || cellKind(cellText(value)) !== 'text') continue;
    if (!row.some((cell, c) => (c < merge.s.c || c > merge.e.c) && cellText(cell).trim() !== '')) continue;
    while (row.length <= opinionColumn) row.push('');
    row[opinionColumn] = value;
    row[merge.s.c] = '';
    filled.set(r, row);
  }
}

// A data row that repeats the header (every non-empty cell equal to the header's, most of them filled).
function repeatsHeader(cells: readonly GridCell[], headerKey: string): boolean {
  const first = cellText(cells[0]);
  if (first !== '' && !headerKey.startsWith(plainHeader(first))) return false;
  const key = cells.map((cell) => plainHeader(cellText(cell))).join('\u0000');
  if (key.replaceAll('\u0000', '') === '') return false;
  return key.replace(/\u0000+$/u, '') === headerKey.replace(/\u0000+$/u, '');
}

function plainHeader(text: string): string {
  return text.replace(/\s+/gu, '');
}

// The first rows with their column letters, so a person can see what the sheet holds and pick a column.
function previewRows(grid: SheetGrid): string {
  const width = Math.min(gridWidth(grid), 12);
  const lines: string[] = [];
  for (let r = 0; r < Math.min(5, grid.rows.length); r += 1) {
    const row = grid.rows[r] ?? [];
    const cells: string[] = [];
    for (let c = 0; c < width; c += 1) {
      const text = cellText(row[c]).replace(/\s+/gu, ' ').trim();
      if (text !== '') cells.push(headedColumnWords(columnLetter(c), cutText(text, 16)));
    }
    lines.push(`    ${rowWords(r + 1)}：${cells.join(' ') || '（空）'}`);
  }
  return lines.join('\n');
}

// The unmapped column with the longest text in the first data rows is most likely the opinion.
function guessOpinionColumn(grid: SheetGrid, dataStart: number, plan: ColumnPlan | null): string | null {
  const mapped = new Set(plan?.fieldColumns.values() ?? []);
  const totals = new Map<number, number>();
  for (let r = dataStart; r < Math.min(grid.rows.length, dataStart + 50); r += 1) {
    (grid.rows[r] ?? []).forEach((cell, column) => {
      if (!mapped.has(column)) totals.set(column, (totals.get(column) ?? 0) + cellText(cell).trim().length);
    });
  }
  let best: number | null = null;
  for (const [column, total] of totals) {
    if (total > 0 && (best === null || total > (totals.get(best) ?? 0))) best = column;
  }
  return best === null ? null : columnLetter(best);
}

/** Excel's day numbers from 1954-10-03 (20000) to 2119-01-09 (80000): a 日期 cell holding one is that day. */
const SERIAL_DAY = /^[2-7][0-9]{4}$/u;

/**
 * A 日期 cell typed as a date in a cell without a date format shows (and reads) as Excel's day number: 45424 is
 * 2024-05-12. Such dates are read as the day they are (the 1900 date system, Excel's default), in place; the rows
 * and one example are returned for the notice, or null when there was none. A 日期 column holds no other
 * five-digit numbers, and a letter that printed 45424 as its date was of no use to the point.
 */
function readSerialDates(records: OpinionRecord[]): { rows: number[]; example: { serial: string; date: string } } | null {
  const rows = new Set<number>();
  let example: { serial: string; date: string } | null = null;
  for (const record of records) {
    const date = record.date;
    if (date === null || !SERIAL_DAY.test(date)) continue;
    const iso = serialDate(Number(date), 'yyyy-mm-dd', false);
    example ??= { serial: date, date: iso };
    record.date = iso;
    rows.add(record.source.row);
  }
  return example === null ? null : { rows: [...rows].sort((a, b) => a - b), example };
}

/** What a person is called back with: the kinds of personal data that make a cell a contact (not an ID, an address). */
const CONTACT_KINDS: ReadonlySet<PersonalDataKind> = new Set(['mobile', 'landline', 'email', 'accountName']);

/**
 * The first column no field is read from whose cells hold a phone number, an e-mail address or a labelled account on
 * the rows that gave records (备注: 联系人：王先生 13912345678), when the sheet has no 联系方式 column: that column is
 * where the sheet keeps its contacts, and the merged workbook would go without them.
 */
function contactInUnreadColumn(
  grid: SheetGrid, plan: ColumnPlan | null, headers: readonly string[], records: readonly OpinionRecord[],
): { column: ColumnRef; rows: number[] } | null {
  if (plan === null || plan.fieldColumns.has('contact') || records.length === 0) return null;
  const read = new Set(plan.fieldColumns.values());
  const rows = [...new Set(records.map((r) => r.source.row))].sort((a, b) => a - b);
  for (let column = 0; column < headers.length; column += 1) {
    if (read.has(column) || (headers[column] ?? '').trim() === '') continue;
    const held = rows.filter((row) => findPersonalData(cellText(grid.rows[row - 1]?.[column])).some((m) => CONTACT_KINDS.has(m.kind)));
    if (held.length > 0) return { column: { column: columnLetter(column), header: headers[column] ?? '' }, rows: held };
  }
  return null;
}

/**
 * The columns hidden in Excel that the plan reads a field from and that gave some record its value: what the
 * reader of the sheet in Excel does not see was read (a template's hidden 意见建议, a 联系方式 hidden before sending).
 */
function hiddenMappedColumns(
  grid: SheetGrid, plan: ColumnPlan | null, headers: readonly string[], records: readonly OpinionRecord[],
): { column: ColumnRef; field: Field }[] {
  const hidden = grid.hiddenColumns;
  if (hidden === undefined || hidden.length === 0 || plan === null) return [];
  const out: { column: ColumnRef; field: Field }[] = [];
  for (const [field, column] of plan.fieldColumns) {
    if (!hidden.some(([first, last]) => column >= first && column <= last)) continue;
    // Every field is a record key of the same name (rows.ts buildRecord).
    const used = field === 'opinion' ? records.length > 0 : records.some((r) => (r as unknown as Readonly<Record<Field, unknown>>)[field] != null);
    if (used) out.push({ column: { column: columnLetter(column), header: headers[column] ?? '' }, field });
  }
  return out.sort((a, b) => a.column.column.length - b.column.column.length || (a.column.column < b.column.column ? -1 : 1));
}

/** Up to three of the answers that said there is no opinion (无, 暂无意见), as written, for W_NO_OPINION_ANSWERS. */
function noOpinionExamples(grid: SheetGrid, rows: readonly number[]): string[] {
  const said = rows.map((row) => (grid.rows[row - 1] ?? []).map((cell) => cellText(cell).trim()).find((text) => text !== '' && isNoOpinion(text)) ?? '');
  return [...new Set(said.filter((text) => text !== ''))].slice(0, 3);
}
