/**
 * A home address's door number in running text (门牌号): 某某路123弄5号601室, 3号楼2单元501室, 5-601室. Only the
 * chain of numbers that points to one dwelling is masked (天山路***弄*号***室): the road and the district stay, so the
 * opinion still says where the problem is, and a lone 5号楼, 3号楼1单元门口, 2号线, 3室2厅, 300户, 国发〔2024〕5号 or
 * 120平方米 is no address.
 *
 * Door numbers written in Chinese numerals (五号楼六〇一室, 三单元二〇二, 十二栋一单元五〇三室) are read by the same rules,
 * each numeral standing for one digit (十 too, so 十二栋 has two), and masked the same way (*号楼***室): 五号线, 五号楼,
 * 三室一厅, 第五条 and 三个月 stay, as 5号线, 5号楼 and 3室1厅 do.
 */
import type { PersonalDataMatch } from './pii.js';

const DIGITS = '[0-9０-９]+';
/** Units of a door number, longest first (号楼 before 号). */
const UNIT = '(?:号楼|号院|号|弄|幢|栋|座|单元|楼|层|室)';
/** One part of a door number: 123弄, 5号, 601室, 3-601室. */
const PART = `${DIGITS}(?:[-－]${DIGITS}){0,2}\\s?${UNIT}`;
/**
 * Parts in a row, written on without words between (100弄3号502室, 3栋 2单元 501室); never after a mask (***500室): the
 * kept digits of a number masked already are not read again as a door number.
 */
const CHAIN = new RegExp(`(?<![0-9０-９.．*＊])${PART}(?:\\s?${PART})*`, 'gu');
/** A room number written on without its unit (5号楼501，): three to five digits (not a phone number), then no word. */
const ROOM_AFTER = /^[-－\s]?[0-9０-９]{3,5}(?![0-9０-９.．%％*＊\p{L}]|\s?\p{Script=Han})/u;
const PART_RE = new RegExp(PART, 'gu');
/** A dwelling alone: a room number of three digits or more (601室), or a building-room pair (5-601室). */
const DWELLING = /^(?:[0-9０-９]{3,}|[0-9０-９]+(?:[-－][0-9０-９]+){1,2})\s?室$/u;
/** A chain ends at a dwelling (…502室, …5号, …501): one ending at a building, stair or floor (3号楼1单元, 5号楼3层) is no home. */
const ENDS_AT_HOME = /(?:室|[0-9０-９]\s?号)$/u;

/** Building-unit-room written with hyphens (3-2-501), as northern cities write a flat: only after a place word. */
const HYPHENED = /(?<![0-9０-９\-－.．*＊])[0-9０-９]{1,3}[-－][0-9０-９]{1,2}[-－][0-9０-９]{3,4}(?![0-9０-９\-－.．*＊])/gu;
/** Words just before a hyphened door number that say it is one: 阳光小区3-2-501, 家住3-2-501, 12号楼… */
const PLACE_BEFORE = /(?:小区|花园|新村|公寓|家园|大院|苑|园|村|里|弄|路|街|巷|号|住|家|楼)\s*$/u;

/** Quick tests: a digit right before a unit (most texts with digits have none), a digit-hyphen-digit. */
const MAY_HOLD_PART = /[0-9０-９]\s?[号弄幢栋座单楼层室]/u;
const MAY_HOLD_HYPHENED = /[0-9０-９][-－][0-9０-９]/u;

/**
 * The longest start of a chain of door-number parts that points to a home: two parts or more ending at a dwelling
 * (…号, …室, a room number after them), or a dwelling alone (601室). Null when no start does (3号楼1单元, 5号楼).
 */
function homeIn(text: string, at: number, chain: string): string | null {
  const ends = [...chain.matchAll(PART_RE)].map((part) => part.index + part[0].length);
  for (let count = ends.length; count >= 1; count -= 1) {
    const written = chain.slice(0, ends[count - 1]);
    // A room number written on without its unit counts only after the whole chain.
    const room = count === ends.length ? (ROOM_AFTER.exec(text.slice(at + chain.length, at + chain.length + 12))?.[0] ?? '') : '';
    const parts = count + (room === '' ? 0 : 1);
    if (parts >= 2 ? room !== '' || ENDS_AT_HOME.test(written) : DWELLING.test(written)) return written + room;
  }
  return null;
}

/** Chinese numerals read as one digit each in a door number: 〇/零 0, 一 1 … 九 9, and 十 (a digit of 十二). */
const NUMERAL_DIGITS: ReadonlyMap<string, string> = new Map(
  [...'〇零○一二三四五六七八九十'].map((char, k) => [char, String(k < 3 ? 0 : k === 12 ? 1 : k - 2)] as const),
);
/** Quick test: a Chinese numeral right before a unit (五号楼, 三单元, 六〇一室). */
export const MAY_HOLD_SPELLED_PART = /[〇零○一二三四五六七八九十]\s?[号弄幢栋座单楼层室]/u;
/** The text with its Chinese numerals as ASCII digits, one for one (so offsets hold), or the text itself when it has none before a unit. */
function numeralsAsDigits(text: string): string {
  if (!MAY_HOLD_SPELLED_PART.test(text)) return text;
  let out = '';
  for (const char of text) out += char.length === 1 ? (NUMERAL_DIGITS.get(char) ?? char) : char;
  return out;
}
const ASCII_OR_WIDE_DIGIT = /[0-9０-９]/u;

/** The door numbers of home addresses in `text`, their digits (typed or in Chinese numerals) masked and their units kept. */
export function addressMatches(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  // Door-number chains are read with Chinese numerals as digits; the hyphened form (3-2-501) is typed only.
  const read = numeralsAsDigits(text);
  const parts = MAY_HOLD_PART.test(read);
  const hyphened = MAY_HOLD_HYPHENED.test(text);
  if (!parts && !hyphened) return found;
  for (const m of parts ? read.matchAll(CHAIN) : []) {
    const home = homeIn(read, m.index, m[0]);
    if (home === null) continue;
    // Masked as written: each digit or numeral of the chain becomes *, the units stay.
    let masked = '';
    for (let k = 0; k < home.length; k += 1) masked += ASCII_OR_WIDE_DIGIT.test(home.charAt(k)) ? '*' : text.charAt(m.index + k);
    found.push({ kind: 'address', start: m.index, end: m.index + home.length, masked });
  }
  for (const m of hyphened ? text.matchAll(HYPHENED) : []) {
    if (!PLACE_BEFORE.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    if (found.some((f) => m.index < f.end && m.index + m[0].length > f.start)) continue;
    found.push({ kind: 'address', start: m.index, end: m.index + m[0].length, masked: m[0].replace(/[0-9０-９]/gu, '*') });
  }
  return found.sort((a, b) => a.start - b.start);
}
