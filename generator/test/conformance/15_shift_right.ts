// >> (arithmetic, i32 result) vs >>> (logical, u32 result) on negatives; counts are taken & 31.
import { u8, u16, i16, u32, i32, flashI32, flashU8 } from '../../../vm-spec/types.ts';
import { printI32, printU32, printTag, newline } from './lib/print.ts';

const A = flashI32([-0x80000000, -12345, -256, -1, 1, 0x7fffffff]);
const C = flashU8([0, 1, 4, 15, 16, 31, 32, 33, 255]);
const N = 6;
const M = 9;

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    const a: i32 = A[i];
    printTag(62);
    for (let j: u8 = 0; j < M; j = u8(j + 1)) printI32(a >> C[j]);
    newline();
    printTag(85);
    for (let j: u8 = 0; j < M; j = u8(j + 1)) printU32(a >>> C[j]);
    newline();
  }
  const x: u32 = 0xffffffff;
  const h: u16 = 0x8000;
  const s: i16 = -32768;
  printI32(x >> 1);
  printU32(x >>> 1);
  printI32(h >> 15);
  printI32(s >> 15);
  printU32(s >>> 15);
  printI32(s >> 1);
  printI32(u16(s >>> 1));
  printI32(i16(h >> 1));
  newline();
}
