// Division and remainder of a negative i32 by a u32 and the reverse: TypeScript divides the
// exact values (-7 / 2 is -3.5, truncated to -3); C's usual conversions would turn -7 into
// 4294967289 first. The subset contract (docs/vm-spec-subset.md, "Division") allows i32(a / b)
// for any integer operands.
import { u8, u32, i32, flashI32, flashU32 } from '../../../vm-spec/types.ts';
import { printI32, newline } from './lib/print.ts';

const I = flashI32([-0x80000000, -7, -1, 7]);
const U = flashU32([0, 1, 2, 3, 0x7fffffff, 0x80000000, 0xffffffff]);
const N = 7;

export function main(): void {
  for (let i: u8 = 0; i < 4; i = u8(i + 1)) {
    for (let j: u8 = 0; j < N; j = u8(j + 1)) {
      const a: i32 = I[i];
      const b: u32 = U[j];
      printI32(i32(a / b));
      printI32(i32(a % b));
      printI32(i32(b / a));
    }
    newline();
  }
}
