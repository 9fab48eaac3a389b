/**
 * The one text normaliser: whatever is compared, hashed or segmented goes through normalizeText,
 * so two opinions that differ only in width, script, spacing or punctuation style look the same.
 *
 * Folding choices (one form per mark, ASCII where one exists):
 *   ，、﹐﹑, → ,   。．｡ → .   ：→ :   ；→ ;   ！→ !   ？→ ?   （）→ ()   【】〔〕［］〖〗 → []
 *   “”„‟"「」『』〝〞 → "   ‘’‚‛'′ → '   〈〉 → 《》   —–―‐‑‒－﹣ → -   ～〜∼ → ~   ・•‧∙ → ·
 *   … → ... (NFKC)   white space, zero-width, bidi and control characters → removed
 *   A–Z → a–z   numerals left as written (十二 stays 十二, １２ becomes 12).
 */
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { YijianError } from '../errors.js';

type Convert = (text: string) => string;

/** The converter and the characters without which it leaves a text as it is. */
interface Simplifier {
  convert: Convert;
  /** Marks (by BMP code unit) characters one of whose conversions needs; astral ones in `astral`. */
  marks: Uint8Array;
  astral: ReadonlySet<number>;
}

let simplifier: Simplifier | null = null;

/** Built on first use: the dictionaries take a moment to load and many commands never need them. */
function getSimplifier(): Simplifier {
  if (simplifier !== null) return simplifier;
  // Hong Kong variants → standard traditional → simplified. This also folds the Taiwan forms we
  // met (裡, 綫, 衞), and is twice as fast as Converter({ from: 'hk', to: 'cn' }), whose extra
  // normalisation pass NFKC already does.
  const fromHongKong = OpenCC.Locale.from['hk'];
  const toMainland = OpenCC.Locale.to['cn'];
  if (fromHongKong === undefined || toMainland === undefined) {
    throw new YijianError('E_INTERNAL', '繁简转换词典（opencc-js）缺失。');
  }
  const convert: Convert = OpenCC.ConverterFactory(...fromHongKong, ...toMainland);
  simplifier = { convert, ...conversionMarks([...fromHongKong, ...toMainland].flat()) };
  return simplifier;
}

/**
 * One character of every entry that changes text (source ≠ replacement), chosen so that ordinary simplified
 * text holds as few marked characters as possible: a character that converts on its own where the entry has
 * one, else the first where source and replacement differ. opencc replaces only where an entry's source
 * stands in the text, so a text with no marked character is its own conversion — most opinions are, and
 * they skip opencc's character-by-character walk through its dictionaries (measured: 6 µs an opinion, with
 * two such passes for every opinion of a digest and more in ingestion's note checks).
 */
function conversionMarks(dictionaries: readonly unknown[]): Pick<Simplifier, 'marks' | 'astral'> {
  const changing: [string, string][] = [];
  for (const dictionary of dictionaries) {
    // opencc-js ships each dictionary as "source replacement|source replacement|…".
    if (typeof dictionary !== 'string') throw new YijianError('E_INTERNAL', '繁简转换词典（opencc-js）的格式与预期不同。');
    for (const entry of dictionary.split('|')) {
      const [source, replacement] = entry.split(' ');
      if (source === undefined || replacement === undefined || source === '' || source === replacement) continue;
      changing.push([source, replacement]);
    }
  }
  const single = new Set(changing.filter(([source]) => [...source].length === 1).map(([source]) => source));
  const marks = new Uint8Array(0x10000);
  const astral = new Set<number>();
  const mark = (ch: string): void => {
    const code = ch.codePointAt(0)!;
    if (code > 0xffff) astral.add(code);
    else marks[code] = 1;
  };
  for (const ch of single) mark(ch);
  for (const [source, replacement] of changing) {
    const chars = [...source];
    if (chars.some((ch) => single.has(ch))) continue;
    const others = [...replacement];
    const differing = chars.findIndex((ch, index) => ch !== others[index]);
    mark(chars[differing < 0 ? 0 : differing]!);
  }
  return { marks, astral };
}

/** Whether `text` holds a character some conversion needs (else opencc would return it unchanged). */
function mayConvert(text: string, marks: Uint8Array, astral: ReadonlySet<number>): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdfff) {
      if (marks[code] === 1) return true;
    } else if (astral.size > 0) {
      const point = text.codePointAt(i)!;
      if (astral.has(point)) return true;
      if (point > 0xffff) i++;
    }
  }
  return false;
}

/**
 * A name (联系点, 县区) in simplified script without changing an official simplified name: only characters that
 * simplified Chinese does not use (those outside GB 2312: 區, 鎮, 縣) are converted, one by one, so 嘉定區安亭鎮 →
 * 嘉定区安亭镇 while 乾县 stays 乾县 (converting the whole name would make it 干县).
 */
export function simplifiedName(text: string): string {
  const { marks, astral } = getSimplifier();
  if (!mayConvert(text, marks, astral)) return text;
  let out = '';
  for (const char of text) out += isSimplifiedChar(char) ? char : toSimplified(char);
  return out;
}

const simplifiedChars = new Map<string, boolean>();

/** A hanzi of GB 2312, the simplified character set (cached per character: names repeat the same few). */
function isSimplifiedChar(char: string): boolean {
  let known = simplifiedChars.get(char);
  if (known === undefined) {
    // iconv-lite's gb2312 is GBK; GB 2312's own hanzi are the GBK codes with both bytes in its rows (B0–F7, A1–FE).
    const bytes = iconv.encode(char, 'gbk');
    known = bytes.length === 2 && bytes[0]! >= 0xb0 && bytes[0]! <= 0xf7 && bytes[1]! >= 0xa1 && bytes[1]! <= 0xfe;
    simplifiedChars.set(char, known);
  }
  return known;
}

/**
 * The words an opinion is quoted by where it stands for others (a cluster's 代表性意见): `text` as written, or, when
 * it is written in traditional characters and the same opinion was also sent in simplified ones (`copies`: the
 * texts of its exact copies), that copy — the same opinion, as most readers of a mainland report write it.
 */
export function simplifiedCopy(text: string, copies: () => Iterable<string>): string {
  if (toSimplified(text) === text) return text;
  for (const copy of copies()) if (copy !== text && toSimplified(copy) === copy) return copy;
  return text;
}

/** Traditional → simplified Chinese (Hong Kong and Taiwan forms included); other text unchanged. */
export function toSimplified(text: string): string {
  if (text === '') return text;
  const { convert, marks, astral } = getSimplifier();
  if (!mayConvert(text, marks, astral)) return text;
  // A few conversions chain (薴 → 苧 → 苎): convert until nothing changes, so that simplifying twice
  // changes nothing. Text that is already simplified — most of it — is converted once.
  let current = text;
  for (let pass = 0; pass < 4; pass++) {
    const next = convert(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

/** Marks a code unit to drop in FOLD. */
const DROP = 0xffff;

/** One table for every BMP code unit: its folded code unit, or DROP. Surrogates map to themselves. */
const FOLD: Uint16Array = buildFoldTable();

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  const drop = (from: number, to = from): void => {
    for (let c = from; c <= to; c++) table[c] = DROP;
  };
  const fold = (chars: string, target: string): void => {
    for (const ch of chars) table[ch.charCodeAt(0)] = target.charCodeAt(0);
  };
  drop(0x00, 0x20); // C0 controls, NUL, tab, line breaks and space
  drop(0x7f, 0xa0); // DEL, C1 controls, NBSP
  drop(0xad); // soft hyphen
  drop(0x1680);
  drop(0x180e);
  drop(0x2000, 0x200f); // spaces, zero-width, LRM/RLM
  drop(0x2028, 0x202f); // separators, bidi embeddings, narrow NBSP
  drop(0x205f, 0x206f); // math space, word joiner, invisible operators, bidi isolates
  drop(0x3000); // ideographic space
  drop(0xfe00, 0xfe0f); // variation selectors (emoji presentation), invisible
  drop(0xfeff); // BOM / zero-width no-break space
  drop(0xfff9, 0xfffb); // interlinear annotation controls
  // Full-width ASCII → ASCII (NFKC does this too; the table keeps the fold complete on its own).
  for (let c = 0xff01; c <= 0xff5e; c++) table[c] = c - 0xfee0;
  for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 0x20;
  for (let c = 0xff21; c <= 0xff3a; c++) table[c] = c - 0xfee0 + 0x20;
  fold('，、﹐﹑､', ',');
  fold('。．｡﹒', '.');
  fold('：﹕︰', ':');
  fold('；﹔', ';');
  fold('！﹗', '!');
  fold('？﹖', '?');
  fold('（﹙', '(');
  fold('）﹚', ')');
  fold('【〔［〖﹝', '[');
  fold('】〕］〗﹞', ']');
  fold('“”„‟＂「」『』﹁﹂﹃﹄〝〞〟″', '"');
  fold('‘’‚‛＇′', "'");
  fold('〈', '《');
  fold('〉', '》');
  fold('—–―‐‑‒－﹣⸺⸻', '-');
  fold('～〜∼', '~');
  fold('・•‧∙･', '·');
  return table;
}

/**
 * The shared normaliser: NFKC, traditional → simplified, punctuation folded to one form each,
 * white space and control characters removed, letters lower-cased. Numerals stay readable.
 */
export function normalizeText(text: string): string {
  if (text === '') return text;
  const compatible = text.normalize('NFKC');
  // Fold (and drop white space) before simplifying: opencc converts a character differently when a space
  // stands beside it, so converting first made a second normalisation change the text again.
  const folded = foldCodeUnits(compatible, FOLD);
  // Dropping white space can bring two combining marks together that NFKC orders differently
  // (fuzzing found 𝅗𝅥ﹰ): normalise once more so that normalising twice changes nothing.
  const ordered = folded === compatible ? folded : folded.normalize('NFKC');
  return toSimplified(ordered);
}

/**
 * Where foldCodeUnits builds its result: one buffer for the process, not one per call. Every opinion is folded
 * three or four times in a digest, and allocating a typed array each time cost more than the folding.
 */
const FOLD_BUFFER = new Uint16Array(8192);

/** Applies a fold table; builds the result in chunks so long texts do not hit argument limits. */
function foldCodeUnits(text: string, table: Uint16Array): string {
  const length = text.length;
  // The unchanged start is only scanned: a text the table leaves alone is returned without building anything.
  let first = 0;
  while (first < length && table[text.charCodeAt(first)] === text.charCodeAt(first)) first++;
  if (first === length) return text;
  const buffer = FOLD_BUFFER;
  let out = '';
  let used = 0;
  for (let i = 0; i < length; i++) {
    const folded = i < first ? text.charCodeAt(i) : (table[text.charCodeAt(i)] as number);
    if (folded === DROP) continue;
    buffer[used++] = folded;
    if (used === buffer.length) {
      out += String.fromCharCode.apply(null, buffer as unknown as number[]);
      used = 0;
    }
  }
  if (used > 0) out += String.fromCharCode.apply(null, buffer.subarray(0, used) as unknown as number[]);
  return out;
}

/** Marks a code unit as punctuation or a symbol, removed from comparison keys. */
const PUNCTUATION_OR_SYMBOL = /[\p{P}\p{S}]/u;

/** FOLD followed by dropping every punctuation mark and symbol (BMP); astral symbols go in a second pass. */
const KEY_FOLD: Uint16Array = buildKeyTable();

function buildKeyTable(): Uint16Array {
  const table = FOLD.slice();
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const target = table[c] as number;
    if (target !== DROP && PUNCTUATION_OR_SYMBOL.test(String.fromCharCode(target))) table[c] = DROP;
  }
  return table;
}

const ASTRAL_SYMBOL = /[\p{P}\p{S}]/gu;

/**
 * The key for exact duplicates: normalizeText, then every punctuation mark and symbol removed, so
 * opinions differing only in punctuation, spacing, width or script share a key.
 */
export function comparisonKey(text: string): string {
  if (text === '') return text;
  // Built on normalizeText, so that the key of a normalised text is the key of the text itself.
  const normal = normalizeText(text);
  const folded = foldCodeUnits(normal, KEY_FOLD);
  // Astral symbols (emoji) are surrogate pairs the table cannot see; only scan when one may be there.
  const key = /[\ud800-\udfff]/.test(folded) ? folded.replace(ASTRAL_SYMBOL, '') : folded;
  // As in normalizeText: removing characters can bring combining marks together in another order.
  return key === normal ? key : key.normalize('NFKC');
}
