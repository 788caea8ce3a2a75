import type { Command } from './command.ts';
import { buildHost, buildAvr, BuildError } from '../build/firmware.ts';
import { buildBootloader } from '../build/bootloader.ts';
import { BOARDS, takeBoardOption } from '../build/boards.ts';

const HELP = `usage: svimpy build [--board uno|mega] [host|avr|boot]

Builds the engines from the C generated out of vm-spec/ (regenerated first when vm-spec/
changed), with the settings of platformio.ini only:
  host  build/host/svimpy-host   gcc, [env:native]: generated C + firmware/host/*.c
  avr   build/avr/svimpy.elf/.hex avr-gcc, [env:uno]: generated C + firmware/avr/*.c;
        fails when text+data reaches SVM_IMAGE_ADDRESS (where the program image starts)
  boot  build/bootloader/bootloader.hex   the serial bootloader (docs/bootloader.md);
        fails above its 512-byte boot section
Without an argument, all three. Each is rebuilt only when an input is newer or its flags changed.
--board mega: avr builds the Arduino Mega 2560's firmware ([env:mega], build/avr/mega/).`;

export const build: Command = {
  name: 'build',
  summary: 'build the host engine and the AVR firmware into build/',
  help: HELP,
  async run(argv) {
    const args = [...argv];
    const board = takeBoardOption(args);
    if (!(board in BOARDS)) {
      console.error(`svimpy build: ${board}\n\n${HELP}`);
      return 1;
    }
    const which = args.length === 0 ? ['host', 'avr', 'boot'] : args;
    for (const w of which) {
      if (w !== 'host' && w !== 'avr' && w !== 'boot') {
        console.error(`svimpy build: unknown target '${w}'\n\n${HELP}`);
        return 1;
      }
    }
    try {
      for (const w of which) {
        if (w === 'boot') {
          const b = buildBootloader();
          console.log(`boot: ${b.hex}: ${b.bytes} of 512 bytes at 0x7e00`);
        } else if (w === 'host') {
          const h = buildHost();
          console.log(`host: ${h.binary}${h.rebuilt ? '' : ' (up to date)'}`);
        } else {
          const a = buildAvr(undefined, board as keyof typeof BOARDS);
          console.log(`avr:  ${a.hex}${a.rebuilt ? '' : ' (up to date)'}: flash ${a.text + a.data} of ${a.imageAddress} bytes ` +
            `below the image at 0x${a.imageAddress.toString(16)}, RAM data+bss ${a.data + a.bss} bytes`);
        }
      }
    } catch (e) {
      if (!(e instanceof BuildError)) throw e;
      console.error(`svimpy build: ${e.message}`);
      return 1;
    }
    return 0;
  },
};
