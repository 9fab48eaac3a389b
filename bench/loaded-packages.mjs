/**
 * `node --import ./bench/loaded-packages.mjs …` records every npm package the process imports into the file
 * named by YIJIAN_LOADED_LOG, one per line: how bench/startup.mjs and test/cli/startup.test.ts see what a
 * command loads. Imported with --import it registers itself; as the hooks module it exports `resolve`.
 */
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { register } from 'node:module';

if (isMainThread && process.env['YIJIAN_LOADED_LOG'] !== undefined) register(import.meta.url);

/** Module hook: notes bare package specifiers (not relative paths, node: builtins or files). */
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  const log = process.env['YIJIAN_LOADED_LOG'];
  if (log !== undefined && !/^(?:\.|\/|node:|file:|data:|#)/u.test(specifier) && resolved.url.startsWith('file:')) {
    appendFileSync(log, `${specifier}\n`);
  }
  return resolved;
}
