/**
 * The independent personal-data scanner of the scan tests (test/bad/pii-scan.test.ts, pii-fresh-scan.test.ts): a
 * pattern list of its own, written apart from src/text/pii.ts — the seeded values of a fixture as digit strings or
 * names, and generic number and e-mail shapes — over every text of a written file, unzipped for .docx/.xlsx.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import PizZip from 'pizzip';

/** A piece of personal data put into a fixture: `digits` (or `local`, a name part) must never be readable. */
export interface Secret {
  text: string;
  kind: string;
  where: string;
  digits?: string;
  local?: string;
}


export const fold = (text: string): string =>
  text
    .replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[xｘＸ]/gu, 'X')
    .replace(/＠/gu, '@');
/** Every digit of a text, in order, as a reader piecing a number together would read them. */
const digitStream = (text: string): string => fold(text).replace(/[^0-9X]/gu, '');
/** Digit groups joined across the separators people type (138 0013 8000, 138—0013—8000, (021) 1234). */
function joinGroups(text: string): string {
  let joined = fold(text);
  for (let previous = ''; previous !== joined;) {
    previous = joined;
    joined = joined.replace(/(\d)[\s\u3000.．\-－–—()（）·]{1,4}(?=\d)/gu, '$1');
  }
  return joined;
}
const GENERIC: readonly [string, RegExp][] = [
  ['mobile', /1[3-9]\d{9}/u],
  ['ID card', /^[1-8]\d{16}[\dX]$|^[1-8]\d{14}$/u],
  ['landline', /^0\d{9,11}$/u],
];

/** What a reader could find in `unit`: seeded values, number shapes, unmasked e-mail addresses. */
export function hits(unit: string, secrets: readonly Secret[]): string[] {
  const found: string[] = [];
  const stream = digitStream(unit);
  for (const s of secrets) {
    if (s.digits !== undefined && stream.includes(s.digits)) found.push(`${s.kind} ${s.text} (${s.where})`);
    if (s.local !== undefined && fold(unit).includes(fold(s.local))) found.push(`${s.kind} ${s.text} (${s.where})`);
  }
  // Digit runs not glued to Latin letters (record ids are hex), after joining separated groups.
  for (const run of joinGroups(unit).matchAll(/(?<![A-Za-z0-9])\d+X?(?![A-Za-z0-9])/gu)) {
    for (const [kind, pattern] of GENERIC) if (pattern.test(run[0])) found.push(`${kind}-shaped ${run[0]}`);
  }
  for (const m of fold(unit).matchAll(/(?:电话|手机|座机|联系电话|QQ|qq)[：:\s]*\d{5,}/gu)) found.push(`labelled number ${m[0]}`);
  for (const m of fold(unit).matchAll(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:[.．][\p{L}\p{N}-]+)*[.．]\p{L}{2,}/gu)) found.push(`e-mail ${m[0]}`);
  return found;
}

const decodeEntities = (text: string): string =>
  text
    .replace(/&#x([0-9a-f]+);/giu, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/gu, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/gu, '"').replace(/&apos;/gu, "'").replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&amp;/gu, '&');

/** The texts of markup: each text node, each attribute value, and each Word paragraph / Excel string whole (runs split numbers). */
function markupUnits(xml: string): string[] {
  const units: string[] = [];
  for (const m of xml.matchAll(/>([^<]+)</gu)) units.push(decodeEntities(m[1] ?? ''));
  for (const m of xml.matchAll(/="([^"]*)"/gu)) units.push(decodeEntities(m[1] ?? ''));
  for (const m of xml.matchAll(/<(w:p|si|is|a:p)[ >][\s\S]*?<\/\1>/gu)) {
    units.push(decodeEntities([...m[0].matchAll(/<(?:w:t|t|a:t)(?: [^>]*)?>([^<]*)</gu)].map((t) => t[1]).join('')));
  }
  return units;
}

/** Every text of a written file, unzipped where needed. */
export function unitsOf(path: string): string[] {
  const bytes = readFileSync(path);
  const ext = extname(path);
  if (ext === '.docx' || ext === '.xlsx') {
    const zip = new PizZip(bytes);
    return Object.values(zip.files).filter((f) => !f.dir).flatMap((f) => [f.name, ...markupUnits(f.asText())]);
  }
  const text = bytes.toString('utf8');
  if (ext === '.html') return markupUnits(text);
  return text.split('\n');
}

/** Hits per file of a folder (file names included), empty when nothing readable is left. */
export function scanFolder(dir: string, secrets: readonly Secret[], only: (name: string) => boolean = () => true): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const name of readdirSync(dir).filter(only)) {
    const found = [...new Set([...hits(name, secrets), ...unitsOf(join(dir, name)).flatMap((unit) => hits(unit, secrets))])];
    if (found.length > 0) result[name] = found;
  }
  return result;
}
