// Math.imul: i32 wrap multiply, with i32, u32 and i16 operands.
import { u8, i16, u32, i32, flashI32, flashU32, flashI16 } from '../../../vm-spec/types.ts';
import { printI32, printU32, newline } from './lib/print.ts';

const A = flashI32([-0x80000000, -65536, -3, -1, 0, 1, 65535, 0x7fffffff]);
const U = flashU32([0xffffffff, 0x80000001, 0x10001, 5]);
const S = flashI16([-32768, -1, 181, 32767]);
const N = 8;

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    for (let j: u8 = 0; j < N; j = u8(j + 1)) {
      const a: i32 = A[i];
      const b: i32 = A[j];
      printI32(Math.imul(a, b));
    }
    newline();
  }
  for (let i: u8 = 0; i < 4; i = u8(i + 1)) {
    for (let j: u8 = 0; j < 4; j = u8(j + 1)) {
      const a: u32 = U[i];
      const b: u32 = U[j];
      const s: i16 = S[i];
      const t: i16 = S[j];
      printI32(Math.imul(a, b));
      printU32(u32(Math.imul(a, b)));
      printI32(Math.imul(s, t));
      printI32(Math.imul(a, t));
      newline();
    }
  }
}
