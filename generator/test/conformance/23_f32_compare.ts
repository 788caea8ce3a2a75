// f32 comparisons: NaN is unordered (every comparison false, !== true), -0 equals 0, infinities.
import { u8, f32, f32FromBits, flashU32 } from '../../../vm-spec/types.ts';
import { printBool, newline } from './lib/print.ts';

// NaN, -inf, -1.0, -0.0, 0.0, 1.0, 1.0000001f, inf
const BITS = flashU32([0x7fc00000, 0xff800000, 0xbf800000, 0x80000000, 0x00000000, 0x3f800000, 0x3f800001, 0x7f800000]);
const N = 8;

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    for (let j: u8 = 0; j < N; j = u8(j + 1)) {
      const a: f32 = f32FromBits(BITS[i]);
      const b: f32 = f32FromBits(BITS[j]);
      printBool(a < b);
      printBool(a <= b);
      printBool(a === b);
      printBool(a !== b);
      printBool(a >= b);
      printBool(!(a < b));
      newline();
    }
  }
}
