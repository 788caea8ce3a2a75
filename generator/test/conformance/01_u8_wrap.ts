// u8 wrap on + - * through u8(), and the exact (unwrapped) values next to them.
import { u8, flashU8 } from '../../../vm-spec/types.ts';
import { printI32, newline } from './lib/print.ts';

const A = flashU8([0, 1, 0x7f, 0x80, 0xfe, 0xff]);
const N = 6;

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    for (let j: u8 = 0; j < N; j = u8(j + 1)) {
      const a: u8 = A[i];
      const b: u8 = A[j];
      printI32(u8(a + b));
      printI32(u8(a - b));
      printI32(u8(a * b));
      printI32(a + b);
      printI32(a - b);
      printI32(a * b);
      newline();
    }
  }
}
