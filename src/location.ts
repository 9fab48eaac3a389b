/**
 * Where something is in the input — file, sheet, row, column — carried as data and said in Chinese here
 * only. Errors, sheet problems, reading notices, decision-sheet problems, 问题行 and record sources all
 * build their words from these pieces, so a sheet is always 工作表“意见”, a row always 第 5 行 (第 5 行第 2 条
 * for the second opinion split out of its cell), a column always C 列, whichever message names them.
 * (provenance.ts, the record-source formatter of reports, uses the same row words.)
 */

/** Where in the input a problem or notice is; every part optional. */
export interface Location {
  file?: string;
  sheet?: string;
  /** 1-based, as the spreadsheet shows it. */
  row?: number;
  /** Column letter (C). A block (merged G2:G6) is located at its first cell; the notice carries the range. */
  column?: string;
  /** Which of several numbered opinions in one cell (1-based): 第 5 行第 2 条. */
  part?: number;
}

/** A location that names its file: where a reading notice was found. */
export type FileLocation = Location & { file: string };

/** A location within one sheet of one file. */
export type SheetLocation = Location & { file: string; sheet: string };

/** 文件 东湖.xlsx */
export function fileWords(file: string): string {
  return `文件 ${file}`;
}

/** 工作表“意见”: quoted, since sheet names hold spaces (Sheet 1, 意见 汇总). */
export function sheetWords(sheet: string): string {
  return `工作表“${sheet}”`;
}

/** 第 5 行, or 第 5 行第 2 条 for the second opinion of a split cell. */
export function rowWords(row: number, part?: number): string {
  return part === undefined ? `第 ${row} 行` : `第 ${row} 行第 ${part} 条`;
}

/** C 列 */
export function columnWords(column: string): string {
  return `${column} 列`;
}

/**
 * C 列「意见内容」: a column with its header as the sheet has it; C 列（空表头） when it has none. Every
 * message, list and prompt that names a column by letter and header writes it so (never C「意见内容」 or C:意见内容).
 */
export function headedColumnWords(column: string, header: string): string {
  return header.trim() === '' ? `${columnWords(column)}（空表头）` : `${columnWords(column)}「${header}」`;
}

/** 第 5 行 C 列: a row's cell as the ingest names it. */
export function rowColumnWords(row: number, column: string): string {
  return `${rowWords(row)} ${columnWords(column)}`;
}

/** 第 3 行、第 4 行等: up to `shown` rows, then 等 when there are more. */
export function rowListWords(rows: readonly number[], shown = 5): string {
  return `${rows.slice(0, shown).map((row) => rowWords(row)).join('、')}${rows.length > shown ? '等' : ''}`;
}

/**
 * 第 1、2 行: row numbers under one 第 … 行, as a header's rows or a file's lines are listed; past `shown`
 * rows, 第 1、2、3 等 12 行 with the count, so a long list stays one line.
 */
export function rowNumbersWords(rows: readonly number[], shown = rows.length): string {
  const listed = rows.slice(0, shown).join('、');
  return rows.length > shown ? `第 ${listed} 等 ${rows.length} 行` : `第 ${listed} 行`;
}

// The parts of a location in the order people look for them: file, sheet, row (with its part), column.
function locationParts(location: Location): string[] {
  const parts: string[] = [];
  if (location.file !== undefined) parts.push(fileWords(location.file));
  if (location.sheet !== undefined) parts.push(sheetWords(location.sheet));
  if (location.row !== undefined) parts.push(rowWords(location.row, location.part));
  if (location.column !== undefined) parts.push(columnWords(location.column));
  return parts;
}

/**
 * 文件 东湖.xlsx 工作表“意见”: the place a message starts with, as the subject of its sentence (then the
 * row and column when the location has them: 第 5 行 C 列).
 */
export function placeWords(location: Location): string {
  return locationParts(location).join(' ');
}

/** 文件 东湖.xlsx：… — a message that belongs to a place, the place first. */
export function atPlace(location: Location, message: string): string {
  const place = placeWords(location);
  return place === '' ? message : `${place}：${message}`;
}

/**
 * 文件 a.xlsx，工作表“Sheet1”，第 3 行，C 列: a location listed after an error's message (in brackets), each
 * part set off by a comma since the message before it is a sentence of its own.
 */
export function describeLocation(location: Location): string {
  return locationParts(location).join('，');
}

/** 文件 登记表.xlsx 工作表“采纳情况” G7 (or a range, G2:G6): a cell of a sheet yijian wrote, by its address. */
export function cellWords(file: string, sheet: string, address: string): string {
  return `${fileWords(file)} ${sheetWords(sheet)} ${address}`;
}
