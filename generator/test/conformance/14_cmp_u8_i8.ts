// Mixed comparisons at the 8-bit boundaries: u8 vs i8, and u8/i8 against wider constants.
import { u8, i8, flashU8, flashI8 } from '../../../vm-spec/types.ts';
import { printBool, newline } from './lib/print.ts';

const U = flashU8([0, 1, 0x7f, 0x80, 0xff]);
const S = flashI8([-128, -1, 0, 1, 127]);
const N = 5;

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    for (let j: u8 = 0; j < N; j = u8(j + 1)) {
      const a: u8 = U[i];
      const b: i8 = S[j];
      printBool(a < b);
      printBool(a <= b);
      printBool(a === b);
      printBool(a > b);
      printBool(i8(a) < b);
      printBool(a === u8(b));
      printBool(b < -100);
      printBool(a > 200);
      newline();
    }
  }
}
