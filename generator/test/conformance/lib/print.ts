// Output helpers for the conformance cases, written in the vm-spec subset so that all three
// engines (Node, host C, AVR C) run the same printing code. Every print* writes its value and
// one space; newline() ends the line.
import { u8, i8, u32, i32, f32, bool, f32Bits } from '../../../../vm-spec/types.ts';
import { putc } from '../../../../vm-spec/platform.ts';

// Decimal digits, least significant first (a u32 has at most 10).
const digitBuf = new Uint8Array(10);

export function newline(): void {
  putc(10);
}

function printDecimal(x: u32): void {
  let n: u32 = x;
  let len: u8 = 0;
  do {
    digitBuf[len] = u8(48 + n % 10);
    n = u32(n / 10);
    len = u8(len + 1);
  } while (n !== 0);
  while (len > 0) {
    len = u8(len - 1);
    putc(digitBuf[len]);
  }
}

export function printU32(x: u32): void {
  printDecimal(x);
  putc(32);
}

export function printI32(x: i32): void {
  if (x < 0) {
    putc(45);
    printDecimal(u32(-x));
  } else {
    printDecimal(u32(x));
  }
  putc(32);
}

function printHexDigits(x: u32): void {
  putc(48);
  putc(120);
  for (let shift: i8 = 28; shift >= 0; shift = i8(shift - 4)) {
    const d = u8((x >>> shift) & 15);
    putc(d < 10 ? u8(48 + d) : u8(87 + d));
  }
}

export function printHex32(x: u32): void {
  printHexDigits(x);
  putc(32);
}

// The bits of a float. A NaN prints as "nan": the bits of a computed NaN are not part of the
// subset's contract (x86 gives 0xffc00000 for 0/0, JavaScript 0x7fc00000).
export function printF32Bits(x: f32): void {
  if (x !== x) {
    putc(110);
    putc(97);
    putc(110);
  } else {
    printHexDigits(f32Bits(x));
  }
  putc(32);
}

export function printBool(b: bool): void {
  putc(b ? 84 : 70);
  putc(32);
}

// A one-letter tag such as "a:" that starts a group, so diffs are easy to read.
export function printTag(c: u8): void {
  putc(c);
  putc(58);
}
