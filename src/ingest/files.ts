/**
 * Which files a run reads, and the name each is shown by.
 */
import { realpathSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { YijianError } from '../errors.js';
import type { InputNotice, SkippedFormat } from '../notices.js';
import { SUPPORTED_EXTENSIONS } from './read-file.js';

/** The files a run reads, and what was left out on the way (said to the user, never silently). */
export interface InputFiles {
  files: string[];
  /** What was left out: the same file reached twice, a symbolic-link loop, an earlier run's output folder. */
  notices: InputNotice[];
}

/**
 * Extensions of files a point may have sent its opinions in that yijian does not read: said, never passed over in
 * silence (a folder of a dozen e-mailed files with one .et among them would otherwise lose that point's opinions).
 */
const SKIPPED_FORMATS: ReadonlyMap<string, SkippedFormat> = new Map([
  ['.et', 'et'], ['.ett', 'et'], ['.numbers', 'numbers'], ['.doc', 'word'], ['.wps', 'wps'], ['.odt', 'odt'], ['.fodt', 'odt'],
  ['.txt', 'text'], ['.pdf', 'pdf'],
]);

/** Files an earlier run wrote beside its reports: a folder holding one is yijian's output, not submissions. */
const OUTPUT_MARKERS: readonly string[] = ['digest.json', 'feedback.json'];

/**
 * Expands files and folders into input files: a folder gives every supported file inside it,
 * recursively, sorted by path, skipping hidden files, Office lock files (~$…) and folders an earlier
 * yijian run wrote (they hold digest.json or feedback.json). A named file is kept whatever its extension
 * or kind, so an unsupported one is reported by the reader rather than silently ignored. The same file
 * reached by two paths (a.csv and ./a.csv, a symbolic link) is kept once, with a notice.
 */
export async function collectInputs(args: readonly string[]): Promise<InputFiles> {
  const files: string[] = [];
  const notices: InputNotice[] = [];
  for (const arg of args) {
    let info;
    try {
      info = await stat(arg);
    } catch (error) {
      const loop = typeof error === 'object' && error !== null && 'code' in error && error.code === 'ELOOP';
      throw new YijianError('E_FILE_NOT_FOUND', loop ? `路径是循环的符号链接，无法打开：${arg}` : `找不到文件或文件夹：${arg}`, {
        hint: loop ? '请改用链接指向的真实文件。' : '请检查路径是否正确（含空格的路径请加引号）。',
        location: { file: arg },
        cause: error,
      });
    }
    if (info.isDirectory()) files.push(...(await walk(arg, notices, new Set())));
    else files.push(arg);
  }
  return { files: oncePerFile(files, notices), notices };
}

/** {@link collectInputs} without the notices. */
export async function collectInputFiles(args: readonly string[]): Promise<string[]> {
  return (await collectInputs(args)).files;
}

// Keyed by the real path, so a.csv, ./a.csv, a symbolic link to it and a hard-linked path meet.
function oncePerFile(paths: readonly string[], notices: InputNotice[]): string[] {
  const seen = new Map<string, string>();
  const kept: string[] = [];
  for (const path of paths) {
    const key = identity(path);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, path);
      kept.push(path);
    } else {
      notices.push({ code: 'W_SAME_FILE_TWICE', location: { file: path }, first });
    }
  }
  return kept;
}

function identity(path: string): string {
  try {
    const info = statSync(path);
    return `${info.dev}:${info.ino}`;
  } catch {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  }
}

async function walk(folder: string, notices: InputNotice[], visited: Set<string>): Promise<string[]> {
  const real = realpathSync(folder);
  if (visited.has(real)) return [];
  visited.add(real);
  const entries = await readdir(folder, { withFileTypes: true });
  const marker = entries.find((entry) => entry.isFile() && OUTPUT_MARKERS.includes(entry.name));
  if (marker !== undefined && visited.size > 1) {
    notices.push({ code: 'W_OUTPUT_FOLDER_SKIPPED', location: { file: folder }, marker: marker.name });
    return [];
  }
  const found: string[] = [];
  for (const entry of entries) {
    if (isSkipped(entry.name)) continue;
    const path = join(folder, entry.name);
    let kind: 'file' | 'directory' | 'other' = entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other';
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(path);
        kind = target.isDirectory() ? 'directory' : target.isFile() ? 'file' : 'other';
      } catch {
        notices.push({ code: 'W_BROKEN_LINK', location: { file: path } });
        continue;
      }
    }
    const extension = extname(entry.name).toLowerCase();
    const supported = SUPPORTED_EXTENSIONS.includes(extension);
    const skipped = SKIPPED_FORMATS.get(extension);
    if (kind === 'directory') found.push(...(await walk(path, notices, visited)));
    else if (kind === 'file' && supported) found.push(path);
    else if (kind === 'file' && skipped !== undefined) notices.push({ code: 'W_FORMAT_SKIPPED', location: { file: path }, format: skipped });
    else if (kind === 'other' && supported) notices.push({ code: 'W_NOT_REGULAR_FILE', location: { file: path } });
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

/** True when two paths name the same existing file (however they are spelled, through links too). */
export function sameFile(a: string, b: string): boolean {
  return identity(a) === identity(b);
}

/** Throws E_USAGE when an output path is one of the input files: writing it would destroy a submission. */
export function refuseOutputAmongInputs(inputs: readonly string[], outputs: readonly string[]): void {
  for (const output of outputs) {
    const input = inputs.find((path) => sameFile(path, output));
    if (input !== undefined) {
      throw new YijianError('E_USAGE', `输出文件 ${output} 就是要读取的意见文件之一（${input}），写入会覆盖原始意见。`, {
        hint: '请用 -o 换一个输出文件名，或放到输入文件夹之外。',
        location: { file: output },
      });
    }
  }
}
