// Built-in functions on strs (str repr ord chr hex bin), the methods of str (names.ts) and the
// operators with a str operand (+, *, %). The text algorithms live in strops.ts.
import { u8, u16, i32, flashU8 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, NONE, makeBool, makeSmall } from './value.ts';
import { Exc, raise } from './exc.ts';
import { raiseMessage, Msg } from './errors.ts';
import { N, B } from './names.ts';
import { arg, argCount } from './args.ts';
import { isAnyInt, anyIntValue, newInt } from './int.ts';
import { isStr, strLength, strByte, strOfInt, strConcat, strRepeat, newStr, strSetByte, strFind } from './str.ts';
import { render, Render } from './print.ts';
import {
  strIndexOf, strCount, strJoin, strSplit, strStrip, strReplace, strChangeCase, strIsDigit, strMatchAt,
  clampIndex,
} from './strops.ts';

// Method numbers: STR_METHOD_FIRST + (N - N.join) for join .. isdigit, then index.
const enum SM {
  FIRST = 128, join = 128, split = 129, strip = 130, lstrip = 131, rstrip = 132, startswith = 133,
  endswith = 134, find = 135, replace = 136, upper = 137, lower = 138, count = 139, isdigit = 140, index = 141,
}

/** The str method number for name `name` (an N), or 0 when str has no such method. */
export function strMethod(name: u8): u8 {
  if (name >= N.join && name <= N.isdigit) return u8(SM.FIRST + name - N.join);
  if (name === N.index) return SM.index;
  return 0;
}

// Per method (SM order): the most arguments (self included) | the first int argument << 3
// (start, end, maxsplit, count; each may be None) | what argument 1 must be << 5 (AS_*).
const enum AS { ANY = 0, STR = 1, STR_OR_NONE = 2, STR_STR = 3 }
const METHOD_SPEC = flashU8([
  2 | (0 << 3) | (AS.ANY << 5), // join
  3 | (2 << 3) | (AS.STR_OR_NONE << 5), // split
  2 | (0 << 3) | (AS.STR_OR_NONE << 5), // strip
  2 | (0 << 3) | (AS.STR_OR_NONE << 5), // lstrip
  2 | (0 << 3) | (AS.STR_OR_NONE << 5), // rstrip
  4 | (2 << 3) | (AS.ANY << 5), // startswith
  4 | (2 << 3) | (AS.ANY << 5), // endswith
  4 | (2 << 3) | (AS.STR << 5), // find
  4 | (3 << 3) | (AS.STR_STR << 5), // replace
  1, 1, // upper, lower
  4 | (2 << 3) | (AS.STR << 5), // count
  1, // isdigit
  4 | (2 << 3) | (AS.STR << 5), // index
]);


/** Positional argument i when given and not None, else NULL. */
function optArg(i: u16): u16 {
  if (i >= argCount()) return NULL;
  const v = arg(i);
  return v === NONE ? NULL : v;
}

/** Int argument i (checked by the caller), or dflt when absent or None. */
function intOr(i: u16, dflt: i32): i32 {
  const v = optArg(i);
  return v === NULL ? dflt : anyIntValue(v);
}

/** False (TypeError pending) when the arguments do not fit METHOD_SPEC. */
function methodArgsOk(n: u8): bool {
  const spec = METHOD_SPEC[n - SM.FIRST];
  const count = argCount();
  const a1 = count > 1 ? arg(1) : NULL;
  const need: u8 = u8(spec >> 5);
  let ok: bool = count <= (spec & 7) && (need !== AS.STR_OR_NONE || a1 === NULL || a1 === NONE || isStr(a1));
  if (need === AS.STR || need === AS.STR_STR) ok = ok && count > 1 && isStr(a1);
  if (need === AS.STR_STR) ok = ok && count > 2 && isStr(arg(2));
  if (n === SM.join || n === SM.startswith || n === SM.endswith) ok = ok && count > 1;
  const firstInt: u16 = (spec >> 3) & 3;
  for (let i: u16 = firstInt; ok && firstInt > 0 && i < count; i = u16(i + 1)) {
    ok = arg(i) === NONE || isAnyInt(arg(i));
  }
  if (!ok) raise(Exc.TypeError);
  return ok;
}

/** str, repr, ord, chr, hex, bin (name an N). */
function strFunction(name: u8): u16 {
  const count = argCount();
  if (name === N.str && count === 0) return newStr(0);
  if (count !== 1) return raise(Exc.TypeError);
  const v = arg(0);
  if (name === N.str) return isStr(v) ? v : render(Render.STR, v, NULL);
  if (name === N.repr) return render(Render.REPR, v, NULL);
  if (name === N.ord) {
    const cp = isStr(v) ? utf8Decode(v) : -1;
    if (cp < 0) return raiseMessage(Exc.TypeError, Msg.ORD_LENGTH, NULL, 255);
    return newInt(cp);
  }
  if (!isAnyInt(v)) return raise(Exc.TypeError);
  const n = anyIntValue(v);
  if (name === N.chr) return chrOf(n);
  return strOfInt(n, name === N.hex ? 16 : 2);
}

/** The code point of a one-character str (UTF-8, up to 3 bytes: U+0000..U+FFFF), or -1. */
function utf8Decode(s: u16): i32 {
  const length = strLength(s);
  const c0 = length > 0 ? strByte(s, 0) : 0;
  const need: u16 = c0 >= 0xe0 ? 3 : (c0 >= 0xc0 ? 2 : 1);
  if (length !== need || c0 >= 0xf0) return -1;
  let cp: u16 = c0 & (need === 1 ? 0x7f : (need === 2 ? 31 : 15));
  for (let i: u16 = 1; i < need; i = u16(i + 1)) cp = u16((cp << 6) | (strByte(s, i) & 63));
  return cp;
}

/** chr(n): the UTF-8 encoding of code point n (U+0000..U+FFFF; beyond: ValueError). */
function chrOf(n: i32): u16 {
  if (n < 0 || n > 0xffff) return raiseMessage(Exc.ValueError, Msg.CHR_RANGE, NULL, 255);
  const c: u16 = u16(n);
  const length: u16 = c >= 0x800 ? 3 : (c >= 0x80 ? 2 : 1);
  const s = newStr(length);
  if (s === NULL) return NULL;
  // Continuation bytes from the end, 6 bits each; the lead byte carries the length marker.
  let rest: u16 = c;
  for (let i: u16 = u16(length - 1); i > 0; i = u16(i - 1)) {
    strSetByte(s, i, u8(0x80 | (rest & 63)));
    rest = rest >> 6;
  }
  strSetByte(s, 0, u8(rest | (length === 1 ? 0 : (length === 2 ? 0xc0 : 0xe0))));
  return s;
}

/** startswith / endswith of str affix within self[from:to]. */
function strAffix(self: u16, affix: u16, from: u16, to: u16, end: bool): u16 {
  if (!isStr(affix)) return raise(Exc.TypeError);
  const m = strLength(affix);
  return makeBool(from + m <= to && strMatchAt(self, end ? u16(to - m) : from, affix));
}

/** Calls str builtin or str method `n` on the current arguments (a method's self is arg 0). */
export function strBuiltin(n: u8): u16 {
  if (n < SM.FIRST) return strFunction(u8(n - B.GLOBAL_BASE));
  if (!methodArgsOk(n)) return NULL;
  const self = arg(0);
  const length = strLength(self);
  const a1 = optArg(1);
  const from = u16(clampIndex(intOr(2, 0), length));
  const to = u16(clampIndex(intOr(3, length), length));
  switch (n) {
    case SM.join:
      return strJoin(self, arg(1));
    case SM.split:
      return strSplit(self, a1, intOr(2, -1));
    case SM.strip:
    case SM.lstrip:
    case SM.rstrip:
      return strStrip(self, a1, n !== SM.rstrip, n !== SM.lstrip);
    case SM.startswith:
    case SM.endswith:
      return strAffix(self, arg(1), from, to, n === SM.endswith);
    case SM.count:
      return makeSmall(strCount(self, a1, from, to));
    case SM.find:
    case SM.index: {
      const at = strIndexOf(self, a1, from, to);
      if (at < 0 && n === SM.index) return raiseMessage(Exc.ValueError, Msg.SUBSTRING, NULL, 255);
      return makeSmall(at);
    }
    case SM.replace:
      return strReplace(self, a1, arg(2), intOr(3, -1));
    case SM.upper:
    case SM.lower:
      return strChangeCase(self, n === SM.upper);
    default:
      return makeBool(strIsDigit(self));
  }
}

/**
 * a <op> b when a or b is a str (op a BINARY_OP number, in-place forms folded): + of two strs,
 * str * int, int * str, str % args. Anything else is a TypeError.
 */
export function strBinaryOp(nb: u8, a: u16, b: u16): u16 {
  const aStr = isStr(a);
  if (nb === 0 && aStr) {
    if (isStr(b)) return strConcat(a, b);
    const name = render(Render.TYPE_NAME, b, NULL);
    return raiseMessage(Exc.TypeError, Msg.STR_CONCAT, name, Msg.STR_CONCAT_END);
  }
  if (nb === 5) {
    if (aStr && isAnyInt(b)) return strRepeat(a, anyIntValue(b));
    if (!aStr && isAnyInt(a)) return strRepeat(b, anyIntValue(a));
  }
  if (nb === 6 && aStr) return render(Render.FORMAT, a, b);
  return raise(Exc.TypeError);
}

/** `v in s` for a str s: 1 or 0, 255 with TypeError pending when v is not a str. */
export function strContains(s: u16, v: u16): u8 {
  if (isStr(v)) return strFind(s, v) ? 1 : 0;
  raiseMessage(Exc.TypeError, Msg.IN_STRING, render(Render.TYPE_NAME, v, NULL), 255);
  return 255;
}
