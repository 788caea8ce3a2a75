// Built-in functions on numbers: int float bool abs divmod pow round (names.ts, B.NUM_*).
import { u8, u16, i32, f32 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, NONE, FALSE, makeBool } from './value.ts';
import { Exc, raise } from './exc.ts';
import { N, B } from './names.ts';
import { arg, argCount, kwArg, kwOther } from './args.ts';
import { newInt, intSub, intMul, intFloorDiv, isAnyInt, anyIntValue } from './int.ts';
import {
  isFloat, floatOf, newFloat, isNumber, numberF32, absF32, isFinite32,
  roundHalfEven, floatToI32Check, powWhole, zeroSigned,
} from './float.ts';
import { numberBinary, raiseUnsupported } from './numops.ts';
import { truth } from './arith.ts';
import { isStr, strLength, strByte } from './str.ts';
import { newTuple, tupleSet } from './tuple.ts';
import { pushRoot, popRoot } from './gc.ts';
import {
  numIn, numOut, parseI32, parseF32, parsedI32, parsedF32, parseError, PARSE_OVERFLOW, formatF32Fixed,
} from './numfmt.ts';
import { NumMsg, msgStart, msgLine, msgInt, msgRender, msgRaise, raiseNum } from './nummsg.ts';
import { Render } from './print.ts';

const enum NbNum { FLOOR_DIVIDE = 2, REMAINDER = 6, POWER = 8 }

/** Calls number builtin `n` (B.GLOBAL_BASE + N.x) on the current arguments. */
export function numBuiltin(n: u8): u16 {
  const name = u8(n - B.GLOBAL_BASE);
  const count = argCount();
  if (name === N.int) return builtinInt();
  if (name !== N.round && name !== N.pow && count > 2) return raise(Exc.TypeError);
  if (count > 3) return raise(Exc.TypeError);
  switch (name) {
    case N.float:
      if (count === 0) return newFloat(0.0);
      return count === 1 ? numToFloat(arg(0)) : raise(Exc.TypeError);
    case N.bool: {
      if (count === 0) return FALSE;
      const t = truth(arg(0));
      return t === 255 ? NULL : makeBool(t === 1);
    }
    case N.abs:
      return count === 1 ? numAbs(arg(0)) : raise(Exc.TypeError);
    case N.divmod:
      return count === 2 ? numDivmod(arg(0), arg(1)) : raise(Exc.TypeError);
    case N.pow:
      if (count === 2) return numberOperands(arg(0), arg(1)) ? numberBinary(NbNum.POWER, arg(0), arg(1)) : raiseUnsupported(NbNum.POWER, arg(0), arg(1));
      return count === 3 ? powMod(arg(0), arg(1), arg(2)) : raise(Exc.TypeError);
    case N.round:
      if (count === 1 || (count === 2 && arg(1) === NONE)) return roundWhole(arg(0));
      if (count === 2 && isAnyInt(arg(1))) return roundDigits(arg(0), anyIntValue(arg(1)));
      return raise(Exc.TypeError);
    default:
      return raise(Exc.NotImplementedError);
  }
}

function numberOperands(a: u16, b: u16): bool { return isNumber(a) && isNumber(b); }

/** Copies str s without surrounding whitespace into numIn; its length, or 255 when too long. */
function strToNumIn(s: u16): u8 {
  let start: u16 = 0;
  let end = strLength(s);
  while (start < end && numArgSpace(strByte(s, start))) start = u16(start + 1);
  while (end > start && numArgSpace(strByte(s, u16(end - 1)))) end = u16(end - 1);
  if (end - start > numIn.length) return 255;
  for (let i: u16 = start; i < end; i = u16(i + 1)) numIn[i - start] = strByte(s, i);
  return u8(end - start);
}
function numArgSpace(c: u8): bool { return c === 32 || (c >= 9 && c <= 13); }

/** int(), int(x), int(s, base) / int(s, base=b). */
function builtinInt(): u16 {
  const count = argCount();
  if (kwOther(N.base, N.NONE) || count > 2) return raise(Exc.TypeError);
  let baseArg: u16 = count === 2 ? arg(1) : kwArg(N.base);
  if (count === 0) return baseArg === NULL ? newInt(0) : raise(Exc.TypeError);
  const v = arg(0);
  if (baseArg === NULL) {
    if (isAnyInt(v)) return newInt(anyIntValue(v));
    if (isFloat(v)) return floatToInt(floatOf(v));
    if (!isStr(v)) return raise(Exc.TypeError);
    baseArg = newInt(10);
  }
  if (!isStr(v)) return raiseNum(Exc.TypeError, NumMsg.INT_NON_STRING);
  if (!isAnyInt(baseArg)) return raise(Exc.TypeError);
  const base = anyIntValue(baseArg);
  if (base < 0 || base === 1 || base > 36) return raiseNum(Exc.ValueError, NumMsg.INT_BASE);
  const length = strToNumIn(v);
  if (length !== 255 && parseI32(length, u8(base))) return newInt(parsedI32);
  if (length !== 255 && parseError === PARSE_OVERFLOW) return raiseNum(Exc.OverflowError, NumMsg.INT_OVERFLOW);
  msgStart();
  msgLine(NumMsg.INT_LITERAL);
  msgInt(base);
  msgLine(NumMsg.COLON);
  msgRender(Render.REPR, v);
  return msgRaise(Exc.ValueError);
}

/** int(x) of a float: truncation; OverflowError beyond 32 bits and for inf, ValueError for nan. */
export function floatToInt(x: f32): u16 {
  const problem = floatToI32Check(x);
  if (problem === Exc.ValueError) return raiseNum(Exc.ValueError, NumMsg.FLOAT_NAN);
  if (problem !== 255) return isFinite32(x) ? raiseNum(Exc.OverflowError, NumMsg.INT_OVERFLOW) : raiseNum(Exc.OverflowError, NumMsg.FLOAT_INFINITY);
  return newInt(i32(x));
}

/** float(x) of a number or a str. */
function numToFloat(v: u16): u16 {
  if (isFloat(v)) return v;
  if (isAnyInt(v)) return newFloat(f32(anyIntValue(v)));
  if (!isStr(v)) return raise(Exc.TypeError);
  const length = strToNumIn(v);
  if (length !== 255 && parseF32(length)) return newFloat(parsedF32);
  msgStart();
  msgLine(NumMsg.FLOAT_LITERAL);
  msgRender(Render.REPR, v);
  return msgRaise(Exc.ValueError);
}

function numAbs(v: u16): u16 {
  if (isFloat(v)) return newFloat(absF32(floatOf(v)));
  if (!isAnyInt(v)) return raise(Exc.TypeError);
  const n = anyIntValue(v);
  return n < 0 ? intSub(0, n) : newInt(n);
}

/** A new 2-tuple (a, b); a and b stay rooted while it is allocated. */
function numPair(a: u16, b: u16): u16 {
  if (!pushRoot(a)) return raise(Exc.MemoryError);
  if (!pushRoot(b)) {
    popRoot();
    return raise(Exc.MemoryError);
  }
  const t = newTuple(2);
  popRoot();
  popRoot();
  if (t === NULL) return NULL;
  tupleSet(t, 0, a);
  tupleSet(t, 1, b);
  return t;
}

function numDivmod(a: u16, b: u16): u16 {
  if (!numberOperands(a, b)) return raiseUnsupported(NbNum.FLOOR_DIVIDE, a, b);
  if ((isFloat(a) || isFloat(b)) && numberF32(b) === 0.0) return raiseNum(Exc.ZeroDivisionError, NumMsg.FLOAT_DIVMOD);
  const q = numberBinary(NbNum.FLOOR_DIVIDE, a, b);
  if (q === NULL) return NULL;
  if (!pushRoot(q)) return raise(Exc.MemoryError);
  const r = numberBinary(NbNum.REMAINDER, a, b);
  popRoot();
  return r === NULL ? NULL : numPair(q, r);
}

/** (a + b) % m for 0 <= a, b < m without leaving 32 bits. */
function addMod(a: i32, b: i32, m: i32): i32 { return a >= i32(m - b) ? i32(a - (m - b)) : i32(a + b); }
/** (a * b) % m for 0 <= a, b < m by doubling (no 64-bit products). */
function mulMod(a: i32, b: i32, m: i32): i32 {
  let result: i32 = 0;
  let x: i32 = a;
  let y: i32 = b;
  while (y > 0) {
    if ((y & 1) !== 0) result = addMod(result, x, m);
    x = addMod(x, x, m);
    y = y >> 1;
  }
  return result;
}

/** The inverse of a modulo m (0 <= a < m) by the extended Euclidean algorithm; -1 when there is none. */
function inverseMod(a: i32, m: i32): i32 {
  let r0: i32 = m;
  let r1: i32 = a;
  let t0: i32 = 0;
  let t1: i32 = 1;
  while (r1 !== 0) {
    const q = i32(r0 / r1);
    const r2 = i32(r0 - Math.imul(q, r1));
    r0 = r1;
    r1 = r2;
    const t2 = i32(t0 - Math.imul(q, t1));
    t0 = t1;
    t1 = t2;
  }
  if (r0 !== 1) return -1;
  return t0 < 0 ? i32(t0 + m) : t0;
}

/** pow(a, b, m) for ints: a ** b % m with the sign of m, exact. */
function powMod(a: u16, b: u16, m: u16): u16 {
  if (!isAnyInt(a) || !isAnyInt(b) || !isAnyInt(m)) return raise(Exc.TypeError);
  const mod = anyIntValue(m);
  if (mod === 0) return raiseNum(Exc.ValueError, NumMsg.POW_MODULUS);
  const e = anyIntValue(b);
  if (mod === -2147483648) return raise(Exc.OverflowError);
  const am: i32 = mod < 0 ? i32(-mod) : mod;
  let base: i32 = i32(anyIntValue(a) % am);
  if (base < 0) base = i32(base + am);
  if (e < 0) {
    // A negative exponent raises the modular inverse (CPython 3.8+).
    base = inverseMod(base, am);
    if (base < 0) return raiseNum(Exc.ValueError, NumMsg.POW_NOT_INVERTIBLE);
  }
  let result: i32 = am === 1 ? 0 : 1;
  let k: i32 = e < 0 ? i32(-e) : e;
  while (k > 0) {
    if ((k & 1) !== 0) result = mulMod(result, base, am);
    base = mulMod(base, base, am);
    k = k >> 1;
  }
  if (mod < 0 && result !== 0) result = i32(result - am);
  return newInt(result);
}

/** round(x): ints unchanged, floats to the nearest int with ties to even. */
function roundWhole(v: u16): u16 {
  if (isAnyInt(v)) return newInt(anyIntValue(v));
  if (!isFloat(v)) return raise(Exc.TypeError);
  return floatToInt(roundHalfEven(floatOf(v)));
}

/** round(x, n). */
function roundDigits(v: u16, n: i32): u16 {
  if (isAnyInt(v)) return n >= 0 ? newInt(anyIntValue(v)) : roundIntDigits(anyIntValue(v), n);
  if (!isFloat(v)) return raise(Exc.TypeError);
  const x = floatOf(v);
  if (!isFinite32(x) || x === 0.0) return v;
  if (n < 0) {
    // Whole tens, hundreds ...: x / 10^k rounded, times 10^k (f32: the quotient rounds first).
    if (n < -38) return newFloat(zeroSigned(x));
    const p = powWhole(10.0, i32(-n));
    return newFloat(f32(roundHalfEven(f32(x / p)) * p));
  }
  // As CPython: the exact value rounded half-even to n decimals as text, read back.
  if (n > 45) return v;
  const length = formatF32Fixed(x, u8(n));
  if (length === 0 || length > numIn.length) return v;
  for (let i: u8 = 0; i < length; i = u8(i + 1)) numIn[i] = numOut[i];
  if (!parseF32(length)) return v;
  return newFloat(parsedF32);
}

/** round(n, digits) for an int and digits < 0: to a multiple of 10^-digits, ties to even. */
function roundIntDigits(n: i32, digits: i32): u16 {
  if (digits < -9) return newInt(0);
  const k = i32(-digits);
  let p: i32 = 1;
  for (let i: i32 = 0; i < k; i = i32(i + 1)) p = i32(p * 10);
  const qv = intFloorDiv(n, p);
  if (qv === NULL) return NULL;
  let q = anyIntValue(qv);
  const r = i32(n - Math.imul(q, p));
  if (r > i32(p - r) || (r === i32(p - r) && (q & 1) !== 0)) q = i32(q + 1);
  return intMul(q, p);
}
