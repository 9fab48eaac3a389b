/** The terminal edge: messages and progress on stderr, colour only for people. */
import { Chalk, type ChalkInstance } from 'chalk';
import { createRequire } from 'node:module';
import { type Code, withCode } from '../codes.js';
import type cliProgressModule from 'cli-progress';

/** What the terminal needs to know of a run (src/cli/io.ts CliIo has these). */
export interface TerminalIo {
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  stderrIsTTY: boolean;
}

const PROCESS_IO: TerminalIo = {
  stderr: (text) => void process.stderr.write(text),
  get env() {
    return process.env;
  },
  get stderrIsTTY() {
    return Boolean(process.stderr.isTTY);
  },
};

/** How the current run talks to people. */
export interface TerminalOptions {
  /** stderr is a terminal (progress bars, colour). */
  interactive: boolean;
  color: boolean;
  quiet: boolean;
}

/** A progress bar; a no-op when there is no terminal. */
export interface Progress {
  update(done: number, total?: number): void;
  stop(): void;
}

/** Where diagnostics go: stderr, never stdout (stdout is for results and --json). */
export class Terminal {
  readonly options: TerminalOptions;
  readonly paint: ChalkInstance;
  private readonly write: (text: string) => void;

  constructor(options: TerminalOptions, write: (text: string) => void = (text) => process.stderr.write(text)) {
    this.options = options;
    this.paint = new Chalk({ level: options.color ? 1 : 0 });
    this.write = write;
  }

  /** Decides colour and interactivity from the run's environment and flags, once. */
  static fromEnvironment(flags: { color: boolean; quiet: boolean }, io: TerminalIo = PROCESS_IO): Terminal {
    const interactive = io.stderrIsTTY && io.env['CI'] !== 'true';
    const noColorEnv = io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '';
    return new Terminal({ interactive, color: flags.color && interactive && !noColorEnv, quiet: flags.quiet }, io.stderr);
  }

  /** Text as it is (a stack trace under --debug). */
  raw(text: string): void {
    this.write(text);
  }

  /** A line of information; silenced by --quiet. */
  info(message: string): void {
    if (!this.options.quiet) this.write(`${message}\n`);
  }

  /** A success line; silenced by --quiet. */
  success(message: string): void {
    if (!this.options.quiet) this.write(`${this.paint.green(message)}\n`);
  }

  /** A warning with its code: shown even with --quiet, since it means something needs a look. */
  warn(code: Code, message: string): void {
    this.write(`${this.paint.yellow(`提示：${withCode(code, message)}`)}\n`);
  }

  /** An error with its code, and an optional hint on the next line. */
  error(code: Code, message: string, hint?: string): void {
    this.write(`${this.paint.red(`错误：${withCode(code, message)}`)}\n`);
    if (hint !== undefined) this.write(`${this.paint.dim(`  ${hint}`)}\n`);
  }

  /** A progress bar on stderr when a person is watching; otherwise nothing at all. */
  progress(label: string, total: number): Progress {
    if (!this.options.interactive || this.options.quiet) return { update: () => undefined, stop: () => undefined };
    // Loaded only when a person watches a long run: --help and scripts never pay for it.
    const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof cliProgressModule;
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {value}/{total}`,
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return {
      update: (done, newTotal) => {
        if (newTotal !== undefined) bar.setTotal(newTotal);
        bar.update(done);
      },
      stop: () => bar.stop(),
    };
  }
}
