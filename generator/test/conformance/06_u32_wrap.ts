// u32 wrap on + - and multiplication (Math.imul), and u32 -> narrower conversions.
import { u8, i8, u16, i16, u32, i32, flashU32 } from '../../../vm-spec/types.ts';
import { printI32, printU32, newline } from './lib/print.ts';

const A = flashU32([0, 1, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff]);
const N = 6;

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    const a: u32 = A[i];
    printI32(i32(a));
    printI32(u16(a));
    printI32(i16(a));
    printI32(u8(a));
    printI32(i8(a));
    printU32(u32(-a));
    newline();
    for (let j: u8 = 0; j < N; j = u8(j + 1)) {
      const b: u32 = A[j];
      printU32(u32(a + b));
      printU32(u32(a - b));
      printI32(i32(a + b));
      printU32(u32(Math.imul(a, b)));
      newline();
    }
  }
}
