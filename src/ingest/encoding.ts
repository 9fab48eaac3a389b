/**
 * Detecting and decoding the text encoding of CSV/TSV files: UTF-8 (with or without BOM), UTF-16, GBK, GB18030, Big5.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** Decoded text and the encoding name to report ('UTF-8', 'UTF-8 (BOM)', 'GBK', 'GB18030', …). */
export interface DecodedText {
  text: string;
  encoding: string;
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
