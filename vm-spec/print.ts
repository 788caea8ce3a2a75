// The text of values: str() and repr() of every type, written through emit() to a sink that is
// the console (print) or a str being built (render: str(), repr(), '%' formatting, messages).
// render runs the writer twice: once to count the bytes, once to fill the new str, so nothing
// is buffered and the writers never allocate.
import { u8, u16, flashStr, flashU8 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, NONE, TRUE, FALSE, isImage, isSmall, isBuiltin, builtinNumber, isHeapRef, heapOffset } from './value.ts';
import { putc } from './platform.ts';
import { recordType } from './image.ts';
import { HeapType, blockType, get16 } from './heap.ts';
import { anyIntValue } from './int.ts';
import { numOut, formatI32, formatF32Repr, formatF32Exact } from './numfmt.ts';
import { Exc, isExcClass, excClassOf } from './exc.ts';
import { excArgument, printMessage, printLine, Msg } from './errors.ts';
import { strLength, strByte, strSetByte, newStrKeeping } from './str.ts';
import { seqLength, seqItem } from './seq.ts';
import { dictUsed, dictEntryKey, dictEntryValue } from './dict.ts';
import { rangeField } from './iter.ts';
import { B, N } from './names.ts';
import { floatOf } from './float.ts';
import { excHasArgsTuple } from './excargs.ts';
import { REPR_NEST_MAX } from './config.ts';

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
  if (sinkAt < TEXT_FAILED - 1) sinkAt = u16(sinkAt + 1);
}

/** What render() writes. */
export const enum Render { STR = 0, REPR = 1, TYPE_NAME = 2, MESSAGE = 3, SPEC = 4, CLASS_NAME = 5 }

function renderOnce(kind: u8, a: u16, b: u16): bool {
  if (kind === Render.STR) printStr(a);
  else if (kind === Render.REPR) printRepr(a);
  else if (kind === Render.TYPE_NAME) printTypeName(a);
  else if (kind === Render.MESSAGE) printMessage(a, b);
  else if (kind === Render.CLASS_NAME) printWord(builtinTypeLine(a));
  else printNumOut(formatF32Exact(floatOf(a))); // SPEC: format.py's float primitive
  return true;
}

/** renderTo's result when the writer failed (an exception is pending); longer texts count one less. */
const TEXT_FAILED = 0xffff;

/**
 * Writes the text `kind` makes of a (and b) to sink COUNT (str NULL) or FILL (into str); its
 * length, TEXT_FAILED on failure. The sink is saved and restored: a writer may render (an
 * error message) while writing its own text.
 */
function renderTo(to: u8, str: u16, kind: u8, a: u16, b: u16): u16 {
  const savedSink = sink;
  const savedAt = sinkAt;
  const savedStr = sinkStr;
  sink = to;
  sinkStr = str;
  sinkAt = 0;
  const length = renderOnce(kind, a, b) ? sinkAt : TEXT_FAILED;
  sink = savedSink;
  sinkAt = savedAt;
  sinkStr = savedStr;
  return length;
}

/** A new str holding the text `kind` makes of a (and b): str(a), repr(a), type(a).__name__, a message, a number spec. NULL with an exception pending on failure. */
export function render(kind: u8, a: u16, b: u16): u16 {
  const length = renderTo(Sink.COUNT, NULL, kind, a, b);
  if (length === TEXT_FAILED) return NULL;
  const s = newStrKeeping(length, a, b);
  if (s !== NULL) renderTo(Sink.FILL, s, kind, a, b);
  return s;
}

// ---- words ----
// Type names in Ty order; then the other words the printers use; then the exception classes'
// names in class order (exc.ts): lines Msg.WORDS + Ty of errors.ts's TEXT.
export const enum Ty {
  INT = 0, FLOAT = 1, BOOL = 2, STR = 3, LIST = 4, TUPLE = 5, DICT = 6, RANGE = 7, NONE = 8,
  FUNCTION = 9, SLICE = 10, BUILTIN = 11, TYPE = 12,
  W_NONE = 13, W_TRUE = 14, W_FALSE = 15, W_CLASS = 16, W_BUILTIN = 17, W_FUNCTION = 18, W_EXC = 19,
  EXCEPTION = 255,
}
// The Ty of a heap block by its HeapType, and of an image record by its Record type.
const HEAP_TY = flashU8([
  Ty.BUILTIN, Ty.INT, Ty.FLOAT, Ty.STR, Ty.TUPLE, Ty.LIST, Ty.BUILTIN, Ty.DICT, Ty.BUILTIN, Ty.RANGE, Ty.BUILTIN,
  Ty.FUNCTION, Ty.BUILTIN, Ty.EXCEPTION, Ty.BUILTIN, Ty.BUILTIN, Ty.BUILTIN, Ty.BUILTIN, Ty.BUILTIN, Ty.BUILTIN, Ty.SLICE,
]);
// (A FUNC record is a builtin written in Python, libfunc.ts: it shows as a builtin.)
const RECORD_TY = flashU8([Ty.BUILTIN, Ty.STR, Ty.INT, Ty.FLOAT, Ty.TUPLE, Ty.BUILTIN, Ty.BUILTIN]);
// The builtin of each type that is one (Ty.INT .. Ty.RANGE), as its N.
export const TYPE_NAMES = flashU8([N.int, N.float, N.bool, N.str, N.list, N.tuple, N.dict, N.range]);

/** Writes word `word` (a Ty). */
export function printWord(word: u8): void { printLine(u8(Msg.WORDS + word), NULL, NULL); }

/** Writes the name of built-in exception class `cls`. */
export function printExcName(cls: u8): void { printWord(u8(Ty.W_EXC + cls - Exc.FIRST)); }

/** Writes numOut[0..length) (the result of a numfmt function). */
export function printNumOut(length: u8): void {
  for (let i: u8 = 0; i < length; i = u8(i + 1)) emit(numOut[i]);
}

/** The type-name line of v (Ty), or Ty.EXCEPTION for an exception instance (a class is a Ty.TYPE). */
export function typeLine(v: u16): u8 {
  if (isHeapRef(v)) return HEAP_TY[blockType(heapOffset(v))];
  if (isImage(v)) {
    const r = recordType(v);
    return r < RECORD_TY.length ? RECORD_TY[r] : Ty.BUILTIN;
  }
  if (isSmall(v)) return Ty.INT;
  if (v === NONE) return Ty.NONE;
  if (v === TRUE || v === FALSE) return Ty.BOOL;
  return builtinTypeLine(v) !== 255 ? Ty.TYPE : Ty.BUILTIN;
}

/** For a builtin that is a type (int, float, bool, str, list, tuple, dict, range, NoneType, an exception class): its name's line; else 255. */
export function builtinTypeLine(v: u16): u8 {
  if (!isBuiltin(v)) return 255;
  const n = builtinNumber(v);
  if (isExcClass(v)) return u8(Ty.W_EXC + n - Exc.FIRST);
  if (n === B.NoneType) return Ty.NONE;
  for (let t: u8 = 0; t < TYPE_NAMES.length; t = u8(t + 1)) {
    if (n === B.GLOBAL_BASE + TYPE_NAMES[t]) return t;
  }
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
  const t = typeLine(v);
  if (t === Ty.STR) {
    const length = strLength(v);
    for (let i: u16 = 0; i < length; i = u16(i + 1)) emit(strByte(v, i));
  } else if (t === Ty.EXCEPTION) {
    // str(exc): its argument ('' without one); KeyError shows the key's repr.
    const arg = excArgument(v);
    if (arg === NULL) return;
    if (excClassOf(v) === Exc.KeyError) printRepr(arg);
    else printStr(arg);
  } else {
    printRepr(v);
  }
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
    if (c === quote || c === 92) emit(92);
    else if (c < 32 || c === 127) {
      // \n \r \t, \xNN for other controls
      emit(92);
      let letter: u8 = 120;
      if (c === 10) letter = 110;
      else if (c === 13) letter = 114;
      else if (c === 9) letter = 116;
      emit(letter);
      if (letter !== 120) continue;
      emit(hexDigit(c >> 4));
      emit(hexDigit(c & 15));
      continue;
    }
    emit(c);
  }
  emit(quote);
}

function hexDigit(d: u8): u8 { return d < 10 ? u8(48 + d) : u8(87 + d); }

/** Prints repr(v). Nested containers recurse on the C stack (depth = nesting depth). */
export function printRepr(v: u16): void {
  const t = typeLine(v);
  if (t === Ty.STR) printStrRepr(v);
  else if (t === Ty.INT) printNumOut(formatI32(anyIntValue(v)));
  else if (t === Ty.FLOAT) printNumOut(formatF32Repr(floatOf(v)));
  else if (t >= Ty.LIST && t <= Ty.RANGE) printItems(v, t);
  else if (t === Ty.EXCEPTION) {
    printExcName(excClassOf(v));
    const arg = excArgument(v);
    if (excHasArgsTuple(v)) {
      printRepr(arg); // several arguments: their tuple's parentheses are the call's
      return;
    }
    emit(40);
    if (arg !== NULL) printRepr(arg);
    emit(41);
  } else if (t === Ty.TYPE) {
    printWord(Ty.W_CLASS);
    printWord(builtinTypeLine(v));
    emit(39);
    emit(62);
  } else if (t === Ty.NONE) printWord(Ty.W_NONE);
  else if (t === Ty.BOOL) printWord(v === TRUE ? Ty.W_TRUE : Ty.W_FALSE);
  else printWord(t === Ty.FUNCTION ? Ty.W_FUNCTION : Ty.W_BUILTIN);
}

// Opening and closing bracket of a list, tuple, dict and range (Ty.LIST .. Ty.RANGE).
const BRACKETS = flashStr('[](){}()');

// The containers whose repr is being printed, outermost first (REPR_NEST_MAX of them).
const reprOpen = new Uint16Array(REPR_NEST_MAX);
let reprDepth: u8 = 0;

/** True when v is being printed already (a list that holds itself) or nesting is too deep. */
function reprCycle(v: u16): bool {
  if (reprDepth >= REPR_NEST_MAX) return true;
  for (let i: u8 = 0; i < reprDepth; i = u8(i + 1)) {
    if (reprOpen[i] === v) return true;
  }
  return false;
}

/** repr of a container: [1, 2], (1,), {'a': 1}, range(0, 3), range(1, 5, 2); [...] for one being printed. */
function printItems(v: u16, t: u8): void {
  const bracket = u8((t - Ty.LIST) * 2);
  if (t === Ty.RANGE) printWord(Ty.RANGE);
  emit(BRACKETS[bracket]);
  if (reprCycle(v)) {
    for (let i: u8 = 0; i < 3; i = u8(i + 1)) emit(46);
  } else {
    reprOpen[reprDepth] = v;
    reprDepth = u8(reprDepth + 1);
    printItemsOf(v, t);
    reprDepth = u8(reprDepth - 1);
  }
  emit(BRACKETS[bracket + 1]);
}

/** The items of printItems's container, without its brackets. */
function printItemsOf(v: u16, t: u8): void {
  let n: u16 = 0;
  if (t === Ty.DICT) n = dictUsed(v);
  else if (t === Ty.RANGE) n = rangeField(v, 6) === 1 ? 2 : 3; // start, stop and a step other than 1
  else n = seqLength(v);
  let first: bool = true;
  for (let i: u16 = 0; i < n; i = u16(i + 1)) {
    let item: u16 = NULL;
    if (t === Ty.DICT) {
      item = dictEntryKey(v, i);
      if (item === NULL) continue; // a deleted entry
    } else if (t === Ty.RANGE) item = get16(u16(heapOffset(v) + 2 + i * 2));
    else item = seqItem(v, i);
    if (!first) {
      emit(44);
      emit(32);
    }
    first = false;
    printRepr(item);
    if (t === Ty.DICT) {
      emit(58);
      emit(32);
      printRepr(dictEntryValue(v, i));
    }
  }
  if (t === Ty.TUPLE && n === 1) emit(44);
}
