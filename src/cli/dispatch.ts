import { InputError, UsageError, type Command, type Io } from './command.ts';
import { COMMANDS } from './commands/index.ts';

function overview(commands: readonly Command[]): string {
  const w = Math.max(...commands.map((c) => c.name.length));
  return `Usage: mlsd <command> [options]\n\nCommands:\n${commands.map((c) => `  ${c.name.padEnd(w)}  ${c.summary}`).join('\n')}\n\nRun "mlsd <command> --help" for a command's options. Every command takes --json.\n`;
}

/** Dispatch to a subcommand; 0 ok, 1 bad input file, 2 bad command line. */
export async function main(argv: string[], io: Io, commands: readonly Command[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(overview(commands));
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(overview(commands));
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`mlsd: unknown command "${name}"; commands: ${commands.map((c) => c.name).join(', ')}\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`mlsd ${name}: ${err.message}\nRun "mlsd ${name} --help" for usage.\n`);
      return 2;
    }
    if (err instanceof InputError) {
      io.err(`mlsd ${name}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
