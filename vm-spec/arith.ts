// Binary, unary and comparison operators on the types built so far (ints and bools).
// Other operand types raise TypeError for now (floats, strs, sequences: TODO).
import { u8, u16, i32 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, NONE, FALSE, TRUE, makeBool, isImage } from './value.ts';
import { Exc, raise } from './exc.ts';
import { isInt, intValue, newInt, intAdd, intSub, intMul, intFloorDiv, intMod } from './int.ts';
import { Record, recordType, imageIntValue } from './image.ts';
import { isDict, dictCount } from './dict.ts';
import { isAnyTuple, isSeq, seqLength } from './seq.ts';
import { seqBinary } from './seqops.ts';
import { compareOther } from './compare.ts';
import { isList } from './list.ts';
import { isStr, strCompare, strLength } from './str.ts';
import { strBinaryOp } from './builtins-str.ts';

/** CPython's NB_* numbers (BINARY_OP's argument; 13..25 are the in-place forms). */
export const enum Nb {
  ADD = 0, AND = 1, FLOOR_DIVIDE = 2, LSHIFT = 3, MATMUL = 4, MULTIPLY = 5, REMAINDER = 6, OR = 7,
  POWER = 8, RSHIFT = 9, SUBTRACT = 10, TRUE_DIVIDE = 11, XOR = 12, INPLACE = 13,
}

/** An int operand: immediate, boxed, bool or an image INT record. */
function isIntLike(v: u16): bool { return isInt(v) || (isImage(v) && recordType(v) === Record.INT); }
function intOf(v: u16): i32 { return isImage(v) ? imageIntValue(v) : intValue(v); }

function intPow(a: i32, b: i32): u16 {
  let result: i32 = 1;
  for (let i: i32 = 0; i < b; i = i32(i + 1)) {
    const r = intMul(result, a);
    if (r === NULL) return NULL;
    result = intOf(r);
  }
  return newInt(result);
}

function shiftLeft(a: i32, b: i32): u16 {
  if (b < 0) return raise(Exc.ValueError);
  if (a === 0) return newInt(0);
  if (b > 31) return raise(Exc.OverflowError);
  const r = i32(a << b);
  if ((r >> b) !== a) return raise(Exc.OverflowError);
  return newInt(r);
}

export function binaryOp(op: u8, a: u16, b: u16): u16 {
  const nb: u8 = op >= Nb.INPLACE ? u8(op - Nb.INPLACE) : op;
  if (isStr(a) || isStr(b)) return strBinaryOp(nb, a, b);
  if ((nb === Nb.ADD || nb === Nb.MULTIPLY) && (isSeq(a) || isSeq(b))) return seqBinary(nb === Nb.ADD, op >= Nb.INPLACE, a, b);
  if (!isIntLike(a) || !isIntLike(b)) return raise(Exc.TypeError);
  const x = intOf(a);
  const y = intOf(b);
  switch (nb) {
    case Nb.ADD: return intAdd(x, y);
    case Nb.SUBTRACT: return intSub(x, y);
    case Nb.MULTIPLY: return intMul(x, y);
    case Nb.FLOOR_DIVIDE: return intFloorDiv(x, y);
    case Nb.REMAINDER: return intMod(x, y);
    case Nb.AND: return newInt(x & y);
    case Nb.OR: return newInt(x | y);
    case Nb.XOR: return newInt(x ^ y);
    case Nb.LSHIFT: return shiftLeft(x, y);
    case Nb.RSHIFT: return y < 0 ? raise(Exc.ValueError) : newInt(x >> (y > 31 ? 31 : y));
    case Nb.POWER: return y < 0 ? raise(Exc.NotImplementedError) : intPow(x, y);
    default: return raise(Exc.NotImplementedError);
  }
}

/** COMPARE_OP n: 0 < 1 <= 2 == 3 != 4 > 5 >=. */
export function compareOp(op: u8, a: u16, b: u16): u16 {
  if (isIntLike(a) && isIntLike(b)) {
    const x = intOf(a);
    const y = intOf(b);
    switch (op) {
      case 0: return makeBool(x < y);
      case 1: return makeBool(x <= y);
      case 2: return makeBool(x === y);
      case 3: return makeBool(x !== y);
      case 4: return makeBool(x > y);
      default: return makeBool(x >= y);
    }
  }
  if (isStr(a) && isStr(b)) {
    const c = strCompare(a, b);
    switch (op) {
      case 0: return makeBool(c < 0);
      case 1: return makeBool(c <= 0);
      case 2: return makeBool(c === 0);
      case 3: return makeBool(c !== 0);
      case 4: return makeBool(c > 0);
      default: return makeBool(c >= 0);
    }
  }
  return compareOther(op, a, b);
}

/** bool(v) for the types built so far: 255 when unsupported (TypeError pending). */
export function truth(v: u16): u8 {
  if (v === TRUE) return 1;
  if (v === FALSE || v === NONE) return 0;
  if (isIntLike(v)) return intOf(v) !== 0 ? 1 : 0;
  if (isStr(v)) return strLength(v) !== 0 ? 1 : 0;
  if (isList(v) || isAnyTuple(v)) return seqLength(v) !== 0 ? 1 : 0;
  if (isDict(v)) return dictCount(v) !== 0 ? 1 : 0;
  raise(Exc.NotImplementedError);
  return 255;
}

export function unaryNegative(v: u16): u16 {
  if (!isIntLike(v)) return raise(Exc.TypeError);
  return intSub(0, intOf(v));
}
export function unaryInvert(v: u16): u16 {
  if (!isIntLike(v)) return raise(Exc.TypeError);
  return newInt(~intOf(v));
}
export function unaryPositive(v: u16): u16 {
  if (!isIntLike(v)) return raise(Exc.TypeError);
  return newInt(intOf(v));
}
