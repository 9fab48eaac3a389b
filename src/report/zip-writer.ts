/**
 * A minimal zip writer and stored-zip reader on node:zlib. Native deflate and crc32 instead of
 * pako/pizzip in JavaScript: zipping a 100k-opinion report was a quarter of its rendering time.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { YijianError } from '../errors.js';

/** One file of a zip package: its path inside the zip and its bytes. */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** DOS time and date of 2024-01-01 00:00 (zip stores local DOS time; this reads the same everywhere). */
const DOS_TIME = 0;
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;
/** zlib level 6: the deflate default, the size Office writes; level 1 saves little time here. */
const LEVEL = 6;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
/** General purpose flag bit 11: the name is UTF-8 (set only for non-ASCII names, as other writers do). */
const UTF8_NAME = 0x0800;
const ZIP32_LIMIT = 0xffff_ffff;

const tooLarge = (what: string): YijianError =>
  new YijianError('E_INTERNAL', `生成的文件过大（${what}），超出 zip 格式的限制`, {
    hint: '请减少一次生成的意见数量，或只生成 md/html 格式。',
  });

/** Writes `entries` in the given order, deflated, every entry dated 2024-01-01 00:00: same entries, same bytes. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  if (entries.length > 0xffff) throw tooLarge(`${entries.length} 个条目`);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const flags = name.length === entry.name.length ? 0 : UTF8_NAME;
    const crc = crc32(entry.data);
    const compressed = entry.data.length === 0 ? Buffer.alloc(0) : deflateRawSync(entry.data, { level: LEVEL });
    const method = entry.data.length === 0 ? METHOD_STORE : METHOD_DEFLATE;
    if (entry.data.length > ZIP32_LIMIT || compressed.length > ZIP32_LIMIT || offset > ZIP32_LIMIT) throw tooLarge(entry.name);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(DOS_TIME, 12);
    header.writeUInt16LE(DOS_DATE, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(compressed.length, 20);
    header.writeUInt32LE(entry.data.length, 24);
    header.writeUInt16LE(name.length, 28);
    // Extra field, comment, disk number, internal and external attributes: all zero.
    header.writeUInt32LE(offset, 42);

    parts.push(local, name, compressed);
    central.push(header, name);
    offset += local.length + name.length + compressed.length;
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  if (offset > ZIP32_LIMIT) throw tooLarge('合计');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

/**
 * Reads the entries of a zip we were handed by a library (SheetJS), in central-directory order.
 * Not a general reader: no zip64, no encryption; anything else is E_INTERNAL, never a raw exception.
 */
export function readZip(zip: Buffer): ZipEntry[] {
  const broken = (why: string): YijianError => new YijianError('E_INTERNAL', `生成的工作簿无法读取：${why}`);
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0 || endAt + 22 > zip.length) throw broken('缺少 zip 目录');
  const count = zip.readUInt16LE(endAt + 10);
  let at = zip.readUInt32LE(endAt + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw broken('zip 目录损坏');
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if ((flags & 1) !== 0) throw broken(`${name} 已加密`);
    if (localAt + 30 > zip.length || zip.readUInt32LE(localAt) !== 0x04034b50) throw broken(`${name} 的位置有误`);
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    if (dataAt + size > zip.length) throw broken(`${name} 不完整`);
    const raw = zip.subarray(dataAt, dataAt + size);
    if (method === METHOD_STORE) entries.push({ name, data: raw });
    else if (method === METHOD_DEFLATE) entries.push({ name, data: inflateRawSync(raw) });
    else throw broken(`${name} 的压缩方式 ${method} 不受支持`);
    at += 46 + skip;
  }
  return entries;
}
