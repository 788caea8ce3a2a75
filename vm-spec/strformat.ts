// printf-style formatting: fmt % args (CPython's str.__mod__) for ints, floats and strs.
// Conversions d i x X o s r f F e E g G and %%; flags - 0 + space #; width and precision
// (digits; '*', %c, %u and %(name)s are not supported: ValueError). Writes through print.ts's emit (render() calls it twice: count, then fill), so
// it never allocates; errors raise and return false on the first (counting) pass.
import { u8, u16, i32, f32, flashStr } from './types.ts';
import type { bool } from './types.ts';
import { NULL, makeSmall, smallValue } from './value.ts';
import { Exc, raise } from './exc.ts';
import { raiseMsg, raiseOpMsg, Msg } from './errors.ts';
import { isAnyInt, anyIntValue } from './int.ts';
import { isAnyTuple, seqLength, seqItem } from './seq.ts';
import { isStr, strLength, strByte } from './str.ts';
import { numOut, formatI32, formatF32 } from './numfmt.ts';
import { emit, printStr, printRepr, printTypeName, textLength, isFloatValue, floatValue, render, Render } from './print.ts';

const NO_PRECISION = 0xffff;


function emitRepeat(c: u8, n: u16): void {
  for (let i: u16 = 0; i < n; i = u16(i + 1)) emit(c);
}

/**
 * Writes numOut[0..length) padded to `width`: `lead` bytes at its start (sign, 0x) stay in
 * front of zero padding; `sign` (0 for none) is an extra '+' or ' ' before them.
 */
function emitNumber(length: u8, lead: u8, sign: u8, width: u16, left: bool, zero: bool): void {
  const total: u16 = u16(length + (sign !== 0 ? 1 : 0));
  const pad: u16 = width > total ? u16(width - total) : 0;
  if (!left && !zero) emitRepeat(32, pad);
  if (sign !== 0) emit(sign);
  for (let i: u8 = 0; i < lead; i = u8(i + 1)) emit(numOut[i]);
  if (!left && zero) emitRepeat(48, pad);
  for (let i: u8 = lead; i < length; i = u8(i + 1)) emit(numOut[i]);
  if (left) emitRepeat(32, pad);
}

function upperNumOut(length: u8): void {
  for (let i: u8 = 0; i < length; i = u8(i + 1)) {
    const c = numOut[i];
    if (c >= 97 && c <= 122) numOut[i] = u8(c - 32);
  }
}

/** Raises TypeError('%<type> format: ... not <type of v>'); returns false. */
function raiseFormatType(type: u8, v: u16): bool {
  const lower: u8 = u8(type | 32);
  raiseOpMsg(lower === 120 || lower === 111 ? Msg.FORMAT_INT : Msg.FORMAT_REAL, type, v, NULL);
  return false;
}

/** One conversion `type` of value v; false with an exception pending. */
function formatOne(type: u8, v: u16, flags: u8, width: u16, precision: u16): bool {
  const left = (flags & 1) !== 0;
  const zero = (flags & 2) !== 0;
  const lower: u8 = u8(type | 32);
  let sign: u8 = 0;
  if ((flags & 4) !== 0) sign = 43;
  else if ((flags & 8) !== 0) sign = 32;
  const alt = (flags & 16) !== 0;
  if (type === 115 || type === 114) {
    // %s %r: the text, cut to the precision (strs only), padded with spaces
    const kind: u8 = type === 115 ? Render.STR : Render.REPR;
    let length = textLength(kind, v);
    const cut = type === 115 && isStr(v) && precision < length;
    if (cut) length = precision;
    const pad: u16 = width > length ? u16(width - length) : 0;
    if (!left) emitRepeat(32, pad);
    if (cut) {
      for (let i: u16 = 0; i < length; i = u16(i + 1)) emit(strByte(v, i));
    } else if (kind === Render.STR) printStr(v);
    else printRepr(v);
    if (left) emitRepeat(32, pad);
    return true;
  }
  const isFloat = isFloatValue(v);
  if (!isFloat && !isAnyInt(v)) return raiseFormatType(type, v);
  let length: u8 = 0;
  let lead: u8 = 0;
  if (lower === 100 || lower === 105 || lower === 120 || lower === 111) {
    // d i x o: ints (a float is truncated for d i, refused for x o)
    if (isFloat && (lower === 120 || lower === 111)) return raiseFormatType(type, v);
    const n: i32 = isFloat ? i32(floatValue(v)) : anyIntValue(v);
    const base: u8 = lower === 120 ? 16 : (lower === 111 ? 8 : 10);
    length = formatI32(n, base, alt && base !== 10);
    if (n < 0) lead = 1;
    if (alt && base !== 10) lead = u8(lead + 2);
  } else if (lower === 102 || lower === 101 || lower === 103) {
    const x: f32 = isFloat ? floatValue(v) : f32(anyIntValue(v));
    const p: u8 = precision === NO_PRECISION ? 6 : (precision > 40 ? 40 : u8(precision));
    length = formatF32(x, lower, p); // 'f', 'e' or 'g'
    if (length === 0) {
      raise(Exc.OverflowError);
      return false;
    }
    if (numOut[0] === 45) lead = 1;
  } else {
    raiseMsg(Msg.FORMAT_UNSUPPORTED);
    return false;
  }
  if (lead > 0 && numOut[0] === 45) sign = 0;
  if (type !== lower) upperNumOut(length);
  emitNumber(length, lead, sign, width, left, zero);
  return true;
}

// A parsed conversion spec (parseSpec): flags (1 left, 2 zero, 4 '+', 8 ' ', 16 '#', 32 '>'),
// width, precision (NO_PRECISION when absent) and the type letter (0 when the text ended).
let specFlags: u8 = 0;
let specWidth: u16 = 0;
let specPrecision: u16 = NO_PRECISION;
let specType: u8 = 0;

/** Parses a spec from fmt[i..): '%' specs and format() specs alike; returns the index after it. */
function parseSpec(fmt: u16, from: u16): u16 {
  const n = strLength(fmt);
  let i: u16 = from;
  let part: u8 = 0; // 0 flags, 1 width, 2 precision
  specFlags = 0;
  specWidth = 0;
  specPrecision = NO_PRECISION;
  specType = 0;
  while (i < n && specType === 0) {
    const c = strByte(fmt, i);
    i = u16(i + 1);
    if (part === 0 && (c === 45 || c === 60)) specFlags = u8(specFlags | 1);
    else if (part === 0 && c === 48) specFlags = u8(specFlags | 2);
    else if (part === 0 && c === 43) specFlags = u8(specFlags | 4);
    else if (part === 0 && c === 32) specFlags = u8(specFlags | 8);
    else if (part === 0 && c === 35) specFlags = u8(specFlags | 16);
    else if (part === 0 && c === 62) specFlags = u8(specFlags | 32);
    else if (c === 46 && part < 2) {
      part = 2;
      specPrecision = 0;
    } else if (c >= 48 && c <= 57) {
      // width or precision digits (kept below 1000)
      const d: u16 = u16(c - 48);
      if (part === 2) specPrecision = specPrecision > 99 ? specPrecision : u16(specPrecision * 10 + d);
      else {
        part = 1;
        specWidth = specWidth > 99 ? specWidth : u16(specWidth * 10 + d);
      }
    } else specType = c;
  }
  return i;
}

/** Writes fmt % args; false with an exception pending (checked on the first pass). */
export function formatPercent(fmt: u16, args: u16): bool {
  const n = strLength(fmt);
  const tuple = isAnyTuple(args);
  const count: u16 = tuple ? seqLength(args) : 1;
  let next: u16 = 0;
  let i: u16 = 0;
  while (i < n) {
    const c = strByte(fmt, i);
    i = u16(i + 1);
    if (c !== 37) {
      emit(c);
      continue;
    }
    i = parseSpec(fmt, i);
    if (specType === 37) {
      emit(37);
      continue;
    }
    if (specType === 0) {
      raiseMsg(Msg.FORMAT_UNSUPPORTED);
      return false;
    }
    if (next >= count) {
      raiseMsg(Msg.FORMAT_ARGS);
      return false;
    }
    const v = tuple ? seqItem(args, next) : args;
    next = u16(next + 1);
    if (!formatOne(specType, v, specFlags, specWidth, specPrecision)) return false;
  }
  if (next < count) {
    raiseMsg(Msg.FORMAT_NOT_ALL);
    return false;
  }
  return true;
}

/**
 * Writes format(v, spec) for f-strings ({v:spec}): [<|>][+| ][#][0][width][.precision][type],
 * the type defaulting to s (strs, left-aligned), d (ints) or g (floats).
 */
export function formatSpec(v: u16, spec: u16): bool {
  parseSpec(spec, 0);
  let type = specType;
  let flags = specFlags;
  if (type === 0) {
    type = 103;
    if (isStr(v)) type = 115;
    else if (isAnyInt(v)) type = 100;
  }
  if (type === 115 && (flags & 32) === 0) flags = u8(flags | 1);
  return formatOne(type, v, flags, specWidth, specPrecision);
}

/** FORMAT_VALUE: format(v, spec) after conversion conv (0 none, 1 str, 2 repr, 3 ascii); spec NULL for none. */
export function formatValue(v: u16, conv: u8, spec: u16): u16 {
  let x: u16 = v;
  if (conv !== 0 || (spec === NULL && !isStr(v))) x = render(conv >= 2 ? Render.REPR : Render.STR, v, NULL);
  if (x === NULL || spec === NULL) return x;
  // x is only held across render's own allocation, where render roots it
  return render(Render.SPEC, x, spec);
}
