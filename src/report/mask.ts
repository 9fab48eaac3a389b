/**
 * Personal data masking (个人信息脱敏): contact cells and phone, ID-card and e-mail text typed
 * into opinions. Every text that reaches a report goes through `maskPersonalData`.
 * Digits may be ASCII or full-width (staff type both); kept digits are kept as written.
 */

/** One digit, ASCII or full-width. */
const D = '[0-9０-９]';
/** Not preceded / followed by another digit (or ID-card X), so numbers are matched whole. */
const NB = '(?<![0-9０-９])';
const NA = '(?![0-9０-９XxＸｘ])';
const SEP = '[-－ ]?';

/** 18-digit resident ID card number; the last character may be X. */
const ID_CARD = new RegExp(`${NB}(${D}{6})(${D}{8})(${D}{3}[0-9０-９XxＸｘ])${NA}`, 'gu');
/** Mainland mobile: 1[3-9]x xxxx xxxx, with optional spaces or dashes between groups. */
const MOBILE = new RegExp(
  `${NB}([1１][3-9３-９]${D})(${SEP}${D}{4}${SEP})(${D}{4})${NA}`,
  'gu',
);
/** Landline with area code: 0571-87654321, (0571)87654321, 010 12345678. */
const LANDLINE_AREA = new RegExp(
  `${NB}([（(]?[0０]${D}{2,3}[）)]?${SEP})(${D}{3,4})(${D}{4})${NA}`,
  'gu',
);
/** Landline without area code, only where a label says it is a phone number. */
const LANDLINE_LABELLED = new RegExp(
  `((?:电话|座机|手机|联系方式|联系电话|tel|Tel|TEL)[：:\\s]*)(${D}{3,4})(${D}{4})${NA}`,
  'gu',
);
/** E-mail: keep the first character of the local part and the domain. */
const EMAIL = /([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/gu;

const stars = (n: number): string => '*'.repeat(n);

/** Masks phone numbers, ID-card numbers and e-mail addresses inside free text. */
export function maskPersonalData(text: string): string {
  return text
    .replace(ID_CARD, (_m, head: string, _birth: string, tail: string) => `${head}${stars(8)}${tail.slice(-4)}`)
    .replace(MOBILE, (_m, head: string, _middle: string, tail: string) => `${head}${stars(4)}${tail}`)
    .replace(LANDLINE_AREA, (_m, area: string, _middle: string, tail: string) => `${area}${stars(4)}${tail}`)
    .replace(LANDLINE_LABELLED, (_m, label: string, _middle: string, tail: string) => `${label}${stars(4)}${tail}`)
    .replace(EMAIL, (_m, first: string, domain: string) => `${first}***@${domain}`);
}

/**
 * Masks a contact cell (联系方式): 138****5678, 0571-****5678, a***@x.com.
 * Whatever still shows a run of 7 or more digits after the known patterns (an unusual number
 * format) keeps only its last four digits, so no readable number leaks.
 */
export function maskContact(contact: string): string {
  const known = maskPersonalData(contact);
  return known.replace(new RegExp(`${D}{7,}`, 'gu'), (run) => stars(run.length - 4) + run.slice(-4));
}

/** Removes phone numbers, ID-card numbers and e-mail addresses from free text (for deciding what may be shown). */
export function stripPersonalData(text: string): string {
  return [ID_CARD, MOBILE, LANDLINE_AREA, LANDLINE_LABELLED, EMAIL].reduce((rest, pattern) => rest.replace(pattern, ' '), text);
}

/**
 * Keywords fit to print: a keyword found in the opinions only inside an e-mail, phone or ID number
 * (`com` from liangshufen@example.com) is dropped; keywords the texts do not contain verbatim
 * (a simplified form of a traditional-script opinion) are kept.
 */
export function keywordsWithoutPersonalData(keywords: readonly string[], texts: readonly string[]): string[] {
  const stripped = texts.map(stripPersonalData);
  return keywords.filter((keyword) => !texts.some((t) => t.includes(keyword)) || stripped.some((t) => t.includes(keyword)));
}
