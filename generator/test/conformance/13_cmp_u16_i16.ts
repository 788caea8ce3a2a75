// Mixed comparisons at the 16-bit boundaries: u16 vs i16, u16 vs i32, i16 vs u32.
import { u8, u16, i16, i32, u32, flashU16, flashI16 } from '../../../vm-spec/types.ts';
import { printBool, newline } from './lib/print.ts';

const U = flashU16([0, 1, 0x7fff, 0x8000, 0xffff]);
const S = flashI16([-32768, -1, 0, 1, 32767]);
const N = 5;

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    for (let j: u8 = 0; j < N; j = u8(j + 1)) {
      const a: u16 = U[i];
      const b: i16 = S[j];
      const wide: i32 = b;
      const big: u32 = a;
      printBool(a < b);
      printBool(a === b);
      printBool(a > b);
      printBool(b >= a);
      printBool(a < wide);
      printBool(big > b);
      printBool(i16(a) < b);
      printBool(a === u16(b));
      newline();
    }
  }
}
