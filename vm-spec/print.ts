// Printing values: str() of the types built so far, straight to the console.
import { u8, u16 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, NONE, TRUE, FALSE, isImage, isSmall, isBuiltin, builtinNumber } from './value.ts';
import { putc } from './platform.ts';
import { Record, recordType, imageStrLength, imageStrByte, imageFloatBits, imageIntValue } from './image.ts';
import { isInt, intValue } from './int.ts';
import { numOut, formatI32, formatF32Repr } from './numfmt.ts';
import { f32FromBits, flashStr } from './types.ts';
import { Exc, isExcClass, printExcName, excClassOf } from './exc.ts';
import { excArgument } from './errors.ts';
import { isStr, strLength, strByte } from './str.ts';
import { isList, listLength, listGet } from './list.ts';
import { isHeapTuple, tupleLength, tupleGet } from './tuple.ts';
import { imageTupleLength, imageTupleItem } from './image.ts';

const WORDS = flashStr('NoneTrueFalse<object>');

function printWord(start: u8, length: u8): void {
  for (let i: u8 = 0; i < length; i = u8(i + 1)) putc(WORDS[start + i]);
}
function printNumOut(length: u8): void {
  for (let i: u8 = 0; i < length; i = u8(i + 1)) putc(numOut[i]);
}

/** Prints str(v). */
export function printStr(v: u16): void {
  if (v === NONE) printWord(0, 4);
  else if (v === TRUE) printWord(4, 4);
  else if (v === FALSE) printWord(8, 5);
  else if (isSmall(v) || isInt(v)) printNumOut(formatI32(intValue(v), 10, false));
  else if (isStr(v)) {
    const length = strLength(v);
    for (let i: u16 = 0; i < length; i = u16(i + 1)) putc(strByte(v, i));
  } else if (isImage(v) && recordType(v) === Record.INT) {
    printNumOut(formatI32(imageIntValue(v), 10, false));
  } else if (isImage(v) && recordType(v) === Record.FLOAT) {
    printNumOut(formatF32Repr(f32FromBits(imageFloatBits(v))));
  } else if (isList(v) || isHeapTuple(v) || (isImage(v) && recordType(v) === Record.TUPLE)) {
    printRepr(v);
  } else if (excClassOf(v) !== 0 && !isBuiltin(v)) {
    const arg = excArgument(v);
    if (arg === NULL) return;
    if (excClassOf(v) === Exc.KeyError) printRepr(arg);
    else printStr(arg);
  } else if (isBuiltin(v) && isExcClass(v)) {
    printExcName(u8(builtinNumber(v)));
  } else printWord(13, 8);
}

/** repr of an image str: single quotes unless the text has a single quote and no double quote. */
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
  putc(quote);
  for (let i: u16 = 0; i < length; i = u16(i + 1)) {
    const c = strByte(v, i);
    if (c === quote || c === 92) putc(92);
    if (c === 10) {
      putc(92);
      putc(110);
    } else if (c === 9) {
      putc(92);
      putc(116);
    } else putc(c);
  }
  putc(quote);
}

/** Prints repr(v). Nested containers recurse on the C stack (depth = nesting depth). */
export function printRepr(v: u16): void {
  if (isStr(v)) {
    printStrRepr(v);
    return;
  }
  const list = isList(v);
  const heapTuple = isHeapTuple(v);
  if (!list && !heapTuple && !(isImage(v) && recordType(v) === Record.TUPLE)) {
    printStr(v);
    return;
  }
  let length: u16 = 0;
  if (list) length = listLength(v);
  else if (heapTuple) length = tupleLength(v);
  else length = imageTupleLength(v);
  putc(list ? 91 : 40);
  for (let i: u16 = 0; i < length; i = u16(i + 1)) {
    if (i > 0) {
      putc(44);
      putc(32);
    }
    if (list) printRepr(listGet(v, i));
    else if (heapTuple) printRepr(tupleGet(v, i));
    else printRepr(imageTupleItem(v, i));
  }
  if (!list && length === 1) putc(44);
  putc(list ? 93 : 41);
}
