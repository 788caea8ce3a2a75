// Reads from every kind of flash table (PROGMEM on the AVR), including a flashStr printed as text.
import { u8, u16, u32, i32, flashU8, flashI8, flashU16, flashI16, flashU32, flashI32, flashStr } from '../../../vm-spec/types.ts';
import { putc } from '../../../vm-spec/platform.ts';
import { printI32, printU32, newline } from './lib/print.ts';

const TU8 = flashU8([0, 1, 127, 128, 255]);
const TI8 = flashI8([-128, -1, 0, 1, 127]);
const TU16 = flashU16([0, 255, 256, 0x7fff, 0xffff]);
const TI16 = flashI16([-32768, -256, -1, 255, 32767]);
const TU32 = flashU32([0, 0xffff, 0x10000, 0x7fffffff, 0xffffffff]);
const TI32 = flashI32([-0x80000000, -65536, -1, 65536, 0x7fffffff]);
const TEXT = flashStr("Hello, flash!\nsVimPy conformance: 0123456789 ~!@#$%^&*()_+{}|:<>?\n");
const N = 5;

function printText(from: u8, to: u8): void {
  for (let i: u8 = from; i < to; i = u8(i + 1)) putc(TEXT[i]);
}

export function main(): void {
  let sum: i32 = 0;
  let usum: u32 = 0;
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    printI32(TU8[i]);
    printI32(TI8[i]);
    printI32(TU16[i]);
    printI32(TI16[i]);
    printU32(TU32[i]);
    printI32(TI32[i]);
    newline();
    sum = i32(sum + TI16[i] + TI8[i] + TU16[i]);
    usum = u32(usum + TU32[i]);
  }
  printI32(sum);
  printU32(usum);
  printI32(TEXT.length);
  newline();
  printText(0, u8(TEXT.length));
  printText(7, 13);
  newline();
  // Indexing with a computed index.
  const k: u16 = 3;
  printI32(TU8[u8(k + 1)]);
  printI32(TI16[u8(k * 2 - 4)]);
  newline();
}
