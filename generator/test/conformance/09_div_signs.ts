// Signed division truncates toward zero for every sign combination; INT32_MIN / -1 wraps,
// division by zero gives 0. Also i16 operands whose quotient leaves 16 bits (-32768 / -1).
import { u8, i16, i32, flashI32, flashI16 } from '../../../vm-spec/types.ts';
import { printI32, newline } from './lib/print.ts';

const A = flashI32([-0x80000000, -7, -6, -1, 0, 1, 2, 7, 0x7fffffff]);
const S = flashI16([-32768, -7, -1, 0, 1, 3, 32767]);
const N = 9;
const M = 7;

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    for (let j: u8 = 0; j < N; j = u8(j + 1)) {
      const a: i32 = A[i];
      const b: i32 = A[j];
      printI32(i32(a / b));
    }
    newline();
  }
  for (let i: u8 = 0; i < M; i = u8(i + 1)) {
    for (let j: u8 = 0; j < M; j = u8(j + 1)) {
      const a: i16 = S[i];
      const b: i16 = S[j];
      printI32(i32(a / b));
      printI32(i16(a / b));
    }
    newline();
  }
}
