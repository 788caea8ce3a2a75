// i32 wrap on + - (ranges beyond 32 bits consumed by a conversion) and narrowing of i32 values.
import { u8, i8, u16, i16, u32, i32, flashI32 } from '../../../vm-spec/types.ts';
import { printI32, printU32, newline } from './lib/print.ts';

const A = flashI32([-0x80000000, -0x7fffffff, -1, 0, 1, 0x7fffffff]);
const N = 6;

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    const a: i32 = A[i];
    printI32(i32(-a));
    printU32(u32(a));
    printI32(u16(a));
    printI32(i16(a));
    printI32(u8(a));
    printI32(i8(a));
    newline();
    for (let j: u8 = 0; j < N; j = u8(j + 1)) {
      const b: i32 = A[j];
      printI32(i32(a + b));
      printI32(i32(a - b));
      printU32(u32(a + b));
      printU32(u32(a - b));
      printI32(Math.imul(a, b));
      newline();
    }
  }
}
