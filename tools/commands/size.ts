import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from './command.ts';
import { buildAvr, measureAvr, BuildError, repoRoot } from '../build/firmware.ts';
import { BOARDS, takeBoardOption } from '../build/boards.ts';
import { HEAP_SIZE } from '../../vm-spec/config.ts';

const HELP = `usage: svimpy size [--board uno|mega] [--top N]

Builds the AVR firmware if stale and prints where its flash and RAM go:
flash  text+data of the firmware, against the room below the image (SVM_IMAGE_ADDRESS,
       platformio.ini) and the image area up to the bootloader (a firmware that does not
       fit is measured all the same, and the exit code is 1);
RAM    data+bss (of which the VM heap, vm-spec/config.ts), and the stack left of the chip's
       SRAM. The N largest functions and variables follow (default 12).
--board mega: the firmware of the simulated Arduino Mega 2560 ([env:mega]; the same VM and heap).
Writes build/size.json (build/size-mega.json for the Mega).`;

interface Symbol { name: string; bytes: number; kind: 'flash' | 'ram' }

/** The largest symbols of the ELF (avr-nm --size-sort): functions and flash tables, RAM variables. */
function largestSymbols(elf: string, count: number): Symbol[] {
  const lines = execFileSync('avr-nm', ['--size-sort', '-S', '--reverse-sort', elf], { encoding: 'utf8' }).split('\n');
  const symbols: Symbol[] = [];
  for (const line of lines) {
    const m = /^[0-9a-f]+ ([0-9a-f]+) (\w) (\S+)$/.exec(line.trim());
    if (!m) continue;
    const kind = 'bBdD'.includes(m[2]) ? 'ram' : 'flash';
    symbols.push({ name: m[3], bytes: parseInt(m[1], 16), kind });
  }
  return symbols.slice(0, count);
}

export const size: Command = {
  name: 'size',
  summary: 'flash and RAM of the AVR firmware (build/size.json)',
  help: HELP,
  async run(argv) {
    const args = [...argv];
    const name = takeBoardOption(args);
    if (!(name in BOARDS)) {
      console.error(`svimpy size: ${name}\n\n${HELP}`);
      return 1;
    }
    const board = BOARDS[name as keyof typeof BOARDS];
    let top = 12;
    if (args.length === 2 && args[0] === '--top' && /^\d+$/.test(args[1])) top = Number(args[1]);
    else if (args.length > 0) {
      console.error(`svimpy size: unexpected arguments\n\n${HELP}`);
      return 1;
    }
    let fw;
    let tooLarge: string | undefined;
    try {
      fw = buildAvr(undefined, board.name);
    } catch (e) {
      if (!(e instanceof BuildError)) throw e;
      if (!e.message.startsWith('the AVR firmware takes')) {
        console.error(`svimpy size: ${e.message}`);
        return 1;
      }
      // It builds but does not fit: measure it with room beyond the flash.
      tooLarge = e.message;
      fw = measureAvr(undefined, board.name);
    }
    const sram = board.sramBytes;
    const end = board.imageEnd;
    const flash = fw.text + fw.data;
    const ram = fw.data + fw.bss;
    const report = {
      board: board.name,
      mcu: board.mcu,
      fits: tooLarge === undefined,
      flash: { text: fw.text, data: fw.data, used: flash, limit: fw.imageAddress, free: fw.imageAddress - flash },
      image: { address: fw.imageAddress, area: fw.imageArea, end },
      ram: { data: fw.data, bss: fw.bss, used: ram, heap: HEAP_SIZE, otherStatic: ram - HEAP_SIZE, sram, stackLeft: sram - ram },
      largest: largestSymbols(fw.elf, top),
    };
    const hex = (n: number): string => `0x${n.toString(16)}`;
    console.log(`flash  ${flash} bytes (text ${fw.text} + data ${fw.data}) of ${fw.imageAddress} below the image: ${report.flash.free} free`);
    console.log(`board  ${board.title} (${board.mcu}, platformio.ini [env:${board.env}])`);
    console.log(`image  ${fw.imageArea} bytes at ${hex(fw.imageAddress)}..${hex(end - 1)} ` +
      (board.name === 'uno' ? `(bootloader at ${hex(end)})` : `(pgm_read_byte reaches ${hex(end - 1)})`));
    console.log(`RAM    ${ram} bytes (data ${fw.data} + bss ${fw.bss}) of ${sram}: heap ${HEAP_SIZE}, other variables ${ram - HEAP_SIZE}, stack left ${sram - ram}`);
    if (report.largest.length > 0) {
      console.log(`largest symbols:`);
      for (const s of report.largest) console.log(`  ${String(s.bytes).padStart(6)}  ${s.kind === 'ram' ? 'RAM  ' : 'flash'}  ${s.name}`);
    }
    const out = path.join(repoRoot, 'build', board.name === 'uno' ? 'size.json' : `size-${board.name}.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
    console.log(`wrote ${path.relative(process.cwd(), out)}`);
    if (tooLarge !== undefined) {
      console.error(`svimpy size: DOES NOT FIT: ${tooLarge}`);
      return 1;
    }
    return 0;
  },
};
