/**
 * Chinese numerals (中文数字) as law texts write them: 十二, 一百零八, 一千二百六十, 两百,
 * financial forms (壹贰叁…拾佰仟) and traditional forms (兩, 萬) included.
 */
import { YijianError } from './errors.js';

/** Digit characters and their values; 两/兩 appear before units (两百), 〇 in positional forms. */
const DIGITS: ReadonlyMap<string, number> = new Map([
  ['零', 0], ['〇', 0], ['○', 0],
  ['一', 1], ['壹', 1], ['幺', 1],
  ['二', 2], ['两', 2], ['兩', 2], ['贰', 2], ['貳', 2],
  ['三', 3], ['叁', 3], ['參', 3],
  ['四', 4], ['肆', 4],
  ['五', 5], ['伍', 5],
  ['六', 6], ['陆', 6], ['陸', 6],
  ['七', 7], ['柒', 7],
  ['八', 8], ['捌', 8],
  ['九', 9], ['玖', 9],
]);

/** Units below 万 (a "section" is a number below 10,000). */
const SMALL_UNITS: ReadonlyMap<string, number> = new Map([
  ['十', 10], ['拾', 10],
  ['百', 100], ['佰', 100],
  ['千', 1000], ['仟', 1000],
]);

/** Units that close a section: 万 (10^4) and 亿 (10^8). */
const BIG_UNITS: ReadonlyMap<string, number> = new Map([
  ['万', 1e4], ['萬', 1e4],
  ['亿', 1e8], ['億', 1e8],
]);

/** Every character chineseToNumber accepts; a regex class body for scanners. */
export const CHINESE_NUMERAL_CHARS = [...DIGITS.keys(), ...SMALL_UNITS.keys(), ...BIG_UNITS.keys()].join('');

/** Marks, by code unit, the characters of CHINESE_NUMERAL_CHARS (every one a single BMP code unit). */
const NUMERAL_CODES: Uint8Array = (() => {
  const marks = new Uint8Array(0x10000);
  for (const ch of CHINESE_NUMERAL_CHARS) {
    if (ch.length !== 1) throw new YijianError('E_INTERNAL', `中文数字“${ch}”不是单个编码单元。`);
    marks[ch.charCodeAt(0)] = 1;
  }
  return marks;
})();

/**
 * isChineseNumeralChar for the code unit at a position (text.charCodeAt(i)): a scanner that tests every
 * character of every opinion this way makes no one-character string per test.
 */
export function isChineseNumeralCode(code: number): boolean {
  return NUMERAL_CODES[code] === 1;
}

/** True when `ch` is one character of a Chinese numeral. */
export function isChineseNumeralChar(ch: string): boolean {
  return DIGITS.has(ch) || SMALL_UNITS.has(ch) || BIG_UNITS.has(ch);
}

/**
 * Reads a section below 10,000 (e.g. 一千二百零八). Returns null when malformed: units out of
 * order (一百一千), two digits in a row (二三), or a bare trailing digit (一百二, colloquial, ambiguous).
 */
function parseSection(chars: readonly string[]): number | null {
  let total = 0;
  let pending: number | null = null;
  let lastUnit = Infinity;
  let sawZero = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const digit = DIGITS.get(ch);
    if (digit !== undefined) {
      if (pending !== null) return null;
      if (digit === 0) {
        // 零 only marks a gap (一百零八); it cannot start a section with a unit after it.
        if (sawZero || total === 0) return null;
        sawZero = true;
        continue;
      }
      pending = digit;
      continue;
    }
    const unit = SMALL_UNITS.get(ch);
    if (unit === undefined || unit >= lastUnit) return null;
    // Only 十 may stand without a digit (十二 = 12); 百 alone is not how numbers are written.
    if (pending === null && !(unit === 10 && total === 0 && i === 0)) return null;
    total += (pending ?? 1) * unit;
    pending = null;
    lastUnit = unit;
    sawZero = false;
  }
  if (pending !== null) {
    // A trailing digit must be the units place: after 十, or after 零 (一百零八), or alone (八).
    if (lastUnit !== Infinity && lastUnit !== 10 && !sawZero) return null;
    total += pending;
  } else if (sawZero) {
    return null;
  }
  return total;
}

/** Positional form written digit by digit (一〇八, 二〇二四); only when a zero marks it as such. */
function parsePositional(chars: readonly string[]): number | null {
  if (chars.length < 2 || !chars.some((c) => DIGITS.get(c) === 0)) return null;
  let value = 0;
  for (const ch of chars) {
    const digit = DIGITS.get(ch);
    if (digit === undefined) return null;
    value = value * 10 + digit;
  }
  return chars[0] !== undefined && DIGITS.get(chars[0]) === 0 ? null : value;
}

/**
 * Reads a Chinese numeral (十二 → 12, 一百零八 → 108, 两百 → 200, 壹佰零捌 → 108, 一〇八 → 108);
 * null when `text` is not exactly one well-formed numeral. 零 alone gives 0.
 */
export function chineseToNumber(text: string): number | null {
  const chars = [...text];
  if (chars.length === 0 || !chars.every(isChineseNumeralChar)) return null;
  if (chars.length === 1 && DIGITS.get(chars[0] as string) === 0) return 0;
  if (chars.every((c) => DIGITS.has(c))) {
    if (chars.length === 1) return DIGITS.get(chars[0] as string) ?? null;
    return parsePositional(chars);
  }
  let total = 0;
  let section: string[] = [];
  let lastBig = Infinity;
  for (const ch of chars) {
    const big = BIG_UNITS.get(ch);
    if (big === undefined) {
      section.push(ch);
      continue;
    }
    if (big >= lastBig || section.length === 0) return null;
    const value = parseSection(leadingZeroStripped(section, total));
    if (value === null || value === 0) return null;
    total += value * big;
    lastBig = big;
    section = [];
  }
  if (section.length > 0) {
    const value = parseSection(leadingZeroStripped(section, total));
    if (value === null) return null;
    if (total > 0) {
      // After 万 the rest is either 零 + below 1000 (一万零八) or a full section (一万二千);
      // 一万八 is colloquial for 18000 and too ambiguous to read.
      const zeroLed = DIGITS.get(section[0] as string) === 0;
      if (zeroLed !== value < 1000) return null;
    }
    total += value;
  }
  return total;
}

/** After 万 a section may begin with 零 (一万零八); drop it so the section parses alone. */
function leadingZeroStripped(section: string[], totalSoFar: number): string[] {
  if (totalSoFar > 0 && section.length > 1 && DIGITS.get(section[0] as string) === 0) {
    return section.slice(1);
  }
  return section;
}

/** Reads Arabic digits, half- or full-width (12, １２); null for anything else. */
export function arabicToNumber(text: string): number | null {
  if (!/^[0-9０-９]+$/.test(text) || text.length > 15) return null;
  let value = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    value = value * 10 + (code >= 0xff10 ? code - 0xff10 : code - 0x30);
  }
  return value;
}

/** Reads either form: Arabic (half/full width) or Chinese numerals; null when neither. */
export function parseNumeral(text: string): number | null {
  return arabicToNumber(text) ?? chineseToNumber(text);
}

const DIGIT_WORDS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const SECTION_UNITS = [
  [1000, '千'],
  [100, '百'],
  [10, '十'],
] as const;

/** Writes a section 1..9999; `leading` means no higher section precedes it (so 十二, not 一十二). */
function sectionToChinese(n: number, leading: boolean): string {
  let out = '';
  let rest = n;
  let gap = false;
  for (const [unit, word] of SECTION_UNITS) {
    const digit = Math.floor(rest / unit);
    rest %= unit;
    if (digit === 0) {
      if (out !== '') gap = true;
      continue;
    }
    if (gap) out += '零';
    gap = false;
    // Laws write 十二 for 12 but 一百一十 for 110: the 一 drops only when 十 leads the number.
    if (!(unit === 10 && digit === 1 && out === '' && leading)) out += DIGIT_WORDS[digit];
    out += word;
  }
  if (rest > 0) {
    if (gap) out += '零';
    out += DIGIT_WORDS[rest];
  }
  return out;
}

/**
 * Writes a whole number as law texts do: 十, 十二, 一百零八, 一百一十, 二百, 一千二百六十, 一万零一.
 * Throws YijianError E_INTERNAL for negatives, fractions or numbers of 10^12 and above (a caller bug).
 */
export function numberToChinese(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12) {
    throw new YijianError('E_INTERNAL', `无法写成中文数字：${String(n)}`);
  }
  if (n === 0) return '零';
  const parts: [number, string][] = [
    [Math.floor(n / 1e8), '亿'],
    [Math.floor(n / 1e4) % 1e4, '万'],
    [n % 1e4, ''],
  ];
  let out = '';
  let needZero = false;
  for (const [value, unit] of parts) {
    if (value === 0) {
      if (out !== '') needZero = true;
      continue;
    }
    // A section below 1000 after a higher one needs 零 (一万零八十); so does a skipped section.
    if (out !== '' && (needZero || value < 1000)) out += '零';
    out += sectionToChinese(value, out === '') + unit;
    needZero = false;
  }
  return out;
}
