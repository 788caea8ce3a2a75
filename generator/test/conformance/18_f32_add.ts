// f32 sums and differences round to nearest even after every operation (operands built from bits
// at run time). No operand pair here gives a subnormal result (avr-libc flushes those).
import { u8, f32, f32FromBits, flashU32 } from '../../../vm-spec/types.ts';
import { printF32Bits, newline } from './lib/print.ts';

// 1.0, 16777216.0, 0.1f, 1/3f, -2.5, 1e30f, FLT_MAX, 1.5, 2^-24, -0.0
const BITS = flashU32([0x3f800000, 0x4b800000, 0x3dcccccd, 0x3eaaaaab, 0xc0200000, 0x7149f2ca, 0x7f7fffff, 0x3fc00000, 0x33800000, 0x80000000]);
const N = 10;
const vals = new Float32Array(N);

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) vals[i] = f32FromBits(BITS[i]);
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    for (let j: u8 = 0; j < N; j = u8(j + 1)) printF32Bits(f32(vals[i] + vals[j]));
    newline();
    for (let j: u8 = 0; j < N; j = u8(j + 1)) printF32Bits(f32(vals[i] - vals[j]));
    newline();
  }
  // A running sum of 0.1f drifts away from the decimal value the same way everywhere.
  let sum: f32 = 0.0;
  const tenth: f32 = vals[2];
  for (let k: u8 = 0; k < 100; k = u8(k + 1)) sum = f32(sum + tenth);
  printF32Bits(sum);
  // 16777216 + 1 + 1: each addition rounds back to 16777216.
  const big: f32 = vals[1];
  const one: f32 = vals[0];
  printF32Bits(f32(f32(big + one) + one));
  printF32Bits(f32(big + f32(one + one)));
  newline();
}
