/** The guided flow's file questions: a folder or a simple glob to input files, and how paths are saved. */
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { collectInputFiles, comparePaths } from '../ingest/files.js';
import { SUPPORTED_EXTENSIONS } from '../ingest/read-file.js';
import { globToRegExp } from '../ingest/file-pattern.js';

/** Whether the answer is a glob (`*` or `?` in its last part) rather than a file or folder. */
export function isGlob(answer: string): boolean {
  return /[*?]/.test(basename(answer));
}

/**
 * The input files an answer names: a file, a folder (read recursively, as on the command line) or a glob over
 * one folder's file names. Files under `exclude` (the output folder of an earlier run) are left out.
 */
export async function findInputs(answer: string, cwd: string, exclude: string | null): Promise<string[]> {
  const target = resolve(cwd, answer.trim() === '' ? '.' : answer.trim());
  let files: string[];
  if (isGlob(target)) {
    const folder = dirname(target);
    const pattern = globToRegExp(basename(target), true);
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    files = entries
      .filter((entry) => entry.isFile() && pattern.test(entry.name) && SUPPORTED_EXTENSIONS.includes(extname(entry.name).toLowerCase()))
      .map((entry) => join(folder, entry.name))
      .sort(comparePaths);
  } else {
    const exists = await stat(target).then(() => true, () => false);
    files = exists ? await collectInputFiles([target]) : [];
  }
  if (exclude === null) return files;
  const outside = resolve(cwd, exclude) + sep;
  return files.filter((file) => !file.startsWith(outside));
}

/** A path as the config stores it: relative to the config's folder, "/" separators, absolute when elsewhere. */
export function configRelative(path: string, baseDir: string): string {
  const rel = relative(baseDir, path);
  if (rel === '') return '.';
  return rel.startsWith('..') ? resolve(path) : rel.split(sep).join('/');
}

/**
 * The inputs to save for a folder answer. When the output folder lies inside it, next month's run would read
 * its own reports back, so the folder is replaced by its entries that hold input files (sub-folders stay
 * folders, so next month's new files in them are still picked up).
 */
export function inputsToSave(folder: string, files: readonly string[], outputDir: string, baseDir: string): string[] {
  const within = (parent: string, child: string): boolean => {
    const rel = relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  if (!within(folder, outputDir)) return [configRelative(folder, baseDir)];
  const entries = new Set<string>();
  for (const file of files) {
    const first = relative(folder, file).split(sep)[0];
    if (first !== undefined && first !== '') entries.add(join(folder, first));
  }
  return [...entries].sort(comparePaths).map((entry) => configRelative(entry, baseDir));
}
