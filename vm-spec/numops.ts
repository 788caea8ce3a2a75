// Operators on numbers (int, bool, float) with CPython's results: exact 32-bit ints that raise
// OverflowError instead of wrapping, f32 floats, int/float mixing, true division, floor
// division and modulo signs, powers; and the TypeError messages of unsupported operands.
import { u8, u16, i32, f32 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, makeBool } from './value.ts';
import { Exc, raise, excPending } from './exc.ts';
import { newInt, intAdd, intSub, intMul, intFloorDiv, intMod, isAnyInt, anyIntValue } from './int.ts';
import {
  isFloat, floatOf, numberF32, newFloat, floatMod, floatFloorDiv, floorF32, powWhole, isWhole, isNan,
} from './float.ts';
import { NumMsg, msgStart, msgLine, msgRender, msgRaise, raiseNum } from './nummsg.ts';
import { Render } from './print.ts';
import { opHolds } from './compare.ts';

// CPython's NB_* numbers (as arith.ts's Nb).
const enum NumOp {
  ADD = 0, AND = 1, FLOOR_DIVIDE = 2, LSHIFT = 3, MULTIPLY = 5, REMAINDER = 6, OR = 7,
  POWER = 8, RSHIFT = 9, SUBTRACT = 10, TRUE_DIVIDE = 11, XOR = 12, INPLACE = 13,
}

/** a ** b for ints, b >= 0, by repeated squaring (a square that overflows is one the result needs). */
function intPower(a: i32, b: i32): u16 {
  let result: i32 = 1;
  let base: i32 = a;
  let e: i32 = b;
  while (e > 0) {
    if ((e & 1) !== 0) {
      const r = intMul(result, base);
      if (r === NULL) return NULL;
      result = anyIntValue(r);
    }
    e = e >> 1;
    if (e > 0) {
      const s = intMul(base, base);
      if (s === NULL) return NULL;
      base = anyIntValue(s);
    }
  }
  return newInt(result);
}

function shiftLeft(a: i32, b: i32): u16 {
  if (b < 0) return raiseNum(Exc.ValueError, NumMsg.NEGATIVE_SHIFT);
  if (a === 0) return newInt(0);
  if (b > 31) return raise(Exc.OverflowError);
  const r = i32(a << b);
  if ((r >> b) !== a) return raise(Exc.OverflowError);
  return newInt(r);
}

/** x ** y for floats (also int ** negative int). */
export function floatPower(x: f32, y: f32): u16 {
  if (y === 0.0) return newFloat(1.0);
  if (x === 0.0 && y < 0.0) return raiseNum(Exc.ZeroDivisionError, NumMsg.ZERO_NEGATIVE_POWER);
  if (isWhole(y) && y > f32(-2147483648.0) && y < f32(2147483648.0)) return newFloat(powWhole(x, i32(y)));
  if (isNan(x) || isNan(y)) return newFloat(f32(x + y));
  return raise(Exc.NotImplementedError); // a fractional power: TODO (exp/log in f32)
}

/** Binary operator `nb` (NB_* without the in-place offset) on two floats. */
function floatBinary(nb: u8, x: f32, y: f32): u16 {
  switch (nb) {
    case NumOp.ADD: return newFloat(f32(x + y));
    case NumOp.SUBTRACT: return newFloat(f32(x - y));
    case NumOp.MULTIPLY: return newFloat(f32(x * y));
    case NumOp.TRUE_DIVIDE:
      return y === 0.0 ? raiseNum(Exc.ZeroDivisionError, NumMsg.FLOAT_DIVISION) : newFloat(f32(x / y));
    case NumOp.FLOOR_DIVIDE:
      return y === 0.0 ? raiseNum(Exc.ZeroDivisionError, NumMsg.FLOAT_FLOOR_DIVISION) : newFloat(floatFloorDiv(x, y));
    case NumOp.REMAINDER:
      return y === 0.0 ? raiseNum(Exc.ZeroDivisionError, NumMsg.FLOAT_MODULO) : newFloat(floatMod(x, y));
    case NumOp.POWER: return floatPower(x, y);
    default: return NULL;
  }
}

/** Binary operator `nb` on two ints. */
function intBinary(nb: u8, x: i32, y: i32): u16 {
  switch (nb) {
    case NumOp.ADD: return intAdd(x, y);
    case NumOp.SUBTRACT: return intSub(x, y);
    case NumOp.MULTIPLY: return intMul(x, y);
    case NumOp.FLOOR_DIVIDE: return intFloorDiv(x, y);
    case NumOp.REMAINDER:
      return y === 0 ? raiseNum(Exc.ZeroDivisionError, NumMsg.INT_MODULO) : intMod(x, y);
    case NumOp.TRUE_DIVIDE:
      return y === 0 ? raiseNum(Exc.ZeroDivisionError, NumMsg.DIVISION) : newFloat(f32(f32(x) / f32(y)));
    case NumOp.AND: return newInt(x & y);
    case NumOp.OR: return newInt(x | y);
    case NumOp.XOR: return newInt(x ^ y);
    case NumOp.LSHIFT: return shiftLeft(x, y);
    case NumOp.RSHIFT:
      return y < 0 ? raiseNum(Exc.ValueError, NumMsg.NEGATIVE_SHIFT) : newInt(x >> (y > 31 ? 31 : y));
    case NumOp.POWER: return y < 0 ? floatPower(f32(x), f32(y)) : intPower(x, y);
    default: return NULL;
  }
}

/**
 * BINARY_OP `op` (NB_*, in-place forms included) when both operands are numbers; NULL with an
 * exception pending on failure (TypeError for an operator numbers lack, e.g. 1.5 & 1).
 */
export function numberBinary(op: u8, a: u16, b: u16): u16 {
  const nb: u8 = op >= NumOp.INPLACE ? u8(op - NumOp.INPLACE) : op;
  let r: u16 = NULL;
  if (isFloat(a) || isFloat(b)) r = floatBinary(nb, numberF32(a), numberF32(b));
  else r = intBinary(nb, anyIntValue(a), anyIntValue(b));
  if (r === NULL && !excPending()) return raiseUnsupported(op, a, b);
  return r;
}

/** The TypeError of a binary operator on operands it does not support (CPython's message). */
export function raiseUnsupported(op: u8, a: u16, b: u16): u16 {
  const nb: u8 = op >= NumOp.INPLACE ? u8(op - NumOp.INPLACE) : op;
  msgStart();
  msgLine(NumMsg.UNSUPPORTED);
  msgLine(u8(NumMsg.SYMBOL + nb));
  if (op >= NumOp.INPLACE) msgLine(NumMsg.EQUALS);
  else if (nb === NumOp.POWER) msgLine(NumMsg.POW_FUNC);
  msgLine(NumMsg.COLON_QUOTE);
  msgRender(Render.TYPE_NAME, a);
  msgLine(NumMsg.AND);
  msgRender(Render.TYPE_NAME, b);
  msgLine(NumMsg.QUOTE);
  return msgRaise(Exc.TypeError);
}

/** The TypeError of an ordering comparison (op 0 < 1 <= 4 > 5 >=) between unorderable values. */
export function raiseUnorderable(op: u8, a: u16, b: u16): u16 {
  msgStart();
  msgLine(NumMsg.QUOTE);
  msgLine(op === 0 ? NumMsg.LESS : op === 1 ? NumMsg.LESS_EQUAL : op === 4 ? NumMsg.GREATER : NumMsg.GREATER_EQUAL);
  msgLine(NumMsg.NOT_SUPPORTED);
  msgRender(Render.TYPE_NAME, a);
  msgLine(NumMsg.AND);
  msgRender(Render.TYPE_NAME, b);
  msgLine(NumMsg.QUOTE);
  return msgRaise(Exc.TypeError);
}

/** The ordering of int a and float x: -1, 0, 1, or 2 when x is nan. Exact (no rounding of a). */
function orderIntFloat(a: i32, x: f32): i32 {
  if (isNan(x)) return 2;
  if (x >= f32(2147483648.0)) return -1;
  if (x < f32(-2147483648.0)) return 1;
  const fl = floorF32(x);
  const whole = i32(fl);
  if (a !== whole) return a < whole ? -1 : 1;
  return x > fl ? -1 : 0;
}

/** The ordering of two numbers: -1, 0, 1, or 2 when a nan is involved. */
function orderNumbers(a: u16, b: u16): i32 {
  const fa = isFloat(a);
  const fb = isFloat(b);
  if (fa && fb) {
    const x = floatOf(a);
    const y = floatOf(b);
    if (isNan(x) || isNan(y)) return 2;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (fa || fb) {
    // int against float: order the int first, then turn the result round if a is the float.
    const c = orderIntFloat(anyIntValue(fa ? b : a), floatOf(fa ? a : b));
    return fa && c !== 2 ? i32(-c) : c;
  }
  const x = anyIntValue(a);
  const y = anyIntValue(b);
  return x < y ? -1 : x > y ? 1 : 0;
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
  if (isFloat(v) && kind !== 2) {
    const x = floatOf(v);
    return kind === 0 ? newFloat(-x) : v;
  }
  if (isAnyInt(v)) {
    const n = anyIntValue(v);
    if (kind === 0) return intSub(0, n);
    return newInt(kind === 1 ? n : ~n);
  }
  msgStart();
  msgLine(NumMsg.UNARY);
  msgLine(kind === 0 ? u8(NumMsg.SYMBOL + NumOp.SUBTRACT) : kind === 1 ? u8(NumMsg.SYMBOL + NumOp.ADD) : NumMsg.TILDE);
  msgLine(NumMsg.COLON_QUOTE);
  msgRender(Render.TYPE_NAME, v);
  msgLine(NumMsg.QUOTE);
  return msgRaise(Exc.TypeError);
}
