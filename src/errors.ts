/**
 * Errors are values with stable codes: tests assert on `code`, people read `message` and `hint`.
 */

export type YijianErrorCode =
  | 'E_USAGE'
  | 'E_FILE_NOT_FOUND'
  | 'E_UNREADABLE_FILE'
  | 'E_MIXED_ENCODING'
  | 'E_UNSUPPORTED_FORMAT'
  | 'E_EMPTY_FILE'
  | 'E_ENCRYPTED'
  | 'E_TRUNCATED'
  | 'E_TOO_LARGE'
  | 'E_TOO_MANY_ROWS'
  | 'E_PARSE_TIMEOUT'
  | 'E_NO_HEADER'
  | 'E_NO_OPINION_COLUMN'
  | 'E_NO_POINT'
  | 'E_BAD_MAPPING'
  | 'E_BAD_CONFIG'
  | 'E_OUTPUT_EXISTS'
  | 'E_WRITE_FAILED'
  | 'E_BAD_DRAFT'
  | 'E_BAD_DIGEST'
  | 'E_BAD_TEMPLATE'
  | 'E_BAD_DECISIONS'
  | 'E_INTERNAL'
  | 'E_CONTROL_CHARACTERS'
  /** merge/digest read their inputs and found not one opinion. */
  | 'E_NO_RECORDS';

/** Where in the input a problem is; every part optional. */
export interface ErrorLocation {
  file?: string;
  sheet?: string;
  /** 1-based, as the spreadsheet shows it. */
  row?: number;
  /** Column letter, or header text. */
  column?: string;
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

/** "文件 a.xlsx，工作表 Sheet1，第 3 行，C 列" — the place, in the words staff use. */
export function describeLocation(location: ErrorLocation): string {
  const parts: string[] = [];
  if (location.file !== undefined) parts.push(`文件 ${location.file}`);
  if (location.sheet !== undefined) parts.push(`工作表 ${location.sheet}`);
  if (location.row !== undefined) parts.push(`第 ${location.row} 行`);
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
