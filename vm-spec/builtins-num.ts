// Built-in functions on numbers: int float bool (names.ts, B.NUM_*). abs, divmod, pow, round
// are Python code (vm-spec/lib/num.py).
import { u8, u16, i16, u32, f32, f32FromBits, truncF32 } from './types.ts';
import type { bool } from './types.ts';
import { FALSE, makeBool } from './value.ts';
import { Exc, raise } from './exc.ts';
import { N, B } from './names.ts';
import { arg, argCount, kwCount } from './args.ts';
import { newInt, isAnyInt, anyIntValue } from './int.ts';
import { isFloat, floatOf, newFloat, isFinite32, isNan } from './float.ts';
import { truth } from './arith.ts';
import { isStr, strLength, strByte } from './str.ts';
import { sig, digitsToF32 } from './numfmt.ts';
import { LibKind, handOver } from './libfunc.ts';
import { Msg, raiseMsg } from './errors.ts';

/** Calls number builtin `n` (int, float, bool: B.GLOBAL_BASE + N.x) on the current arguments. */
export function numBuiltin(n: u8): u16 {
  const name = u8(n - B.GLOBAL_BASE);
  const count = argCount();
  if (name === N.int) return builtinInt();
  if (count > 1) return raise(Exc.TypeError);
  if (name === N.float) return count === 0 ? newFloat(0.0) : numToFloat(arg(0));
  if (count === 0) return FALSE; // bool()
  return makeBool(truth(arg(0)) === 1); // truth never fails
}

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
  // -2147483904 is the f32 below -2**31
  if (x > f32(-2147483904.0) && x < f32(2147483648.0)) return newInt(truncF32(x));
  return raiseMsg(isNan(x) ? Msg.FLOAT_NAN : isFinite32(x) ? Msg.INT_OVERFLOW : Msg.FLOAT_INFINITY);
}

/** float(x) of a number or of plain digits ('15e-1'); every other call is library code (num.py _float_text). */
function numToFloat(v: u16): u16 {
  if (isFloat(v)) return v;
  if (isAnyInt(v)) return newFloat(f32(anyIntValue(v)));
  const bits = isStr(v) ? parseDigits(v) : NOT_PARSED;
  return bits === NOT_PARSED ? handOver(LibKind.FLOAT_TEXT) : newFloat(f32FromBits(bits));
}

/** parseDigits' answer for a str it does not read (no f32's bits without the sign). */
const NOT_PARSED = 0xffffffff;

/**
 * The f32 bits of s when it is 1 to 40 digits, optionally followed by 'e', an optional '-' and
 * digits: the form num.py's _float_text passes on (Python's syntax too, of the same value).
 * NOT_PARSED for any other str.
 */
function parseDigits(s: u16): u32 {
  const n = strLength(s);
  let e: u16 = n; // where the 'e' is
  let minus = false;
  let x: i16 = 0; // the exponent
  let k: u8 = 0; // the digits in sig
  for (let i: u16 = 0; i < n; i = u16(i + 1)) {
    const c = strByte(s, i);
    const d = u8(c - 0x30);
    if (d < 10 && e < n) {
      if (x < 999) x = i16(x * 10 + d); // far beyond any f32 already at 999
    } else if (d < 10 && k < sig.length) {
      sig[k] = d;
      k = u8(k + 1);
    } else if (c === 0x65 && e === n) { // (a leading one leaves no digits: k === 0)
      e = i;
    } else if (c === 0x2d && i === u16(e + 1)) {
      minus = true;
    } else {
      return NOT_PARSED;
    }
  }
  // digits first, and an 'e' needs digits after it
  if (k === 0 || strByte(s, u16(n - 1)) > 0x39) return NOT_PARSED;
  return digitsToF32(k, i16(k - 1 + (minus ? 0 - x : x)));
}
