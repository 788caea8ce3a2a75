// f32 products and quotients round once each; overflow gives infinities, x/0 gives +-inf or NaN.
import { u8, f32, f32FromBits, flashU32 } from '../../../vm-spec/types.ts';
import { printF32Bits, newline } from './lib/print.ts';

// 1.0, 3.0, 0.1f, 1/3f, -2.5, 1e30f, 7.0, -0.0, 0.0, 1.0000001f
const BITS = flashU32([0x3f800000, 0x40400000, 0x3dcccccd, 0x3eaaaaab, 0xc0200000, 0x7149f2ca, 0x40e00000, 0x80000000, 0x00000000, 0x3f800001]);
const N = 10;
const vals = new Float32Array(N);

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) vals[i] = f32FromBits(BITS[i]);
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    for (let j: u8 = 0; j < N; j = u8(j + 1)) printF32Bits(f32(vals[i] * vals[j]));
    newline();
    for (let j: u8 = 0; j < N; j = u8(j + 1)) printF32Bits(f32(vals[i] / vals[j]));
    newline();
  }
  // x * (1/x) is not always 1 in f32; 1/3 * 3 happens to be.
  const one: f32 = 1.0;
  const two: f32 = 2.0;
  let x: f32 = one;
  for (let k: u8 = 0; k < 12; k = u8(k + 1)) {
    printF32Bits(f32(x * f32(one / x)));
    x = f32(x + two);
  }
  newline();
}
