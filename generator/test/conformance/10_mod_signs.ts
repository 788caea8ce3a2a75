// Remainder: the sign follows the dividend; % 0 gives 0; INT32_MIN % -1 is 0; bare % by a constant.
import { u8, i16, i32, flashI32, flashI16 } from '../../../vm-spec/types.ts';
import { printI32, newline } from './lib/print.ts';

const A = flashI32([-0x80000000, -7, -6, -1, 0, 1, 2, 7, 0x7fffffff]);
const S = flashI16([-32768, -7, -1, 0, 3, 32767]);
const N = 9;
const M = 6;

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    const a: i32 = A[i];
    for (let j: u8 = 0; j < N; j = u8(j + 1)) {
      const b: i32 = A[j];
      printI32(i32(a % b));
    }
    printI32(a % 7);
    printI32(a % -7);
    printI32(a % 0x10000);
    newline();
  }
  for (let i: u8 = 0; i < M; i = u8(i + 1)) {
    const a: i16 = S[i];
    for (let j: u8 = 0; j < M; j = u8(j + 1)) {
      const b: i16 = S[j];
      printI32(i32(a % b));
    }
    printI32(a % 10);
    newline();
  }
}
