/**
 * Options are resolved once, in src/cli/options/: the core receives them filled. This reads src/** outside
 * the CLI for the two ways a default creeps back into a stage — `options.x ?? …` (also `settings.`,
 * `opts.`) and a default value for an options parameter — and lists where it found one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/**
 * Where a default may stay, and why. Assignment and clustering keep their defaults in their own stage
 * (their engineers are reworking them into ASSIGN_DEFAULTS / CLUSTER_DEFAULTS); the rest are not user options.
 */
const ALLOWED: readonly { path: RegExp; why: string }[] = [
  { path: /^ingest\/options\.ts$/, why: 'the ingest stage\'s own normaliser, which the CLI calls once' },
];

/** Occurrences that are not defaults: a precedence between settled values, or options that are not the user's. */
const NOT_DEFAULTS: readonly RegExp[] = [
  // The county: the sheet's option, else the matching rule's, else the file name's (all already resolved).
  /options\.county \?\? rule\?\.county/,
  // YijianError's own constructor options.
  /this\.location = options\.location \?\? \{\}/,
  // How a text is scanned for personal data (a 联系方式 cell or not): a mode, not a setting.
  /options: ScanOptions = \{\}/,
];

const DEFAULTED_FIELD = /\b(?:options|settings|opts)\??\.\w+(?:\??\.\w+)*\s*\?\?/;
const DEFAULT_PARAMETER = /\b(?:options|settings|opts)\??\s*:\s*\w*(?:Options|Settings)\w*\s*=[^=>]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** `file:line: text` of every defaulted option outside the CLI and the allowed places. */
function defaultsInCore(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const path = relative(SRC, file).split(sep).join('/');
    if (path.startsWith('cli/') || ALLOWED.some((allowed) => allowed.path.test(path))) continue;
    readFileSync(file, 'utf8').split('\n').forEach((line, index) => {
      if (line.trim().startsWith('*') || line.trim().startsWith('//')) return;
      if (!DEFAULTED_FIELD.test(line) && !DEFAULT_PARAMETER.test(line)) return;
      if (NOT_DEFAULTS.some((pattern) => pattern.test(line))) return;
      found.push(`src/${path}:${index + 1}: ${line.trim()}`);
    });
  }
  return found;
}

describe('the core receives resolved options', () => {
  it('the patterns find a defaulted option (checked on written examples)', () => {
    expect(DEFAULTED_FIELD.test('const near = options.near ?? DEFAULT_NEAR_THRESHOLD;')).toBe(true);
    expect(DEFAULTED_FIELD.test('for (const x of settings.limits?.maxCellLength ?? 10) {}')).toBe(true);
    expect(DEFAULT_PARAMETER.test('export function alignDrafts(a: Draft, b: Draft, options: AlignOptions = DEFAULT_ALIGN_OPTIONS) {')).toBe(true);
    expect(DEFAULT_PARAMETER.test('function f(options: ClusterOptions): Cluster[] {')).toBe(false);
    expect(DEFAULTED_FIELD.test('const point = record.point ?? null;')).toBe(false);
  });

  it('no stage (assignment and clustering included) fills an option default or takes an options parameter default', () => {
    expect(defaultsInCore()).toEqual([]);
  });
});
