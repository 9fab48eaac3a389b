/**
 * Personal data written out instead of typed as digits, in running text: a phone number in Chinese numerals
 * (一三九一二三四五六七八, 幺三九…, 壹叁玖…, 零二一六二七五一二三四) and a QQ or WeChat account named by its label
 * (QQ号：12345678, 微信号：zhangsan_88). Masked as their typed forms are: 一三九****五六七八, QQ号：****5678.
 */
import type { PersonalDataMatch } from './pii.js';
import { classifyNational, type Classified, LOCAL, maskContactNumber, maskNumber, PHONE_LABEL } from './pii-patterns.js';

/** Chinese numerals as people read digits aloud (幺 for 1) or write them on cheques (壹贰叁). */
const SPOKEN_DIGITS: ReadonlyMap<string, string> = new Map(
  [['〇零○', '0'], ['一幺壹', '1'], ['二贰', '2'], ['三叁', '3'], ['四肆', '4'], ['五伍', '5'], ['六陆', '6'], ['七柒', '7'], ['八捌', '8'], ['九玖', '9']]
    .flatMap(([chars, digit]) => [...chars!].map((char) => [char, digit!] as const)),
);
const DIGIT_CLASS = '〇零○一幺壹二贰三叁四肆五伍六陆七柒八捌九玖';
/** Seven or more spoken digits, with at most one space or hyphen between two of them. */
const SPOKEN_RUN = new RegExp(`[${DIGIT_CLASS}](?:[\\s\\-－—]?[${DIGIT_CLASS}]){6,}`, 'gu');

/**
 * QQ / 微信 named before an account in running text, with what people write between: 号, 号码, 账号, ID, 是 / 为, a colon,
 * spaces (QQ号码是：, 微信 ID：, 扣扣 ). A Latin label is not read inside a longer word (wx of wxid_abc123 is the account's).
 */
const ACCOUNT_LABEL = /(?<![A-Za-zＡ-Ｚａ-ｚ])(?:(?:QQ|ＱＱ|weixin|vx|wx)(?![A-Za-z_])|扣扣|微信)(?:号码|账号|帐号|号|\s?ID)?(?:是|为)?\s*[:：]?\s*/giu;
/** A Latin account after its label (a WeChat ID), as written; one running into a mask (masked once already) is not read again. */
const LATIN_ACCOUNT = /[A-Za-z0-9][A-Za-z0-9_-]{4,19}(?![A-Za-z0-9_@＠.*＊-])/uy;
/** The digits of a QQ number, typed or full-width, and a group joined to them by one space or hyphen (1234 5678, 123-456-789). */
const DIGIT_RUN = /[0-9０-９]+/uy;
const GROUP_JOIN = /[\s\-－]/u;
/** A QQ number has at most eleven digits: a group past that is something else (QQ 12345678 2024年). */
const MAX_GROUPED_DIGITS = 11;
/** What may not follow an account of digits: more of it (letters, an e-mail's @ or domain) or a mask (masked once already). */
const ACCOUNT_GOES_ON = /^(?:[A-Za-z_@＠*＊]|[.．][A-Za-z0-9])/u;
/** A second account after the first (QQ 123456789 或 987654321, QQ：12345678/87654321). */
const NEXT_ACCOUNT = /\s*(?:或|、|\/|／|和|及)\s*/uy;
const MIN_ACCOUNT_DIGITS = 5;

/** Quick test: a text that may hold something this module finds. */
export const SPELLED_MAY_HOLD = new RegExp(`[${DIGIT_CLASS}](?:[\\s\\-－—]?[${DIGIT_CLASS}]){6}|qq|ＱＱ|扣扣|微信|weixin|vx|wx`, 'iu');

/** Phone numbers (and ID numbers) spelled in Chinese numerals, and labelled QQ / WeChat accounts, in order. */
export function spelledMatches(text: string): PersonalDataMatch[] {
  if (!SPELLED_MAY_HOLD.test(text)) return [];
  return [...spokenNumbers(text), ...labelledAccounts(text)].sort((a, b) => a.start - b.start);
}

function spokenNumbers(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  for (const run of text.matchAll(SPOKEN_RUN)) {
    const positions: number[] = [];
    let digits = '';
    for (let k = 0; k < run[0].length; k += 1) {
      const digit = SPOKEN_DIGITS.get(run[0].charAt(k));
      if (digit === undefined) continue;
      positions.push(run.index + k);
      digits += digit;
    }
    const labelled = PHONE_LABEL.test(text.slice(Math.max(0, run.index - 12), run.index));
    // Read and masked as a typed number is (pii-patterns.ts): the kept digits stay as written, 一三九****五六七八.
    const number: Classified | null = classifyNational(digits) ?? (labelled && LOCAL.test(digits) ? { kind: 'landline', national: 0, area: 0 } : null);
    if (number === null) continue;
    found.push({ kind: number.kind, start: run.index, end: run.index + run[0].length, masked: maskNumber(text, run.index, positions, -1, number) });
  }
  return found;
}

function labelledAccounts(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  for (const label of text.matchAll(ACCOUNT_LABEL)) {
    // A label inside an account found already (微信号是wx_abc123: the wx is the account's) names nothing.
    if (label.index < (found[found.length - 1]?.end ?? 0)) continue;
    let at = label.index + label[0].length;
    // A QQ number as a 联系方式 cell's number is masked (****5678), however it is spaced or typed; then the next ones of a list.
    for (let first = true; ; first = false) {
      const digits = digitAccountAt(text, at);
      if (digits === null) {
        if (!first) break;
        LATIN_ACCOUNT.lastIndex = at;
        const latin = LATIN_ACCOUNT.exec(text);
        // A WeChat ID is masked as a contact cell's account name (z***).
        if (latin !== null) found.push({ kind: 'accountName', start: at, end: at + latin[0].length, masked: `${latin[0].charAt(0)}***` });
        break;
      }
      found.push(digits);
      NEXT_ACCOUNT.lastIndex = digits.end;
      const joined = NEXT_ACCOUNT.exec(text);
      if (joined === null) break;
      at = digits.end + joined[0].length;
    }
  }
  return found;
}

/**
 * A QQ number at `at`, masked as a contact cell's number; null when none starts there. Its first run of digits is taken
 * whole, however long (QQ号：12345678901234, glued to more digits, is hidden whole); groups after it only up to a QQ
 * number's length.
 */
function digitAccountAt(text: string, at: number): PersonalDataMatch | null {
  DIGIT_RUN.lastIndex = at;
  const first = DIGIT_RUN.exec(text);
  if (first === null) return null;
  let end = at + first[0].length;
  let count = first[0].length;
  while (end + 1 < text.length && GROUP_JOIN.test(text.charAt(end))) {
    DIGIT_RUN.lastIndex = end + 1;
    const group = DIGIT_RUN.exec(text);
    if (group === null || count + group[0].length > MAX_GROUPED_DIGITS) break;
    end += 1 + group[0].length;
    count += group[0].length;
  }
  if (count < MIN_ACCOUNT_DIGITS || ACCOUNT_GOES_ON.test(text.slice(end, end + 2))) return null;
  const positions: number[] = [];
  for (let k = at; k < end; k += 1) if (!GROUP_JOIN.test(text.charAt(k))) positions.push(k);
  return { kind: 'accountName', start: at, end, masked: maskContactNumber(text, positions) };
}
