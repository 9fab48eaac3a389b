/** Commander's English usage errors, said in Chinese (the suggestion of the closest option is kept). */

const PATTERNS: ReadonlyArray<readonly [RegExp, (...groups: string[]) => string]> = [
  [/^error: unknown option '([^']+)'/, (flag) => `不认识的选项 ${flag}`],
  [/^error: unknown command '([^']+)'/, (name) => `不认识的命令 ${name}`],
  [/^error: missing required argument '([^']+)'/, (name) => `缺少参数 <${name}>`],
  [/^error: option '([^']+)' argument missing/, (flags) => `选项 ${flags} 后面缺少取值`],
  [/^error: required option '([^']+)' not specified/, (flags) => `缺少必需的选项 ${flags}`],
  [/^error: too many arguments(?: for '([^']+)')?/, (name) => `参数过多${name === undefined ? '' : `（${name} 命令）`}`],
  [/^error: option '([^']+)' argument '([^']*)' is invalid/, (flags, value) => `选项 ${flags} 的取值“${value}”无效`],
];

/** Translates one commander error text; unknown texts pass through unchanged. */
export function translateUsageError(text: string): string {
  const [first = '', ...rest] = text.trim().split('\n');
  let message = first.replace(/^error: /, '');
  for (const [pattern, say] of PATTERNS) {
    const match = pattern.exec(first);
    if (match !== null) {
      message = say(...match.slice(1).map((group) => group ?? ''));
      break;
    }
  }
  const suggestion = rest.join(' ').match(/\(Did you mean ([^?]+)\?\)/);
  if (suggestion?.[1] !== undefined) message += `。您是不是要用 ${suggestion[1]}？`;
  return message;
}
