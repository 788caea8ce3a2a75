// The text of values: str() and repr() of every type, written through emit() to a sink that is
// the console (print) or a str being built (render: str(), repr(), '%' formatting, messages).
// render runs the writer twice: once to count the bytes, once to fill the new str, so nothing
// is buffered and the writers never allocate.
import { u8, u16, f32, f32FromBits, flashStr } from './types.ts';
import type { bool } from './types.ts';
import { NULL, NONE, TRUE, FALSE, isImage, isSmall, isBuiltin, builtinNumber } from './value.ts';
import { putc } from './platform.ts';
import { Record, recordType, imageFloatBits, imageIntValue } from './image.ts';
import { isAnyInt, anyIntValue } from './int.ts';
import { numOut, formatI32, formatF32Repr } from './numfmt.ts';
import { Exc, raise, isExcClass, printExcName, excClassOf } from './exc.ts';
import { excArgument } from './errors.ts';
import { isStr, strLength, strByte, newStr, strSetByte } from './str.ts';
import { isList } from './list.ts';
import { isAnyTuple, seqLength, seqItem } from './seq.ts';
import { isDict } from './dict.ts';
import { isRange } from './iter.ts';
import { isFunc } from './func.ts';
import { isLibFunc } from './libfunc.ts';
import { isSlice } from './slice.ts';
import { pushRoot, popRoot } from './gc.ts';
import { B, N } from './names.ts';
import { formatPercent, formatSpec, printFormatTypeError } from './strformat.ts';
import { printDictRepr, printRangeRepr } from './print-seq.ts';
import { isFloat, floatOf } from './float.ts';
import { excHasArgsTuple } from './excargs.ts';

// ---- the sink ----
const enum Sink { CONSOLE = 0, COUNT = 1, FILL = 2 }
let sink: u8 = Sink.CONSOLE;
let sinkStr: u16 = NULL;
let sinkAt: u16 = 0;

/** Writes one byte of text to the current sink. */
export function emit(c: u8): void {
  if (sink === Sink.CONSOLE) {
    putc(c);
    return;
  }
  if (sink === Sink.FILL) strSetByte(sinkStr, sinkAt, c);
  if (sinkAt < 0xffff) sinkAt = u16(sinkAt + 1);
}

/** What render() writes. */
export const enum Render { STR = 0, REPR = 1, FORMAT = 2, TYPE_NAME = 3, SPEC = 4, FORMAT_TYPE_ERROR = 5 }

function renderOnce(kind: u8, a: u16, b: u16): bool {
  if (kind === Render.STR) printStr(a);
  else if (kind === Render.REPR) printRepr(a);
  else if (kind === Render.TYPE_NAME) printTypeName(a);
  else if (kind === Render.SPEC) return formatSpec(a, b);
  else if (kind === Render.FORMAT_TYPE_ERROR) printFormatTypeError(a, b);
  else return formatPercent(a, b);
  return true;
}

/** A new str holding the text `kind` makes of a (and b): str(a), repr(a), a % b, type(a).__name__. NULL with an exception pending on failure. */
export function render(kind: u8, a: u16, b: u16): u16 {
  // Saved and restored: a writer may render (an error message) while counting its own text.
  const savedSink = sink;
  const savedAt = sinkAt;
  const savedStr = sinkStr;
  sink = Sink.COUNT;
  sinkAt = 0;
  let s: u16 = NULL;
  if (renderOnce(kind, a, b)) {
    const rootedA = pushRoot(a);
    const rootedB = pushRoot(b);
    s = rootedA && rootedB ? newStr(sinkAt) : raise(Exc.MemoryError);
    popRoot();
    popRoot();
  }
  if (s !== NULL) {
    sink = Sink.FILL;
    sinkStr = s;
    sinkAt = 0;
    renderOnce(kind, a, b);
  }
  sink = savedSink;
  sinkAt = savedAt;
  sinkStr = savedStr;
  return s;
}

/** The length of the text `kind` makes of v (Render.STR or REPR), whatever the sink is. */
export function textLength(kind: u8, v: u16): u16 {
  const savedSink = sink;
  const savedAt = sinkAt;
  sink = Sink.COUNT;
  sinkAt = 0;
  if (kind === Render.STR) printStr(v);
  else printRepr(v);
  const length = sinkAt;
  sink = savedSink;
  sinkAt = savedAt;
  return length;
}

// ---- words ----
// Type names, one per line, in Ty order; then the other words the printers use.
const WORDS = flashStr('int\nfloat\nbool\nstr\nlist\ntuple\ndict\nrange\nNoneType\nfunction\nslice\nbuiltin_function_or_method\ntype\nNone\nTrue\nFalse\n<class \'\n<built-in function>\n<function>\n');
const enum Ty {
  INT = 0, FLOAT = 1, BOOL = 2, STR = 3, LIST = 4, TUPLE = 5, DICT = 6, RANGE = 7, NONE = 8,
  FUNCTION = 9, SLICE = 10, BUILTIN = 11, TYPE = 12,
  W_NONE = 13, W_TRUE = 14, W_FALSE = 15, W_CLASS = 16, W_BUILTIN = 17, W_FUNCTION = 18,
  EXCEPTION = 255,
}

/** Writes line `word` of WORDS. */
export function printWord(word: u8): void {
  let line: u8 = 0;
  for (let i: u16 = 0; i < WORDS.length; i = u16(i + 1)) {
    const c = WORDS[i];
    if (c === 10) {
      if (line === word) return;
      line = u8(line + 1);
    } else if (line === word) {
      emit(c);
    }
  }
}

/** Writes numOut[0..length) (the result of a numfmt function). */
export function printNumOut(length: u8): void {
  for (let i: u8 = 0; i < length; i = u8(i + 1)) emit(numOut[i]);
}

/** A float (heap or image): float.ts. */
export function isFloatValue(v: u16): bool { return isFloat(v); }
export function floatValue(v: u16): f32 { return floatOf(v); }

/** The type-name line of v (Ty), or Ty.EXCEPTION for an exception instance. */
function typeLine(v: u16): u8 {
  if (v === NONE) return Ty.NONE;
  if (v === TRUE || v === FALSE) return Ty.BOOL;
  if (isAnyInt(v)) return Ty.INT;
  if (isFloatValue(v)) return Ty.FLOAT;
  if (isStr(v)) return Ty.STR;
  if (isList(v)) return Ty.LIST;
  if (isAnyTuple(v)) return Ty.TUPLE;
  if (isDict(v)) return Ty.DICT;
  if (isRange(v)) return Ty.RANGE;
  if (isLibFunc(v)) return Ty.BUILTIN; // a builtin written in Python (libfunc.ts)
  if (isFunc(v)) return Ty.FUNCTION;
  if (isSlice(v)) return Ty.SLICE;
  if (excClassOf(v) !== 0) return Ty.EXCEPTION; // a bare class stands for an instance without arguments
  if (builtinTypeLine(v) !== 255) return Ty.TYPE;
  return Ty.BUILTIN;
}

/** For a builtin that is a type (int, float, bool, str, list, tuple, dict, range): its Ty line; else 255. */
function builtinTypeLine(v: u16): u8 {
  if (!isBuiltin(v)) return 255;
  const n = builtinNumber(v);
  if (n === B.GLOBAL_BASE + N.int) return Ty.INT;
  if (n === B.GLOBAL_BASE + N.float) return Ty.FLOAT;
  if (n === B.GLOBAL_BASE + N.bool) return Ty.BOOL;
  if (n === B.GLOBAL_BASE + N.str) return Ty.STR;
  if (n === B.GLOBAL_BASE + N.list) return Ty.LIST;
  if (n === B.GLOBAL_BASE + N.tuple) return Ty.TUPLE;
  if (n === B.GLOBAL_BASE + N.dict) return Ty.DICT;
  if (n === B.GLOBAL_BASE + N.range) return Ty.RANGE;
  if (n === B.NoneType) return Ty.NONE;
  return 255;
}

/** Writes the name of v's type ('int', 'NoneType', 'ValueError' ...). */
export function printTypeName(v: u16): void {
  const t = typeLine(v);
  if (t === Ty.EXCEPTION) printExcName(excClassOf(v));
  else printWord(t);
}

/** Prints str(v). */
export function printStr(v: u16): void {
  if (isStr(v)) {
    const length = strLength(v);
    for (let i: u16 = 0; i < length; i = u16(i + 1)) emit(strByte(v, i));
    return;
  }
  const t = typeLine(v);
  if (t === Ty.EXCEPTION) {
    // str(exc): its argument ('' without one); KeyError shows the key's repr.
    const arg = excArgument(v);
    if (arg === NULL) return;
    if (excClassOf(v) === Exc.KeyError) printRepr(arg);
    else printStr(arg);
    return;
  }
  printRepr(v);
}

/** repr of a str: single quotes unless the text has a single quote and no double quote. */
function printStrRepr(v: u16): void {
  const length = strLength(v);
  let single: bool = false;
  let double: bool = false;
  for (let i: u16 = 0; i < length; i = u16(i + 1)) {
    const c = strByte(v, i);
    if (c === 39) single = true;
    if (c === 34) double = true;
  }
  const quote: u8 = single && !double ? 34 : 39;
  emit(quote);
  for (let i: u16 = 0; i < length; i = u16(i + 1)) {
    const c = strByte(v, i);
    if (c === quote || c === 92) {
      emit(92);
      emit(c);
    } else if (c === 10) {
      emit(92);
      emit(110);
    } else if (c === 13) {
      emit(92);
      emit(114);
    } else if (c === 9) {
      emit(92);
      emit(116);
    } else if (c < 32 || c === 127) {
      emit(92);
      emit(120);
      emit(hexDigit(c >> 4));
      emit(hexDigit(c & 15));
    } else emit(c);
  }
  emit(quote);
}

function hexDigit(d: u8): u8 { return d < 10 ? u8(48 + d) : u8(87 + d); }

/** Prints repr(v). Nested containers recurse on the C stack (depth = nesting depth). */
export function printRepr(v: u16): void {
  const t = typeLine(v);
  switch (t) {
    case Ty.STR:
      printStrRepr(v);
      return;
    case Ty.NONE:
      printWord(Ty.W_NONE);
      return;
    case Ty.BOOL:
      printWord(v === TRUE ? Ty.W_TRUE : Ty.W_FALSE);
      return;
    case Ty.INT:
      printNumOut(formatI32(anyIntValue(v), 10, false));
      return;
    case Ty.FLOAT:
      printNumOut(formatF32Repr(floatValue(v)));
      return;
    case Ty.LIST:
    case Ty.TUPLE:
      printSequence(v, t === Ty.LIST);
      return;
    case Ty.EXCEPTION: {
      printExcName(excClassOf(v));
      const arg = excArgument(v);
      if (excHasArgsTuple(v)) {
        printRepr(arg); // several arguments: their tuple's parentheses are the call's
        return;
      }
      emit(40);
      if (arg !== NULL) printRepr(arg);
      emit(41);
      return;
    }
    case Ty.TYPE:
      printWord(Ty.W_CLASS);
      printWord(builtinTypeLine(v));
      emit(39);
      emit(62);
      return;
    case Ty.FUNCTION:
      printWord(Ty.W_FUNCTION);
      return;
    case Ty.DICT:
      printDictRepr(v);
      return;
    case Ty.RANGE:
      printRangeRepr(v);
      return;
    default:
      printWord(Ty.W_BUILTIN);
  }
}

function printSequence(v: u16, list: bool): void {
  const length = seqLength(v);
  emit(list ? 91 : 40);
  for (let i: u16 = 0; i < length; i = u16(i + 1)) {
    if (i > 0) {
      emit(44);
      emit(32);
    }
    printRepr(seqItem(v, i));
  }
  if (!list && length === 1) emit(44);
  emit(list ? 93 : 41);
}
