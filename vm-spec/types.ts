// Scalar types and intrinsics of the vm-spec TypeScript subset (docs/vm-spec-subset.md).
// Under Node these are plain functions; the generator lowers each call to C.

export type u8 = number;
export type i8 = number;
export type u16 = number;
export type i16 = number;
export type u32 = number;
export type i32 = number;
export type f32 = number;
export type bool = boolean;

// Conversions: wrap (integers) or round (f32), exactly as in C after the generator's lowering.
export function u8(x: number): u8 { return x & 0xff; }
export function i8(x: number): i8 { return (x << 24) >> 24; }
export function u16(x: number): u16 { return x & 0xffff; }
export function i16(x: number): i16 { return (x << 16) >> 16; }
export function u32(x: number): u32 { return x >>> 0; }
export function i32(x: number): i32 { return x | 0; }
export function f32(x: number): f32 { return Math.fround(x); }
// x truncated toward zero, for an f32 the caller has checked to be inside i32's range
// (-2^31 - 1 < x < 2^31): C's plain cast, smaller than i32(x)'s wrapping on the AVR.
export function truncF32(x: f32): i32 {
  if (!(x > -2147483649 && x < 2147483648)) throw new Error(`truncF32: ${x} is outside i32's range`);
  return x | 0;
}

// The bits of an f32 and back (IEEE 754 binary32). Every NaN gives the one quiet NaN 0x7fc00000:
// NaN sign and payload bits differ between engines (x86 computes 0/0 as 0xffc00000, JavaScript
// keeps no payload), so f32Bits never shows them. f32FromBits keeps any bits.
const bitsView = new DataView(new ArrayBuffer(4));
export function f32Bits(x: f32): u32 {
  if (x !== x) return 0x7fc00000;
  bitsView.setFloat32(0, x);
  return bitsView.getUint32(0);
}
export function f32FromBits(bits: u32): f32 {
  bitsView.setUint32(0, bits);
  return bitsView.getFloat32(0);
}

// Constant tables that live in flash on the AVR (PROGMEM) and in plain arrays elsewhere.
// Only as the initializer of a module-level const, with literal elements.
export function flashU8(values: number[]): Uint8Array { return Uint8Array.from(values); }
export function flashI8(values: number[]): Int8Array { return Int8Array.from(values); }
export function flashU16(values: number[]): Uint16Array { return Uint16Array.from(values); }
export function flashI16(values: number[]): Int16Array { return Int16Array.from(values); }
export function flashU32(values: number[]): Uint32Array { return Uint32Array.from(values); }
export function flashI32(values: number[]): Int32Array { return Int32Array.from(values); }
// A string literal as its bytes (printable ASCII and \n), e.g. names and messages the VM prints.
export function flashStr(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7e || (c < 0x20 && c !== 0x0a)) throw new Error(`flashStr: only printable ASCII and \\n are allowed: ${JSON.stringify(text)}`);
    bytes[i] = c;
  }
  return bytes;
}
// flashStr's text packed in 4-bit codes (errors.ts's messages): the first PACK_ALPHABET bytes are
// its characters, most frequent first; then the codes, two a byte (low nibble first): 0..12
// the alphabet's first 13 characters, 13 and 14 followed by a code the next 32 (13 + 16 *
// (first - 13) + second), 15 followed by two codes (low, high) any other character.
const PACK_ALPHABET = 45;
export function flashPacked(text: string): Uint8Array {
  const chars = [...flashStr(text)];
  const count = new Map<number, number>();
  for (const c of chars) count.set(c, (count.get(c) ?? 0) + 1);
  const alphabet = [...count.keys()].sort((x, y) => count.get(y)! - count.get(x)! || x - y).slice(0, PACK_ALPHABET);
  while (alphabet.length < PACK_ALPHABET) alphabet.push(10);
  const codes: number[] = [];
  for (const c of chars) {
    const i = alphabet.indexOf(c);
    if (i >= 0 && i < 13) codes.push(i);
    else if (i >= 13) codes.push(13 + ((i - 13) >> 4), (i - 13) & 15);
    else codes.push(15, c & 15, c >> 4);
  }
  const bytes = [...alphabet];
  for (let i = 0; i < codes.length; i += 2) bytes.push(codes[i] | ((codes[i + 1] ?? 0) << 4));
  return Uint8Array.from(bytes);
}
