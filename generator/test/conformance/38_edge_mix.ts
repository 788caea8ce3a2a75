// Odd corners: negative shift counts (taken & 31), comparisons of typed values with literals
// beyond their type, division mixing u16 and negative i16, and i8/u8 arguments from literals.
import { u8, i8, u16, i16, u32, i32, flashI16, flashU16 } from '../../../vm-spec/types.ts';
import { printI32, printU32, printBool, newline } from './lib/print.ts';

const S = flashI16([-32768, -3, -1, 5, 32767]);
const W = flashU16([0, 7, 0x8000, 0xffff]);

function shifted(x: i32, n: i32): i32 {
  return x << n;
}

function mix(a: i8, b: u8): i16 {
  return a * b;
}

export function main(): void {
  const one: i32 = 1;
  printI32(shifted(one, -1));
  printI32(shifted(one, -32));
  printI32(shifted(3, 30));
  printI32(-8 >> -1);
  printU32(-8 >>> -2);
  newline();
  for (let i: u8 = 0; i < 5; i = u8(i + 1)) {
    const s: i16 = S[i];
    printBool(s < 0x8000);
    printBool(s > -0x8001);
    printBool(s === -32768);
    for (let j: u8 = 0; j < 4; j = u8(j + 1)) {
      const w: u16 = W[j];
      printI32(i32(w / s));
      printI32(i32(s / w));
      printI32(i32(w % s));
    }
    newline();
  }
  const big: u32 = 0xffffffff;
  printBool(big > -1);
  printBool(big === 0xffffffff);
  printBool(big < 0x100000000);
  printI32(mix(-128, 255));
  printI32(mix(127, 255));
  printI32(mix(-1, 0));
  newline();
}
