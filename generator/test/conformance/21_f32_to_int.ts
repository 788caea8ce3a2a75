// f32 -> integer as JavaScript does it: truncate toward zero, NaN and infinities give 0, then
// wrap modulo 2^32 (and to the narrower type). Out-of-range casts are undefined behaviour in C.
import { u8, i8, u16, i16, u32, i32, f32, f32FromBits, flashU32 } from '../../../vm-spec/types.ts';
import { printI32, printU32, printF32Bits, newline } from './lib/print.ts';

// -1.5, -0.5, 2.9, -2.9, 1e10, -1e10, 3e9, 2^32, 1e20, inf, -inf, NaN, 2^31, -2^31-256,
// 65535.9, 255.5, -128.5, -0.0, 4294967040, 2^40 + 2^20, 1.5e9
const BITS = flashU32([
  0xbfc00000, 0xbf000000, 0x4039999a, 0xc039999a, 0x501502f9, 0xd01502f9, 0x4f32d05e, 0x4f800000,
  0x60ad78ec, 0x7f800000, 0xff800000, 0x7fc00000, 0x4f000000, 0xcf000001, 0x477ffff9, 0x437f8000,
  0xc3008000, 0x80000000, 0x4f7fffff, 0x53800001, 0x4eb2d05e,
]);
const N = 21;

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    const f: f32 = f32FromBits(BITS[i]);
    printF32Bits(f);
    printI32(i32(f));
    printU32(u32(f));
    printI32(u16(f));
    printI32(i16(f));
    printI32(u8(f));
    printI32(i8(f));
    newline();
  }
}
