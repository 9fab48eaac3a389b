/**
 * The drafts the guided flow offers: .docx/.txt/.md files beside the inputs (their folders, the folders above
 * them, the working folder) whose name or first lines look like a draft and that parse into articles.
 */
import { open, readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { comparePaths } from '../ingest/files.js';

/** A draft found beside the inputs, with what a person needs to recognise it. */
export interface DraftCandidate {
  path: string;
  /** The title the draft reader found (its first line). */
  title: string;
  articles: number;
}

const DRAFT_EXTENSIONS = new Set(['.docx', '.txt', '.md']);
/** Words of a draft's name or title: the stage (草案, 征求意见稿, 送审稿, 修改稿) or the kind of text. */
const DRAFT_WORDS = /征求意见稿|草案|送审稿|修改稿|条例|办法|规定|规则|细则|法$|法[（(]/u;
/** yijian's own reports quote the draft's articles; they are not drafts. */
const OWN_OUTPUTS = /汇总报告|条文意见对照表|意见对照表|采纳情况|反馈|统计|修改前后对照表/u;
/** Larger files are not read while looking (a draft of 300 articles is well under this). */
const MAX_BYTES = 5 * 1024 * 1024;
/** Folders with more entries than this are not looked through (a home folder, a download folder). */
const MAX_ENTRIES = 500;
/** Fewer articles than this is a notice or a letter, not a draft. */
const MIN_ARTICLES = 3;
/** Word files not named like a draft that are opened to read their title, per search. */
const MAX_UNNAMED_DOCX = 10;

/** Whether a file name or a first line reads like a draft's (某市电动自行车管理条例（征求意见稿）). */
export function looksLikeDraft(text: string): boolean {
  const bare = text.replace(/\.[a-z]+$/iu, '').trim();
  return DRAFT_WORDS.test(bare) && !OWN_OUTPUTS.test(bare);
}

/** The folders to look in for the given input files: each one's folder and the folder above it, and `cwd`. */
export function draftFolders(inputs: readonly string[], cwd: string): string[] {
  const folders: string[] = [];
  for (const file of inputs) {
    const folder = dirname(resolve(cwd, file));
    folders.push(folder, dirname(folder));
  }
  folders.push(resolve(cwd));
  return [...new Set(folders)];
}

/**
 * The order candidates are offered in: named like a consultation draft first (征求意见稿, 草案), then by how
 * close the folder is to the inputs (the order of `folders`), then by name.
 */
export function compareCandidates(folders: readonly string[]): (a: DraftCandidate, b: DraftCandidate) => number {
  const stage = (path: string): number => (/征求意见稿|草案|送审稿|修改稿/u.test(basename(path)) ? 0 : 1);
  const near = (path: string): number => folders.indexOf(dirname(path));
  return (a, b) => stage(a.path) - stage(b.path) || near(a.path) - near(b.path) || comparePaths(basename(a.path), basename(b.path));
}

/**
 * Drafts in `folders` (not recursive), read with `readDraft` to count their articles; files that do not parse
 * into at least three articles are left out. `exclude` (the output folder) is not looked in.
 */
export async function findDrafts(
  folders: readonly string[],
  readDraft: (path: string) => Promise<{ title: string; articles: readonly unknown[] }>,
  exclude: string | null = null,
): Promise<DraftCandidate[]> {
  const found: DraftCandidate[] = [];
  const seen = new Set<string>();
  let unnamedDocx = 0;
  for (const folder of folders) {
    if (exclude !== null && resolve(folder) === resolve(exclude)) continue;
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    if (entries.length > MAX_ENTRIES) continue;
    for (const entry of entries) {
      const path = join(folder, entry.name);
      const extension = extname(entry.name).toLowerCase();
      if (!entry.isFile() || !DRAFT_EXTENSIONS.has(extension) || entry.name.startsWith('~$') || seen.has(path)) continue;
      seen.add(path);
      if (OWN_OUTPUTS.test(entry.name)) continue;
      const size = await stat(path).then((s) => s.size, () => Infinity);
      if (size > MAX_BYTES) continue;
      const named = looksLikeDraft(entry.name);
      // A text file's first line is read cheaply; a .docx must be unpacked to see it, so only a few are.
      if (!named && extension !== '.docx' && !looksLikeDraft(await firstLine(path))) continue;
      if (!named && extension === '.docx' && (unnamedDocx += 1) > MAX_UNNAMED_DOCX) continue;
      try {
        const draft = await readDraft(path);
        const titled = named || looksLikeDraft(draft.title);
        if (titled && draft.articles.length >= MIN_ARTICLES) found.push({ path, title: draft.title, articles: draft.articles.length });
      } catch {
        // Not readable as a draft: simply not offered.
      }
    }
  }
  return found.sort(compareCandidates(folders));
}

/** The first non-empty line of a text file (read from its first 2 KB, as UTF-8). */
async function firstLine(path: string): Promise<string> {
  const handle = await open(path, 'r').catch(() => null);
  if (handle === null) return '';
  try {
    const buffer = Buffer.alloc(2048);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/u, '');
    return text.split(/\r?\n/u).map((line) => line.replace(/^#+\s*/u, '').trim()).find((line) => line !== '') ?? '';
  } finally {
    await handle.close();
  }
}

/** The label of a candidate in the list: `某市…（征求意见稿）.txt  《…》 共 45 条`. */
export function draftLabel(candidate: DraftCandidate, shownPath: string): string {
  const title = candidate.title !== '' && candidate.title !== basename(candidate.path, extname(candidate.path)) ? `《${candidate.title}》 ` : '';
  return `${shownPath}  ${title}共 ${candidate.articles} 条`;
}
