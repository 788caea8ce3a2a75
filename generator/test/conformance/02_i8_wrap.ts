// i8 wrap on + - * and negation through i8(), plus i8 <-> u8 reinterpretation.
import { u8, i8, flashI8 } from '../../../vm-spec/types.ts';
import { printI32, newline } from './lib/print.ts';

const A = flashI8([-128, -127, -1, 0, 1, 127]);
const N = 6;

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    const a: i8 = A[i];
    printI32(i8(-a));
    printI32(u8(a));
    printI32(i8(u8(a)));
    newline();
    for (let j: u8 = 0; j < N; j = u8(j + 1)) {
      const b: i8 = A[j];
      printI32(i8(a + b));
      printI32(i8(a - b));
      printI32(i8(a * b));
      printI32(a * b);
      newline();
    }
  }
}
