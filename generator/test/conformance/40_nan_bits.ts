// f32Bits of any NaN is 0x7fc00000 on every engine (docs/vm-spec-subset.md "Floats"): NaNs
// computed on x86 (0/0 gives 0xffc00000), NaNs with a sign or payload made by f32FromBits, and
// NaNs passed through arithmetic. Infinities and the largest finite values keep their bits.
import { u8, u32, f32, f32Bits, f32FromBits, flashU32 } from '../../../vm-spec/types.ts';
import type { bool } from '../../../vm-spec/types.ts';
import { printHex32, printBool, newline } from './lib/print.ts';

// NaNs: quiet and signalling, both signs, other payloads; then non-NaN neighbours.
const BITS = flashU32([
  0x7fc00000, 0xffc00000, 0x7f800001, 0xff800001, 0x7fffffff, 0xffffffff, 0x7fc00001, 0xffa00000,
  0x7f800000, 0xff800000, 0x7f7fffff, 0xff7fffff, 0x00000001, 0x80000000,
]);
const N = 14;

function isNan(x: f32): bool {
  return x !== x;
}

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    const b: u32 = BITS[i];
    const x: f32 = f32FromBits(b);
    printHex32(f32Bits(x));
    printBool(isNan(x));
    printHex32(f32Bits(-x));
    printHex32(f32Bits(f32(x + 1.0)));
    printHex32(f32Bits(f32(x * 0.0)));
    newline();
  }
  // NaNs computed from non-NaN operands.
  const zero: f32 = f32FromBits(0);
  const inf: f32 = f32FromBits(0x7f800000);
  printHex32(f32Bits(f32(zero / zero)));
  printHex32(f32Bits(f32(inf - inf)));
  printHex32(f32Bits(f32(inf * zero)));
  printHex32(f32Bits(f32(zero - f32(zero / zero))));
  newline();
}
