// The ternary operator: nested, with branches of different integer types (the result range is
// their union), as a call argument, with f32 branches, and evaluating only the chosen branch.
import { u8, i8, u16, i16, u32, i32, f32, flashI16 } from '../../../vm-spec/types.ts';
import { printI32, printU32, printF32Bits, newline } from './lib/print.ts';

const V = flashI16([-32768, -200, -1, 0, 1, 99, 100, 32767]);
const N = 8;
let evaluated: u8 = 0;

function mark(v: i32): i32 {
  evaluated = u8(evaluated + 1);
  return v;
}

function sign(x: i16): i8 {
  return x < 0 ? -1 : x > 0 ? 1 : 0;
}

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    const x: i16 = V[i];
    const small: u8 = 200;
    const wide: u32 = 0xffffffff;
    printI32(sign(x));
    printI32(x < 0 ? small : x);
    printU32(x < 0 ? wide : u32(x));
    printI32(x >= 100 ? i16(x * 2) : x <= -100 ? i16(x - 1) : x);
    const mag: u16 = x < 0 ? u16(-x) : u16(x);
    printI32(mag);
    const f: f32 = x > 0 ? f32(x) : f32(f32(x) * 0.5);
    printF32Bits(f);
    printI32(x === 0 ? mark(1) : mark(2));
    newline();
  }
  printI32(evaluated);
  newline();
}
