// << wraps into an i32 (into and past the sign bit); narrowed shifts wrap through u8/u16/i16.
import { u8, u16, i16, u32, i32, flashI32, flashU8 } from '../../../vm-spec/types.ts';
import { printI32, printU32, printHex32, newline } from './lib/print.ts';

const A = flashI32([-0x80000000, -3, -1, 1, 0x5555, 0x7fffffff]);
const C = flashU8([0, 1, 8, 15, 16, 24, 31, 32, 33]);
const N = 6;
const M = 9;

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    const a: i32 = A[i];
    for (let j: u8 = 0; j < M; j = u8(j + 1)) printI32(a << C[j]);
    newline();
  }
  for (let j: u8 = 0; j < M; j = u8(j + 1)) {
    const c: u8 = C[j];
    const b: u8 = 0xab;
    const w: u16 = 0xabcd;
    printI32(u8(b << c));
    printI32(u16(w << c));
    printI32(i16(w << c));
    printHex32(u32(w << c));
    printI32(1 << c);
    newline();
  }
  const hi: u8 = 0x9a;
  const lo: u8 = 0xbc;
  printI32(u16(hi << 8 | lo));
  printI32(hi << 24);
  printU32(u32(hi << 24) >>> 0);
  printI32(i16(hi << 8 | lo));
  newline();
}
