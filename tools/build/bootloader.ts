// Builds the serial bootloader (bootloader/bootloader.c) into build/bootloader/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const BOOT_START = 0x7e00;
export const BOOT_SECTION_BYTES = 512;

export interface BootloaderBuild {
  elf: string;
  hex: string;
  bytes: number; // flash bytes used (text + data)
}

const SOURCE = 'bootloader/bootloader.c';

function newer(a: string, b: string): boolean {
  return !existsSync(b) || statSync(a).mtimeMs > statSync(b).mtimeMs;
}

/** Compiles, links at 0x7E00 and checks that the loader fits its 512-byte section. */
export function buildBootloader(root = process.cwd()): BootloaderBuild {
  const outDir = join(root, 'build', 'bootloader');
  const elf = join(outDir, 'bootloader.elf');
  const hex = join(outDir, 'bootloader.hex');
  mkdirSync(outDir, { recursive: true });
  if (newer(join(root, SOURCE), hex)) {
    // Temporary names, then renames: parallel test workers may build at the same time.
    const tmp = `.tmp-${process.pid}`;
    execFileSync('avr-gcc', [
      '-mmcu=atmega328p', '-DF_CPU=16000000UL', '-Os', '-std=gnu99', '-Wall', '-Wextra', '-Werror',
      '-nostartfiles', '-ffunction-sections', '-fdata-sections', '-mrelax',
      '-Wl,--gc-sections', `-Wl,--section-start=.text=0x${BOOT_START.toString(16)}`,
      '-o', elf + tmp, join(root, SOURCE),
    ], { stdio: ['ignore', 'inherit', 'inherit'] });
    execFileSync('avr-objcopy', ['-O', 'ihex', '-j', '.text', '-j', '.data', elf + tmp, hex + tmp]);
    renameSync(elf + tmp, elf);
    renameSync(hex + tmp, hex);
  }
  const sizeLine = execFileSync('avr-size', [elf], { encoding: 'utf8' }).split('\n')[1].trim().split(/\s+/);
  const bytes = Number(sizeLine[0]) + Number(sizeLine[1]);
  if (bytes > BOOT_SECTION_BYTES) {
    throw new Error(`the bootloader takes ${bytes} bytes: more than its ${BOOT_SECTION_BYTES}-byte boot section`);
  }
  return { elf, hex, bytes };
}
