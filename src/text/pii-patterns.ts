/**
 * What the digits of a phone or ID-card number look like, once read as ASCII digits: shared by the scanner of
 * typed numbers (pii.ts) and of numbers spelled in Chinese numerals (pii-spelled.ts).
 */

/** A mobile number: 1, then 3–9, then nine digits. */
export const MOBILE = /^1[3-9]\d{9}$/;
/** 18-digit ID: region (first digit 1–8), birth date YYYYMMDD, sequence, check digit. */
export const ID_18 = /^[1-8]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$/;
/** The old 15-digit ID: region, birth date YYMMDD, sequence. */
export const ID_15 = /^[1-8]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}$/;
/** Landline with its area code: 010 / 02x (3 digits) or 0xxx (4 digits), then 7–8 digits. */
export const LANDLINE = /^0(?:10|2\d|[3-9]\d{2})[1-9]\d{6,7}$/;
/** A local number without an area code: only where a label or a contact cell says it is a phone. */
export const LOCAL = /^[1-9]\d{6,7}$/;
/** Words that say the next number is a phone number. */
export const PHONE_LABEL = /(?:电话|座机|固话|手机|宅电|传真|联系方式|tel|phone|fax)[.:：\s]*$/iu;

/** Digits of a landline's area code: 010 and 02x have three, the others four. */
export function areaLength(landline: string): number {
  return landline[1] === '1' || landline[1] === '2' ? 3 : 4;
}
