import { readFileSync } from 'node:fs';
import type { Io } from './command.ts';
import { main } from './dispatch.ts';

/** Entry point of `mlsd` (bin/mlsd.mjs imports this); the dispatcher itself lives in dispatch.ts. */
const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  readFile: (p) => readFileSync(p, 'utf8'),
};

process.exitCode = await main(process.argv.slice(2), processIo);
