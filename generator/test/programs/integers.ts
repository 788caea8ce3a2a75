// Integer arithmetic, exact ranges, wrapping conversions and comparisons.
import { u8, i8, u16, i16, u32, i32 } from '../../../vm-spec/types.ts';
import { printI32, printU32, printBool, newline } from './print.ts';

let counter: i32 = 2147483640;

function sum(a: u8, b: u8): u16 {
  return a + b;
}

export function main(): void {
  const a: u8 = 200;
  const b: u8 = 100;
  printI32(sum(a, b));
  printI32(u8(a + b));
  printI32(i8(a));
  printI32(i8(a + b));
  printI32(u16(-1));
  printI32(i16(40000));
  printU32(u32(-1));
  printI32(i32(u32(4294967295)));
  newline();
  // Exact products and sums beyond 16 bits.
  const x: i16 = -30000;
  const y: i16 = 30000;
  printI32(x - y);
  printI32(x * y);
  printI32(i32(x * y * 3));
  printI32(Math.imul(123456789, 987654321));
  printU32(u32(4000000000 + 1000000000));
  printI32(-x);
  newline();
  // Counters that wrap explicitly.
  for (let i: u8 = 0; i < 12; i = u8(i + 1)) counter = i32(counter + 1);
  printI32(counter);
  let k: u8 = 250;
  for (let i: u8 = 0; i < 10; i = u8(i + 1)) k = u8(k + 1);
  printI32(k);
  newline();
  // Comparisons of mixed signedness compare the exact values.
  const big: u32 = 4000000000;
  const neg: i32 = -1;
  printBool(big > neg);
  printBool(neg < big);
  printBool(u32(neg) === 4294967295);
  printBool(a > b && b !== 0);
  printBool(!(a >= 200) || x < 0);
  const n: i32 = -5;
  printI32(n < 0 ? -1 : n === 0 ? 0 : 1);
  newline();
}
