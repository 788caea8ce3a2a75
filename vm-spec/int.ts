// int: exact 32-bit signed. Small ints are immediate values, others are INT heap blocks
// [header][i32 low word][i32 high word]. Arithmetic raises OverflowError instead of wrapping.
import { u16, i32 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, FALSE, TRUE, isSmall, smallValue, makeSmall, fitsSmall, isHeapRef, heapOffset } from './value.ts';
import { HeapType, blockType, get16, set16 } from './heap.ts';
import { alloc } from './gc.ts';
import { Exc, raise } from './exc.ts';
import { raiseMessage, Msg } from './errors.ts';
import { isImage } from './value.ts';
import { Record, recordType, imageIntValue } from './image.ts';

export function isBoxedInt(v: u16): bool {
  return isHeapRef(v) && blockType(heapOffset(v)) === HeapType.INT;
}
/** int or bool (bool is a subtype of int). */
export function isInt(v: u16): bool {
  return isSmall(v) || v === FALSE || v === TRUE || isBoxedInt(v);
}

/** The value of an int or bool (callers check isInt first). */
export function intValue(v: u16): i32 {
  if (isSmall(v)) return smallValue(v);
  if (v === TRUE) return 1;
  if (v === FALSE) return 0;
  const off = heapOffset(v);
  return i32(get16(u16(off + 2)) | (get16(u16(off + 4)) << 16));
}

/** An int value for n: immediate when small, else a new INT block (NULL + MemoryError when full). */
export function newInt(n: i32): u16 {
  if (fitsSmall(n)) return makeSmall(n);
  const v = alloc(HeapType.INT, 6);
  if (v === NULL) return raise(Exc.MemoryError);
  const off = heapOffset(v);
  set16(u16(off + 2), u16(n));
  set16(u16(off + 4), u16(n >> 16));
  return v;
}

export function intAdd(a: i32, b: i32): u16 {
  const r = i32(a + b);
  if (((a ^ r) & (b ^ r)) < 0) return raise(Exc.OverflowError);
  return newInt(r);
}

export function intSub(a: i32, b: i32): u16 {
  const r = i32(a - b);
  if (((a ^ b) & (a ^ r)) < 0) return raise(Exc.OverflowError);
  return newInt(r);
}

export function intMul(a: i32, b: i32): u16 {
  const r = Math.imul(a, b);
  if (a !== 0 && (i32(r / a) !== b || (a === -1 && b === -2147483648))) return raise(Exc.OverflowError);
  return newInt(r);
}

/** Python's a // b: rounds toward negative infinity. */
export function intFloorDiv(a: i32, b: i32): u16 {
  if (b === 0) return raiseMessage(Exc.ZeroDivisionError, Msg.ZERO_DIVISION, NULL, 255);
  if (a === -2147483648 && b === -1) return raise(Exc.OverflowError);
  let q = i32(a / b);
  if (i32(a % b) !== 0 && (a < 0) !== (b < 0)) q = i32(q - 1);
  return newInt(q);
}

/** Python's a % b: the result has the sign of b. */
export function intMod(a: i32, b: i32): u16 {
  if (b === 0) return raiseMessage(Exc.ZeroDivisionError, Msg.ZERO_DIVISION, NULL, 255);
  if (b === -1) return makeSmall(0);
  let r = i32(a % b);
  if (r !== 0 && (r < 0) !== (b < 0)) r = i32(r + b);
  return newInt(r);
}

/** An int operand anywhere: immediate, boxed, bool, or an image INT constant. */
export function isAnyInt(v: u16): bool { return isInt(v) || (isImage(v) && recordType(v) === Record.INT); }
/** The value of an isAnyInt operand. */
export function anyIntValue(v: u16): i32 { return isImage(v) ? imageIntValue(v) : intValue(v); }
