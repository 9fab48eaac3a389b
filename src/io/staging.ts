/**
 * A run's outputs are written into a staging folder beside the output folder and moved in only when
 * every one of them is written: a full disk, a read-only folder, a template error or a kill part-way
 * leaves the output folder as it was, never half the reports or a new digest.json beside old reports.
 * Staging folders and temporary files left by killed runs are removed by the next run.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { YijianError } from '../errors.js';
import { assertWritable, writeFileAtomic } from './atomic.js';
import { writeJsonAtomic } from './json-file.js';

const STAGING_MARK = '.yijian-staging-';

/** An open staging folder for `outputDir`. */
export interface Staging {
  /** Where the files are being written. */
  readonly dir: string;
  writeFile(name: string, data: string | Uint8Array): Promise<void>;
  writeJson(name: string, document: Readonly<Record<string, unknown>>): Promise<void>;
  /** Moves every written file into the output folder (replacing old ones) and removes the staging folder. */
  commit(): Promise<void>;
  /** Removes the staging folder and everything in it; the output folder is not touched. */
  discard(): Promise<void>;
}

/**
 * Opens a staging folder beside `outputDir` (same file system, so moving in is a rename), after removing
 * what killed runs left there. The final paths are checked first (`force`): nothing is written when one
 * exists without --force.
 */
export async function openStaging(outputDir: string, names: readonly string[], force: boolean): Promise<Staging> {
  for (const name of names) assertWritable(join(outputDir, name), force);
  await removeLeftovers(outputDir);
  let dir = join(dirname(outputDir), `.${basename(outputDir)}${STAGING_MARK}${process.pid}`);
  try {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
  } catch (error) {
    // The folder above may be closed to us while the output folder is not: stage inside it instead.
    if (!existsSync(outputDir)) throw writeFailed(outputDir, error);
    dir = join(outputDir, `${STAGING_MARK.slice(0, -1)}-${process.pid}`);
    try {
      await mkdir(dir, { recursive: true });
    } catch (inner) {
      throw writeFailed(outputDir, inner);
    }
  }
  const written: string[] = [];
  const discard = async (): Promise<void> => {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  };
  const guarded = async (name: string, write: () => Promise<void>): Promise<void> => {
    try {
      await write();
      written.push(name);
    } catch (error) {
      await discard();
      throw error;
    }
  };
  return {
    dir,
    writeFile: (name, data) => guarded(name, () => writeFileAtomic(join(dir, name), data, { force: true })),
    writeJson: (name, document) => guarded(name, () => writeJsonAtomic(join(dir, name), document, { force: true })),
    commit: async () => {
      try {
        if (!existsSync(outputDir)) {
          // A new output folder appears whole, in one rename.
          await mkdir(dirname(outputDir), { recursive: true });
          await rename(dir, outputDir);
          return;
        }
        for (const name of written) await rename(join(dir, name), join(outputDir, name));
        await discard();
      } catch (error) {
        await discard();
        throw writeFailed(outputDir, error);
      }
    },
    discard,
  };
}

/**
 * Writes a run's outputs through a staging folder: `write` puts every file in it, then they are moved in
 * together. Any failure on the way (a template error, a full disk, a failed move) removes the staging folder
 * and leaves the output folder as it was. Returns what `write` returns.
 */
export async function writeStaged<T>(
  outputDir: string, names: readonly string[], force: boolean, write: (staging: Staging) => Promise<T>,
): Promise<T> {
  const staging = await openStaging(outputDir, names, force);
  try {
    const result = await write(staging);
    await staging.commit();
    return result;
  } catch (error) {
    await staging.discard();
    throw error;
  }
}

/** Staging folders of runs that are no longer running, and the temporary files they left in `outputDir`. */
async function removeLeftovers(outputDir: string): Promise<void> {
  const parent = dirname(outputDir);
  const prefix = `.${basename(outputDir)}${STAGING_MARK}`;
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (!isRunning(pid)) await rm(join(parent, name), { recursive: true, force: true }).catch(() => undefined);
  }
  // writeThroughTemporary names them .<file>.<pid>.<time>.tmp; a staging folder inside is .yijian-staging-<pid>.
  for (const name of await readdir(outputDir).catch(() => [] as string[])) {
    const temporary = /^\..+\.(\d+)\.\d+\.tmp$/u.exec(name);
    const inner = /^\.yijian-staging-(\d+)$/u.exec(name);
    const pid = temporary?.[1] ?? inner?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) await rm(join(outputDir, name), { recursive: true, force: true }).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return typeof error === 'object' && error !== null && 'code' in error && error.code === 'EPERM';
  }
}

function writeFailed(outputDir: string, error: unknown): YijianError {
  if (error instanceof YijianError) return error;
  return new YijianError('E_WRITE_FAILED', `无法写入输出文件夹：${outputDir}（输出文件夹保持原样）`, {
    hint: '请检查文件夹是否有写权限、磁盘是否已满。',
    location: { file: outputDir },
    cause: error,
  });
}
