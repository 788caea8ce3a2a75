// Division and remainder truncate toward zero; /0 gives 0; INT32_MIN / -1 wraps as in TS.
import { u8, i16, u32, i32 } from '../../../vm-spec/types.ts';
import { printI32, printU32, printBool, newline } from './print.ts';

function div(a: i32, b: i32): i32 {
  return i32(a / b);
}
function rem(a: i32, b: i32): i32 {
  return i32(a % b);
}

export function main(): void {
  printI32(div(7, 2));
  printI32(div(-7, 2));
  printI32(div(7, -2));
  printI32(div(-7, -2));
  printI32(div(5, 0));
  printI32(div(-2147483647 - 1, -1));
  printI32(div(-2147483647 - 1, 1));
  newline();
  printI32(rem(7, 3));
  printI32(rem(-7, 3));
  printI32(rem(7, -3));
  printI32(rem(5, 0));
  printI32(rem(-2147483647 - 1, -1));
  newline();
  const a: i16 = -1000;
  const d: u8 = 7;
  printI32(a % 7);
  printI32(i16(a / d));
  const big: u32 = 4000000001;
  const by: u32 = 3;
  printU32(u32(big / by));
  printU32(u32(big % by));
  printU32(u32(big / 0));
  newline();
  // Beyond 32 bits: compared and divided exactly (int64_t in C).
  const lo32: i32 = -2147483647;
  const hi32: i32 = 2147483647;
  printBool(hi32 - lo32 > hi32);
  printBool(lo32 - hi32 < lo32);
  printBool(big + big === 8000000002);
  printI32(i32((hi32 - lo32) / 3));
  printI32(i32((hi32 - lo32 + 5) % 7));
  printI32(i32((lo32 - hi32) / by));
  const zero: i32 = 0;
  printI32(i32((hi32 - lo32) / zero));
  newline();
}
