/** Output files: never overwrite without --force; write to a temporary file, then rename. */
import { existsSync } from 'node:fs';
import { type FileHandle, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { YijianError } from '../errors.js';

/** Throws E_OUTPUT_EXISTS when `path` exists and `force` is off. */
export function assertWritable(path: string, force: boolean): void {
  if (!force && existsSync(path)) {
    throw new YijianError('E_OUTPUT_EXISTS', `输出文件已存在：${path}`, {
      hint: '如需覆盖，请加 --force；或换一个输出路径（-o）。',
      location: { file: path },
    });
  }
}

/**
 * Writes `data` to `path` atomically: a crash leaves the old file or the new one, never half of one.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: { force: boolean },
): Promise<void> {
  await writeThroughTemporary(path, options, (handle) => handle.writeFile(data));
}

/**
 * Creates `path` from what `fill` writes into a temporary file beside it (so the rename stays on one
 * file system), synced and then renamed into place. Any failure on the way — the folder cannot be made,
 * the disk is full — is E_WRITE_FAILED naming the file, and the temporary file is removed.
 */
export async function writeThroughTemporary(
  path: string,
  options: { force: boolean },
  fill: (handle: FileHandle) => Promise<void>,
): Promise<void> {
  assertWritable(path, options.force);
  const dir = dirname(path);
  const temporary = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(temporary, 'w');
    try {
      await fill(handle);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    if (error instanceof YijianError) throw error;
    throw new YijianError('E_WRITE_FAILED', `无法写入文件：${path}`, {
      hint: '请检查目录是否存在、是否有写权限、磁盘是否已满。',
      location: { file: path },
      cause: error,
    });
  }
}
