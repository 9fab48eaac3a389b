/** The yijian program: global flags, subcommands, and the exit code. */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { withCode } from '../codes.js';
import { EXIT } from '../errors.js';
import { Terminal } from '../io/terminal.js';
import { ChineseHelp, RunProgram, type RunState } from './program.js';
import { resolveIo, type CliIo } from './io.js';
import { translateUsageError } from './usage-errors.js';
import { COMMANDS, invokedCommand, type CommandEntry } from './commands.js';
import { WorkbookWorkers } from '../ingest/workbook-worker.js';

const packageJson = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

/** The version printed by --version and recorded in outputs. */
export const VERSION = packageJson.version;

/**
 * Builds the commander program of one run; its help and errors go to the run's io. Only `commands` are
 * declared in full (their modules loaded); the others are listed by name and description, which is all
 * the program's help shows.
 */
export async function buildProgram(state: RunState, commands: readonly CommandEntry[] = COMMANDS): Promise<RunProgram> {
  const { io } = state;
  const program = new RunProgram(state);
  program
    .description('意见 — 基层立法联系点意见的合并、去重、逐条归类、汇总报告与采纳反馈')
    .version(VERSION, '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示某个命令的帮助')
    .option('-c, --config <file>', '配置文件（默认：当前目录下的 yijian.config.json）')
    .option('-q, --quiet', '只输出结果和错误', false)
    .option('--debug', '出错时显示调用栈（供维护人员排查）', false)
    .option('--no-color', '不使用颜色（无终端或设置了 NO_COLOR 时自动关闭）')
    .option('-y, --yes', '不提问，按默认或配置执行（脚本中使用）', false)
    .configureHelp({ sortSubcommands: false })
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      `
示例：
  $ yijian inspect 各联系点/                          查看每个文件的表头、列映射和行数
  $ yijian merge 各联系点/ -o 城东区汇总.xlsx           合并为一张标准表
  $ yijian digest 汇总/ --draft 草案.docx -o 报告/     去重、逐条归类、聚类并生成报告
  $ yijian compare 征求意见稿.docx 修改稿.docx          修改前后对照表
  $ yijian form --draft 草案.docx --point 东湖街道立法联系点   联系点用的意见征集表（条款下拉列表）

退出码：0 完成，1 失败，2 用法错误，3 加 --strict 时发现输入问题。`,
    );
  program.createHelp = () => new ChineseHelp();
  for (const entry of COMMANDS) {
    if (commands.includes(entry)) (await entry.load())(program);
    else program.command(entry.name).description(entry.description);
  }
  applyToAll(program, (command) => {
    command.createHelp = () => new ChineseHelp();
    command.exitOverride();
    command.configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) => write(`错误：${withCode('E_USAGE', translateUsageError(text))}\n  用 yijian ${command.name() === 'yijian' ? '' : `${command.name()} `}--help 查看用法。\n`),
    });
  });
  return program;
}

function applyToAll(command: Command, apply: (command: Command) => void): void {
  apply(command);
  for (const sub of command.commands) applyToAll(sub, apply);
}

/** What a run lends from its caller instead of making its own. */
export interface RunResources {
  /**
   * Workbook parsing workers the caller owns and ends (a test process running many in-process runs);
   * without them the run starts its own and ends them when it ends.
   */
  workbooks?: WorkbookWorkers;
}

/** What one run ended with. */
export interface RunResult {
  /** The exit code: 0 ok, 1 failure, 2 usage, 3 input problems found with --strict. */
  readonly code: number;
}

/**
 * Runs the CLI on `argv` (as process.argv) and returns how it ended. With `io`, the run talks only to it:
 * results to io.stdout, messages to io.stderr, io.env for CI/NO_COLOR. Relative paths are read against
 * io.cwd, which is made the process's folder for the length of the run, so in-process runs go one at a time.
 * The run's state (io, workers, exit code) belongs to this call alone; nothing of it outlives the run.
 */
export async function run(argv: readonly string[], partialIo: Partial<CliIo> & RunResources = {}): Promise<RunResult> {
  const { workbooks: lent, ...ioParts } = partialIo;
  const io = resolveIo(ioParts);
  const state: RunState = { io, workbooks: lent ?? new WorkbookWorkers(), code: EXIT.ok };
  try {
    state.code = await runProgram(argv, state, ioParts.stdout === undefined);
  } finally {
    if (lent === undefined) await state.workbooks.close();
  }
  return { code: state.code };
}

async function runProgram(argv: readonly string[], state: RunState, ownProcess: boolean): Promise<number> {
  const { io } = state;
  const invoked = invokedCommand(argv);
  const program = await buildProgram(state, invoked === null ? [] : [invoked]);
  // `yijian --help | head`: a closed pipe ends the run quietly instead of crashing with EPIPE.
  if (ownProcess) {
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(EXIT.ok);
    });
  }
  const restore = enter(io);
  try {
    if (argv.length <= 2) {
      // A person at a terminal gets the guided flow; a script or a pipe gets the help and a usage exit, never a prompt.
      const { guidedNeedsTerminal, runGuided, wantsGuided } = await import('./guided.js');
      if (wantsGuided(io.env, io)) return await runGuided(undefined, state.workbooks);
      io.stderr(guidedNeedsTerminal(io.env));
      program.outputHelp({ error: true });
      return EXIT.usage;
    }
    await program.parseAsync([...argv]);
    return state.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help shown because something was missing (`yijian templates`) exits non-zero: that is a usage error too.
      const done = error.code === 'commander.version'
        || ((error.code === 'commander.helpDisplayed' || error.code === 'commander.help') && error.exitCode === 0);
      return done ? EXIT.ok : EXIT.usage;
    }
    const terminal = Terminal.fromEnvironment({ color: false, quiet: false }, io);
    terminal.error('E_INTERNAL', `内部错误：${error instanceof Error ? error.message : String(error)}`, '请加 --debug 重新运行。');
    return EXIT.failure;
  } finally {
    restore();
  }
}

/** Makes io.cwd and io.env the process's for one run; returns what puts them back. */
function enter(io: CliIo): () => void {
  const cwd = process.cwd();
  const saved = new Map<string, string | undefined>();
  if (io.env !== process.env) {
    for (const [name, value] of Object.entries(io.env)) {
      saved.set(name, process.env[name]);
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  if (io.cwd !== cwd) process.chdir(io.cwd);
  return () => {
    if (process.cwd() !== cwd) process.chdir(cwd);
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
