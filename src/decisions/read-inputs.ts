/** Reading digest.json and feedback.json (file I/O at the edge; validated with their zod schemas). */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ZodType } from 'zod';
import { YijianError } from '../errors.js';
import { type Digest, DigestSchema } from '../model.js';
import { buildFeedbackDocument } from './feedback.js';
import { type FeedbackDocument, FeedbackDocumentSchema } from './schema.js';
import type { DraftFeedback } from './stats.js';

/** The machine-readable file `feedback` writes beside the per-point files. */
export const FEEDBACK_FILE = 'feedback.json';
const DIGEST_FILE = 'digest.json';

async function readJson(path: string, code: 'E_BAD_DIGEST' | 'E_BAD_DECISIONS', what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new YijianError('E_FILE_NOT_FOUND', `找不到${what}：${path}`, { hint: '请检查路径。', location: { file: path }, cause: error });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new YijianError(code, `${what}不是有效的 JSON：${path}`, {
      hint: '文件可能被改动或没有写完，请重新生成。',
      location: { file: path },
      cause: error,
    });
  }
}

/** Reads a JSON file and validates it with `schema`; a bad file → `code`, naming the first wrong field. */
async function readValidated<T>(
  path: string,
  schema: ZodType<T>,
  code: 'E_BAD_DIGEST' | 'E_BAD_DECISIONS',
  what: string,
  name: string,
  hint: string,
): Promise<T> {
  const parsed = schema.safeParse(await readJson(path, code, what));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new YijianError(code, `${name} 的内容不符合格式：${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(), {
      hint,
      location: { file: path },
    });
  }
  return parsed.data;
}

/** Reads and validates digest.json; a bad file → E_BAD_DIGEST naming the first wrong field. */
export async function readDigest(path: string): Promise<Digest> {
  return readValidated(path, DigestSchema, 'E_BAD_DIGEST', '汇总结果 digest.json', 'digest.json', '请用当前版本的 yijian digest 重新生成 digest.json。');
}

/** Reads and validates feedback.json; a bad file → E_BAD_DECISIONS. */
export async function readFeedbackDocument(path: string): Promise<FeedbackDocument> {
  return readValidated(path, FeedbackDocumentSchema, 'E_BAD_DECISIONS', '反馈结果 feedback.json', 'feedback.json', '请用当前版本的 yijian feedback 重新生成。');
}

/**
 * One `stats` input: a feedback folder (feedback.json), a digest folder (digest.json: every
 * opinion 待研究), or either file itself. Feedback wins when a folder holds both.
 */
export async function readStatsInput(path: string): Promise<DraftFeedback & { from: 'feedback' | 'digest' }> {
  const isDir = existsSync(path) && statSync(path).isDirectory();
  const candidates = isDir ? [join(path, FEEDBACK_FILE), join(path, DIGEST_FILE)] : [path];
  const file = candidates.find((c) => existsSync(c));
  if (file === undefined) {
    throw new YijianError('E_FILE_NOT_FOUND', `找不到 ${isDir ? `${path} 中的 feedback.json 或 digest.json` : path}`, {
      hint: '请给出 yijian feedback 的输出目录、yijian digest 的输出目录，或其中的 feedback.json / digest.json。',
      location: { file: path },
    });
  }
  const raw = await readJson(file, 'E_BAD_DIGEST', basename(file));
  const isFeedback = typeof raw === 'object' && raw !== null && (raw as { kind?: unknown }).kind === 'yijian-feedback';
  const document = isFeedback ? await readFeedbackDocument(file) : buildFeedbackDocument(await readDigest(file), null);
  return { name: document.draft?.title ?? basename(isDir ? path : file), document, from: isFeedback ? 'feedback' : 'digest' };
}
