// Exceptions with arguments: EXC blocks [header][class][argument] and the VM's own messages.
// If the heap cannot hold the message, the bare class is raised (still the right type).
import { u8, u16, flashStr } from './types.ts';
import { NULL, makeBuiltin, heapOffset, isHeapRef } from './value.ts';
import { HeapType, get16, set16 } from './heap.ts';
import { alloc, pushRoot, popRoot } from './gc.ts';
import { Exc, raise, raiseValue } from './exc.ts';
import { newStr, strSetByte, strLength, strByte } from './str.ts';

export const enum Msg { ZERO_DIVISION = 0, LIST_INDEX = 1, TUPLE_INDEX = 2, NAME_PREFIX = 3, NAME_SUFFIX = 4,
  SLICE_INDICES = 5, SLICE_STEP = 6, STR_INDEX = 7, STR_CONCAT = 8, STR_CONCAT_END = 9, SUBSTRING = 10,
  FORMAT_ARGS = 11, FORMAT_UNSUPPORTED = 12, CHR_RANGE = 13, ORD_LENGTH = 14, EMPTY_SEP = 15, FORMAT_NOT_ALL = 16,
  IN_STRING = 17,
  PIN = 18, PIN_MODE = 19, PIN_ADC = 20, PIN_PWM = 21, PWM_DUTY = 22, // builtins-module.ts
  STR_INDICES = 23, QUOTE = 24,
}
// The VM's messages, one per line, in Msg order.
const MESSAGES = flashStr("integer division or modulo by zero\nlist index out of range\ntuple index out of range\nname '\n' is not defined\nslice indices must be integers or None or have an __index__ method\nslice step cannot be zero\nstring index out of range\ncan only concatenate str (not \"\n\") to str\nsubstring not found\nnot enough arguments for format string\nunsupported format character\nchr() arg not in range(0x110000)\nord() expected a character\nempty separator\nnot all arguments converted during string formatting\n'in <string>' requires string as left operand, not \ninvalid pin (0..19 or 'A0'..'A5')\ninvalid mode\npin has no ADC (A0..A5)\npin has no PWM (3 5 6 9 10 11)\nduty out of range\nstring indices must be integers, not '\n'\n");

/** An exception instance of built-in class cls with argument arg (NULL for none). */
export function newExc(cls: u8, arg: u16): u16 {
  if (!pushRoot(arg)) return raise(Exc.MemoryError);
  const v = alloc(HeapType.EXC, 6);
  popRoot();
  if (v === NULL) return raise(Exc.MemoryError);
  set16(u16(heapOffset(v) + 2), makeBuiltin(cls));
  set16(u16(heapOffset(v) + 4), arg);
  return v;
}
/** The argument of an EXC block; NULL for a bare class. */
export function excArgument(exc: u16): u16 {
  return isHeapRef(exc) ? get16(u16(heapOffset(exc) + 4)) : NULL;
}

function messageStart(msg: u8): u16 {
  let line: u8 = 0;
  let i: u16 = 0;
  while (line < msg) {
    if (MESSAGES[i] === 10) line = u8(line + 1);
    i = u16(i + 1);
  }
  return i;
}
function messageLength(start: u16): u16 {
  let n: u16 = 0;
  while (MESSAGES[start + n] !== 10) n = u16(n + 1);
  return n;
}

/** Raises cls with the message prefix + middle (a str, or NULL) + suffix (Msg numbers; 255 = none). */
export function raiseMessage(cls: u8, prefix: u8, middle: u16, suffix: u8): u16 {
  const p = messageStart(prefix);
  const pn = messageLength(p);
  const s: u16 = suffix === 255 ? 0 : messageStart(suffix);
  const sn: u16 = suffix === 255 ? 0 : messageLength(s);
  const mn: u16 = middle === NULL ? 0 : strLength(middle);
  if (!pushRoot(middle)) return raise(cls);
  const text = newStr(u16(pn + mn + sn));
  popRoot();
  if (text === NULL) return raise(cls);
  for (let i: u16 = 0; i < pn; i = u16(i + 1)) strSetByte(text, i, MESSAGES[p + i]);
  for (let i: u16 = 0; i < mn; i = u16(i + 1)) strSetByte(text, u16(pn + i), strByte(middle, i));
  for (let i: u16 = 0; i < sn; i = u16(i + 1)) strSetByte(text, u16(pn + mn + i), MESSAGES[s + i]);
  const exc = newExc(cls, text);
  if (exc === NULL) return raise(cls);
  return raiseValue(exc);
}

/** Raises cls(arg), e.g. KeyError(key). */
export function raiseWith(cls: u8, arg: u16): u16 {
  const exc = newExc(cls, arg);
  if (exc === NULL) return raise(cls);
  return raiseValue(exc);
}
