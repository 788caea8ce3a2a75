// f32Bits / f32FromBits reinterpret without changing bits; fields of the encoding by shifts.
import { u8, u32, i32, f32, f32Bits, f32FromBits, flashU32 } from '../../../vm-spec/types.ts';
import { printHex32, printI32, printF32Bits, printBool, newline } from './lib/print.ts';

const BITS = flashU32([0x00000000, 0x80000000, 0x3f800000, 0x3f800001, 0xbf7fffff, 0x7f7fffff, 0x7f800000, 0xff800000, 0x00800000, 0x4b000001]);
const N = 10;

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    const b: u32 = BITS[i];
    const f: f32 = f32FromBits(b);
    printHex32(f32Bits(f));
    printBool(f32Bits(f) === b);
    printI32(b >>> 31);
    printI32(i32((b >>> 23) & 0xff) - 127);
    printHex32(b & 0x7fffff);
    printF32Bits(f32(f + f));
    printF32Bits(f32(f32(0.0) - f));
    newline();
  }
  const negZero: f32 = -0.0;
  const posZero: f32 = 0.0;
  printHex32(f32Bits(negZero));
  printBool(negZero === posZero);
  printHex32(f32Bits(f32(negZero + posZero)));
  printHex32(f32Bits(f32(negZero * posZero)));
  printHex32(f32Bits(f32(1.5)));
  printHex32(f32Bits(f32(-1024.0)));
  newline();
}
