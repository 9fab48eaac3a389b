/**
 * Looking at a file's bytes before any parser does: what it really is, whether it is encrypted, and
 * how big an xlsx zip would become when inflated (read from the central directory, nothing inflated).
 *
 * yijian's one zip directory parser (report/zip-writer.ts reads SheetJS's packages through it too). Kept
 * instead of a package (issue 15): as a guard it must see what the zip declares — central and local header
 * sizes, zip64 records, offsets — before anything inflates, and inflate with native zlib capped at the
 * declared size, so an entry lying about its size is refused. fflate's listing (unzipSync with a filter)
 * gives names and sizes but no local headers or offsets; on the 100k-row 登记表 package (85 MB of XML)
 * listing takes 0.25 ms here and 0.20 ms there, inflating every entry 279 ms here (checkZipStreams, native,
 * capped) against 741 ms for fflate's JavaScript inflater, which has no cap.
 */
import { inflateRawSync } from 'node:zlib';

/** What the first bytes say the file is. */
export type ContainerKind = 'zip' | 'ole2' | 'markup' | 'text' | 'binary';

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Classifies the bytes: a zip (xlsx), an OLE2 compound file (xls, encrypted xlsx), HTML/XML, text or binary. */
export function sniffContainer(bytes: Uint8Array): ContainerKind {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length >= 4 && buffer.readUInt32LE(0) === ZIP_LOCAL) return 'zip';
  if (buffer.length >= 4 && buffer.readUInt32LE(0) === ZIP_END) return 'zip';
  if (buffer.length >= 8 && buffer.subarray(0, 8).equals(OLE2)) return 'ole2';
  const head = buffer.subarray(0, 8192);
  const utf16 = head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
  if (!utf16 && head.includes(0)) return 'binary';
  const start = head.toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/u, '').trimStart().toLowerCase();
  if (start.startsWith('<')) return 'markup';
  return 'text';
}

/** True when an OLE2 file holds an `EncryptionInfo` stream: an xlsx saved with a password. */
export function isEncryptedOle2(bytes: Uint8Array): boolean {
  // Directory entry names are UTF-16LE; a byte search avoids parsing the whole compound file.
  const needle = Buffer.from('EncryptionInfo', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/**
 * Bytes with stray NUL bytes removed, when that is all that makes a CSV look binary (some exporters
 * leave a few); null when NULs are common (UTF-16 without BOM, or a real binary file).
 */
export function withoutStrayNuls(bytes: Uint8Array): Buffer | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let nuls = 0;
  for (const byte of buffer) if (byte === 0) nuls += 1;
  if (nuls === 0 || nuls * 20 > buffer.length) return null;
  const stripped = Buffer.from(buffer.filter((byte) => byte !== 0));
  // Other control characters (besides tab, CR, LF) mean it really is binary.
  for (const byte of stripped.subarray(0, 65536)) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return null;
  }
  return stripped;
}

/** What inflating every entry showed: fine, a size lie (a zip bomb in disguise), or a damaged stream. */
export type ZipStreamCheck = 'ok' | 'understated' | 'corrupt';

/**
 * Inflates every deflated entry with Node's zlib, capped at its declared size, before SheetJS does:
 * an entry that inflates to more than declared is a zip bomb lying about its sizes, and a damaged
 * deflate stream is refused here because SheetJS's own inflater can loop forever on one.
 * The check never holds more memory than the declared (already limited) size of one entry.
 */
export function checkZipStreams(bytes: Uint8Array): ZipStreamCheck {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(buffer);
  if (end < 0) return 'corrupt';
  const size = buffer.readUInt32LE(end + 12);
  const offset = buffer.readUInt32LE(end + 16);
  let position = offset;
  while (position + 46 <= offset + size && position + 46 <= buffer.length && buffer.readUInt32LE(position) === ZIP_CENTRAL) {
    const method = buffer.readUInt16LE(position + 10);
    const compressed = buffer.readUInt32LE(position + 20);
    const declared = buffer.readUInt32LE(position + 24);
    const nameLength = buffer.readUInt16LE(position + 28);
    const extraLength = buffer.readUInt16LE(position + 30);
    const commentLength = buffer.readUInt16LE(position + 32);
    const localOffset = buffer.readUInt32LE(position + 42);
    position += 46 + nameLength + extraLength + commentLength;
    if (method !== 8 || declared === 0xffffffff || compressed === 0xffffffff) continue;
    if (localOffset + 30 > buffer.length || buffer.readUInt32LE(localOffset) !== ZIP_LOCAL) return 'corrupt';
    const dataStart = localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
    const data = buffer.subarray(dataStart, Math.min(buffer.length, dataStart + compressed));
    try {
      const inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, declared) });
      if (inflated.length !== declared) return 'corrupt';
    } catch (error) {
      return error instanceof RangeError ? 'understated' : 'corrupt';
    }
  }
  return 'ok';
}

/** The zip's shape as its central directory declares it. */
export type ZipSurvey =
  | { ok: true; entries: number; inflatedBytes: number }
  | { ok: false; problem: 'truncated' | 'corrupt' };

/**
 * Sums the uncompressed sizes the central directory (and each local header) declares, without
 * inflating anything, so a zip bomb is refused before SheetJS touches it.
 */
export function surveyZip(bytes: Uint8Array): ZipSurvey {
  try {
    return readCentralDirectory(bytes);
  } catch {
    // Offsets pointing outside the buffer: the file is cut short or damaged.
    return { ok: false, problem: 'truncated' };
  }
}

function readCentralDirectory(bytes: Uint8Array): ZipSurvey {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(buffer);
  if (end < 0) return { ok: false, problem: 'truncated' };
  let entries = buffer.readUInt16LE(end + 10);
  let size = buffer.readUInt32LE(end + 12);
  let offset = buffer.readUInt32LE(end + 16);
  const locator = end - 20;
  if (locator >= 0 && buffer.readUInt32LE(locator) === ZIP64_END_LOCATOR) {
    const zip64End = Number(buffer.readBigUInt64LE(locator + 8));
    if (zip64End + 56 > buffer.length) return { ok: false, problem: 'truncated' };
    entries = Number(buffer.readBigUInt64LE(zip64End + 32));
    size = Number(buffer.readBigUInt64LE(zip64End + 40));
    offset = Number(buffer.readBigUInt64LE(zip64End + 48));
  }
  if (offset + size > buffer.length) return { ok: false, problem: 'truncated' };
  let inflated = 0;
  let position = offset;
  let count = 0;
  while (position + 46 <= offset + size && buffer.readUInt32LE(position) === ZIP_CENTRAL) {
    const nameLength = buffer.readUInt16LE(position + 28);
    const extraLength = buffer.readUInt16LE(position + 30);
    const commentLength = buffer.readUInt16LE(position + 32);
    let uncompressed = buffer.readUInt32LE(position + 24);
    const localOffset = buffer.readUInt32LE(position + 42);
    if (uncompressed === 0xffffffff) {
      uncompressed = zip64Size(buffer.subarray(position + 46 + nameLength, position + 46 + nameLength + extraLength));
    }
    // A local header may declare more than the central directory; count whichever is larger.
    inflated += Math.max(uncompressed, localSize(buffer, localOffset));
    position += 46 + nameLength + extraLength + commentLength;
    count += 1;
  }
  if (count === 0 && entries > 0) return { ok: false, problem: 'corrupt' };
  return { ok: true, entries: count, inflatedBytes: inflated };
}

function findEndRecord(buffer: Buffer): number {
  const earliest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let i = buffer.length - 22; i >= earliest; i -= 1) {
    if (buffer.readUInt32LE(i) === ZIP_END) return i;
  }
  return -1;
}

function zip64Size(extra: Buffer): number {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001 && at + 12 <= extra.length) return Number(extra.readBigUInt64LE(at + 4));
    at += 4 + length;
  }
  // A zip64 size we cannot read is treated as unbounded: refusing is safer than guessing.
  return Number.POSITIVE_INFINITY;
}

function localSize(buffer: Buffer, offset: number): number {
  if (offset + 30 > buffer.length || buffer.readUInt32LE(offset) !== ZIP_LOCAL) return 0;
  const size = buffer.readUInt32LE(offset + 22);
  return size === 0xffffffff ? 0 : size;
}

/** One entry of a zip's central directory, as declared. */
export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedBytes: number;
  declaredBytes: number;
  localOffset: number;
}

/** The entries the central directory lists (zip32 fields; zip64 entries have 0xffffffff sizes). */
export function zipEntryList(bytes: Uint8Array): ZipEntryInfo[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(buffer);
  if (end < 0) return [];
  const size = buffer.readUInt32LE(end + 12);
  const offset = buffer.readUInt32LE(end + 16);
  const entries: ZipEntryInfo[] = [];
  let position = offset;
  while (position + 46 <= offset + size && position + 46 <= buffer.length && buffer.readUInt32LE(position) === ZIP_CENTRAL) {
    const nameLength = buffer.readUInt16LE(position + 28);
    const extraLength = buffer.readUInt16LE(position + 30);
    const commentLength = buffer.readUInt16LE(position + 32);
    entries.push({
      name: buffer.subarray(position + 46, position + 46 + nameLength).toString('utf8'),
      method: buffer.readUInt16LE(position + 10),
      compressedBytes: buffer.readUInt32LE(position + 20),
      declaredBytes: buffer.readUInt32LE(position + 24),
      localOffset: buffer.readUInt32LE(position + 42),
    });
    position += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The inflated bytes of one entry, never more than its declared size (already within the limits);
 * null when the entry cannot be read (stored damaged, zip64, unknown method).
 */
export function entryBytes(bytes: Uint8Array, entry: ZipEntryInfo): Buffer | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.declaredBytes === 0xffffffff || entry.compressedBytes === 0xffffffff) return null;
  const at = entry.localOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== ZIP_LOCAL) return null;
  const dataStart = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const data = buffer.subarray(dataStart, Math.min(buffer.length, dataStart + entry.compressedBytes));
  if (entry.method === 0) return data;
  if (entry.method !== 8) return null;
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.declaredBytes) });
  } catch {
    return null;
  }
}

/** True when the zip uses zip64 records (an end locator, or an entry whose sizes live in zip64 extras). */
export function usesZip64(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(buffer);
  if (end < 0) return false;
  if (end >= 20 && buffer.readUInt32LE(end - 20) === ZIP64_END_LOCATOR) return true;
  return zipEntryList(bytes).some((e) => e.declaredBytes === 0xffffffff || e.compressedBytes === 0xffffffff || e.localOffset === 0xffffffff);
}
