/** What every subcommand shares: global flags, the terminal, the config, error handling. */
import { Command, Help, type Argument, type Option } from 'commander';
import { describeLocation, EXIT, YijianError } from '../errors.js';
import type { LoadedConfig } from '../config/load.js';
import { Terminal } from '../io/terminal.js';
import type { CliIo } from './io.js';
import type { WorkbookWorkers } from '../ingest/workbook-worker.js';
import { chineseForThirdParty } from '../io/third-party.js';

/** Global flags, declared once on the program and read by every subcommand. */
export interface GlobalFlags {
  config?: string;
  quiet: boolean;
  debug: boolean;
  color: boolean;
  yes: boolean;
}

/** What a subcommand's action gets: the terminal, the config, and where stdout goes. */
export interface CommandContext {
  terminal: Terminal;
  config: LoadedConfig;
  flags: GlobalFlags;
  cwd: string;
  /** Results (and --json documents) go here; everything else goes to the terminal (stderr). */
  stdout: (text: string) => void;
  /** The run's workbook parsing workers, for every file the command reads (absent: each read starts its own). */
  workbooks?: WorkbookWorkers;
}

const TITLES: Readonly<Record<string, string>> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/** Commander's help, with Chinese headings, usage words and default values. */
export class ChineseHelp extends Help {
  override styleTitle(title: string): string {
    return TITLES[title] ?? title;
  }

  override commandUsage(command: Command): string {
    return chineseUsageWords(super.commandUsage(command));
  }

  override subcommandTerm(command: Command): string {
    return chineseUsageWords(super.subcommandTerm(command));
  }

  // Chinese characters take two columns in a terminal; commander counts one, which misaligns the columns.
  override displayWidth(text: string): number {
    let width = 0;
    for (const char of text.replace(/\u001b\[[0-9;]*m/g, '')) width += isWide(char) ? 2 : 1;
    return width;
  }

  /**
   * Commander wraps descriptions only at spaces, so a Chinese sentence runs past the terminal's edge while a
   * line with one English word (Excel, digest.json) breaks there, mid-sentence. Here a line may break between
   * any two Chinese characters or at a space, never inside a run of Latin letters, digits or an option
   * (--draft, digest.json), and never before a closing mark (，。、；：）」”) or after an opening one (（「“).
   */
  override boxWrap(text: string, width: number): string {
    if (width < this.minWidthToWrap) return text;
    return text
      .split(/\r\n|\n/)
      .map((line) => wrapLine(line, width, (piece) => this.displayWidth(piece)))
      .join('\n');
  }

  // Commander appends English "(default: false)"; a switch that is off by default says nothing worth reading,
  // other defaults are said in Chinese.
  override optionDescription(option: Option): string {
    const value: unknown = option.defaultValue;
    const shown = value === undefined || value === false || (Array.isArray(value) && value.length === 0)
      || (option.negate && value === true) ? null : option.defaultValueDescription ?? JSON.stringify(value);
    return shown === null ? option.description : `${option.description}（默认：${shown}）`;
  }

  override argumentDescription(argument: Argument): string {
    const value: unknown = argument.defaultValue;
    const shown = value === undefined || (Array.isArray(value) && value.length === 0)
      ? null : argument.defaultValueDescription ?? (typeof value === 'string' ? value : JSON.stringify(value));
    return shown === null ? argument.description : `${argument.description}（默认：${shown}）`;
  }
}

/** Characters a terminal shows two columns wide: Hangul, CJK, full-width forms, and the supplementary ideographs. */
const WIDE_RANGES = '\\u1100-\\u115f\\u2e80-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6\\u{20000}-\\u{10ffff}';
const WIDE = new RegExp(`[${WIDE_RANGES}]`, 'u');
/** A piece a line may break after: spaces before it, then one wide character or a run of narrow ones. */
const WRAP_PIECE = new RegExp(`\\s*(?:[^\\s${WIDE_RANGES}]+|[^\\s])`, 'gu');
/** Marks a line may not start with (they close or follow what is before them). */
const NO_LINE_START = /^[，。、；：！？）》」』】”’…·,.;:!?)\]}%]/u;
/** Marks a line may not end with (they open what follows). */
const NO_LINE_END = /[（《「『【“‘(\[{]$/u;

/**
 * The breakable pieces of a line: each wide character alone, a run of other non-space characters whole, spaces
 * kept in front of the piece they precede; a closing mark joins the piece before it and an opening mark the
 * piece after it (禁则: no line starts with ，or ends with （).
 */
function wrapPieces(line: string): string[] {
  const raw = line.match(WRAP_PIECE) ?? [];
  const pieces: string[] = [];
  for (const piece of raw) {
    const last = pieces[pieces.length - 1];
    if (last !== undefined && (NO_LINE_START.test(piece) || NO_LINE_END.test(last))) pieces[pieces.length - 1] = last + piece;
    else pieces.push(piece);
  }
  return pieces;
}

/** One line wrapped to `width` display columns at the pieces of wrapPieces; a piece wider than a line stands alone. */
function wrapLine(line: string, width: number, measure: (text: string) => number): string {
  const pieces = wrapPieces(line);
  if (pieces.length === 0) return '';
  const lines: string[] = [];
  let current = pieces[0]!;
  let used = measure(current);
  for (const piece of pieces.slice(1)) {
    const w = measure(piece);
    if (used + w <= width) {
      current += piece;
      used += w;
      continue;
    }
    lines.push(current);
    current = piece.trimStart();
    used = measure(current);
  }
  lines.push(current);
  return lines.join('\n');
}

function isWide(char: string): boolean {
  return WIDE.test(char);
}

function chineseUsageWords(usage: string): string {
  return usage.replace('[options]', '[选项]').replace('[command]', '[命令]');
}

/** One run of the program: what it talks to, the workers it owns, and the exit code its action sets. */
export interface RunState {
  readonly io: CliIo;
  /** The run's workbook parsers: one idle worker kept between files, ended when the run ends. */
  readonly workbooks: WorkbookWorkers;
  code: number;
}

/**
 * The root command of one run, carrying that run's state. Commander's action handlers cannot return a
 * value, so an action finds its run by walking up to this root and records the exit code there; a
 * program parsed again in the same process is a new RunProgram with a state of its own.
 */
export class RunProgram extends Command {
  constructor(readonly state: RunState) {
    super('yijian');
  }
}

/** The run a (sub)command belongs to. */
export function runOf(command: Command): RunState {
  let root = command;
  while (root.parent !== null) root = root.parent;
  // A command declared on a program that run() did not build has no run to report to: a bug in yijian.
  if (!(root instanceof RunProgram)) throw new YijianError('E_INTERNAL', 'yijian 的命令只能在 run() 建立的程序中执行。');
  return root.state;
}

/** Builds the context for an action from the command's flags (with the program's). */
export async function contextFor(command: Command): Promise<CommandContext> {
  // The config's schema (zod) loads when an action runs, not for --help or --version.
  const { loadConfig } = await import('../config/load.js');
  const flags = command.optsWithGlobals<GlobalFlags>();
  const { io, workbooks } = runOf(command);
  const terminal = Terminal.fromEnvironment({ color: flags.color, quiet: flags.quiet }, io);
  return {
    terminal,
    config: loadConfig(flags.config, io.cwd),
    flags,
    cwd: io.cwd,
    stdout: io.stdout,
    workbooks,
  };
}

/**
 * Wraps an action: runs it, turns our errors into a message a person can act on (never a stack trace
 * unless --debug), and records the exit code.
 */
export function action<A extends unknown[]>(
  body: (context: CommandContext, ...args: A) => Promise<number>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const command = args[args.length - 1] as Command;
    const run = runOf(command);
    let terminal = Terminal.fromEnvironment({ color: false, quiet: false }, run.io);
    const flags = command.optsWithGlobals<GlobalFlags>();
    try {
      const context = await contextFor(command);
      terminal = context.terminal;
      run.code = await body(context, ...args);
    } catch (error) {
      run.code = reportError(terminal, error, flags.debug);
    }
  };
}

/** Prints an error for people and returns the exit code it deserves; --debug adds the stack. */
export function reportError(terminal: Terminal, error: unknown, debug: boolean): number {
  if (error instanceof YijianError) {
    const where = describeLocation(error.location);
    const located = where !== '' && !error.message.includes(error.location.file ?? '\u0000')
      ? `${error.message}（${where}）`
      : error.message;
    // Library English (docxtemplater, zod, Handlebars …) said in Chinese; the original under --debug.
    const message = chineseForThirdParty(located).text;
    terminal.error(error.code, message, error.hint === undefined ? undefined : chineseForThirdParty(error.hint).text);
    if (debug && message !== located) terminal.raw(`原始信息：${located}\n`);
    if (debug && error.cause instanceof Error) terminal.raw(`原因：${error.cause.message}\n`);
    if (debug && error.stack !== undefined) terminal.raw(`${error.stack}\n`);
    return isUsageError(error) ? EXIT.usage : EXIT.failure;
  }
  terminal.error('E_INTERNAL', `内部错误：${error instanceof Error ? error.message : String(error)}`,
    '这是 yijian 的缺陷，不是您的文件的问题。请加 --debug 重新运行，并把输出发给维护人员。');
  if (debug && error instanceof Error && error.stack !== undefined) terminal.raw(`${error.stack}\n`);
  return EXIT.failure;
}

function isUsageError(error: YijianError): boolean {
  return error.code === 'E_USAGE' || error.code === 'E_BAD_MAPPING' || error.code === 'E_BAD_CONFIG';
}

/** Collects a repeatable option (`--map a=B --map c=D`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
