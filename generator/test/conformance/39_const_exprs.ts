// Constant expressions, at module level and inline: shifts into the sign bit, >>> of negatives,
// ~, negation of INT32_MIN, and constant division, all exactly as TypeScript evaluates them.
import { u8, i32, u32 } from '../../../vm-spec/types.ts';
import { printI32, printU32, newline } from './lib/print.ts';

const TOP = 1 << 31;
const LOW_NIBBLES = 0xffffffff >>> 4;
const ALL = ~0;
const NEG_MIN = -(-0x80000000);
const MIXED = (0x1234 << 16) | 0xabcd;
const SEVENTH = 0x7fffffff % 7;

export function main(): void {
  printI32(TOP);
  printU32(LOW_NIBBLES);
  printI32(ALL);
  printU32(NEG_MIN);
  printI32(MIXED);
  printI32(SEVENTH);
  newline();
  printI32(1 << 31);
  printI32(1 << 15);
  printI32(1 << 16);
  printI32(0x8000 << 1);
  printU32(-1 >>> 0);
  printI32(-1 >>> 28);
  printI32(i32(-0x80000000 / -1));
  printI32(i32(-7 / 2));
  printI32(-7 % 2);
  printU32(u32(0xffffffff + 1));
  printI32(u8(0xff + 2));
  newline();
  let x: i32 = TOP;
  x = i32(x + NEG_MIN);
  printI32(x);
  printI32(TOP >> 31);
  printU32(TOP >>> 31);
  newline();
}
