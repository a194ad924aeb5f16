/** What a subcommand sees of the outside world, so tests can run commands without a process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
}

export interface Command {
  name: string;
  summary: string;
  /** Full help text: usage line, options, an example. */
  usage: string;
  /** Returns the exit code. Throw UsageError for bad arguments (exit 2), InputError for bad input files (exit 1). */
  run(args: string[], io: Io): number | Promise<number>;
}

/** Bad command line: unknown command or flag, missing or malformed value, unknown catalog name. Exit 2. */
export class UsageError extends Error {}

/** The arguments were fine but an input (a file) was not. Exit 1. */
export class InputError extends Error {}
