// Binary, unary and comparison operators: routes by operand type to numops.ts (ints, bools,
// floats), the str and sequence files, and compare.ts; anything else is CPython's TypeError.
import { u8, u16, i16 } from './types.ts';
import type { bool } from './types.ts';
import { NONE, FALSE, TRUE, isSmall, smallValue, makeSmall } from './value.ts';
import { isSeq } from './seq.ts';
import { seqBinary } from './seqops.ts';
import { compareOther, opHolds } from './compare.ts';
import { isStr, strCompare } from './str.ts';
import { sizeOf } from './iter.ts';
import { strBinaryOp } from './builtins-str.ts';
import { isNumber } from './float.ts';
import { numberBinary, numberCompare, numbersEqual, raiseUnsupported } from './numops.ts';

/** CPython's NB_* numbers (BINARY_OP's argument; 13..25 are the in-place forms). */
export const enum Nb {
  ADD = 0, AND = 1, FLOOR_DIVIDE = 2, LSHIFT = 3, MATMUL = 4, MULTIPLY = 5, REMAINDER = 6, OR = 7,
  POWER = 8, RSHIFT = 9, SUBTRACT = 10, TRUE_DIVIDE = 11, XOR = 12, INPLACE = 13,
}

/** BINARY_OP: numbers, strs, then lists and tuples; "unsupported operand type(s)" for the rest. */
export function binaryOp(op: u8, a: u16, b: u16): u16 {
  const nb: u8 = op >= Nb.INPLACE ? u8(op - Nb.INPLACE) : op;
  // Numbers first: the loops' arithmetic; two numbers are neither strs nor sequences.
  if (isNumber(a) && isNumber(b)) return numberBinary(op, a, b);
  if (isStr(a) || isStr(b)) {
    const r = strBinaryOp(nb, a, b);
    if (r !== NONE) return r;
  }
  if ((nb === Nb.ADD || nb === Nb.MULTIPLY) && (isSeq(a) || isSeq(b))) return seqBinary(nb === Nb.ADD, op >= Nb.INPLACE, a, b);
  return raiseUnsupported(op, a, b);
}

/** COMPARE_OP n: 0 < 1 <= 2 == 3 != 4 > 5 >=. */
export function compareOp(op: u8, a: u16, b: u16): u16 {
  if (isSmall(a) && isSmall(b)) return opHolds(op, i16(smallValue(a) - smallValue(b))); // the loops' i < n (15-bit values: 16 bits hold it)
  if (isStr(a) && isStr(b)) return opHolds(op, i16(strCompare(a, b))); // before numbers: dict.ts compares name keys
  if (isNumber(a) && isNumber(b)) return numberCompare(op, a, b);
  return compareOther(op, a, b);
}

/** bool(v): 1 or 0 (never fails: an object without a length is true, as in CPython). */
export function truth(v: u16): u8 {
  if (v === TRUE) return 1;
  if (v === FALSE || v === NONE) return 0;
  if (isNumber(v)) return numbersEqual(v, makeSmall(0)) ? 0 : 1;
  return sizeOf(v) === 0 ? 0 : 1;
}
