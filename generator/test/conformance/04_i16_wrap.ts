// i16 wrap on + - * and negation through i16(); exact products and differences beyond 16 bits.
import { u8, u16, i16, flashI16 } from '../../../vm-spec/types.ts';
import { printI32, newline } from './lib/print.ts';

const A = flashI16([-32768, -32767, -1, 0, 1, 32767]);
const N = 6;

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    const a: i16 = A[i];
    printI32(i16(-a));
    printI32(-a);
    printI32(u16(a));
    newline();
    for (let j: u8 = 0; j < N; j = u8(j + 1)) {
      const b: i16 = A[j];
      printI32(i16(a + b));
      printI32(i16(a - b));
      printI32(i16(a * b));
      printI32(a - b);
      printI32(a * b);
      newline();
    }
  }
}
