/**
 * Errors are values with stable codes: tests assert on `code`, people read `message` and `hint`.
 */

import type { ErrorCode } from './codes.js';
import type { Location } from './location.js';

/** The codes a YijianError carries: the E_ part of the one code union in codes.ts. */
export type YijianErrorCode = ErrorCode;

/** Where in the input a problem is, carried as data: the one Location type of location.ts. */
export type ErrorLocation = Location;

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

/** The words of an error's location (location.ts formats every location). */
export { describeLocation } from './location.js';

/** Process exit codes, as documented in the README. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  inputProblems: 3,
} as const;
