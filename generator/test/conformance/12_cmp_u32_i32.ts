// Comparisons of u32 with i32 compare the exact values (C would convert the i32 to unsigned).
import { u8, u32, i32, flashU32, flashI32 } from '../../../vm-spec/types.ts';
import { printBool, printTag, newline } from './lib/print.ts';

const U = flashU32([0, 1, 0x7fffffff, 0x80000000, 0xffffffff]);
const I = flashI32([-0x80000000, -1, 0, 1, 0x7fffffff]);
const N = 5;

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    for (let j: u8 = 0; j < N; j = u8(j + 1)) {
      const a: u32 = U[i];
      const b: i32 = I[j];
      printTag(u8(97 + i * N + j));
      printBool(a < b);
      printBool(a <= b);
      printBool(a === b);
      printBool(a !== b);
      printBool(a > b);
      printBool(a >= b);
      printBool(b < a);
      printBool(U[j] < a);
      printBool(I[i] < b);
      newline();
    }
  }
}
