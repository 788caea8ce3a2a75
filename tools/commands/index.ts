// The list of sub-commands, in the order `svimpy --help` shows them.
import type { Command } from './command.ts';
import { gen } from './gen.ts';

export const commands: Command[] = [gen];
