/** Large JSON documents written without building one giant string, atomically. */
import type { FileHandle } from 'node:fs/promises';
import { writeThroughTemporary } from './atomic.js';

// Small: text waiting to be written outlives young-generation collections, and at a million records what
// survives them piled up as hundreds of megabytes of old garbage before a full collection came.
const FLUSH_AT = 1 << 16;

/**
 * Writes an object whose values may be huge arrays (a million records is more than V8's longest
 * string): one top-level key per line, one array element per line — also friendly to `diff`.
 */
export async function writeJsonAtomic(path: string, document: Readonly<Record<string, unknown>>, options: { force: boolean }): Promise<void> {
  await writeThroughTemporary(path, options, (handle) => writeJsonLines(handle, document));
}

async function writeJsonLines(handle: FileHandle, document: Readonly<Record<string, unknown>>): Promise<void> {
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
}
