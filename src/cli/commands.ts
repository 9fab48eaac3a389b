/**
 * The subcommands, as the program's help lists them, and the module that declares each one. Kept apart from
 * the commands' own modules so that `yijian --help` and `--version` load none of them, and a run loads only
 * the command it runs (with its dependencies: xlsx, jieba, the report libraries …).
 */
import type { Command } from 'commander';

/** One subcommand: its name, its one-line description, and how to declare it in full. */
export interface CommandEntry {
  readonly name: string;
  readonly description: string;
  readonly load: () => Promise<(program: Command) => void>;
}

/** Every subcommand, in the order the help lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'inspect',
    description: '检查文件：表头在哪一行、各列对应哪个字段、多少行有效、哪些行有问题；加 --draft 查看每条意见归入的条文',
    load: async () => (await import('./inspect.js')).registerInspect,
  },
  {
    name: 'merge',
    description: '把各联系点报来的表格合并为一张标准表（保留来源文件、工作表、行号；问题行单列一张表）',
    load: async () => (await import('./merge.js')).registerMerge,
  },
  {
    name: 'digest',
    description: '批量汇总：去重（完全相同与近似）、逐条归入条文、同条意见聚类，生成 digest.json 和各类报告',
    load: async () => (await import('./digest.js')).registerDigest,
  },
  {
    name: 'feedback',
    description: '采纳情况反馈：读取填好的采纳情况登记表，为每个联系点生成反馈（Word、Markdown），并统计各联系点、各县区的采纳情况',
    load: async () => (await import('./feedback.js')).registerFeedback,
  },
  {
    name: 'stats',
    description: '跨草案统计：汇总多次 feedback（或 digest）的结果，按联系点、县区、草案统计报送与采纳情况',
    load: async () => (await import('./stats.js')).registerStats,
  },
  {
    name: 'compare',
    description: '修改前后对照表：按条文内容（而非条号）对齐两稿草案，标出修改、新增、删除、移动、拆分、合并的条文和改动的文字',
    load: async () => (await import('./compare.js')).registerCompare,
  },
  {
    name: 'form',
    description: '意见征集表：生成联系点填写用的 Excel 表，“条款”一栏是草案条文的下拉列表，yijian 读回时条款一条不错',
    load: async () => (await import('./form.js')).registerForm,
  },
  {
    name: 'templates',
    description: '查看或导出报告模板（导出后可修改，再用 --templates 指定）',
    load: async () => (await import('./templates.js')).registerTemplates,
  },
  {
    name: 'config',
    description: '配置文件：用 config init 生成带说明的示例 yijian.config.json',
    load: async () => (await import('./config.js')).registerConfig,
  },
];

/** The description of `name`, for the command's own declaration (one place for each text). */
export function commandDescription(name: string): string {
  const entry = COMMANDS.find((command) => command.name === name);
  if (entry === undefined) throw new Error(`no command ${name}`);
  return entry.description;
}

// Global options that take a value: the word after them is not a command name.
const VALUE_OPTIONS = new Set(['-c', '--config']);

/**
 * The subcommand `argv` (as process.argv) runs, if it names one: `yijian -q digest …` → digest,
 * `yijian help merge` → merge. Null for `--help`, `--version`, nothing, or an unknown word.
 */
export function invokedCommand(argv: readonly string[]): CommandEntry | null {
  const words: string[] = [];
  const args = argv.slice(2);
  for (let i = 0; i < args.length && words.length < 2; i += 1) {
    const arg = args[i] ?? '';
    if (VALUE_OPTIONS.has(arg)) i += 1;
    else if (!arg.startsWith('-')) words.push(arg);
  }
  const name = words[0] === 'help' ? words[1] : words[0];
  return COMMANDS.find((command) => command.name === name) ?? null;
}
