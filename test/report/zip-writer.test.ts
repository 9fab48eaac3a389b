import fc from 'fast-check';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { YijianError } from '../../src/errors.js';
import { packageZip } from '../../src/report/zip.js';
import { readZip, writeZip, type ZipEntry } from '../../src/report/zip-writer.js';

const text = (s: string): Uint8Array => Buffer.from(s, 'utf8');
const entries: ZipEntry[] = [
  { name: '[Content_Types].xml', data: text('<Types/>') },
  { name: 'word/document.xml', data: text('<w:document>意见 '.repeat(500)) },
  { name: 'empty.txt', data: new Uint8Array(0) },
  { name: '附件/说明.txt', data: text('中文文件名') },
];

describe('writeZip', () => {
  it('writes a zip other readers (pizzip) read back entry by entry, in order', () => {
    const zip = new PizZip(writeZip(entries));
    expect(Object.keys(zip.files)).toEqual(entries.map((e) => e.name));
    for (const entry of entries) expect(zip.file(entry.name)?.asNodeBuffer()).toEqual(Buffer.from(entry.data));
  });

  it('dates every entry 2024-01-01 00:00 local time', () => {
    const zip = new PizZip(writeZip(entries));
    for (const entry of Object.values(zip.files)) expect(entry.date).toEqual(new Date(2024, 0, 1, 0, 0, 0));
  });

  it('deflates (a repetitive document shrinks) and gives the same bytes twice', () => {
    const first = writeZip(entries);
    expect(first.length).toBeLessThan(entries.reduce((sum, e) => sum + e.data.length, 0));
    expect(writeZip(entries).equals(first)).toBe(true);
  });

  it('round-trips through readZip, also for any names and contents (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ name: fc.string({ minLength: 1, maxLength: 20 }), data: fc.uint8Array({ maxLength: 300 }) }), {
          selector: (e) => e.name,
          maxLength: 8,
        }),
        (list) => {
          const back = readZip(writeZip(list));
          expect(back.map((e) => [e.name, Buffer.from(e.data)])).toEqual(list.map((e) => [e.name, Buffer.from(e.data)]));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('readZip', () => {
  it('reads stored and deflated entries written by pizzip', () => {
    const zip = new PizZip();
    zip.file('a.xml', '<a>甲</a>');
    zip.file('b.xml', '<b/>'.repeat(100));
    for (const compression of ['STORE', 'DEFLATE'] as const) {
      const back = readZip(zip.generate({ type: 'nodebuffer', compression }));
      expect(back.map((e) => [e.name, Buffer.from(e.data).toString('utf8')])).toEqual([
        ['a.xml', '<a>甲</a>'],
        ['b.xml', '<b/>'.repeat(100)],
      ]);
    }
  });

  it.each([
    ['not a zip', Buffer.from('hello, world')],
    ['cut short', writeZip(entries).subarray(0, 40)],
    ['empty', Buffer.alloc(0)],
  ])('reports %s as E_INTERNAL, not a raw exception', (_what, data) => {
    expect(() => readZip(data)).toThrow(YijianError);
    try {
      readZip(data);
    } catch (error) {
      expect((error as YijianError).code).toBe('E_INTERNAL');
    }
  });
});

describe('packageZip', () => {
  it('puts [Content_Types].xml first and the rest by name', () => {
    const shuffled = [...entries].reverse();
    expect(readZip(packageZip(shuffled)).map((e) => e.name)).toEqual(['[Content_Types].xml', 'empty.txt', 'word/document.xml', '附件/说明.txt']);
  });
});
