// Unsigned division and remainder near 2^32 (u32 and u16 operands), with / 0 and % 0 giving 0.
// Mixed signed / unsigned operands are in 35_div_mixed_sign.ts.
import { u8, u16, u32, flashU32, flashU16 } from '../../../vm-spec/types.ts';
import { printI32, printU32, newline } from './lib/print.ts';

const U = flashU32([0, 1, 3, 10, 0x7fffffff, 0x80000000, 0xffffffff]);
const H = flashU16([0, 1, 7, 0x8000, 0xffff]);
const N = 7;

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    for (let j: u8 = 0; j < N; j = u8(j + 1)) {
      const a: u32 = U[i];
      const b: u32 = U[j];
      printU32(u32(a / b));
      printU32(u32(a % b));
    }
    newline();
  }
  for (let i: u8 = 0; i < 5; i = u8(i + 1)) {
    for (let j: u8 = 0; j < 5; j = u8(j + 1)) {
      const a: u16 = H[i];
      const b: u16 = H[j];
      printI32(u16(a / b));
      printI32(u8(a / b));
      printI32(u16(a % b));
    }
    newline();
  }
}
