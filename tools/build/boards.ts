// The boards the AVR firmware builds for: one place for what differs between them (the
// platformio.ini env, MCU, simavr core, flash layout, which port bit is which Arduino pin).
// The Python program always sees the Uno's pins: D0-D13 and A0-A5 (14-19); the firmware's pin
// map (firmware/avr/pins.c, pins-mega.h) puts them on the board's port bits.

export type BoardName = 'uno' | 'mega';

export interface Board {
  name: BoardName;
  title: string; // 'Arduino Uno'
  short: string; // 'Uno', as messages name the board
  env: string; // platformio.ini [env:<env>]
  mcu: string; // avr-gcc -mmcu and the simavr core (simavr --list-cores)
  flashBytes: number; // the chip's flash (the linker's text region)
  imageEnd: number; // the image area ends here (the bootloader, or the 64 KB pgm_read_byte reach)
  sramBytes: number;
  ledPin: string; // the on-board LED
  /** Arduino pin name -> port bit ('D13' -> 'B5'); only the pins a program can use. */
  ports: Record<string, string>;
}

function unoPorts(): Record<string, string> {
  const map: Record<string, string> = {};
  for (let n = 0; n < 20; n++) {
    const name = n < 14 ? `D${n}` : `A${n - 14}`;
    map[name] = n < 8 ? `D${n}` : n < 14 ? `B${n - 8}` : `C${n - 14}`;
  }
  return map;
}

// The Mega 2560's headers (Arduino's pins_arduino.h for the "mega" variant): D0-D13 on ports
// E, G, H and B, A0-A5 on PF0-PF5; the LED is D13 = PB7.
const megaPorts: Record<string, string> = {
  D0: 'E0', D1: 'E1', D2: 'E4', D3: 'E5', D4: 'G5', D5: 'E3', D6: 'H3', D7: 'H4',
  D8: 'H5', D9: 'H6', D10: 'B4', D11: 'B5', D12: 'B6', D13: 'B7',
  A0: 'F0', A1: 'F1', A2: 'F2', A3: 'F3', A4: 'F4', A5: 'F5',
};

export const BOARDS: Record<BoardName, Board> = {
  uno: {
    name: 'uno', title: 'Arduino Uno', short: 'Uno', env: 'uno', mcu: 'atmega328p', flashBytes: 0x8000,
    imageEnd: 0x7e00, // the 512-byte boot section (fuse BOOTSZ, docs/bootloader.md)
    sramBytes: 2048, ledPin: 'D13', ports: unoPorts(),
  },
  mega: {
    name: 'mega', title: 'Arduino Mega 2560', short: 'Mega', env: 'mega', mcu: 'atmega2560', flashBytes: 0x40000,
    imageEnd: 0x10000, // pgm_read_byte reads 16-bit addresses: the image stays in the first 64 KB
    sramBytes: 8192, ledPin: 'D13', ports: megaPorts,
  },
};

/** The board of `svimpy` commands without --board: the target. */
export const DEFAULT_BOARD: BoardName = 'uno';

/**
 * The board the test suite runs its AVR tests on (AVR engine fixtures, BLINK, svimpy sim tests,
 * bench): the Uno, the target. (Until 2026-11-30 the VM did not fit the Uno's 24,064 bytes below
 * its 8 KB image region and the tests ran on the Mega, which stays for `--board mega`.)
 */
export const TEST_BOARD: BoardName = 'uno';

export function isBoardName(name: string): name is BoardName {
  return Object.prototype.hasOwnProperty.call(BOARDS, name);
}

/** 'B7' -> 'D13' on the Mega; undefined for port bits that are not one of the board's pins. */
export function pinNameOf(board: BoardName, portBit: string): string | undefined {
  const ports = BOARDS[board].ports;
  return Object.keys(ports).find((name) => ports[name] === portBit);
}

/** 'D13' (or 'd13', 'D14' = A0) -> the board's port bit; undefined if not a pin. */
export function portBitOf(board: BoardName, name: string): string | undefined {
  const m = /^([DA])(\d+)$/.exec(name.toUpperCase());
  if (!m) return undefined;
  const n = Number(m[2]) + (m[1] === 'A' ? 14 : 0);
  if (n > 19 || (m[1] === 'A' && Number(m[2]) > 5)) return undefined;
  return BOARDS[board].ports[n < 14 ? `D${n}` : `A${n - 14}`];
}

/** `--board NAME` taken out of args (mutated); the default if absent; a message if bad. */
export function takeBoardOption(args: string[]): BoardName | string {
  const i = args.indexOf('--board');
  if (i < 0) return DEFAULT_BOARD;
  const name = args[i + 1];
  if (name === undefined || !isBoardName(name)) return `--board wants ${Object.keys(BOARDS).join(' or ')}, not '${name ?? ''}'`;
  args.splice(i, 2);
  return name;
}
