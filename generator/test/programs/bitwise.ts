// Bitwise operators and shifts follow JavaScript: i32 results, >>> gives u32, counts & 31.
import { u8, i16, u16, u32, i32 } from '../../../vm-spec/types.ts';
import { printI32, printU32, newline } from './print.ts';

export function main(): void {
  const hi: u8 = 0xab;
  const lo: u8 = 0xcd;
  printI32(u16(hi << 8 | lo));
  const m: i32 = -8;
  printI32(m >> 1);
  printU32(m >>> 28);
  printI32(m << 28);
  printI32(1 << 31);
  printU32(u32(1 << 31));
  printI32(~m);
  printI32(~0);
  newline();
  const w: u32 = 0xdeadbeef;
  printI32(w & 0xff);
  printI32(w | 0);
  printI32(w ^ 0xffffffff);
  printU32(w >>> 16);
  printI32(w >> 16);
  let s: u8 = 33;
  printI32(1 << s);
  s = 0;
  printI32(m >> s);
  printU32(w >>> s);
  newline();
  // Variable counts on narrow values (C's int may be 16 bits: counts 16..31 must not reach it).
  const small: i16 = -8;
  const one: u8 = 1;
  for (let c: u8 = 0; c < 40; c = u8(c + 7)) {
    printI32(small >> c);
    printI32(one << c);
    printU32(small >>> c);
    printI32(small >> 20);
    printI32(one >>> 17);
    printI32(1 << c);
    printU32(-1 >>> c);
  }
  newline();
  const x: i32 = 123456789;
  printI32(x & -x);
  printI32((x << 5) ^ (x >> 3));
  printI32(i32(x * 16) | 1);
  newline();
}
