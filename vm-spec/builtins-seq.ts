// Built-in functions on sequences and containers (range .. hash in names.ts), and the methods
// of list (append) and dict. A method's self is argument 0.
import { u8, u16 } from './types.ts';
import type { bool } from './types.ts';
import {
  NULL, NONE, TRUE, FALSE, makeBuiltin, makeSmall, isBuiltin, builtinNumber,
} from './value.ts';
import { popRoot } from './gc.ts';
import { Exc, raise, excClassOf, excSubclass, isExcClass } from './exc.ts';
import { N, B } from './names.ts';
import { arg, argCount, argsTuple, kwCount, kwName, kwValue, prependArg, dropKeywords } from './args.ts';
import { LibKind, handOver } from './libfunc.ts';
import { isAnyInt, anyIntValue, newInt } from './int.ts';
import { isAnyTuple, seqLength, seqItem, hold } from './seq.ts';
import { isList, newList, listAppend } from './list.ts';
import { newTuple, tupleGet, tupleSet } from './tuple.ts';
import { isDict, newDict, dictSet, hashValue } from './dict.ts';
import { It, newRange, isRange, getIter, newIter, sizeOf } from './iter.ts';
import { listFrom, listToTuple } from './seqops.ts';
import { Ty, TYPE_NAMES, typeLine } from './print.ts';

// The native methods: list.append, and dict's keys values items update (consecutive Ns, method
// numbers B.DICT_METHOD_FIRST + 0..3). The other methods are Python code (vm-spec/lib).

/** The list method number for name `name` (an N), or 0. */
export function listMethod(name: u8): u8 {
  return name === N.append ? B.LIST_METHOD_FIRST : 0;
}
/** The dict method number for name `name` (an N), or 0. */
export function dictMethod(name: u8): u8 {
  return name >= N.keys && name <= N.update ? u8(B.DICT_METHOD_FIRST + name - N.keys) : 0;
}

/** The type object of v: a builtin (int, str, ... NoneType, or an exception class), or NULL (iterators, views). */
function typeObject(v: u16): u16 {
  const t = typeLine(v); // print.ts: the type-name line; int .. range are the builtins of TYPE_NAMES
  if (t <= Ty.RANGE) return makeBuiltin(u16(B.GLOBAL_BASE + TYPE_NAMES[t]));
  if (t === Ty.NONE) return makeBuiltin(B.NoneType);
  if (t === Ty.EXCEPTION && !isExcClass(v)) return makeBuiltin(excClassOf(v));
  return NULL;
}

/**
 * isinstance(v, cls) for a class or a tuple of classes (bool is an int; exception classes by
 * hierarchy). An except clause (`handler`) matches by the same rule, and also matches a raised
 * class (unwind raises the class itself when the heap has no room for an instance).
 */
export function isInstanceOfAny(v: u16, cls: u16, handler: bool): bool {
  const tuple = isAnyTuple(cls);
  for (let i: u16 = 0; i < (tuple ? seqLength(cls) : 1); i = u16(i + 1)) {
    const c = tuple ? seqItem(cls, i) : cls;
    if (!isBuiltin(c)) continue;
    if (isExcClass(c)) {
      if (excClassOf(v) !== 0 && (handler || !isExcClass(v)) && excSubclass(excClassOf(v), u8(builtinNumber(c)))) return true;
    } else if (typeObject(v) === c || (c === makeBuiltin(u16(B.GLOBAL_BASE + N.int)) && (v === TRUE || v === FALSE))) return true;
  }
  return false;
}

/**
 * dict(...) and d.update(...) (n): the keyword arguments go into a new dict; dict(**kw) is that
 * dict, every other call goes to dict.py (_dict_new, _dict_update) with it before the arguments.
 */
function dictCall(n: u8, count: u16): u16 {
  const kw = newDict();
  if (kw === NULL) return NULL;
  prependArg(kw); // (there it is a root)
  for (let k: u16 = 0; k < kwCount(); k = u16(k + 1)) {
    if (dictSet(kw, kwName(k), kwValue(k)) === NULL) return NULL;
  }
  if (count === 0) return kw;
  dropKeywords();
  return handOver(n === B.dict ? LibKind.DICT_NEW : LibKind.DICT_UPDATE);
}

/** Calls sequence builtin or list/tuple/dict method `n` on the current arguments. */
export function seqBuiltin(n: u8): u16 {
  const count = argCount();
  if (n >= B.DICT_METHOD_FIRST) { // d.keys() d.values() d.items() d.update(...)
    if (n === B.dict_update) return dictCall(n, count);
    return newIter(u16(It.VIEW_KEYS + n - B.DICT_METHOD_FIRST), arg(0), NULL, 0);
  }
  if (n === B.LIST_METHOD_FIRST) { // list.append
    if (count !== 2) return raise(Exc.TypeError);
    return listAppend(arg(0), arg(1)) === NULL ? NULL : NONE;
  }
  const name = u8(n - B.GLOBAL_BASE);
  const a = count > 0 ? arg(0) : NULL;
  switch (name) {
    case N.range:
      if (count === 1) return newRange(makeSmall(0), a, makeSmall(1));
      if (count === 2 || count === 3) return newRange(a, arg(1), count === 3 ? arg(2) : makeSmall(1));
      return raise(Exc.TypeError);
    case N.dict:
      return dictCall(n, count);
    case N.zip: { // zip() with no iterables: an empty zip
      const its = argsTuple(); // the iterables, then their iterators
      if (its === NULL || !hold(its)) return NULL;
      let ok: bool = true;
      for (let i: u16 = 0; ok && i < count; i = u16(i + 1)) {
        const it = getIter(tupleGet(its, i));
        ok = it !== NULL;
        tupleSet(its, i, it);
      }
      popRoot();
      return ok ? newIter(It.ZIP, its, NULL, 0) : NULL;
    }
  }
  if (count === 0) {
    if (name === N.list) return newList();
    if (name === N.tuple) return newTuple(0);
    return raise(Exc.TypeError);
  }
  switch (name) {
    case N.len: {
      if (isRange(a)) return handOver(LibKind.RANGE); // range.py _range
      const size = sizeOf(a);
      return size < 0 ? raise(Exc.TypeError) : newInt(size);
    }
    case N.list:
      return listFrom(a);
    case N.tuple: {
      if (isAnyTuple(a)) return a;
      const list = listFrom(a);
      return list === NULL ? NULL : listToTuple(list);
    }
    case N.isinstance: // cls a class or a tuple of classes
      return isInstanceOfAny(a, arg(1), false) ? TRUE : FALSE;
    case N.type: {
      const t = typeObject(a);
      return t !== NULL ? t : raise(Exc.NotImplementedError);
    }
    case N.iter:
      return getIter(a);
    case N.hash: {
      if (isList(a) || isDict(a)) return raise(Exc.TypeError);
      if (isAnyInt(a)) return anyIntValue(a) === -1 ? makeSmall(-2) : a;
      return makeSmall(hashValue(a) & 0x3fff);
    }
  }
  return raise(Exc.TypeError);
}
