// Expressions whose intermediate values leave 16 bits without any conversion: the generator must
// compute them in 32 bits on the AVR (where C's int is 16 bits).
import { u8, u16, i16, u32, i32, flashU8, flashU16, flashI16 } from '../../../vm-spec/types.ts';
import { printI32, printU32, newline } from './lib/print.ts';

const B = flashU8([255, 200, 128, 1]);
const W = flashU16([65535, 40000, 32768, 1000]);
const S = flashI16([-32768, -20000, 20000, 32767]);
const N = 4;

function average(a: u16, b: u16): u16 {
  return (a + b) >>> 1;
}

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    const a: u8 = B[i];
    const w: u16 = W[i];
    const s: i16 = S[i];
    const t: i16 = S[N - 1 - i];
    printI32(a * a * a);
    printI32((w + a) * 2);
    printI32(s - t);
    printI32(s + t + s);
    printI32(w << 8);
    printI32((w << 8) >> 4);
    printU32(w * 65537);
    printI32(average(w, W[N - 1 - i]));
    printI32(w - 65535);
    printI32(-w);
    printI32(s * 3 + w);
    newline();
  }
  // A 24-bit value assembled from bytes, and a 32-bit one from two u16 halves.
  const hi: u8 = B[0];
  const mid: u8 = B[1];
  const lo: u8 = B[2];
  printI32(hi << 16 | mid << 8 | lo);
  printI32(hi * 65536 + mid * 256 + lo);
  printU32(W[0] * 65536 + W[1]);
  printI32(i32(W[0] * 65536 + W[1]));
  newline();
  // Comparisons of 32-bit sums of 16-bit values.
  const w0: u16 = W[0];
  const w1: u16 = W[1];
  printI32(w0 + w1 > 65535 ? 1 : 0);
  printI32(w0 + w1 === 105535 ? 1 : 0);
  printI32(w0 * 2 < w1 ? 1 : 0);
  newline();
}
