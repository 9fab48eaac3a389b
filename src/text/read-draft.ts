/**
 * Reads a draft file (.txt, .md, .docx) from disk and parses it; the only file I/O of the draft reader.
 */
import { readFile } from 'node:fs/promises';
import { assertRegularFile } from '../io/regular-file.js';
import { basename, extname } from 'node:path';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import mammoth from 'mammoth';
import PizZip from 'pizzip';
import { docxBlocks } from './docx.js';
import { YijianError } from '../errors.js';
import type { Draft } from '../model.js';
import { parseDraft } from './draft.js';

/** File extensions a draft may have. */
export const DRAFT_EXTENSIONS = ['.txt', '.md', '.markdown', '.docx'] as const;

/**
 * Decodes the bytes of a plain-text draft: UTF-8 (with or without BOM) when the bytes are valid
 * UTF-8, else what chardet detects among UTF-16 / Big5, else GB18030 (a superset of GBK and GB2312).
 */
export function decodeDraftText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: fall through to detection.
  }
  const detected = (chardet.detect(bytes) ?? '').toUpperCase();
  const encoding = ['UTF-16LE', 'UTF-16BE', 'BIG5'].includes(detected) ? detected : 'GB18030';
  return { text: iconv.decode(bytes, encoding), encoding };
}

function badDraft(path: string, message: string, cause?: unknown): YijianError {
  return new YijianError('E_BAD_DRAFT', message, {
    hint: '草案请使用 .txt（UTF-8 或 GBK 编码）、.md 或 .docx 文件，条文以“第…条”开头。',
    location: { file: path },
    ...(cause === undefined ? {} : { cause }),
  });
}

/** Reads and parses a draft; throws YijianError E_BAD_DRAFT naming the file when it cannot. */
export async function readDraft(path: string): Promise<Draft> {
  const name = basename(path);
  const extension = extname(path).toLowerCase();
  if (!(DRAFT_EXTENSIONS as readonly string[]).includes(extension)) {
    throw badDraft(path, `无法读取草案文件 ${name}：不支持的格式“${extension || '无扩展名'}”`);
  }
  assertRegularFile(path, '草案文件', 'E_BAD_DRAFT');
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw badDraft(path, `无法读取草案文件 ${name}：文件不存在或无法打开`, error);
  }
  return draftFromBytes(bytes, extension, path);
}

/** A list level numbered 第%1条 (or 第%2条 under a chapter level): the articles' numbers are Word's, not in the text. */
const ARTICLE_LIST_LEVEL = /<w:lvlText\s+w:val="第%\d条/u;

/** Whether the draft's articles are numbered by Word's list numbering (numbering.xml), which mammoth leaves out. */
function articlesNumberedByWord(bytes: Buffer): boolean {
  try {
    const numbering = new PizZip(bytes).file('word/numbering.xml')?.asText() ?? '';
    return ARTICLE_LIST_LEVEL.test(numbering);
  } catch {
    return false;
  }
}

/** The document's paragraphs with Word's numbers before them (第一条 …), a table's rows as lines. */
function numberedText(bytes: Buffer): string {
  return docxBlocks(bytes)
    .flatMap((block) => (block.kind === 'paragraph' ? [block.text] : block.rows.map((row) => row.filter((cell) => cell.trim() !== '').join(' '))))
    .join('\n');
}

/** A draft from bytes already read (`path` names it in messages); throws YijianError E_BAD_DRAFT. */
export async function draftFromBytes(bytes: Buffer, extension: string, path: string): Promise<Draft> {
  const name = basename(path);
  let text: string;
  if (extension === '.docx') {
    try {
      text = articlesNumberedByWord(bytes) ? numberedText(bytes) : (await mammoth.extractRawText({ buffer: bytes })).value;
    } catch (error) {
      throw badDraft(path, `无法读取草案文件 ${name}：不是有效的 Word（.docx）文件`, error);
    }
  } else {
    text = decodeDraftText(bytes).text;
  }
  const draft = parseDraft(text, name);
  if (draft.articles.length === 0) {
    throw badDraft(path, `草案文件 ${name} 中没有找到任何条文（以“第…条”开头的行）`);
  }
  return draft;
}
