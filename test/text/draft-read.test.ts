import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { YijianError } from '../../src/errors.js';
import { decodeDraftText, readDraft } from '../../src/text/read-draft.js';
import { LAWS } from '../support/paths.js';

const DRAFT = '上海市养犬管理条例（草案）\n第一章　总　　则\n第一条　为了规范养犬行为，制定本条例。\n第二条　本条例适用于本市。\n';

/** A minimal .docx: one <w:p> per line. */
function docx(lines: readonly string[]): Buffer {
  const zip = new PizZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const body = lines.map((line) => `<w:p><w:r><w:t xml:space="preserve">${line}</w:t></w:r></w:p>`).join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generate({ type: 'nodebuffer' });
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yijian-draft-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, data: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, data);
  return path;
}

describe('readDraft', () => {
  it.each([
    ['utf8.txt', Buffer.from(DRAFT, 'utf8')],
    ['bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(DRAFT, 'utf8')])],
    ['gbk.txt', iconv.encode(DRAFT, 'gbk')],
    ['gb18030.txt', iconv.encode(DRAFT, 'gb18030')],
    ['draft.md', Buffer.from(`# ${DRAFT}`, 'utf8')],
    ['draft.docx', docx(DRAFT.trim().split('\n'))],
  ])('%s reads into the same structure', async (name, bytes) => {
    const draft = await readDraft(await write(name, bytes));
    expect(draft.title).toBe('上海市养犬管理条例（草案）');
    expect(draft.file).toBe(name);
    expect(draft.articles.map((a) => [a.key, a.text])).toEqual([
      ['1', '为了规范养犬行为，制定本条例。'],
      ['2', '本条例适用于本市。'],
    ]);
    expect(draft.divisions.map((d) => d.label)).toEqual(['第一章 总则']);
  });

  it('reads the real 民法典', async () => {
    const draft = await readDraft(join(LAWS, '中华人民共和国民法典.md'));
    expect(draft.articles).toHaveLength(1260);
  });

  it.each([
    ['draft.pdf', Buffer.from('%PDF-1.4')],
    ['noarticles.txt', Buffer.from('只是一段说明文字。\n没有条文。')],
    ['empty.md', Buffer.from('')],
    ['broken.docx', Buffer.from('not a zip file')],
  ])('%s → E_BAD_DRAFT naming the file', async (name, bytes) => {
    const error = await readDraft(await write(name, bytes)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YijianError);
    expect((error as YijianError).code).toBe('E_BAD_DRAFT');
    expect((error as YijianError).message).toContain(name);
    expect((error as YijianError).location.file).toContain(name);
  });

  it('a missing file → E_BAD_DRAFT', async () => {
    await expect(readDraft(join(dir, 'missing.txt'))).rejects.toMatchObject({ code: 'E_BAD_DRAFT' });
  });
});

describe('decodeDraftText', () => {
  it.each([
    ['UTF-8', Buffer.from('第一条 甲。', 'utf8')],
    ['GB18030', iconv.encode('第一条　为了规范养犬行为，保障公民健康和人身安全，制定本条例。', 'gb18030')],
  ])('%s', (encoding, bytes) => {
    const decoded = decodeDraftText(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text.startsWith('第一条')).toBe(true);
  });
});
