// Built-in functions on numbers: int float bool (names.ts, B.NUM_*). abs, divmod, pow, round
// are Python code (vm-spec/lib/num.py).
import { u8, u16, i32, f32 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, NONE, FALSE, makeBool, makeSmall } from './value.ts';
import { Exc, raise } from './exc.ts';
import { N, B } from './names.ts';
import { arg, argCount, kwCount } from './args.ts';
import { newInt, isAnyInt, anyIntValue } from './int.ts';
import { isFloat, floatOf, newFloat, isFinite32, floatToI32Check } from './float.ts';
import { truth } from './arith.ts';
import { isStr, strLength, strByte } from './str.ts';
import { numIn, parseF32, parsedF32 } from './numfmt.ts';
import { LibKind, handOver } from './libfunc.ts';
import { Msg, raiseMsg, raiseMsgOf } from './errors.ts';

/** Calls number builtin `n` (int, float, bool: B.GLOBAL_BASE + N.x) on the current arguments. */
export function numBuiltin(n: u8): u16 {
  const name = u8(n - B.GLOBAL_BASE);
  const count = argCount();
  if (name === N.int) return builtinInt();
  if (count > 1) return raise(Exc.TypeError);
  if (name === N.float) return count === 0 ? newFloat(0.0) : numToFloat(arg(0));
  if (count === 0) return FALSE; // bool()
  const t = truth(arg(0));
  return t === 255 ? NULL : makeBool(t === 1);
}

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

/** int() and int(x) of a number; int(s), int(s, base) and their errors are library code (num.py _int_text). */
function builtinInt(): u16 {
  const count = argCount();
  if (kwCount() === 0 && count < 2) {
    if (count === 0) return newInt(0);
    const v = arg(0);
    if (isAnyInt(v)) return newInt(anyIntValue(v));
    if (isFloat(v)) return floatToInt(floatOf(v));
  }
  return handOver(LibKind.INT_TEXT);
}

/** int(x) of a float: truncation; OverflowError beyond 32 bits and for inf, ValueError for nan. */
export function floatToInt(x: f32): u16 {
  const problem = floatToI32Check(x);
  if (problem === Exc.ValueError) return raiseMsg(Msg.FLOAT_NAN);
  if (problem !== 255) return isFinite32(x) ? raiseMsg(Msg.INT_OVERFLOW) : raiseMsg(Msg.FLOAT_INFINITY);
  return newInt(i32(x));
}

/** float(x) of a number or a str. */
function numToFloat(v: u16): u16 {
  if (isFloat(v)) return v;
  if (isAnyInt(v)) return newFloat(f32(anyIntValue(v)));
  if (!isStr(v)) return raise(Exc.TypeError);
  const length = strToNumIn(v);
  if (length !== 255 && parseF32(length)) return newFloat(parsedF32);
  return raiseMsgOf(Msg.FLOAT_LITERAL, NULL, v);
}
