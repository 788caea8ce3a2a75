// 8/16-bit wrapping consumers (computed modulo 2^16 in C) and 16-bit comparisons.
import { u8, i8, u16, i16, u32, i32 } from '../../../vm-spec/types.ts';
import { printI32, printBool, newline } from './print.ts';

const table = new Uint16Array(4);
const small = new Int8Array(2);
const GRAN = 4;

function next(off: u16, n: u16): u16 {
  return u16(off + n * GRAN + 2);
}

export function main(): void {
  const hi: u8 = 0xfe;
  const lo: u8 = 0x01;
  printI32(u16(hi << 8 | lo));
  printI32(i16(hi << 8 | lo));
  printI32(u16(hi << 12));
  printI32(u8(hi * lo * 3 + 7));
  printI32(next(65530, 3));
  printI32(next(100, 16383));
  const big: i32 = -2147483647;
  const other: u32 = 4294967295;
  printI32(u16(big - 5));
  printI32(i16(big * 3 + 1));
  printI32(u8(other + other));
  printI32(i8(other ^ 0x1234));
  printI32(u16(u16(big) * u16(big)));
  newline();
  table[0] = hi * 1000;
  table[1] = big + 70000;
  small[0] = other * 7;
  small[1] = hi << 3;
  printI32(table[0]);
  printI32(table[1]);
  printI32(small[0]);
  printI32(small[1]);
  newline();
  const a: u16 = 65535;
  const b: u8 = 200;
  const c: i16 = -1;
  printBool(a > b);
  printBool(b < a);
  printBool(c < b);
  printBool(a === 65535);
  printBool(table[0] >= table[1]);
  newline();
  // 16-bit bitwise and shifts of non-negative values, & with a 16-bit mask, 16-bit ?: .
  const w: u16 = 0xabcd;
  const neg: i32 = -5;
  printI32(w & 1);
  printI32(w >> 2);
  printI32(w >>> 15);
  printI32(w >> 16);
  printI32(neg & 0xff);
  printI32(neg & 0xffff);
  printI32(w | 0x8000);
  printI32(w ^ 0xffff);
  printI32(a > 5 ? w : 0);
  printI32(c < 0 ? 40000 : w);
  newline();
}
