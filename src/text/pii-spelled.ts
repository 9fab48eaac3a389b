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

/** QQ / 微信 and its account in running text; the account as written (digits for QQ, a WeChat ID). */
// An account running into a mask (QQ8000x***38, masked once already) is not read again: that would mask it twice.
const LABELLED_ACCOUNT = /(?:QQ|qq|ＱＱ|扣扣|微信|weixin|vx|VX|wx|WX)(?:号码|号)?\s*[:：]?\s*([A-Za-z0-9][A-Za-z0-9_-]{4,19})(?![A-Za-z0-9_@＠.*＊-])/gu;

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
  for (const m of text.matchAll(LABELLED_ACCOUNT)) {
    const account = m[1]!;
    const start = m.index + m[0].length - account.length;
    // A QQ number as a 联系方式 cell's number is masked (****5678), a WeChat ID as its account name (z***).
    const masked = /^\d+$/u.test(account) ? maskContactNumber(text, [...account].map((_, k) => start + k)) : `${account.charAt(0)}***`;
    found.push({ kind: 'accountName', start, end: start + account.length, masked });
  }
  return found;
}
