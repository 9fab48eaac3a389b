/**
 * Detecting and decoding the text encoding of CSV/TSV files: UTF-8 (with or without BOM), UTF-16, GBK, GB18030, Big5.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { rowNumbersWords } from '../location.js';

/** Decoded text and the encoding name to report ('UTF-8', 'UTF-8 (BOM)', 'GBK', 'GB18030', …). */
export interface DecodedText {
  text: string;
  encoding: string;
  /**
   * Set when lines were decoded one by one because the file mixes UTF-8 and GBK lines: which lines
   * (1-based, by line feed) were read as which, for staff to check ("第 2、5 行按 GBK，其余按 UTF-8").
   */
  mixed?: string;
  /** The same lines as numbers, for the W_MIXED_ENCODING notice (notices.ts words it). */
  mixedLines?: { gbk: number[]; utf8: number[] };
}

/** Detects the encoding (BOM, strict UTF-8, then chardet) and decodes; never throws. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { text: buffer.subarray(3).toString('utf8'), encoding: 'UTF-8 (BOM)' };
  }
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) {
    return { text: iconv.decode(buffer.subarray(2), 'utf16le'), encoding: 'UTF-16LE' };
  }
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) {
    return { text: iconv.decode(buffer.subarray(2), 'utf16be'), encoding: 'UTF-16BE' };
  }
  const utf8 = strictUtf8(buffer);
  if (utf8 !== null) return { text: utf8, encoding: 'UTF-8' };
  const mixed = decodeMixedLines(buffer);
  if (mixed !== null) return mixed;
  const ranked = chardet.analyse(buffer);
  const guess = ranked[0]?.name ?? null;
  const confidence = (name: string): number => ranked.find((r) => r.name === name)?.confidence ?? 0;
  // Almost any Big5 byte string is also valid GBK, and chardet guesses wildly on short texts: only a
  // confident, clear Big5 verdict overrides the GB reading these mainland submissions usually need.
  if (guess === 'Big5' && confidence('Big5') >= 50 && confidence('Big5') > confidence('GB18030')) {
    return { text: iconv.decode(buffer, 'big5'), encoding: 'Big5' };
  }
  // Submissions are Chinese: when chardet hesitates between a Western code page and GB18030,
  // a clean GB18030 decoding is the better bet.
  const gb = iconv.decode(buffer, 'gb18030');
  if (!gb.includes('\uFFFD') || guess === 'GB18030' || guess === null) {
    const gbk = iconv.decode(buffer, 'gbk');
    return { text: gb, encoding: gbk === gb ? 'GBK' : 'GB18030' };
  }
  if (guess !== null && iconv.encodingExists(guess)) return { text: iconv.decode(buffer, guess), encoding: guess };
  return { text: gb, encoding: 'GB18030' };
}

function strictUtf8(buffer: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return null;
  }
}

/**
 * A file pasted together from a UTF-8 export and a GBK export (WPS, then Excel) has lines of both:
 * decoding it as one encoding garbles half of it, so each line gets the encoding it is valid in.
 * Null when the file is not such a mix (no non-ASCII line is valid UTF-8).
 */
function decodeMixedLines(buffer: Buffer): DecodedText | null {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = buffer.indexOf(0x0a); i >= 0; i = buffer.indexOf(0x0a, start)) {
    lines.push(buffer.subarray(start, i + 1));
    start = i + 1;
  }
  if (start < buffer.length) lines.push(buffer.subarray(start));
  const utf8Lines: number[] = [];
  const gbLines: number[] = [];
  const parts: string[] = [];
  lines.forEach((line, index) => {
    const wide = line.some((byte) => byte >= 0x80);
    const utf8 = wide ? plausibleUtf8(line) : line.toString('latin1');
    if (wide) (utf8 === null ? gbLines : utf8Lines).push(index + 1);
    parts.push(utf8 ?? iconv.decode(line, 'gb18030'));
  });
  if (utf8Lines.length === 0) return null;
  return { text: parts.join(''), encoding: 'UTF-8 + GBK（逐行识别）', mixed: `${rowNumbersWords(gbLines, 10)}按 GBK，${rowNumbersWords(utf8Lines, 10)}按 UTF-8`, mixedLines: { gbk: gbLines, utf8: utf8Lines } };
}

// Some GBK byte pairs are valid UTF-8 too ("联通" famously), but they decode to C1 controls, Cyrillic,
// Greek or combining marks: a line counts as UTF-8 when its non-ASCII text is what people write —
// Chinese, punctuation, full-width forms, accented Latin letters (café, Müller), symbols and emoji.
function plausibleUtf8(line: Buffer): string | null {
  const text = strictUtf8(line);
  if (text === null) return null;
  return PLAUSIBLE_UTF8.test(text) ? text : null;
}

const PLAUSIBLE_UTF8 = new RegExp(
  '^[' +
    '\\u0000-\\u007f' + // ASCII
    '\\u00a0-\\u024f' + // Latin-1 letters and signs, Latin Extended-A/B (accents)
    '\\u2000-\\u2bff' + // general punctuation, currency, letterlike, arrows, maths, technical, symbols
    '\\u2e80-\\u303f\\u3040-\\u30ff\\u3100-\\u31ff\\u3200-\\u33ff' + // CJK radicals, punctuation, kana, bopomofo, enclosed
    '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff' + // CJK ideographs
    '\\ufe00-\\ufe0f\\ufe30-\\ufe4f\\uff00-\\uffef\\ufeff' + // variation selectors, CJK compatibility, full-width
    '\\u{1f000}-\\u{1faff}\\u{20000}-\\u{2fa1f}' + // emoji and pictographs, CJK extensions
    ']*$',
  'u',
);
