import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from './command.ts';
import { BuildError, linkAvrWithMap, measureAvr, repoRoot } from '../build/firmware.ts';
import { BOARDS, takeBoardOption } from '../build/boards.ts';
import { ORDER_FILE, callGraph, ensureLinkerScript, longJumps, mapSections, optimizeOrder } from '../build/layout.ts';

const HELP = `usage: svimpy layout [--board uno|mega] [--steps N] [--tries N]
       svimpy layout --script MCU FILE

Recomputes ${ORDER_FILE}, the order of the firmware's functions in flash: links the
firmware of the board, reads its calls and jumps, and orders the functions so that as many
as possible lie within 4 KB of their callers (-mrelax makes those 2-byte rcall/rjmp instead of
4-byte call/jmp). Run it after changing the VM (a stale order costs bytes, never correctness)
and commit the file. Prints the long calls and the firmware's size before and after.
--steps N: steps of the search (default 100000; deterministic for a given firmware).
--tries N: searches from N different seeds, each linked and measured; the smallest firmware
wins, and the current order when none is smaller (default 4).
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
      rmSync(resolve(repoRoot, args[2]), { force: true });
      ensureLinkerScript(repoRoot, args[1], args[2]);
      return 0;
    }
    const name = takeBoardOption(args);
    let steps = 100000;
    let tries = 4;
    while (args.length >= 2 && (args[0] === '--steps' || args[0] === '--tries') && /^\d+$/.test(args[1])) {
      if (args[0] === '--steps') steps = Number(args[1]);
      else tries = Math.max(1, Number(args[1]));
      args.splice(0, 2);
    }
    if (args.length > 0 || !(name in BOARDS)) {
      console.error(`svimpy layout: unexpected arguments\n\n${HELP}`);
      return 1;
    }
    const board = BOARDS[name as keyof typeof BOARDS];
    const orderPath = join(repoRoot, ORDER_FILE);
    const previous = existsSync(orderPath) ? readFileSync(orderPath, 'utf8') : undefined;
    // The order file's text, or no file (undefined: the linker's own order).
    const writeOrder = (text: string | undefined): void => {
      if (text === undefined) rmSync(orderPath, { force: true });
      else writeFileSync(orderPath, text);
    };
    try {
      const before = measureAvr(repoRoot, board.name);
      const elf = join(repoRoot, 'build', 'layout', `${board.name}.elf`);
      const map = join(repoRoot, 'build', 'layout', `${board.name}.map`);
      linkAvrWithMap(repoRoot, board.name, elf, map);
      const disassembly = execFileSync('avr-objdump', ['-d', elf], { encoding: 'utf8', maxBuffer: 64 << 20 });
      const { units, jumps, base } = callGraph(mapSections(readFileSync(map, 'utf8')), disassembly);
      const current = units.map((_, i) => i).sort((a, b) => units[a].start - units[b].start);
      console.log(`${units.length} functions, ${jumps.length} calls and jumps between them; ` +
        `${longJumps(units, jumps, base, current)} long (4-byte) ones now; ${before.text + before.data} bytes of flash`);
      let best = { bytes: before.text + before.data, text: previous };
      for (let seed = 1; seed <= tries; seed++) {
        const order = optimizeOrder(units, jumps, base, steps, seed);
        const text = ORDER_HEADER + order.map((u) => units[u].name).join('\n') + '\n';
        writeFileSync(orderPath, text);
        const fw = measureAvr(repoRoot, board.name);
        console.log(`  search ${seed}: ${longJumps(units, jumps, base, order)} long ones, ${fw.text + fw.data} bytes`);
        if (fw.text + fw.data < best.bytes) best = { bytes: fw.text + fw.data, text };
      }
      writeOrder(best.text);
      const after = measureAvr(repoRoot, board.name);
      console.log(`${best.text === previous ? 'kept' : 'wrote'} ${ORDER_FILE}; ${board.short} firmware: ` +
        `${before.text + before.data} -> ${after.text + after.data} bytes of flash`);
      return 0;
    } catch (e) {
      writeOrder(previous); // a failed search leaves the order as it was
      if (!(e instanceof BuildError)) throw e;
      console.error(`svimpy layout: ${e.message}`);
      return 1;
    }
  },
};
