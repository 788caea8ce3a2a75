// float: IEEE binary32 on every engine. Heap FLOAT blocks [header][bits low][bits high];
// constants stay image FLOAT records. Every operation rounds to f32 at once, so Node, the host
// and the AVR compute the same bits. Floor division and modulo follow CPython's float_divmod.
import { u8, u16, u32, i32, f32, f32Bits, f32FromBits } from './types.ts';
import type { bool } from './types.ts';
import { NULL, isImage, isHeapRef, heapOffset } from './value.ts';
import { HeapType, blockType, get16, set16 } from './heap.ts';
import { alloc } from './gc.ts';
import { Exc, raise } from './exc.ts';
import { Record, recordType, imageFloatBits } from './image.ts';
import { isAnyInt, anyIntValue } from './int.ts';
import { fmod, floor } from './platform.ts';

export function isHeapFloat(v: u16): bool { return isHeapRef(v) && blockType(heapOffset(v)) === HeapType.FLOAT; }
export function isFloat(v: u16): bool { return isHeapFloat(v) || (isImage(v) && recordType(v) === Record.FLOAT); }

/** The value of a float (callers check isFloat). */
export function floatOf(v: u16): f32 {
  if (isImage(v)) return f32FromBits(imageFloatBits(v));
  const off = heapOffset(v);
  return f32FromBits(u32(get16(u16(off + 2)) | (get16(u16(off + 4)) << 16)));
}

/** A new float (NULL + MemoryError when the heap is full). */
export function newFloat(x: f32): u16 {
  const v = alloc(HeapType.FLOAT, 6);
  if (v === NULL) return raise(Exc.MemoryError);
  const bits = f32Bits(x);
  set16(u16(heapOffset(v) + 2), u16(bits));
  set16(u16(heapOffset(v) + 4), u16(bits >>> 16));
  return v;
}

/** An int, bool or float. */
export function isNumber(v: u16): bool { return isAnyInt(v) || isFloat(v); }
/** A number as f32 (ints round to nearest even beyond 2^24). */
export function numberF32(v: u16): f32 { return isFloat(v) ? floatOf(v) : f32(anyIntValue(v)); }

export function isNan(x: f32): bool { return x !== x; }
/** Finite: not inf and not nan. */
export function isFinite32(x: f32): bool { return f32(x - x) === 0.0; }
/** 0.0 with the sign of x (copysign(0.0, x)). */
export function zeroSigned(x: f32): f32 { return f32FromBits(u32(f32Bits(x) & 0x80000000)); }

/** floor(x) (inf, nan and -0.0 stay). */
export function floorF32(x: f32): f32 { return floor(x); }

/** True when x is a whole number (finite). */
export function isWhole(x: f32): bool { return isFinite32(x) && floorF32(x) === x; }

/** fmod(x, y) (y not 0): exact, the sign of x; nan for an inf or nan x or a nan y. */
export function fmodF32(x: f32, y: f32): f32 { return fmod(x, y); }

/** Python's x // y (div) or x % y for floats (y not 0), as CPython's float_divmod computes them;
 * x % y has the sign of y. (In f32, for quotients beyond about 2^20 the rounding of (x - mod) / y
 * can make x // y one off.) */
export function floatDivmod(x: f32, y: f32, div: bool): f32 {
  let mod = fmodF32(x, y);
  let d: f32 = f32(f32(x - mod) / y);
  if (mod !== 0.0) {
    if ((y < 0.0) !== (mod < 0.0)) {
      mod = f32(mod + y);
      d = f32(d - 1.0);
    }
  } else {
    mod = zeroSigned(y);
  }
  if (!div) return mod;
  if (d === 0.0) return zeroSigned(f32(x / y));
  let floordiv = floorF32(d);
  if (f32(d - floordiv) > 0.5) floordiv = f32(floordiv + 1.0);
  return floordiv;
}

/** Round half to even of x to a whole number (f32); a zero keeps the sign of x. */
export function roundHalfEven(x: f32): f32 {
  const fl = floorF32(x);
  const diff: f32 = f32(x - fl);
  let r: f32 = fl;
  // A tie only below 2^23, where fl is an exact i32: its parity.
  if (diff > 0.5 || (diff === 0.5 && (i32(fl) & 1) !== 0)) r = f32(fl + 1.0);
  return r === 0.0 ? zeroSigned(x) : r;
}

/** int(x): truncation toward zero; 255 on success, else the error class (OverflowError, ValueError). */
export function floatToI32Check(x: f32): u8 {
  if (isNan(x)) return Exc.ValueError;
  if (!(x > f32(-2147483904.0) && x < f32(2147483648.0))) return Exc.OverflowError;
  return 255;
}

/** The hash of an int (dict.ts); equal numbers hash equal, so floats use it when whole. */
export function hashI32(n: i32): u16 { return u16(n ^ (n >> 16)); }
export function floatHash(x: f32): u16 {
  if (isWhole(x) && x >= f32(-2147483648.0) && x < f32(2147483648.0)) return hashI32(i32(x));
  const bits = f32Bits(x);
  return u16(bits ^ (bits >>> 16));
}
