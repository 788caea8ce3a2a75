// Built-in functions on strs (str repr ord chr) and the operators with a str operand (+, *, %).
// The str methods are Python code (vm-spec/lib/str.py).
import { u8, u16, i32, flashU8 } from './types.ts';
import { NULL, NONE } from './value.ts';
import { Exc, raise } from './exc.ts';
import { raiseMsg, raiseMsgOf, Msg } from './errors.ts';
import { N, B } from './names.ts';
import { arg, argCount } from './args.ts';
import { isAnyInt, anyIntValue, newInt } from './int.ts';
import { isStr, strLength, strByte, strConcat, newStr, strSetByte, strFind } from './str.ts';
import { render, Render } from './print.ts';
import { LibKind, handOver } from './libfunc.ts';

/** Calls str builtin `n` (str, repr, ord, chr) on the current arguments. */
export function strBuiltin(n: u8): u16 {
  const name = u8(n - B.GLOBAL_BASE);
  const count = argCount();
  if (name === N.str && count === 0) return newStr(0);
  if (count !== 1) return raise(Exc.TypeError);
  const v = arg(0);
  if (name === N.str) return isStr(v) ? v : render(Render.STR, v, NULL);
  if (name === N.repr) return render(Render.REPR, v, NULL);
  if (name === N.ord) return ordOf(v);
  if (!isAnyInt(v)) return raise(Exc.TypeError);
  return chrOf(anyIntValue(v));
}

// The payload bits of a UTF-8 lead byte, and its length marker, for 1, 2 and 3 bytes.
const LEAD_MASK = flashU8([0x7f, 31, 15]);
const LEAD_MARK = flashU8([0, 0xc0, 0xe0]);

/** ord(v): the code point of a one-character str (UTF-8, up to 3 bytes: U+0000..U+FFFF). */
function ordOf(v: u16): u16 {
  const length = isStr(v) ? strLength(v) : 0;
  const c0 = length > 0 ? strByte(v, 0) : 0;
  const need: u16 = c0 >= 0xe0 ? 3 : (c0 >= 0xc0 ? 2 : 1);
  if (length !== need || c0 >= 0xf0) return raiseMsg(Msg.ORD_LENGTH);
  let cp: u16 = c0 & LEAD_MASK[need - 1];
  for (let i: u16 = 1; i < need; i = u16(i + 1)) cp = u16((cp << 6) | (strByte(v, i) & 63));
  return newInt(cp);
}

/** chr(n): the UTF-8 encoding of code point n (U+0000..U+FFFF; beyond: ValueError). */
function chrOf(n: i32): u16 {
  if (n >> 16 !== 0) return raiseMsg(Msg.CHR_RANGE); // below 0 or above 0xffff
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
  strSetByte(s, 0, u8(rest | LEAD_MARK[length - 1]));
  return s;
}

/**
 * a <op> b when a or b is a str (nb a BINARY_OP number, in-place forms folded): + of two strs;
 * str * int and int * str (handed over to list.py _repeat), str % args (to format.py); NONE for an operator
 * strs do not have. @noinline: inlined into binaryOp (and so into vmRun), LTO grows the firmware
 * by about 200 bytes.
 */
export function strBinaryOp(nb: u8, a: u16, b: u16): u16 {
  const aStr = isStr(a);
  if (nb === 0 && aStr) {
    if (isStr(b)) return strConcat(a, b);
    return raiseMsgOf(Msg.STR_CONCAT, b, NULL);
  }
  if (nb === 5) return handOver(LibKind.REPEAT); // str * n, n * str and their errors: list.py _repeat
  if (nb === 6 && aStr) return handOver(LibKind.PERCENT);
  return NONE; // not a str operation (binaryOp goes on to sequences and "unsupported operand type(s)")
}

/** `v in s` for a str s: 1 or 0, 255 with TypeError pending when v is not a str. */
export function strContains(s: u16, v: u16): u8 {
  if (isStr(v)) return strFind(s, v) ? 1 : 0;
  raiseMsgOf(Msg.IN_STRING, v, NULL);
  return 255;
}
