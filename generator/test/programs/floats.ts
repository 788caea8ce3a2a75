// f32: every operation rounded, conversions as JavaScript, the bits of a float.
import { u8, i8, u32, i32, f32, f32Bits, f32FromBits } from '../../../vm-spec/types.ts';
import { printI32, printU32, printBool, newline } from './print.ts';

const HALF: f32 = 0.5;

function scale(x: f32, k: f32): f32 {
  return f32(f32(x * k) + HALF);
}

export function main(): void {
  const a: f32 = 1.5;
  const b: f32 = f32(0.1);
  printU32(f32Bits(b));
  printU32(f32Bits(f32(a + b)));
  printU32(f32Bits(f32(a / b)));
  printU32(f32Bits(f32(b * b)));
  printU32(f32Bits(scale(a, 3)));
  printU32(f32Bits(-a));
  newline();
  printI32(i32(f32(-2.75)));
  printI32(i32(f32(3000000000)));
  printU32(u32(f32(-1)));
  printI32(u8(f32(300.7)));
  printI32(i8(f32(-129)));
  printI32(i32(f32(1e20)));
  printI32(i32(f32FromBits(0x7fc00000)));
  printI32(i32(f32FromBits(0x7f800000)));
  printI32(i32(f32FromBits(0xff800000)));
  newline();
  const n: i32 = 16777217;
  printU32(f32Bits(f32(n)));
  printBool(a > b);
  printBool(f32FromBits(0x7fc00000) === f32FromBits(0x7fc00000));
  printBool(b < 0.5 && a >= 1.5);
  let acc: f32 = 0;
  for (let i: u8 = 0; i < 10; i = u8(i + 1)) acc = f32(acc + b);
  printU32(f32Bits(acc));
  printU32(f32Bits(f32(acc * 2)));
  printU32(f32Bits(f32(acc * -0.0)));
  const negZero: f32 = -0.0;
  printU32(f32Bits(negZero));
  printBool(acc > 0 && 1 < acc);
  newline();
}
