import type { Command } from '../command.ts';
import { benchCommand } from './bench.ts';
import { calibrateCommand } from './calibrate.ts';
import { flopsCommand } from './flops.ts';
import { importCommand } from './import.ts';
import { costCommand } from './cost.ts';
import { estimateCommand } from './estimate.ts';
import { exportCommand } from './export.ts';
import { packCommand } from './pack.ts';
import { predictCommand } from './predict.ts';
import { queueCommand } from './queue.ts';
import { serveCommand } from './serve.ts';
import { scenarioCommand } from './scenario.ts';

/** The subcommands, in help order. A new command is a new file here plus one line in this list. */
export const COMMANDS: readonly Command[] = [estimateCommand, queueCommand, predictCommand, serveCommand, costCommand, flopsCommand, benchCommand, calibrateCommand, scenarioCommand, exportCommand, importCommand, packCommand];
