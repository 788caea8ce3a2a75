// u16 wrap on + - * through u16() and i16(); exact sums beyond 16 bits (the AVR int trap).
import { u8, u16, i16, flashU16 } from '../../../vm-spec/types.ts';
import { printI32, printU32, newline } from './lib/print.ts';

const A = flashU16([0, 1, 0x7fff, 0x8000, 0xfffe, 0xffff]);
const N = 6;

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    for (let j: u8 = 0; j < N; j = u8(j + 1)) {
      const a: u16 = A[i];
      const b: u16 = A[j];
      printI32(u16(a + b));
      printI32(u16(a - b));
      printI32(u16(a * b));
      printI32(i16(a + b));
      printI32(a + b);
      printI32(a - b);
      printU32(a * b);
      newline();
    }
  }
}
