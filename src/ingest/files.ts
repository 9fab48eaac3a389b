/**
 * Which files a run reads, and the name each is shown by.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { YijianError } from '../errors.js';
import { SUPPORTED_EXTENSIONS } from './read-file.js';

/**
 * Expands files and folders into input files: a folder gives every supported file inside it,
 * recursively, sorted by path, skipping hidden files and Office lock files (~$…). A named file is kept
 * whatever its extension, so an unsupported one is reported rather than silently ignored.
 */
export async function collectInputFiles(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    let info;
    try {
      info = await stat(arg);
    } catch (error) {
      throw new YijianError('E_FILE_NOT_FOUND', `找不到文件或文件夹：${arg}`, {
        hint: '请检查路径是否正确（含空格的路径请加引号）。',
        location: { file: arg },
        cause: error,
      });
    }
    if (info.isDirectory()) files.push(...(await walk(arg)));
    else files.push(arg);
  }
  return [...new Set(files)];
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    if (isSkipped(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (entry.isFile() && SUPPORTED_EXTENSIONS.includes(extname(entry.name).toLowerCase())) found.push(path);
  }
  return found.sort(comparePaths);
}

function isSkipped(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

/** Code-unit order: the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The display name of each path: its base name, or, when two inputs share a base name, the path
 * relative to `cwd` (with "/" separators) for both, so ids and provenance stay distinct.
 */
export function displayNames(paths: readonly string[], cwd: string = process.cwd()): Map<string, string> {
  const counts = new Map<string, number>();
  for (const path of paths) counts.set(basename(path), (counts.get(basename(path)) ?? 0) + 1);
  const names = new Map<string, string>();
  for (const path of paths) {
    const base = basename(path);
    names.set(path, (counts.get(base) ?? 0) > 1 ? relative(cwd, resolve(path)).split(sep).join('/') : base);
  }
  return names;
}
