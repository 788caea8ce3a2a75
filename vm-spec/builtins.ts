// Built-in functions and methods: name lookup and dispatch by number (names.ts gives the
// numbers). Each group lives in its own file; this file holds only the routing and print().
import { u8, u16 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, NONE, isBuiltin, builtinNumber, makeBuiltin, heapOffset } from './value.ts';
import { get16 } from './heap.ts';
import { isRange } from './iter.ts';
import { isSlice } from './slice.ts';
import { putc } from './platform.ts';
import { Exc, raise, isExcClass, lookupExcClass, excClassOf } from './exc.ts';
import { newExcFromArgs, excArgs } from './excargs.ts';
import { printStr, render, Render, builtinTypeLine } from './print.ts';
import { isList } from './list.ts';
import { isDict } from './dict.ts';
import { N, B, nameIndex } from './names.ts';
import { arg, argCount, kwCount, kwName, kwValue } from './args.ts';
import { numBuiltin } from './builtins-num.ts';
import { strBuiltin } from './builtins-str.ts';
import { seqBuiltin, listMethod, dictMethod } from './builtins-seq.ts';
import { moduleBuiltin, moduleMethod, moduleAttr } from './builtins-module.ts';

/** The builtin (function or exception class) named by image STR `name`, or NULL. */
export function lookupBuiltin(name: u16): u16 {
  const n = nameIndex(name);
  // next, enumerate and reversed are Python code (vm-spec/lib/reduce.py): of next .. hash, zip and hash are native
  if (n < N.next || n === N.zip || n === N.hash) return makeBuiltin(u16(B.GLOBAL_BASE + n));
  if (n === N._hw) return makeBuiltin(B.HW); // the board primitive of vm-spec/lib/board.py
  return lookupExcClass(name);
}

/** The method `name` (an N) of `obj` as a builtin value, or NULL when it has none. */
export function lookupMethod(obj: u16, name: u8): u16 {
  let number: u8 = 0;
  if (isList(obj)) number = listMethod(name); // (strs have only Python methods: vm-spec/lib/str.py)
  else if (isDict(obj)) number = dictMethod(name);
  else number = moduleMethod(obj, name);
  return number === 0 ? NULL : makeBuiltin(number);
}

/** Attribute `name` (an N) of `obj` that is not a method (a module's or class's member), or NULL. */
export function lookupAttr(obj: u16, name: u8): u16 {
  if (name === N.args && excClassOf(obj) !== 0) return excArgs(obj);
  if (name === N.__name__ && builtinTypeLine(obj) !== 255) return render(Render.CLASS_NAME, obj, NULL); // a class's name
  // A range's or slice's start, stop and step (words 1..3 of its block): range.py, list.py read them
  if (u8(name - N.start) < 3 && (isRange(obj) || isSlice(obj))) return get16(u16(heapOffset(obj) + 2 + (name - N.start) * 2));
  return moduleAttr(obj, name);
}

/**
 * Calls builtin value `callable` on the arguments set with setArgs: the result, or NULL with an
 * exception pending. @noinline: LTO would put it into vmRun, its one caller, and then keep the
 * builtin groups it calls out of line (about 550 bytes more on the Uno).
 */
export function callBuiltin(callable: u16): u16 {
  if (!isBuiltin(callable)) return raise(Exc.TypeError);
  if (isExcClass(callable)) return newExcFromArgs(u8(builtinNumber(callable)));
  const n = u8(builtinNumber(callable));
  if (n === B.print) return builtinPrint();
  if (n >= B.MODULE_FIRST) return moduleBuiltin(n); // checks its keywords itself
  if (kwCount() > 0 && !takesKeywords(n)) return raise(Exc.TypeError);
  if (n >= B.NUM_FIRST && n <= B.NUM_LAST) return numBuiltin(n);
  if (n >= B.STR_FIRST && n <= B.STR_LAST) return strBuiltin(n);
  return seqBuiltin(n); // range .. hash, list and dict methods; it raises TypeError for the rest (None, NoneType)
}

/** print(*args, sep=' ', end='\n') */
function builtinPrint(): u16 {
  let sep: u16 = NONE; // (None: the default)
  let end: u16 = NONE;
  const nkw = kwCount();
  for (let k: u16 = 0; k < nkw; k = u16(k + 1)) {
    const name = nameIndex(kwName(k));
    if (name === N.sep) sep = kwValue(k);
    else if (name === N.end) end = kwValue(k);
    else return raise(Exc.TypeError);
  }
  const count = argCount();
  for (let i: u16 = 0; i < count; i = u16(i + 1)) {
    if (i > 0) {
      if (sep === NONE) putc(32);
      else printStr(sep);
    }
    printStr(arg(u8(i)));
  }
  if (end === NONE) putc(10);
  else printStr(end);
  return NONE;
}

/** The builtins that accept keyword arguments (each checks which ones itself). */
function takesKeywords(n: u8): bool {
  return n === B.int || n === B.dict || n === B.dict_update;
}
