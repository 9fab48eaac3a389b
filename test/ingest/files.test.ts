import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { YijianError } from '../../src/errors.js';
import { collectInputFiles, displayNames, readSubmissions } from '../../src/ingest/index.js';
import { surveyZip } from '../../src/ingest/sniff.js';
import { options, tempDir } from './helpers.js';

function xlsxBytes(rows: unknown[][]): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'S');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

const GOOD = xlsxBytes([['意见建议'], ['好意见']]);

/** A one-entry zip whose entry really inflates to `size` bytes of "a". */
function bombZip(size: number): Buffer {
  const plain = Buffer.alloc(size, 'a');
  const packed = deflateRawSync(plain, { level: 9 });
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const crc = crc32(plain);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, packed, central, name, end]);
}

/** A real xlsx whose central directory claims every entry inflates to almost 4 GB. */
function lyingZip(): Buffer {
  const bytes = Buffer.from(GOOD);
  for (let i = bytes.length - 22; i >= 0; i -= 1) {
    if (bytes.readUInt32LE(i) === 0x02014b50) bytes.writeUInt32LE(0xfffffff0, i + 24);
  }
  return bytes;
}

function encryptedXlsx(): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 7));
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

describe('files that cannot be read', () => {
  it('each gives its code, and the other files still read', async () => {
    const dir = tempDir();
    const files: Record<string, Buffer | string> = {
      'good.xlsx': GOOD,
      'empty.xlsx': Buffer.alloc(0),
      'empty.csv': '',
      'blank.csv': ' \r\n ',
      'text.xlsx': '意见建议,条款\n好,第一条\n',
      'cut.xlsx': GOOD.subarray(0, Math.floor(GOOD.length * 0.6)),
      'locked.xlsx': encryptedXlsx(),
      'report.pdf': '%PDF-1.4',
      'picture.csv': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'claims.xlsx': lyingZip(),
      'unclosed.csv': '意见建议\n"没有闭合的引号\n',
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    const result = await readSubmissions(
      Object.keys(files).map((name) => join(dir, name)),
      options(),
    );
    const codes = Object.fromEntries(result.failures.map((f) => [f.file, f.code]));
    expect(codes).toEqual({
      'blank.csv': 'E_EMPTY_FILE',
      'claims.xlsx': 'E_TOO_LARGE',
      'cut.xlsx': 'E_TRUNCATED',
      'empty.csv': 'E_EMPTY_FILE',
      'empty.xlsx': 'E_EMPTY_FILE',
      'locked.xlsx': 'E_ENCRYPTED',
      'picture.csv': 'E_UNSUPPORTED_FORMAT',
      'report.pdf': 'E_UNSUPPORTED_FORMAT',
      'text.xlsx': 'E_UNREADABLE_FILE',
      'unclosed.csv': 'E_UNREADABLE_FILE',
    });
    for (const failure of result.failures) expect(failure.message).toContain(failure.file);
    expect(result.records.map((r) => [r.source.file, r.opinion])).toEqual([['good.xlsx', '好意见']]);
    expect(result.reconciliation).toMatchObject({ files: 11, failedFiles: 10, sheets: 1, records: 1, balanced: true });
  });

  it('refuses a file over the size limit', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.xlsx'), GOOD);
    const result = await readSubmissions([join(dir, 'big.xlsx')], options({ limits: { maxFileBytes: 100 } }));
    expect(result.failures.map((f) => f.code)).toEqual(['E_TOO_LARGE']);
  });
});

describe('zip bombs', () => {
  it('a zip that really inflates far beyond the limit is refused before it is inflated', async () => {
    const bytes = bombZip(64 * 1024 * 1024);
    expect(bytes.length).toBeLessThan(200_000);
    expect(surveyZip(bytes)).toEqual({ ok: true, entries: 1, inflatedBytes: 64 * 1024 * 1024 });
    const dir = tempDir();
    writeFileSync(join(dir, 'bomb.xlsx'), bytes);
    const started = performance.now();
    const result = await readSubmissions([join(dir, 'bomb.xlsx')], options({ limits: { maxInflatedBytes: 16 * 1024 * 1024 } }));
    const elapsed = performance.now() - started;
    expect(result.failures.map((f) => f.code)).toEqual(['E_TOO_LARGE']);
    expect(elapsed).toBeLessThan(500);
  });

  it('a central directory claiming gigabytes is refused under the default limit in milliseconds', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'claims.xlsx'), lyingZip());
    const started = performance.now();
    const result = await readSubmissions([join(dir, 'claims.xlsx')], options());
    expect(result.failures.map((f) => f.code)).toEqual(['E_TOO_LARGE']);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('an honest workbook passes the survey', () => {
    const survey = surveyZip(GOOD);
    expect(survey.ok).toBe(true);
    if (survey.ok) expect(survey.inflatedBytes).toBeGreaterThan(1000);
  });
});

describe('collectInputFiles', () => {
  it('expands folders recursively, sorted, skipping hidden, lock and unsupported files', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'b'));
    mkdirSync(join(dir, '.git'));
    for (const name of ['z.csv', 'a.xlsx', '~$a.xlsx', '.hidden.csv', 'notes.txt', 'b/c.XLS', 'b/d.tsv', '.git/x.csv']) {
      writeFileSync(join(dir, name), 'x');
    }
    const files = await collectInputFiles([dir]);
    expect(files.map((f) => relative(dir, f).replaceAll('\\', '/'))).toEqual(['a.xlsx', 'b/c.XLS', 'b/d.tsv', 'z.csv']);
  });

  it('keeps a named file whatever its extension, so it is reported', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'x');
    expect(await collectInputFiles([join(dir, 'notes.txt')])).toEqual([join(dir, 'notes.txt')]);
  });

  it('a missing path is E_FILE_NOT_FOUND', async () => {
    const error = await collectInputFiles(['/no/such/意见.xlsx']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YijianError);
    expect((error as YijianError).code).toBe('E_FILE_NOT_FOUND');
  });
});

describe('display names and order', () => {
  it('uses relative paths only for base names that collide', () => {
    const names = displayNames(['/w/a/意见.xlsx', '/w/b/意见.xlsx', '/w/c.csv'], '/w');
    expect([...names.values()]).toEqual(['a/意见.xlsx', 'b/意见.xlsx', 'c.csv']);
  });

  it('orders output by display name whatever the argument order, ids stay distinct', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x'));
    mkdirSync(join(dir, 'y'));
    writeFileSync(join(dir, 'x', 'same.xlsx'), GOOD);
    writeFileSync(join(dir, 'y', 'same.xlsx'), GOOD);
    writeFileSync(join(dir, 'a.csv'), '意见建议\n甲\n');
    const progress: string[] = [];
    const paths = [join(dir, 'y', 'same.xlsx'), join(dir, 'a.csv'), join(dir, 'x', 'same.xlsx')];
    const result = await readSubmissions(paths, options(), (done, total) => progress.push(`${done}/${total}`));
    const files = result.records.map((r) => r.source.file);
    // Display names: the colliding pair by relative path, the other by base name; sorted by code unit.
    expect(files).toEqual([...files].sort());
    expect(files).toContain('a.csv');
    expect(files.filter((f) => f.endsWith('x/same.xlsx') || f.endsWith('y/same.xlsx'))).toHaveLength(2);
    expect(files.indexOf(files.find((f) => f.endsWith('x/same.xlsx')) ?? '')).toBeLessThan(
      files.indexOf(files.find((f) => f.endsWith('y/same.xlsx')) ?? ''),
    );
    expect(new Set(result.records.map((r) => r.id)).size).toBe(3);
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
    const again = await readSubmissions([...paths].reverse(), options());
    expect(again.records).toEqual(result.records);
  });
});
