/**
 * What every command's options schema shares: the sources it resolves (flags, config, cwd), flag parsers
 * with Chinese messages naming the flag, and path resolution (flags against cwd, config paths against the
 * config's folder). Each command's schema turns its sources into one resolved options object, once, at the
 * edge (as csv-parse's normalize_options does); the core receives slices of it, every default filled.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { YijianError } from '../../errors.js';
import { resolveConfigPath, type LoadedConfig } from '../../config/load.js';

/** What a command's options are resolved from: its flags as commander hands them over, the config, the folder. */
export interface OptionSources<F> {
  flags: F;
  config: LoadedConfig;
  cwd: string;
}

/** The config as loaded (already validated by ConfigSchema, whose messages name the key). */
export const loadedConfig = z.custom<LoadedConfig>((value) => typeof value === 'object' && value !== null && 'config' in value);

// A usage problem carries its hint through zod's issue params, so the message and hint stay together.
interface UsageParams {
  hint: string;
}

/** Adds a usage issue (Chinese message naming the flag) to a zod refinement context. */
function usageIssue(ctx: z.RefinementCtx, message: string, hint: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message, params: { hint } satisfies UsageParams });
  return z.NEVER;
}

/** A 0..1 number flag (`--near 0.8`); anything else names the flag. */
export function unitFlag(flag: string) {
  return z.string().transform((value, ctx) => {
    const number = Number(value);
    if (!Number.isFinite(number) || number < 0 || number > 1) {
      return usageIssue(ctx, `选项 ${flag} 的取值应为 0 到 1 之间的小数，收到“${value}”。`, `例如 ${flag} 0.8`);
    }
    return number;
  });
}

/** A whole-number flag between min and max (`--rows 300`). */
export function intFlag(flag: string, min: number, max: number, example: string) {
  return z.string().transform((value, ctx) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) {
      return usageIssue(ctx, `选项 ${flag} 的取值应为 ${min} 到 ${max} 之间的整数，收到“${value}”。`, `例如 ${flag} ${example}`);
    }
    return number;
  });
}

/**
 * A --formats list ("md,xlsx", "md，xlsx", "md xlsx") against the formats a command writes; `what` names them
 * in the message (报告格式, 输出格式). Repeats are dropped, order is kept.
 */
export function formatsFlag<T extends string>(allowed: readonly T[], what: string) {
  return z.string().transform((text, ctx): T[] => {
    const asked = text.split(/[,，\s]+/).filter((part) => part !== '');
    const unknown = asked.filter((format) => !(allowed as readonly string[]).includes(format));
    if (asked.length === 0 || unknown.length > 0) {
      return usageIssue(ctx, `不认识的${what}：${unknown.join('、') || '（空）'}`, `可选：${allowed.join(',')}，例如 --formats md,xlsx`);
    }
    return [...new Set(asked)] as T[];
  });
}

/**
 * Runs a command's options schema; its first problem becomes the YijianError E_USAGE a person reads
 * (the message names the flag), so one bad flag gives one clear message.
 */
export function resolveWith<S extends z.ZodType>(schema: S, sources: z.input<S>): z.output<S> {
  const result = schema.safeParse(sources);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const params = issue !== undefined && 'params' in issue ? (issue.params as Partial<UsageParams> | undefined) : undefined;
  if (params?.hint !== undefined) throw new YijianError('E_USAGE', issue!.message, { hint: params.hint });
  // Not one of ours: a flag of the wrong type can only come from a caller inside yijian (the guided flow).
  const where = issue === undefined ? '' : issue.path.map(String).join('.');
  throw new YijianError('E_USAGE', `选项 ${where} 的取值无效：${issue?.message ?? ''}`, { hint: '请用 --help 查看该命令的选项。' });
}

/** A path written on the command line, against the folder the command runs in. */
export function flagPath(cwd: string, path: string): string {
  return resolve(cwd, path);
}

/** The flag's path if given, else the config's, else null: flags win over the config. */
export function pathOption(cwd: string, flag: string | undefined, loaded: LoadedConfig, configured: string | undefined): string | null {
  if (flag !== undefined) return flagPath(cwd, flag);
  return configured === undefined ? null : resolveConfigPath(loaded, configured);
}
