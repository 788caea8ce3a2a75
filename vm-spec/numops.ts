// Operators on numbers (int, bool, float) with CPython's results: exact 32-bit ints that raise
// OverflowError instead of wrapping, f32 floats, int/float mixing, true division, floor
// division and modulo signs (** and a float's // and % are library code: num.py); and the TypeError messages of
// unsupported operands.
import { u8, i8, u16, i32, u32, f32, f32FromBits, truncF32 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, makeBool, makeSmall } from './value.ts';
import { intBinary, isAnyInt, anyIntValue } from './int.ts';
import { isFloat, numberF32, newFloat } from './float.ts';
import { LibKind, handOver } from './libfunc.ts';
import { Msg, raiseMsg, raiseOpMsg } from './errors.ts';
import { opHolds } from './compare.ts';

// CPython's NB_* numbers (as arith.ts's Nb).
const enum NumOp {
  ADD = 0, AND = 1, FLOOR_DIVIDE = 2, LSHIFT = 3, MATMUL = 4, MULTIPLY = 5, REMAINDER = 6, OR = 7,
  POWER = 8, RSHIFT = 9, SUBTRACT = 10, TRUE_DIVIDE = 11, XOR = 12, INPLACE = 13,
}

/**
 * BINARY_OP `op` (NB_*, in-place forms included) when both operands are numbers; NULL with an
 * exception pending on failure (TypeError for an operator numbers lack, e.g. 1.5 & 1).
 */
export function numberBinary(op: u8, a: u16, b: u16): u16 {
  const nb: u8 = op >= NumOp.INPLACE ? u8(op - NumOp.INPLACE) : op;
  // ** is library code (num.py _power)
  if (nb === NumOp.POWER) return handOver(LibKind.POWER);
  const fa = isFloat(a);
  const fb = isFloat(b);
  const floats = fa || fb;
  // an int's value, or a float's bits (float.ts floatOf)
  const ia: i32 = anyIntValue(a);
  const ib: i32 = anyIntValue(b);
  // Ints stay exact ints, but for / (and @, which the float switch below refuses).
  if (!floats && nb !== NumOp.TRUE_DIVIDE && nb !== NumOp.MATMUL) return intBinary(nb, ia, ib);
  // A float's // and % are library code (num.py _float_floordiv, _float_mod).
  if (nb === NumOp.FLOOR_DIVIDE || nb === NumOp.REMAINDER) {
    return handOver(nb === NumOp.FLOOR_DIVIDE ? LibKind.FLOAT_FLOORDIV : LibKind.FLOAT_MOD);
  }
  const x: f32 = fa ? f32FromBits(u32(ia)) : f32(ia);
  const y: f32 = fb ? f32FromBits(u32(ib)) : f32(ib);
  if (nb === NumOp.TRUE_DIVIDE && y === 0.0) return raiseMsg(floats ? Msg.FLOAT_DIVISION : Msg.DIVISION);
  let r: f32 = 0.0;
  switch (nb) {
    case NumOp.ADD: r = f32(x + y); break;
    case NumOp.SUBTRACT: r = f32(x - y); break;
    case NumOp.MULTIPLY: r = f32(x * y); break;
    case NumOp.TRUE_DIVIDE: r = f32(x / y); break;
    default: return raiseUnsupported(op, a, b);
  }
  return newFloat(r);
}

/** The TypeError of a binary operator on operands it does not support (CPython's message). */
export function raiseUnsupported(op: u8, a: u16, b: u16): u16 {
  return raiseOpMsg(Msg.UNSUPPORTED, op, a, b);
}

/** The TypeError of an ordering comparison (op 0 < 1 <= 4 > 5 >=) between unorderable values. */
export function raiseUnorderable(op: u8, a: u16, b: u16): u16 {
  return raiseOpMsg(Msg.UNORDERABLE, u8(26 + op), a, b);
}

function orderInts(x: i32, y: i32): i8 { return x < y ? -1 : x > y ? 1 : 0; }

/** The ordering of two numbers: -1, 0, 1, or 2 when a nan is involved. Exact between int and float. */
function orderNumbers(a: u16, b: u16): i8 {
  const fa = isFloat(a);
  const fb = isFloat(b);
  if (!fa && !fb) return orderInts(anyIntValue(a), anyIntValue(b));
  const x = numberF32(a);
  const y = numberF32(b);
  if (x < y) return -1;
  if (x > y) return 1;
  if (x !== y) return 2; // a nan
  if (fa === fb) return 0;
  // An int equal to a float once rounded to f32: the float is whole and |f| <= 2^31. Rounding is
  // monotonic, so the < and > above were exact; compare the int with the float exactly here.
  const f: f32 = fa ? x : y;
  const c: i8 = f >= f32(2147483648.0) ? -1 : orderInts(anyIntValue(fa ? b : a), truncF32(f));
  return fa ? i8(-c) : c;
}

/** COMPARE_OP op (0 < 1 <= 2 == 3 != 4 > 5 >=) on two numbers; int/float compare exactly. */
export function numberCompare(op: u8, a: u16, b: u16): u16 {
  const c = orderNumbers(a, b);
  if (c === 2) return makeBool(op === 3); // nan: only != holds
  return opHolds(op, c);
}

/** True when numbers a and b are equal (for dict keys and `in`). */
export function numbersEqual(a: u16, b: u16): bool { return orderNumbers(a, b) === 0; }

/** Unary - (0), + (1) or ~ (2) on v; TypeError "bad operand type for unary -: 'str'" otherwise. */
export function numberUnary(kind: u8, v: u16): u16 {
  // -v is v * -1 (exact for ints and floats, -0.0 included), +v is v * 1 (an int for a bool), ~v is v ^ -1.
  if (isAnyInt(v) || (isFloat(v) && kind !== 2)) {
    return numberBinary(kind === 2 ? NumOp.XOR : NumOp.MULTIPLY, v, makeSmall(kind === 1 ? 1 : -1));
  }
  return raiseOpMsg(Msg.UNARY, u8(32 + kind), v, NULL);
}
