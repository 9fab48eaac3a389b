/**
 * Errors are values with stable codes: tests assert on `code`, people read `message` and `hint`.
 */

import type { ErrorCode } from './codes.js';

/** The codes a YijianError carries: the E_ part of the one code union in codes.ts. */
export type YijianErrorCode = ErrorCode;

/** Where in the input a problem is, carried as data; every part optional. */
export interface ErrorLocation {
  file?: string;
  sheet?: string;
  /** 1-based, as the spreadsheet shows it. */
  row?: number;
  /** Column letter, or header text. */
  column?: string;
  /** Which of several numbered opinions in one cell (1-based): 第 5 行第 2 条. */
  part?: number;
}

/** The one error type of yijian: a code, a Chinese message, a hint, and where. */
export class YijianError extends Error {
  readonly code: YijianErrorCode;
  readonly hint: string | undefined;
  readonly location: ErrorLocation;

  constructor(
    code: YijianErrorCode,
    message: string,
    options: { hint?: string; location?: ErrorLocation; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'YijianError';
    this.code = code;
    this.hint = options.hint;
    this.location = options.location ?? {};
  }
}

/** "文件 a.xlsx，工作表 Sheet1，第 3 行，C 列" (第 3 行第 2 条 for a part of a split cell) — the one formatter of a location. */
export function describeLocation(location: ErrorLocation): string {
  const parts: string[] = [];
  if (location.file !== undefined) parts.push(`文件 ${location.file}`);
  if (location.sheet !== undefined) parts.push(`工作表 ${location.sheet}`);
  if (location.row !== undefined) parts.push(`第 ${location.row} 行${location.part === undefined ? '' : `第 ${location.part} 条`}`);
  if (location.column !== undefined) parts.push(`${location.column} 列`);
  return parts.join('，');
}

/** Process exit codes, as documented in the README. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  inputProblems: 3,
} as const;
