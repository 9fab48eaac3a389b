/**
 * The zip writer of every .docx and .xlsx yijian writes, on node:zlib, and the reader of the packages
 * SheetJS hands over. Kept instead of a maintained package (issue 15), measured with
 * `node bench/xlsx-zip.mjs` on the 100k-row 登记表 package (85 MB of XML, CPU s user + system, own process):
 *
 *   write, deflate level 6, fixed dates   this writer 1.25 s   fflate 0.8 zipSync 4.13 s   PizZip 3 4.77 s
 *   read, entries stored (SheetJS)        this reader 0.00 s   fflate unzipSync 0.07 s      PizZip 0.35 s
 *                                         peak RSS 373 MiB     454 MiB                      457 MiB
 *
 * Both packages deflate in JavaScript (3.3–3.8× the CPU of native zlib, on the one step every xlsx and docx
 * goes through) and copy every entry on reading (+81 MiB at 100k rows, about +0.8 GB at a million-row merge).
 * Reading goes through the directory parser of src/ingest/sniff.ts, so yijian has one.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { YijianError } from '../errors.js';
import { entryBytes, surveyZip, zipEntryList } from '../ingest/sniff.js';

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
 * Reads the entries of a zip we were handed by a library (SheetJS), in central-directory order, through the
 * one zip directory parser yijian has (src/ingest/sniff.ts, which guards every workbook read). Stored entries
 * are views on `zip`, not copies. Anything it cannot read is E_INTERNAL, never a raw exception.
 */
export function readZip(zip: Uint8Array): ZipEntry[] {
  const broken = (why: string): YijianError => new YijianError('E_INTERNAL', `生成的工作簿无法读取：${why}`);
  const survey = surveyZip(zip);
  if (!survey.ok) throw broken(survey.problem === 'truncated' ? '缺少 zip 目录或不完整' : 'zip 目录损坏');
  const listed = zipEntryList(zip);
  if (listed.length !== survey.entries) throw broken('zip 目录损坏');
  return listed.map((entry) => {
    const data = entryBytes(zip, entry);
    if (data === null) throw broken(`${entry.name} 无法解压`);
    return { name: entry.name, data };
  });
}
