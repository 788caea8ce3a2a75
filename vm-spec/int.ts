// int: exact 32-bit signed. Small ints are immediate values, others are INT heap blocks
// [header][i32 low word][i32 high word]. Arithmetic raises OverflowError instead of wrapping.
import { u8, u16, u32, i32 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, FALSE, TRUE, isSmall, smallValue, makeSmall, fitsSmall, isHeapRef, heapOffset } from './value.ts';
import { HeapType, blockType, get16, set16 } from './heap.ts';
import { alloc } from './gc.ts';
import { Exc, raise } from './exc.ts';
import { Msg, raiseMsg } from './errors.ts';
import { isImage } from './value.ts';
import { recordType, imageIntValue } from './image.ts';

// CPython's NB_* numbers of the operators ints have (as arith.ts's Nb).
const enum IntOp {
  ADD = 0, AND = 1, FLOOR_DIVIDE = 2, LSHIFT = 3, MULTIPLY = 5, REMAINDER = 6, OR = 7,
  RSHIFT = 9, SUBTRACT = 10, XOR = 12,
}
const I32_MIN = -2147483648;

/**
 * What number v is, its tag read once: 1 an int or bool (bool is a subtype of int; immediate,
 * boxed, or an image INT constant), 2 a float (heap or image), 0 anything else.
 */
export function numKind(v: u16): u8 {
  if (isSmall(v) || (v | 4) === TRUE) return 1; // FALSE = 8, TRUE = 12
  let t: u8 = 0;
  if (isHeapRef(v)) t = blockType(heapOffset(v)); // HeapType.INT = 1, FLOAT = 2
  else if (isImage(v)) t = u8(recordType(v) - 1); // Record.INT = 2, FLOAT = 3
  return t <= 2 ? t : 0;
}

/** The value of an int or bool that is not an image constant. */
export function intValue(v: u16): i32 {
  if (isSmall(v)) return smallValue(v);
  if ((v | 4) === TRUE) return (v >> 2) & 1; // FALSE = 8, TRUE = 12
  return i32(boxedBits(v));
}

/** The 32 bits of an INT or FLOAT heap block. */
export function boxedBits(v: u16): u32 {
  const off = heapOffset(v);
  return u32(get16(u16(off + 2)) | (get16(u16(off + 4)) << 16));
}

/** A new INT or FLOAT heap block (type) holding bits (NULL + MemoryError when the heap is full). */
export function newBoxed(type: u8, bits: u32): u16 {
  const v = alloc(type, 6);
  if (v === NULL) return raise(Exc.MemoryError);
  const off = heapOffset(v);
  set16(u16(off + 2), u16(bits));
  set16(u16(off + 4), u16(bits >>> 16));
  return v;
}

/** An int value for n: immediate when small, else a new INT block (NULL + MemoryError when full). */
export function newInt(n: i32): u16 {
  if (fitsSmall(n)) return makeSmall(n);
  return newBoxed(HeapType.INT, u32(n));
}

/**
 * Int operator nb (CPython's NB_* number without the in-place offset) on x and y, exactly:
 * OverflowError beyond 32 bits, ZeroDivisionError, ValueError for a negative shift; floor
 * division and modulo round toward negative infinity. NULL without an exception pending for an
 * operator ints lack here (@, /, ** is library code: num.py _power).
 */
export function intBinary(nb: u8, x: i32, y: i32): u16 {
  // + and - (the hot ones) here, in few registers; the rest in intBinaryMore.
  let r: i32 = 0;
  if (nb === IntOp.ADD) {
    r = i32(x + y);
    if (((x ^ r) & (y ^ r)) < 0) return raise(Exc.OverflowError);
  } else if (nb === IntOp.SUBTRACT) {
    r = i32(x - y);
    if (((x ^ y) & (x ^ r)) < 0) return raise(Exc.OverflowError);
  } else {
    return intBinaryMore(nb, x, y);
  }
  return newInt(r);
}

/** intBinary for the operators but + and -. */
function intBinaryMore(nb: u8, x: i32, y: i32): u16 {
  let r: i32 = 0;
  let overflow: bool = false;
  switch (nb) {
    case IntOp.FLOOR_DIVIDE:
    case IntOp.REMAINDER: {
      if (y === 0) return raiseMsg(nb === IntOp.REMAINDER ? Msg.INT_MODULO : Msg.INT_DIVISION);
      // One division; the remainder from it. I32_MIN // -1 wraps to I32_MIN: the one overflow.
      let q = i32(x / y);
      let m = i32(x - Math.imul(q, y));
      if (m !== 0 && (m ^ y) < 0) { // m and y of different signs
        q = i32(q - 1);
        m = i32(m + y);
      }
      r = nb === IntOp.REMAINDER ? m : q;
      overflow = r === I32_MIN && y === -1;
      break;
    }
    case IntOp.AND: r = x & y; break;
    case IntOp.OR: r = x | y; break;
    case IntOp.XOR: r = x ^ y; break;
    case IntOp.MULTIPLY:
      r = Math.imul(x, y);
      // Wrapped when the product divided by x is not y (or I32_MIN * -1, which wraps to itself).
      overflow = x !== 0 && (i32(r / x) !== y || (x === -1 && y === I32_MIN));
      break;
    case IntOp.RSHIFT:
    case IntOp.LSHIFT: {
      if (y < 0) return raiseMsg(Msg.NEGATIVE_SHIFT);
      // A bit a step: after 32 steps only 0 and -1 are left (x << y has overflowed by then).
      r = x;
      for (let s: u8 = y > 32 ? 32 : u8(y); s > 0; s = u8(s - 1)) {
        if (nb === IntOp.RSHIFT) {
          r = r >> 1;
        } else {
          // the top two bits differ: the next one does not fit
          if ((r ^ (r << 1)) < 0) overflow = true;
          r = r << 1;
        }
      }
      break;
    }
    default:
      return NULL;
  }
  if (overflow) return raise(Exc.OverflowError);
  return newInt(r);
}

export function intAdd(a: i32, b: i32): u16 { return intBinary(IntOp.ADD, a, b); }
export function intSub(a: i32, b: i32): u16 { return intBinary(IntOp.SUBTRACT, a, b); }
export function intMul(a: i32, b: i32): u16 { return intBinary(IntOp.MULTIPLY, a, b); }
/** Python's a // b: rounds toward negative infinity. */
export function intFloorDiv(a: i32, b: i32): u16 { return intBinary(IntOp.FLOOR_DIVIDE, a, b); }
/** Python's a % b: the result has the sign of b. */
export function intMod(a: i32, b: i32): u16 { return intBinary(IntOp.REMAINDER, a, b); }

/** An int operand anywhere: immediate, boxed, bool, or an image INT constant. */
export function isAnyInt(v: u16): bool { return numKind(v) === 1; }
/** The value of an isAnyInt operand. */
export function anyIntValue(v: u16): i32 { return isImage(v) ? imageIntValue(v) : intValue(v); }
