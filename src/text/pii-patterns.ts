/**
 * What the digits of a phone or ID-card number look like, once read as ASCII digits, and how each is masked:
 * shared by the scanner of typed numbers (pii.ts) and of numbers spelled in Chinese numerals (pii-spelled.ts),
 * so a number is masked the same way however it was written.
 */
import type { PersonalDataKind } from './pii.js';

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
/**
 * Words that say the next number is a phone number, as people write them before it: 电话：, 座机号, 电话号码是,
 * 联系电话为 (the same words whether the number is typed or spelled in Chinese numerals).
 */
export const PHONE_LABEL = /(?:电话|座机|固话|手机|宅电|传真|联系方式|tel|phone|fax)(?:号码|号)?(?:是|为)?[.:：\s]*$/iu;

/** Digits of a landline's area code: 010 and 02x have three, the others four. */
export function areaLength(landline: string): number {
  return landline[1] === '1' || landline[1] === '2' ? 3 : 4;
}

/** What a digit string is, and where its national part starts (after +86 / 0086). */
export interface Classified {
  kind: PersonalDataKind;
  /** Index into the digits where the number proper begins (the country code is kept as written). */
  national: number;
  /** Digits of the area code kept visible (landlines), counted from `national`. */
  area: number;
}

/** A bank card's digits: 16 to 19, from the issuers' ranges (银联 62…, Visa 4…, Mastercard 5…, JCB/Amex 3…). */
export const BANK_CARD = /^[3-6]\d{15,18}$/;

/** The Luhn check every bank card number carries in its last digit (one in ten random numbers pass it). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i -= 1, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** A national number: mobile, ID card, landline with area code, or bank card. */
export function classifyNational(digits: string): Classified | null {
  if (MOBILE.test(digits)) return { kind: 'mobile', national: 0, area: 0 };
  if (LANDLINE.test(digits)) return { kind: 'landline', national: 0, area: areaLength(digits) };
  if (ID_18.test(digits) || ID_15.test(digits)) return { kind: 'idCard', national: 0, area: 0 };
  // 退款请打到我的卡 6222 0212 3456 7890 128: 16–19 digits that pass the card's own check.
  if (BANK_CARD.test(digits) && luhnValid(digits)) return { kind: 'bankCard', national: 0, area: 0 };
  return null;
}

export const stars = (count: number): string => '*'.repeat(count);

/** The masked spelling of digits `positions` (a classified number); kept digits stay as written. */
export function maskNumber(text: string, groupStart: number, positions: number[], x: number, found: Classified): string {
  const at = (index: number): string => text.charAt(positions[index] ?? -1);
  const keep = (from: number, to: number): string => {
    let out = '';
    for (let k = from; k < to; k += 1) out += at(k);
    return out;
  };
  // An X stays: dropping it would join the digits around it into a new number.
  if (found.kind === 'contactNumber') return maskContactNumber(text, positions) + (x >= 0 ? text.charAt(x) : '');
  const n0 = found.national;
  const length = positions.length + (x >= 0 ? 1 : 0) - n0;
  const nationalStart = positions[n0] ?? groupStart;
  // The country code as written (+86 is outside the span; "86 ", "(0086) " inside it).
  const prefix = text.slice(groupStart, nationalStart);
  if (found.kind === 'mobile') return `${prefix}${keep(n0, n0 + 3)}${stars(4)}${keep(n0 + 7, n0 + 11)}`;
  // A bank card keeps its first four and last four digits (6222***********0128), as banks print it.
  if (found.kind === 'bankCard') return `${keep(0, 4)}${stars(positions.length - 8)}${keep(positions.length - 4, positions.length)}`;
  if (found.kind === 'idCard') {
    const last = x >= 0 ? text.charAt(x) : at(positions.length - 1);
    return length === 18
      ? `${keep(0, 6)}${stars(8)}${keep(14, 17)}${last}`
      : `${keep(0, 6)}${stars(6)}${keep(12, 14)}${last}`;
  }
  // Landline: country code and area code as written (with their brackets and separators), then the local number.
  const localStart = n0 + found.area;
  const head = text.slice(groupStart, positions[localStart] ?? groupStart);
  const localLength = positions.length - localStart;
  return `${head}${stars(localLength - 4)}${keep(positions.length - 4, positions.length)}`;
}

/** Numbers of a 联系方式 cell no pattern knows: most digits hidden (87654321 → ****4321, 12345 → ***45). */
export function maskContactNumber(text: string, positions: number[]): string {
  const kept = positions.length >= 8 ? 4 : Math.floor(positions.length / 2);
  let out = stars(positions.length - kept);
  for (let k = positions.length - kept; k < positions.length; k += 1) out += text.charAt(positions[k] ?? -1);
  return out;
}
