// Integer -> f32 rounds to nearest, ties to even (above 2^24), for i32, u32, i16 and u8 sources;
// literals wrapped in f32() round the same way; halfway sums round to even.
import { u8, i16, u32, i32, f32, f32FromBits, flashI32, flashU32 } from '../../../vm-spec/types.ts';
import { printF32Bits, printI32, newline } from './lib/print.ts';

const I = flashI32([0, -1, 16777215, 16777216, 16777217, 16777218, 16777219, -16777219, 33554435, 0x7fffffbf, 0x7fffffc0, 0x7fffffff, -0x80000000]);
const U = flashU32([0x80000000, 0xffffff7f, 0xffffff80, 0xffffffff, 0x01000001, 0x01000003]);
const N = 13;
const M = 6;

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    const v: i32 = I[i];
    printF32Bits(f32(v));
    printI32(i32(f32(v)));
    newline();
  }
  for (let i: u8 = 0; i < M; i = u8(i + 1)) {
    const v: u32 = U[i];
    printF32Bits(f32(v));
    newline();
  }
  const s: i16 = -32768;
  const b: u8 = 255;
  printF32Bits(f32(s));
  printF32Bits(f32(b));
  printF32Bits(f32(0.1));
  printF32Bits(f32(1e-3));
  printF32Bits(f32(3.4028235677973366e38));
  printF32Bits(f32(16777217));
  newline();
  // 1 + 2^-24 is halfway between 1 and the next float: ties to even gives 1.
  const one: f32 = 1.0;
  const half: f32 = f32FromBits(0x33800000);
  const threeHalves: f32 = f32FromBits(0x34400000);
  printF32Bits(f32(one + half));
  printF32Bits(f32(one + threeHalves));
  printF32Bits(f32(f32FromBits(0x3f800001) + half));
  printF32Bits(f32(one - f32FromBits(0x33000000)));
  newline();
}
