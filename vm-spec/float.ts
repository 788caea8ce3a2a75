// float: IEEE binary32 on every engine. Heap FLOAT blocks [header][bits low][bits high];
// constants stay image FLOAT records. Every operation rounds to f32 at once, so Node, the host
// and the AVR compute the same bits. Floor division and modulo are library code (num.py).
import { u16, i32, u32, f32, f32Bits, f32FromBits, truncF32 } from './types.ts';
import type { bool } from './types.ts';
import { HeapType } from './heap.ts';
import { numKind, anyIntValue, newBoxed } from './int.ts';

export function isFloat(v: u16): bool { return numKind(v) === 2; }

/** The value of a float (callers check isFloat). anyIntValue reads a float's 32 bits as it reads
 * an int's: FLOAT blocks and records hold them where INT ones do. */
export function floatOf(v: u16): f32 {
  return f32FromBits(u32(anyIntValue(v)));
}

/** A new float (NULL + MemoryError when the heap is full). */
export function newFloat(x: f32): u16 {
  return newBoxed(HeapType.FLOAT, f32Bits(x));
}

/** An int, bool or float. */
export function isNumber(v: u16): bool { return numKind(v) !== 0; }
/** A number as f32 (ints round to nearest even beyond 2^24). */
export function numberF32(v: u16): f32 { return isFloat(v) ? floatOf(v) : f32(anyIntValue(v)); }

export function isNan(x: f32): bool { return x !== x; }
/** Finite: not inf and not nan. */
export function isFinite32(x: f32): bool { return f32(x - x) === 0.0; }

/** The hash of an int (dict.ts); equal numbers hash equal, so floats use it when whole. */
export function hashI32(n: i32): u16 { return u16(n ^ (n >> 16)); }
export function floatHash(x: f32): u16 {
  // A float in the i32 range hashes as its truncation (a whole one as its int: equal numbers
  // hash equal); the others (nan fails the range) by their bits.
  return hashI32(x > f32(-2147483904.0) && x < f32(2147483648.0) ? truncF32(x) : i32(f32Bits(x)));
}
