/** Finding, reading and validating yijian.config.json, with messages that name the key. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { z } from 'zod';
import { YijianError } from '../errors.js';
import { ConfigSchema, type Config } from './schema.js';

export const DEFAULT_CONFIG_NAME = 'yijian.config.json';

/** A loaded config and the folder its relative paths are resolved against. */
export interface LoadedConfig {
  config: Config;
  /** null when no config file was used. */
  path: string | null;
  baseDir: string;
}

/** Reads `--config FILE`, or ./yijian.config.json when present, or nothing. */
export function loadConfig(explicitPath: string | undefined, cwd: string): LoadedConfig {
  const path = explicitPath !== undefined ? resolve(cwd, explicitPath) : resolve(cwd, DEFAULT_CONFIG_NAME);
  if (!existsSync(path)) {
    if (explicitPath !== undefined) {
      throw new YijianError('E_BAD_CONFIG', `找不到配置文件：${explicitPath}`, {
        hint: '请检查 --config 后的路径；可用 yijian config init 生成一个示例。',
        location: { file: explicitPath },
      });
    }
    return { config: {}, path: null, baseDir: cwd };
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    // A folder named like the config, or a file without read permission.
    throw new YijianError('E_BAD_CONFIG', `无法读取配置文件：${path}`, {
      hint: '请检查 --config 后的路径是一个可读的 JSON 文件。',
      location: { file: path },
      cause: error,
    });
  }
  return { config: parseConfig(text, path), path, baseDir: dirname(path) };
}

/** Parses and validates config text; errors name the file and the key. */
export function parseConfig(text: string, file: string): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new YijianError('E_BAD_CONFIG', `配置文件 ${file} 不是有效的 JSON：${(error as Error).message}`, {
      hint: '请检查括号、逗号和引号；JSON 不允许注释和结尾多余的逗号。',
      location: { file },
    });
  }
  const result = ConfigSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.slice(0, 5).map((issue) => describeIssue(issue));
    throw new YijianError('E_BAD_CONFIG', `配置文件 ${file} 有误：${lines.join('；')}`, {
      hint: '可用 yijian config init 生成带说明的示例，对照修改。',
      location: { file },
    });
  }
  return result.data;
}

/** Resolves a path written in the config relative to the config file's folder. */
export function resolveConfigPath(loaded: LoadedConfig, path: string): string {
  return isAbsolute(path) ? path : resolve(loaded.baseDir, path);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '（顶层）';
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${key === '（顶层）' ? '' : `${key} 中`}有不认识的键 ${issue.keys.join('、')}`;
    case 'invalid_type':
      return `键 ${key} 的类型不对（应为 ${issue.expected}）`;
    case 'too_small':
    case 'too_big':
      return `键 ${key} 的取值超出范围`;
    case 'invalid_value':
      return `键 ${key} 的取值应为 ${issue.values.map(String).join('、')} 之一`;
    default:
      return `键 ${key}：${issue.message}`;
  }
}
