/** Large JSON documents written without building one giant string, atomically. */
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { YijianError } from '../errors.js';
import { assertWritable } from './atomic.js';

// Small: text waiting to be written outlives young-generation collections, and at a million records what
// survives them piled up as hundreds of megabytes of old garbage before a full collection came.
const FLUSH_AT = 1 << 16;

/**
 * Writes an object whose values may be huge arrays (a million records is more than V8's longest
 * string): one top-level key per line, one array element per line — also friendly to `diff`.
 */
export async function writeJsonAtomic(path: string, document: Readonly<Record<string, unknown>>, options: { force: boolean }): Promise<void> {
  assertWritable(path, options.force);
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await open(temporary, 'w');
  let buffer: string[] = [];
  let size = 0;
  const write = async (text: string): Promise<void> => {
    buffer.push(text);
    size += text.length;
    if (size >= FLUSH_AT) await flush();
  };
  const flush = async (): Promise<void> => {
    if (buffer.length === 0) return;
    await handle.write(buffer.join(''));
    buffer = [];
    size = 0;
  };
  try {
    const entries = Object.entries(document).filter(([, value]) => value !== undefined);
    await write('{\n');
    for (const [index, [key, value]] of entries.entries()) {
      await write(`  ${JSON.stringify(key)}: `);
      if (Array.isArray(value) && value.length > 0) {
        await write('[\n');
        for (let i = 0; i < value.length; i += 1) {
          await write(`    ${JSON.stringify(value[i])}${i < value.length - 1 ? ',' : ''}\n`);
        }
        await write('  ]');
      } else {
        await write(JSON.stringify(value));
      }
      await write(index < entries.length - 1 ? ',\n' : '\n');
    }
    await write('}\n');
    await flush();
    await handle.sync();
    await handle.close();
    await rename(temporary, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw new YijianError('E_WRITE_FAILED', `无法写入文件：${path}`, {
      hint: '请检查目录是否存在、是否有写权限、磁盘是否已满。',
      location: { file: path },
      cause: error,
    });
  }
}
