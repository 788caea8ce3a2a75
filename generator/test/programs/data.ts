// Module-level typed arrays, flash tables, constants, const enums and globals.
import { u8, i8, u16, i16, u32, i32, f32, f32Bits, flashU8, flashI8, flashU16, flashI16, flashU32, flashI32, flashStr } from '../../../vm-spec/types.ts';
import { putc } from '../../../vm-spec/platform.ts';
import { printI32, printU32, newline } from './print.ts';

const SIZE = 8;
const BIG = 100000;
const MASK = 0xffff0000;
const enum Color { RED, GREEN = 5, BLUE }

const bytes = new Uint8Array(SIZE);
const signed = new Int8Array(SIZE);
const words = new Uint16Array(SIZE * 2);
const swords = new Int16Array(4);
const longs = new Uint32Array(4);
const slongs = new Int32Array(4);
const floats = new Float32Array(2);

const T8 = flashU8([1, 2, 255]);
const TI8 = flashI8([-128, 127]);
const T16 = flashU16([65535, 1000]);
const TI16 = flashI16([-32768, 32767]);
const T32 = flashU32([4294967295, 0]);
const TI32 = flashI32([-2147483648, 2147483647]);
const HELLO = flashStr("Hello, flash!\n");

let total: u32 = 0;
let flag: boolean = false;

export function main(): void {
  for (let i: u8 = 0; i < HELLO.length; i = u8(i + 1)) putc(HELLO[i]);
  for (let i: u8 = 0; i < SIZE; i = u8(i + 1)) {
    bytes[i] = i * 100;
    signed[i] = i * 40;
    words[i] = i * 20000;
  }
  printI32(bytes[3]);
  printI32(signed[4]);
  printI32(words[7]);
  printI32(words.length);
  swords[0] = 40000;
  longs[1] = -1;
  slongs[2] = 3000000000;
  floats[0] = f32(0.1);
  printI32(swords[0]);
  printU32(longs[1]);
  printI32(slongs[2]);
  printU32(f32Bits(floats[0]));
  newline();
  printI32(T8[2] + TI8[0] + T16[0] + TI16[0]);
  printU32(T32[0]);
  printI32(TI32[0]);
  printI32(TI32[1]);
  printI32(BIG * 3);
  printU32(MASK);
  printI32(Color.RED);
  printI32(Color.GREEN);
  printI32(Color.BLUE);
  newline();
  for (let i: u8 = 0; i < 3; i = u8(i + 1)) total = u32(total + T32[0]);
  printU32(total);
  flag = !flag;
  printI32(flag ? 1 : 0);
  newline();
}
