// The list of sub-commands, in the order `svimpy --help` shows them.
import type { Command } from './command.ts';
import { gen } from './gen.ts';
import { compile } from './compile.ts';
import { dis } from './dis.ts';
import { run } from './run.ts';
import { upload, flash, monitor } from './upload.ts';
import { build } from './build.ts';
import { bench } from './bench.ts';
import { size } from './size.ts';
import { sim } from './sim.ts';
import { layout } from './layout.ts';

export const commands: Command[] = [gen, build, compile, dis, run, bench, size, layout, sim, upload, flash, monitor];
