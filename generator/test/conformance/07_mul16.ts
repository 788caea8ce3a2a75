// 16x16-bit products: exact u16*u16 into u32, i16*u16 and i16*i16 into i32, u8*u8 into u16.
// On the AVR `int` is 16 bits, so C's own promotion would compute these modulo 2^16.
import { u8, u16, i16, u32, i32, flashU8, flashU16, flashI16 } from '../../../vm-spec/types.ts';
import { printI32, printU32, printHex32, newline } from './lib/print.ts';

const U = flashU16([0xffff, 0xfffe, 0x8000, 0x7fff, 300, 255]);
const S = flashI16([-32768, -32767, -300, 255, 32767, 181]);
const B = flashU8([255, 254, 128, 16]);
const N = 6;

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    for (let j: u8 = 0; j < N; j = u8(j + 1)) {
      const a: u16 = U[i];
      const b: u16 = U[j];
      const s: i16 = S[i];
      const t: i16 = S[j];
      const p: u32 = a * b;
      printU32(p);
      printHex32(p >>> 16);
      printI32(u16(a * b));
      printI32(i32(a * b));
      printU32(a * b + a);
      printI32(s * b);
      printI32(s * t);
      newline();
    }
  }
  for (let i: u8 = 0; i < 4; i = u8(i + 1)) {
    for (let j: u8 = 0; j < 4; j = u8(j + 1)) {
      const x: u16 = B[i] * B[j];
      printI32(x);
      printI32(B[i] * B[j] * 2);
    }
    newline();
  }
}
