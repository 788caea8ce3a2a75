import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from './command.ts';
import { BuildError, linkAvrWithMap, measureAvr, repoRoot } from '../build/firmware.ts';
import { BOARDS, takeBoardOption } from '../build/boards.ts';
import { ORDER_FILE, callGraph, ensureLinkerScript, longJumps, mapSections, optimizeOrder } from '../build/layout.ts';

const HELP = `usage: svimpy layout [--board uno|mega] [--steps N]
       svimpy layout --script MCU FILE

Recomputes ${ORDER_FILE}, the order of the firmware's functions in flash: links the
firmware of the board, reads its calls and jumps, and orders the functions so that as many
as possible lie within 4 KB of their callers (-mrelax makes those 2-byte rcall/rjmp instead of
4-byte call/jmp). Run it after changing the VM (a stale order costs bytes, never correctness)
and commit the file. Prints the long calls and the firmware's size before and after.
--steps N: steps of the search (default 60000; deterministic for a given firmware).
--script MCU FILE: only write the linker script of that order for MCU (avr-gcc's default script
with the order spliced in), as a board's -Wl,-T,FILE in platformio.ini names it; the builds
do this themselves (PlatformIO through tools/pio-gen.py).`;

const ORDER_HEADER = `# The order of the AVR firmware's functions in flash (tools/build/layout.ts): callers near their
# callees, so that -mrelax makes most calls 2-byte rcalls. Written by \`svimpy layout\`; a function
# not listed goes after these, so a stale list costs bytes, never correctness.
`;

export const layout: Command = {
  name: 'layout',
  summary: `order the firmware's functions for short calls (${ORDER_FILE})`,
  help: HELP,
  async run(argv) {
    const args = [...argv];
    if (args[0] === '--script') {
      if (args.length !== 3) {
        console.error(`svimpy layout: --script needs MCU and FILE\n\n${HELP}`);
        return 1;
      }
      rmSync(join(repoRoot, args[2]), { force: true });
      ensureLinkerScript(repoRoot, args[1], args[2]);
      return 0;
    }
    const name = takeBoardOption(args);
    let steps = 60000;
    if (args.length === 2 && args[0] === '--steps' && /^\d+$/.test(args[1])) steps = Number(args[1]);
    else if (args.length > 0 || !(name in BOARDS)) {
      console.error(`svimpy layout: unexpected arguments\n\n${HELP}`);
      return 1;
    }
    const board = BOARDS[name as keyof typeof BOARDS];
    try {
      const before = measureAvr(repoRoot, board.name);
      const elf = join(repoRoot, 'build', 'layout', `${board.name}.elf`);
      const map = join(repoRoot, 'build', 'layout', `${board.name}.map`);
      linkAvrWithMap(repoRoot, board.name, elf, map);
      const disassembly = execFileSync('avr-objdump', ['-d', elf], { encoding: 'utf8', maxBuffer: 64 << 20 });
      const { units, jumps, base } = callGraph(mapSections(readFileSync(map, 'utf8')), disassembly);
      const current = units.map((_, i) => i).sort((a, b) => units[a].start - units[b].start);
      const order = optimizeOrder(units, jumps, base, steps);
      console.log(`${units.length} functions, ${jumps.length} calls and jumps between them; long (4-byte) ones: ` +
        `${longJumps(units, jumps, base, current)} now, ${longJumps(units, jumps, base, order)} in the new order`);
      writeFileSync(join(repoRoot, ORDER_FILE), ORDER_HEADER + order.map((u) => units[u].name).join('\n') + '\n');
      const after = measureAvr(repoRoot, board.name);
      console.log(`wrote ${ORDER_FILE}; ${board.short} firmware: ${before.text + before.data} -> ${after.text + after.data} bytes of flash`);
      return 0;
    } catch (e) {
      if (!(e instanceof BuildError)) throw e;
      console.error(`svimpy layout: ${e.message}`);
      return 1;
    }
  },
};
