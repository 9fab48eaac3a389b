/**
 * The one personal-data detector (个人信息识别): mobile numbers, resident ID-card numbers, landlines
 * and e-mail addresses, however people type them. Everything that masks or strips personal data
 * goes through `findPersonalData`, so a format fixed here is fixed in every report.
 *
 * Numbers are found by a normalising scanner rather than one regular expression per spelling:
 * a run of digit groups (ASCII or full-width) joined by short separator runs (spaces incl. U+3000,
 * dots, hyphens, en/em dashes, parentheses) is read as its digits, and consecutive groups whose
 * digits form a plausible number (length and prefix: 1[3-9]… mobiles, 0-prefixed area codes,
 * ID numbers with a real birth date, +86 / 0086 in front) are masked as one. A number glued to
 * other digits (编号123813812345678) is not split up, and ordinary numbers (第1260条, 2024-05-12,
 * GB 17761-2018, 12.2.3) never match: none has a plausible length and prefix together.
 */

import { areaLength, classifyNational, type Classified, ID_18, LANDLINE, LOCAL, maskNumber, MOBILE, PHONE_LABEL, stars } from './pii-patterns.js';
import { spelledMatches, SPELLED_MAY_HOLD } from './pii-spelled.js';
import { addressMatches, MAY_HOLD_SPELLED_PART } from './pii-address.js';

/** What a match is. `contactNumber` is any other number inside a 联系方式 cell. */
export type PersonalDataKind = 'mobile' | 'idCard' | 'landline' | 'bankCard' | 'email' | 'contactNumber' | 'accountName' | 'address' | 'plate';

/** One piece of personal data in a text: where it is and what it becomes when masked. */
export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** UTF-16 offsets into the text: [start, end). */
  start: number;
  end: number;
  /** The masked spelling: 138****5678, 0571-****4321, 110101********123X, z***@example.com */
  masked: string;
}

/** How a text is read. */
export interface ScanOptions {
  /**
   * The text is a 联系方式 cell: every number in it is personal (a bare 8-digit landline, a QQ
   * number), and so is a Latin account name (a WeChat ID).
   */
  contact?: boolean;
}

const FULL_WIDTH_ZERO = 0xff10;

function isDigitCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= FULL_WIDTH_ZERO && code <= FULL_WIDTH_ZERO + 9);
}

function asciiDigit(code: number): string {
  return String.fromCharCode(code >= FULL_WIDTH_ZERO ? code - FULL_WIDTH_ZERO + 0x30 : code);
}

/** Characters people put between digit groups of one number. */
const SEPARATORS = new Set([
  0x20, 0x09, 0xa0, 0x3000, 0x2002, 0x2003, 0x2009, 0x202f, // spaces, incl. ideographic
  0x2e, 0xff0e, 0x00b7, // dots
  0x2d, 0xff0d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe63, // hyphens and dashes
  0x28, 0x29, 0xff08, 0xff09, // parentheses
  0x2f, 0xff0f, // slashes (138/1234/5678, 021／6275 1234)
]);
/** At most this many separator characters between two groups (138 — 0013 — 8000). */
const MAX_SEPARATOR_RUN = 3;
/** The shortest number read: a labelled 7-digit local number. */
const MIN_DIGITS = 7;
/** In a contact cell, any number from five digits (a QQ number) is personal. */
const MIN_CONTACT_DIGITS = 5;
/** Longest digit string worth classifying: 0086 + a 12-digit landline is 16; an ID card is 18. */
const MAX_DIGITS = 20;

const isSeparator = (code: number): boolean => SEPARATORS.has(code);
const isStar = (code: number): boolean => code === 0x2a || code === 0xff0a;
const isCheckX = (code: number): boolean => code === 0x58 || code === 0x78 || code === 0xff38 || code === 0xff58;
const isPlus = (code: number): boolean => code === 0x2b || code === 0xff0b;
const isLatinAlnum = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/** A mask is at least three asterisks (138****5678, a***@x.cn); two are Markdown bold (**13800138000**). */
const MASK_STARS = 3;

/** A mask right before `at`, maybe across a few separators (the area code of 010 ****5678). */
function starsBefore(text: string, at: number): boolean {
  let k = at;
  while (k > 0 && at - k < MAX_SEPARATOR_RUN && isSeparator(text.charCodeAt(k - 1))) k -= 1;
  let count = 0;
  while (k > 0 && count < MASK_STARS && isStar(text.charCodeAt(k - 1))) {
    k -= 1;
    count += 1;
  }
  return count >= MASK_STARS;
}

/** A mask right after `at`, maybe across a few separators. */
function starsAfter(text: string, at: number): boolean {
  let k = at;
  while (k < text.length && k - at < MAX_SEPARATOR_RUN && isSeparator(text.charCodeAt(k))) k += 1;
  let count = 0;
  while (k < text.length && count < MASK_STARS && isStar(text.charCodeAt(k))) {
    k += 1;
    count += 1;
  }
  return count >= MASK_STARS;
}

/** One run of digits (and an ID card's final X) inside a longer number. */
interface DigitGroup {
  start: number;
  /** Exclusive; after the X when there is one. */
  end: number;
  /** ASCII digits. */
  digits: string;
  /** Offset of a trailing X, or -1. */
  x: number;
  /** Touches a mask (***): the kept digits of an already masked number, which never join their neighbours. */
  masked: boolean;
}

/** The digit groups of the text, as spans of groups joined by separators. */
function digitSpans(text: string): DigitGroup[][] {
  const spans: DigitGroup[][] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigitCode(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const groups: DigitGroup[] = [];
    for (;;) {
      const start = i;
      let digits = '';
      while (i < n && isDigitCode(text.charCodeAt(i))) {
        digits += asciiDigit(text.charCodeAt(i));
        i += 1;
      }
      let x = -1;
      // An X right after the digits is an ID card's check character unless a word goes on (123Xabc).
      if (i < n && isCheckX(text.charCodeAt(i)) && !(i + 1 < n && isLatinAlnum(text.charCodeAt(i + 1)))) {
        x = i;
        i += 1;
      }
      const masked = starsBefore(text, start) || starsAfter(text, i);
      groups.push({ start, end: i, digits, x, masked });
      if (x >= 0) break; // the X ends the number
      let k = i;
      while (k < n && k - i < MAX_SEPARATOR_RUN && isSeparator(text.charCodeAt(k))) k += 1;
      if (k === i || k >= n || !isDigitCode(text.charCodeAt(k))) break;
      i = k;
    }
    markMaskHeads(text, groups);
    spans.push(groups);
  }
  return spans;
}

/** The kept head of a masked number: a split area code (060 0***), or a country code before it (86 138****, 0086 10 ****). */
const MASK_HEAD = /^(?:0\d{0,3}|(?:00)?86\d{0,4})$/;
const MAX_HEAD_DIGITS = 8;

/**
 * Groups before a masked group that read as its kept head belong to the masked number too: 060 0***0512 was
 * 0600-8000-512, its area code typed in two groups. Left unmarked, 1300 060 would be read as a new local number the
 * second time the text is masked.
 */
function markMaskHeads(text: string, groups: DigitGroup[]): void {
  for (let j = groups.length - 1; j > 0; j -= 1) {
    const group = groups[j]!;
    if (!group.masked || !starsAfter(text, group.end)) continue;
    // The longest run of groups before it that makes a head with it (0 8 1 0***: the area code 0810 typed digit by digit).
    let head = group.digits;
    let from = j;
    for (let k = j - 1; k >= 0 && !groups[k]!.masked && head.length <= MAX_HEAD_DIGITS; k -= 1) {
      head = groups[k]!.digits + head;
      if (MASK_HEAD.test(head)) from = k;
    }
    for (let k = from; k < j; k += 1) groups[k]!.masked = true;
  }
}

/** The number behind a country code: a mobile, or a landline with or without its trunk 0. */
function classifyInternational(rest: string, national: number): Classified | null {
  if (MOBILE.test(rest)) return { kind: 'mobile', national, area: 0 };
  if (LANDLINE.test(rest)) return { kind: 'landline', national, area: areaLength(rest) };
  if (LANDLINE.test(`0${rest}`)) return { kind: 'landline', national, area: areaLength(`0${rest}`) - 1 };
  return null;
}

function classify(digits: string, plus: boolean): Classified | null {
  const national = classifyNational(digits);
  if (national !== null) return national;
  if (digits.startsWith('0086')) {
    const found = classifyInternational(digits.slice(4), 4);
    if (found !== null) return found;
  }
  if (digits.startsWith('86')) {
    const rest = digits.slice(2);
    // Without a +, only a mobile is sure enough: 86 13800138000.
    const found = plus ? classifyInternational(rest, 2) : MOBILE.test(rest) ? { kind: 'mobile' as const, national: 2, area: 0 } : null;
    if (found !== null) return found;
  }
  return null;
}

type Classify = (digits: string, first: DigitGroup, x: number, last: DigitGroup) => Classified | null;

/**
 * One pass over a span's groups: from each uncovered group, the longest run of uncovered groups
 * whose digits `classify` accepts (010 | 1234 | 5678 as one landline) becomes a match.
 */
function scanPass(text: string, groups: readonly DigitGroup[], covered: boolean[], classifyRun: Classify, out: PersonalDataMatch[]): void {
  let i = 0;
  while (i < groups.length) {
    const from = groups[i]!;
    if (covered[i] === true) {
      i += 1;
      continue;
    }
    let best: { to: number; found: Classified; x: number } | null = null;
    let digits = '';
    for (let j = i; j < groups.length && covered[j] !== true; j += 1) {
      const group = groups[j]!;
      // The kept digits of a masked number stand alone: they never join their neighbours.
      if (j > i && (group.masked || from.masked)) break;
      digits += group.digits;
      if (digits.length > MAX_DIGITS) break;
      const found = classifyRun(digits, from, group.x, group);
      if (found !== null) best = { to: j, found, x: group.x };
      if (group.x >= 0) break;
    }
    if (best === null) {
      i += 1;
      continue;
    }
    // A group's digits are consecutive characters: their offsets follow from where it starts.
    const positions: number[] = [];
    for (let k = i; k <= best.to; k += 1) {
      const group = groups[k]!;
      for (let d = 0; d < group.digits.length; d += 1) positions.push(group.start + d);
    }
    out.push({
      kind: best.found.kind,
      start: from.start,
      end: groups[best.to]!.end,
      masked: maskNumber(text, from.start, positions, best.x, best.found),
    });
    for (let k = i; k <= best.to; k += 1) covered[k] = true;
    i = best.to + 1;
  }
}

/** Units after a number that make it an amount or a count, not a local phone number. */
const QUANTITY_AFTER = /^\s?(?:元|万|亿|年|月|日|号|条|款|项|户|人|名|次|个|只|米|平方|公里|千克|公斤|吨|%|％|岁|天|小时|分钟|位)/u;

function numberMatches(text: string, contact: boolean): PersonalDataMatch[] {
  const matches: PersonalDataMatch[] = [];
  for (const groups of digitSpans(text)) {
    // Most spans are short ordinary numbers (第12条, 2024年): too few digits for any reading.
    let total = 0;
    for (const g of groups) total += g.digits.length;
    if (total < (contact ? MIN_CONTACT_DIGITS : MIN_DIGITS)) continue;
    const first = groups[0]!;
    const plus = first.start > 0 && isPlus(text.charCodeAt(first.start - 1));
    const covered = groups.map(() => false);
    // Sure numbers first (mobile, ID card, landline with area code), so a weaker reading of a few
    // groups (a labelled local number) cannot take digits that belong to one of them.
    scanPass(text, groups, covered, (digits, from, x) =>
      x >= 0 ? (ID_18.test(`${digits}X`) ? { kind: 'idCard', national: 0, area: 0 } : null) : classify(digits, from === first && plus), matches);
    const labelled = (group: DigitGroup): boolean => contact || PHONE_LABEL.test(text.slice(Math.max(0, group.start - 12), group.start));
    // 电话费是1000000元: a number followed by a unit is an amount or a count, whatever word came before it.
    const counted = (group: DigitGroup): boolean => QUANTITY_AFTER.test(text.slice(group.end, group.end + 3));
    scanPass(text, groups, covered, (digits, from, x, last) =>
      x < 0 && LOCAL.test(digits) && labelled(from) && !counted(last) ? { kind: 'landline', national: 0, area: 0 } : null, matches);
    // Whatever else is in a contact cell (a QQ number, an unusual format) still shows no readable number —
    // unless the span already holds a masked number, whose kept digits (0571-****4321) are not read again.
    if (contact && !groups.some((g) => g.masked)) {
      scanPass(text, groups, covered, (digits) => (digits.length >= MIN_CONTACT_DIGITS ? { kind: 'contactNumber', national: 0, area: 0 } : null), matches);
    }
  }
  return matches;
}

/** Local part characters: ASCII as most addresses are, or full-width as typed with a Chinese IME (often mixed). */
const LATIN_LOCAL = /[A-Za-z0-9._%+\-Ａ-Ｚａ-ｚ０-９．＿－＋]/u;
/** Any other letters: a Chinese name before the @. */
const OTHER_LOCAL = /[\p{L}\p{N}]/u;
/** A name before @ in Chinese (张三@例子.中国): at most this many characters count as the local part. */
const MAX_OTHER_LOCAL = 4;
/** Domain: labels of letters (any script), digits and hyphens, dot-separated, ending in a 2+ letter label. */
const DOMAIN = /(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62}[\p{L}\p{N}])?[.．])+\p{L}{2,63}/uy;
/**
 * The at sign, and the ways people write it so that harvesters miss it: (at), （at）, [at], 【at】, a spaced " at ",
 * and " @ " — the written-out ones only between a Latin local part and a Latin domain (wang(at)126.com).
 */
// An at sign typed with spaces around it (sun.mou @ 163.com, wu_mou@ qq.com) is written out too: read only between a
// Latin local part and a Latin domain. Tried first, so the spaces are part of the sign, not left between its parts.
const AT_SIGN = /[ \t\u3000]{0,2}[@＠][ \t\u3000]{1,2}|[ \t\u3000]{1,2}[@＠]|[@＠]|\s*[(（[【]\s*at\s*[)）\]】]\s*|\s+at\s+/giu;
/** The written-out sign without brackets, as English prose also has it. */
const BARE_AT = /^\s+at\s+$/iu;
const WRITTEN_AT_MAY_HOLD = /[(（[【]\s*at\s*[)）\]】]|\sat\s/iu;
/** A Latin domain typed with the IME's full stop for its dots (163。com): read only when the usual reading finds none. */
const FULL_STOP_DOMAIN = /(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?[.．。])+[A-Za-z]{2,63}(?![A-Za-z])/uy;

function typedWithFullStop(text: string, from: number): RegExpExecArray | null {
  FULL_STOP_DOMAIN.lastIndex = from;
  return FULL_STOP_DOMAIN.exec(text);
}

/** A domain up to its Latin top-level label (126.com of 126.com沟通), as a written-out at sign needs. */
const LATIN_DOMAIN = /^.*[.．。][A-Za-z]{2,63}(?![A-Za-z])/u;

function emailMatches(text: string): PersonalDataMatch[] {
  const matches: PersonalDataMatch[] = [];
  if (!text.includes('@') && !text.includes('＠') && !mayHoldWrittenAt(text)) return matches;
  // Where the last address ended: the next one's local part cannot reach back into it (a@b.cnc@d.cn).
  let lastEnd = 0;
  for (const sign of text.matchAll(AT_SIGN)) {
    const at = sign.index;
    if (at < lastEnd) continue;
    const written = sign[0].length > 1;
    DOMAIN.lastIndex = at + sign[0].length;
    const found = DOMAIN.exec(text) ?? typedWithFullStop(text, at + sign[0].length);
    const domain = found === null ? null : written ? LATIN_DOMAIN.exec(found[0]) : found;
    if (domain === null) continue;
    const end = at + sign[0].length + domain[0].length;
    if (text.slice(at - MASK_STARS, at) === stars(MASK_STARS)) {
      // Already masked (z***@example.com): still an address, so its digits are not read as a number.
      const starsAt = at - MASK_STARS;
      // The character before the stars is the kept first one of a Latin local part only where that part began: a Latin
      // local part takes every Latin character before it, so one with more of them before it (0000***@例子.中国, a
      // Chinese name masked after a number) is the number's.
      const kept = starsAt > lastEnd && LATIN_LOCAL.test(text.charAt(starsAt - 1))
        && (starsAt - 1 === lastEnd || !LATIN_LOCAL.test(text.charAt(starsAt - 2)));
      const start = kept ? starsAt - 1 : starsAt;
      if (start < lastEnd) continue;
      matches.push({ kind: 'email', start, end, masked: text.slice(start, end) });
      lastEnd = end;
      continue;
    }
    const before = text.charAt(at - 1);
    const local = LATIN_LOCAL.test(before) ? LATIN_LOCAL : OTHER_LOCAL.test(before) && !written ? OTHER_LOCAL : null;
    if (local === null) continue;
    let start = at;
    const limit = local === OTHER_LOCAL ? MAX_OTHER_LOCAL : 64;
    while (start > lastEnd && at - start < limit && local.test(text.charAt(start - 1))) start -= 1;
    // A Chinese local part does not take the tail of a number it is glued to (…071234张三@例子.中国): those digits
    // are the number's, which is masked whole on its own; taken here they left the rest of an ID number readable.
    // An ID's check letter (…000X李四@) is the number's too.
    if (local === OTHER_LOCAL && start > 0 && isDigitCode(text.charCodeAt(start - 1))) {
      while (start < at && (isDigitCode(text.charCodeAt(start)) || isCheckX(text.charCodeAt(start)))) start += 1;
    }
    if (start === at) continue;
    // A spaced " at " in English prose (see you at home.com) is no address: the local part must open the Latin text.
    if (BARE_AT.test(sign[0]) && start > 0 && /\s/u.test(text.charAt(start - 1))) continue;
    // Nor is the tail of a masked number (***60 at 0.cn): a written-out sign needs a local part of its own.
    if (written && start > 0 && isStar(text.charCodeAt(start - 1))) continue;
    // A Latin local part keeps its first character (z***@); a Chinese one is a name and keeps nothing.
    const shown = local === OTHER_LOCAL ? '' : text.charAt(start);
    matches.push({ kind: 'email', start, end, masked: `${shown}${stars(MASK_STARS)}${sign[0]}${domain[0]}` });
    lastEnd = end;
  }
  return matches;
}

/** Latin account names in a contact cell (WeChat IDs start with a letter, 6–20 characters). */
const ACCOUNT = /(?<![A-Za-z0-9_*＊-])[A-Za-z][A-Za-z0-9_-]{5,19}(?![A-Za-z0-9_@＠*＊-])/gu;
/** Words of a contact cell that are labels, not accounts. */
const NOT_ACCOUNTS = new Set(['wechat', 'weixin', 'mobile', 'phone', 'email', 'e-mail', 'telephone', 'office']);

/** A digit or a mask next to `at` (before it: direction -1), across a few separators. */
function nearNumber(text: string, at: number, direction: -1 | 1): boolean {
  let k = direction < 0 ? at - 1 : at;
  for (let skipped = 0; k >= 0 && k < text.length && skipped < MAX_SEPARATOR_RUN && isSeparator(text.charCodeAt(k)); skipped += 1) k += direction;
  const code = text.charCodeAt(k);
  return k >= 0 && k < text.length && (isDigitCode(code) || isStar(code));
}

function accountMatches(text: string): PersonalDataMatch[] {
  return [...text.matchAll(ACCOUNT)]
    // Letters run into a number (QQ0086 5013800130) belong to it, whether its digits are masked yet or not.
    .filter((m) => !NOT_ACCOUNTS.has(m[0].toLowerCase()) && /\d|_/u.test(m[0]) && !nearNumber(text, m.index, -1) && !nearNumber(text, m.index + m[0].length, 1))
    .map((m) => ({ kind: 'accountName' as const, start: m.index, end: m.index + m[0].length, masked: `${m[0].charAt(0)}***` }));
}

/** Stands in for the characters of an e-mail address while numbers are read: neither digit nor separator. */
const BLANK = '\u0001';

const HAS_DIGIT = /[0-9０-９]/u;

/** Quick test: a text without digits or an at sign (typed or written out) holds no personal data this module knows. */
const MAY_HOLD = /[0-9０-９@＠]/u;
/** The written-out at sign, looked for only in a text with "at" in it. */
const mayHoldWrittenAt = (text: string): boolean => /[aA][tT]/.test(text) && WRITTEN_AT_MAY_HOLD.test(text);

/** Every piece of personal data in `text`, in order, not overlapping. */
export function findPersonalData(text: string, options: ScanOptions = {}): PersonalDataMatch[] {
  const typed = MAY_HOLD.test(text) || mayHoldWrittenAt(text);
  // Spelled in Chinese numerals (一三九…) or named by a label (QQ号：…): rare, and looked for only then.
  const spelled = SPELLED_MAY_HOLD.test(text);
  // A door number in Chinese numerals (五号楼六〇一室) has no digit either.
  const door = MAY_HOLD_SPELLED_PART.test(text);
  if (!typed && !spelled && !door) return [];
  if (!typed && !door) return spelledMatches(text);
  const contact = options.contact === true;
  const emails = emailMatches(text);
  // Digits of an e-mail address (13800138000@163.com) belong to the address: blanked (same length,
  // so offsets hold) before numbers are read, a number can neither start nor end inside one.
  let rest = text;
  for (const e of emails) rest = rest.slice(0, e.start) + BLANK.repeat(e.end - e.start) + rest.slice(e.end);
  if (emails.length === 0 && !HAS_DIGIT.test(text) && !door) return spelled ? spelledMatches(text) : [];
  // A door number (601室12340, 3号楼501) is read before numbers and blanked in turn: read after them, a contact
  // cell's number masked inside it (601室***40) would leave the rest to be read as a door number on the next pass.
  const documents = [...travelDocumentMatches(rest), ...plateMatches(rest)];
  const addresses = documents.length === 0 ? addressMatches(rest) : [...addressMatches(rest), ...documents];
  for (const a of addresses) rest = rest.slice(0, a.start) + BLANK.repeat(a.end - a.start) + rest.slice(a.end);
  const numbers = numberMatches(rest, contact);
  const found = [...emails, ...addresses, ...numbers];
  const free = (m: PersonalDataMatch): boolean => !found.some((f) => m.start < f.end && m.end > f.start);
  if (contact) found.push(...accountMatches(rest).filter(free));
  if (spelled) found.push(...spelledMatches(rest).filter(free));
  return found.sort((a, b) => a.start - b.start);
}

/**
 * A passport or travel-permit number after the word that names it (护照号E12345678, 港澳通行证：C12345678, 证件号码
 * G1234567): one or two Latin letters and seven to nine digits. Without the word such a string is as likely a
 * product model, and stays.
 */
const TRAVEL_DOCUMENT = /(?:护照|通行证|证件)(?:号码|号)?(?:是|为)?[：:\s]*([A-Za-z]{1,2}[0-9]{7,9})(?![0-9A-Za-z])/gu;

/** Quick test before the pattern: the words that name a travel document. */
const MAY_HOLD_TRAVEL_DOCUMENT = /护照|通行证|证件/u;

function travelDocumentMatches(text: string): PersonalDataMatch[] {
  if (!MAY_HOLD_TRAVEL_DOCUMENT.test(text)) return [];
  return [...text.matchAll(TRAVEL_DOCUMENT)].map((m) => {
    const number = m[1]!;
    const start = m.index + m[0].length - number.length;
    return { kind: 'idCard' as const, start, end: start + number.length, masked: `${number.charAt(0)}${stars(number.length - 3)}${number.slice(-2)}` };
  });
}

/**
 * A vehicle's number plate (机动车号牌, and the plates cities give electric bicycles): the province's character, the
 * issuing office's letter, an optional dot, five or six letters and digits, at least three of them digits (沪A·12345,
 * 粤B D12345). A plate names one vehicle and through the register its keeper, so it is masked like a number is, the
 * province and office kept and the last two shown (沪A·***45): the opinion still says what kind of plate it is.
 */
const PLATE = /(?<![A-Za-z0-9])([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])([A-HJ-NP-Z])([·•・．.\s-]?)([A-HJ-NP-Z0-9]{5,6})(?![A-Za-z0-9])/gu;
const MAY_HOLD_PLATE = /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z]/u;

function plateMatches(text: string): PersonalDataMatch[] {
  if (!MAY_HOLD_PLATE.test(text)) return [];
  const found: PersonalDataMatch[] = [];
  for (const m of text.matchAll(PLATE)) {
    const serial = m[4]!;
    if ((serial.match(/[0-9]/gu)?.length ?? 0) < 3) continue;
    const masked = `${m[1]!}${m[2]!}${m[3]!}${stars(serial.length - 2)}${serial.slice(-2)}`;
    found.push({ kind: 'plate', start: m.index, end: m.index + m[0].length, masked });
  }
  return found;
}

function replaceMatches(text: string, matches: readonly PersonalDataMatch[], replacement: (m: PersonalDataMatch) => string): string {
  if (matches.length === 0) return text;
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.start) + replacement(m);
    at = m.end;
  }
  return out + text.slice(at);
}

/** Masks phone numbers, ID-card numbers and e-mail addresses in free text (opinions, names, file names). */
export function maskPersonalData(text: string): string {
  return replaceMatches(text, findPersonalData(text), (m) => m.masked);
}

/** Masks a 联系方式 cell: every number and account in it, whatever its format (138****5678, ****4321, z***@x.com). */
export function maskContact(contact: string): string {
  return replaceMatches(contact, findPersonalData(contact, { contact: true }), (m) => m.masked);
}

/** The text with its personal data cut out (for deciding what may be shown, e.g. keywords). */
export function stripPersonalData(text: string): string {
  return replaceMatches(text, findPersonalData(text), () => ' ');
}

/**
 * maskPersonalData for texts that repeat on every record (names, files, sheets): each distinct text is
 * scanned once per returned function.
 */
export function repeatedTextMask(): (text: string) => string {
  const masked = new Map<string, string>();
  return (text) => {
    let shown = masked.get(text);
    if (shown === undefined) {
      shown = maskPersonalData(text);
      masked.set(text, shown);
    }
    return shown;
  };
}
