/**
 * Dependencies point one way: cli → the stages (in pipeline order) → model. Every import of src/** (static,
 * `export … from`, and `await import()`) is read from the source text and checked against the layer order
 * below, so a helper that moves up, or a stage that reaches for the CLI, fails here with the file and line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');

/**
 * Lowest first. A file may import its own layer and the layers below it, never one above. The stages follow
 * the pipeline: read (ingest) → assign articles → duplicates → clusters → the digest model → rounds of the
 * draft (compare) → decisions and feedback models → the form → rendering (report) → the commands (cli).
 */
const LAYERS: readonly (readonly string[])[] = [
  ['model.ts', 'errors.ts', 'intern.ts', 'article-key.ts', 'codes.ts', 'location.ts', 'notices.ts', 'provenance.ts', 'numerals.ts', 'collections.ts', 'city-level.ts', 'model'],
  ['io'],
  ['config'],
  ['text'],
  ['ingest'],
  ['assign'],
  ['dedupe'],
  ['cluster'],
  ['digest'],
  ['compare'],
  ['decisions'],
  ['form'],
  ['report'],
  ['cli'],
];

/** The subcommands' own modules (src/cli/<name>.ts): they share helpers, never each other. */
const COMMAND_MODULES = ['inspect', 'merge', 'digest', 'feedback', 'stats', 'compare', 'form', 'templates', 'config'].map((name) => `cli/${name}.ts`);

interface Import {
  /** The importing file, relative to src/ with "/" separators. */
  from: string;
  line: number;
  /** The imported file, relative to src/. */
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

// `import … from '…'`, `import '…'`, `export … from '…'` (across lines), and `import('…')`.
const STATIC = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const from = relative(SRC, file).split(sep).join('/');
  const lineAt = (index: number): number => text.slice(0, index).split('\n').length;
  const found: Import[] = [];
  const add = (specifier: string, index: number, typeOnly: boolean): void => {
    if (!specifier.startsWith('.')) return;
    const to = relative(SRC, resolve(dirname(file), specifier)).split(sep).join('/').replace(/\.js$/, '.ts');
    found.push({ from, line: lineAt(index), to, typeOnly });
  };
  for (const match of text.matchAll(STATIC)) add(match[3]!, match.index, match[2] !== undefined);
  for (const match of text.matchAll(DYNAMIC)) add(match[1]!, match.index, false);
  return found;
}

function layerOf(path: string): number {
  const top = path.split('/')[0]!;
  const layer = LAYERS.findIndex((names) => names.includes(top));
  if (layer < 0) throw new Error(`src/${path} is in no layer: add its folder to LAYERS in test/dependencies.test.ts`);
  return layer;
}

const IMPORTS = sourceFiles(SRC).flatMap(importsOf);
const where = (i: Import): string => `src/${i.from}:${i.line} → src/${i.to}`;

describe('dependencies point one way', () => {
  it('reads the imports it checks (the parser sees static, re-export, type-only and dynamic imports)', () => {
    const of = (from: string): Import[] => IMPORTS.filter((i) => i.from === from);
    expect(of('cli/digest.ts').some((i) => i.to === 'digest/build.ts')).toBe(true);
    expect(of('cli/commands.ts').some((i) => i.to === 'cli/digest.ts')).toBe(true);
    expect(of('dedupe/index.ts').some((i) => i.to === 'dedupe/groups.ts')).toBe(true);
    expect(of('report/feedback.ts').some((i) => i.to === 'decisions/stats.ts' && i.typeOnly)).toBe(true);
  });

  it('nothing imports a layer above its own (no core module imports src/cli)', () => {
    const upward = IMPORTS.filter((i) => layerOf(i.to) > layerOf(i.from)).map(where);
    expect(upward).toEqual([]);
  });

  it('report/ knows only the types of decisions/, never its code', () => {
    const code = IMPORTS.filter((i) => i.from.startsWith('report/') && i.to.startsWith('decisions/') && !i.typeOnly).map(where);
    expect(code).toEqual([]);
  });

  it('the subcommands do not import each other: they share helpers (program, options, ingest-flags …)', () => {
    const between = IMPORTS.filter((i) => COMMAND_MODULES.includes(i.from) && COMMAND_MODULES.includes(i.to) && i.from !== i.to).map(where);
    expect(between).toEqual([]);
  });
});
