// Float literals written with a decimal point (1.0, 3.0, 0.5, -1.5, -0.0) are f32 constants
// inside float expressions, as docs/vm-spec-subset.md ("Floats") shows: `f32(f32(x * k) + h)`
// with exactly representable literals such as 0.5 and 1024.0.
import { u8, f32, f32FromBits, flashU32 } from '../../../vm-spec/types.ts';
import { printF32Bits, printBool, newline } from './lib/print.ts';

// 1.0, 3.0, 0.1f, -2.5
const BITS = flashU32([0x3f800000, 0x40400000, 0x3dcccccd, 0xc0200000]);
const N = 4;

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    const x: f32 = f32FromBits(BITS[i]);
    printF32Bits(f32(1.0 / x));
    printF32Bits(f32(x * 3.0));
    printF32Bits(f32(x + 0.5));
    printF32Bits(f32(x - 1024.0));
    printF32Bits(f32(x * -1.5));
    printF32Bits(f32(x * -0.0));
    printBool(x < 2.0);
    printBool(x === 3.0);
    newline();
  }
}
