/**
 * Only regular files are read: a device (/dev/zero, /dev/urandom), a named pipe or a socket never ends,
 * so reading one hangs the run. Checked before any read, with a message naming the path.
 */
import { statSync } from 'node:fs';
import { YijianError, type YijianErrorCode } from '../errors.js';

/** Throws YijianError `code` when `path` exists and is not a regular file (or is a symbolic-link loop). */
export function assertRegularFile(path: string, what: string, code: YijianErrorCode): void {
  let kind: string | null = null;
  try {
    const info = statSync(path);
    if (!info.isFile()) kind = info.isDirectory() ? '文件夹' : info.isFIFO() ? '管道' : info.isSocket() ? '套接字' : '设备';
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ELOOP') kind = '循环的符号链接';
    // A missing file is left to the caller, which says so in its own words.
  }
  if (kind !== null) {
    throw new YijianError(code, `${what} ${path} 是${kind}，不是普通文件，无法读取。`, {
      hint: '请给出文件本身的路径。',
      location: { file: path },
    });
  }
}
