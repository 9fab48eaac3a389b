/**
 * What one run of the CLI talks to: where results and diagnostics go, its environment and folder.
 * `run(argv, io)` takes one, so tests and scripts can run yijian in-process; bin/yijian passes the process's own.
 */

/** The streams, environment and folder of one run. */
export interface CliIo {
  /** Results and --json documents. */
  stdout: (text: string) => void;
  /** Messages, warnings, progress. */
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /** The folder relative paths are read against. */
  cwd: string;
  /** stderr is a terminal a person watches (progress bars, colour, the guided flow). */
  stderrIsTTY: boolean;
  stdinIsTTY: boolean;
}

/** The process's own streams, environment and folder. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdinIsTTY: Boolean(process.stdin.isTTY),
  };
}

/** Fills what `partial` leaves out from the process. */
export function resolveIo(partial: Partial<CliIo>): CliIo {
  const base = processIo();
  return {
    ...base,
    ...partial,
    // An in-process run with its own streams is never a terminal unless it says so.
    stderrIsTTY: partial.stderrIsTTY ?? (partial.stderr === undefined && base.stderrIsTTY),
    stdinIsTTY: partial.stdinIsTTY ?? (partial.stdout === undefined && base.stdinIsTTY),
  };
}
