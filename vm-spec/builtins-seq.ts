// Built-in functions on sequences and containers (range .. sum in names.ts), and the methods
// of list, tuple (index, count) and dict. A method's self is argument 0.
import { u8, u16, i32, flashU8 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, NONE, TRUE, FALSE, heapOffset, isImage, makeBool, makeBuiltin, makeSmall, isBuiltin, builtinNumber } from './value.ts';
import { popRoot } from './gc.ts';
import { Exc, raise, excPending, excClassOf, excSubclass, isExcClass } from './exc.ts';
import { raiseWith } from './errors.ts';
import { N, B } from './names.ts';
import { HeapType } from './heap.ts';
import { Record, recordType } from './image.ts';
import { arg, argCount, kwArg, kwOther, kwCount, kwName, kwValue } from './args.ts';
import { isAnyInt, anyIntValue, newInt } from './int.ts';
import { isStr, strLength } from './str.ts';
import { isSeq, isAnyTuple, seqLength, seqItem, hold } from './seq.ts';
import { isList, newList, listAppend, listLength, listGet, listSet, listInsert, listDeleteAt, listClear } from './list.ts';
import { newTuple, tupleSet, tupleGet } from './tuple.ts';
import { isDict, newDict, dictGet, dictSet, dictDelete, dictClear, dictUsed, dictEntryKey, dictEntryValue, hashValue } from './dict.ts';
import { It, isType, newRange, isRange, rangeLength, getIter, iterNext, newIter, isIterator, extendFrom, sizeOf } from './iter.ts';
import { listFrom, listToTuple } from './seqops.ts';
import { sortList } from './sort.ts';
import { truth, binaryOp, compareOp } from './arith.ts';
import { callValue } from './vm.ts';

// Method names (N numbers) in method-number order: list methods are B.LIST_METHOD_FIRST + position
// (sort first: B.list_sort), dict methods B.DICT_METHOD_FIRST + position.
// list (0..10): sort append pop insert remove index count extend reverse clear copy;
// dict (11..19): get keys values items pop setdefault update clear copy.
const METHOD_NAMES = flashU8([53, 46, 47, 48, 49, 50, 44, 51, 52, 54, 55, 56, 57, 58, 59, 47, 60, 61, 54, 55]);
const DICT_NAMES_AT = 11;
const enum LM { sort = 0, append = 1, pop = 2, insert = 3, remove = 4, index = 5, count = 6, extend = 7, reverse = 8, clear = 9, copy = 10 }
const enum DM { get = 0, keys = 1, values = 2, items = 3, pop = 4, setdefault = 5, update = 6, clear = 7, copy = 8 }

/** Position of `name` in METHOD_NAMES[from..to), counted from `from`; 255 when absent. */
function nameAt(name: u8, from: u8, to: u8): u8 {
  for (let i: u8 = from; i < to; i = u8(i + 1)) {
    if (METHOD_NAMES[i] === name) return u8(i - from);
  }
  return 255;
}

/** The list method number for name `name` (an N), or 0. */
export function listMethod(name: u8): u8 {
  const p = nameAt(name, 0, DICT_NAMES_AT);
  return p === 255 ? 0 : u8(B.LIST_METHOD_FIRST + p);
}
/** tuple has index and count, shared with list. */
export function tupleMethod(name: u8): u8 {
  return name === N.index || name === N.count ? listMethod(name) : 0;
}
/** The dict method number for name `name` (an N), or 0. */
export function dictMethod(name: u8): u8 {
  const p = nameAt(name, DICT_NAMES_AT, u8(METHOD_NAMES.length));
  return p === 255 ? 0 : u8(B.DICT_METHOD_FIRST + p);
}

/** The type object of v: a builtin (int, str, ... NoneType, or an exception class). */
function typeObject(v: u16): u16 {
  let name: u8 = N.NONE;
  if (v === TRUE || v === FALSE) name = N.bool;
  else if (isAnyInt(v)) name = N.int;
  else if (isType(v, HeapType.FLOAT) || (isImage(v) && recordType(v) === Record.FLOAT)) name = N.float;
  else if (isStr(v)) name = N.str;
  else if (isList(v)) name = N.list;
  else if (isAnyTuple(v)) name = N.tuple;
  else if (isDict(v)) name = N.dict;
  else if (isRange(v)) name = N.range;
  if (name !== N.NONE) return makeBuiltin(u16(B.GLOBAL_BASE + name));
  if (v === NONE) return makeBuiltin(B.NoneType);
  if (excClassOf(v) !== 0 && !isExcClass(v)) return makeBuiltin(excClassOf(v));
  return raise(Exc.NotImplementedError);
}

/** isinstance(v, cls) for one class (bool is an int; exception classes by hierarchy). */
function isInstance(v: u16, cls: u16): bool {
  if (!isBuiltin(cls)) return false;
  if (isExcClass(cls)) return excClassOf(v) !== 0 && !isExcClass(v) && excSubclass(excClassOf(v), u8(builtinNumber(cls)));
  const t = typeObject(v);
  return t === cls || (cls === makeBuiltin(u16(B.GLOBAL_BASE + N.int)) && (v === TRUE || v === FALSE));
}

/** Index of the first item of list/tuple seq equal to v from position `from`: -1 none, -2 error. */
function findItem(seq: u16, v: u16, from: u16): i32 {
  for (let i: u16 = from; i < seqLength(seq); i = u16(i + 1)) {
    const r = compareOp(2, seqItem(seq, i), v);
    if (r === NULL) return -2;
    if (r === TRUE) return i;
  }
  return -1;
}

/** Adds to dict d the pairs of `source` (a dict, or an iterable of pairs) and, if `keywords`, the keyword arguments. */
function dictFill(d: u16, source: u16, keywords: bool): bool {
  if (isDict(source)) {
    for (let e: u16 = 0; e < dictUsed(source); e = u16(e + 1)) {
      const key = dictEntryKey(source, e);
      if (key !== NULL && dictSet(d, key, dictEntryValue(source, e)) === NULL) return false;
    }
  } else if (source !== NULL) {
    const pairs = listFrom(source);
    if (pairs === NULL || !hold(pairs)) return false;
    let ok: bool = true;
    for (let i: u16 = 0; ok && i < listLength(pairs); i = u16(i + 1)) {
      const pair = listGet(pairs, i);
      ok = isSeq(pair) && seqLength(pair) === 2 ? dictSet(d, seqItem(pair, 0), seqItem(pair, 1)) !== NULL : raise(Exc.ValueError) !== NULL;
    }
    popRoot();
    if (!ok) return false;
  }
  for (let k: u16 = 0; keywords && k < kwCount(); k = u16(k + 1)) {
    if (dictSet(d, kwName(k), kwValue(k)) === NULL) return false;
  }
  return true;
}

/**
 * min() / max() of an iterable or of several arguments, with key= and default=. The first
 * smallest (largest) item wins, as in CPython. Holds its state in a rooted tuple
 * [iterator, best, best key, current item].
 */
function minMax(isMax: bool): u16 {
  if (kwOther(N.key, N.default) || argCount() === 0) return raise(Exc.TypeError);
  const key = kwArg(N.key);
  const fallback = kwArg(N.default);
  const state = newTuple(4);
  if (state === NULL || !hold(state)) return NULL;
  let source: u16 = arg(0);
  if (argCount() > 1) {
    source = newTuple(argCount());
    if (source !== NULL) {
      for (let i: u16 = 0; i < argCount(); i = u16(i + 1)) tupleSet(source, i, arg(i));
    }
  }
  const it = source === NULL ? NULL : getIter(source);
  tupleSet(state, 0, it);
  const hasKey = key !== NULL && key !== NONE;
  let ok: bool = it !== NULL;
  let best: u16 = NULL;
  while (ok) {
    const item = iterNext(it);
    if (item === NULL) {
      ok = !excPending();
      break;
    }
    let k: u16 = item;
    if (hasKey) {
      tupleSet(state, 3, item);
      k = callValue(key, u16(heapOffset(state) + 10), 1);
      if (k === NULL) {
        ok = false;
        break;
      }
    }
    let better: u16 = TRUE;
    if (best !== NULL) better = isMax ? compareOp(0, tupleGet(state, 2), k) : compareOp(0, k, tupleGet(state, 2));
    ok = better !== NULL;
    if (better === TRUE) {
      best = item;
      tupleSet(state, 1, item);
      tupleSet(state, 2, k);
    }
  }
  popRoot();
  if (!ok) return NULL;
  if (best !== NULL) return best;
  return fallback !== NULL ? fallback : raise(Exc.ValueError);
}

/** sum(iterable, start=0), any(iterable), all(iterable). */
function reduceIter(name: u8): u16 {
  if (argCount() < 1 || argCount() > (name === N.sum ? 2 : 1)) return raise(Exc.TypeError);
  const state = newTuple(3); // [iterator, total, item]: kept alive across the additions
  if (state === NULL || !hold(state)) return NULL;
  const it = getIter(arg(0));
  tupleSet(state, 0, it);
  let total: u16 = name === N.sum ? (argCount() === 2 ? arg(1) : makeSmall(0)) : makeBool(name === N.all);
  let ok: bool = it !== NULL;
  while (ok) {
    const item = iterNext(it);
    if (item === NULL) {
      ok = !excPending();
      break;
    }
    if (name === N.sum) {
      tupleSet(state, 2, item);
      total = binaryOp(0, total, item);
      tupleSet(state, 1, total);
      ok = total !== NULL;
    } else {
      const t = truth(item);
      ok = t !== 255;
      if (ok && (t === 1) === (name === N.any)) {
        total = makeBool(name === N.any);
        break;
      }
    }
  }
  popRoot();
  return ok ? total : NULL;
}

/** Calls sequence builtin or list/tuple/dict method `n` on the current arguments. */
export function seqBuiltin(n: u8): u16 {
  if (n >= B.DICT_METHOD_FIRST) return dictCall(u8(n - B.DICT_METHOD_FIRST));
  if (n >= B.LIST_METHOD_FIRST) return listCall(u8(n - B.LIST_METHOD_FIRST));
  const count = argCount();
  const name = u8(n - B.GLOBAL_BASE);
  const a = count > 0 ? arg(0) : NULL;
  switch (name) {
    case N.range:
      if (count === 1) return newRange(makeSmall(0), a, makeSmall(1));
      if (count === 2 || count === 3) return newRange(a, arg(1), count === 3 ? arg(2) : makeSmall(1));
      return raise(Exc.TypeError);
    case N.min:
    case N.max:
      return minMax(name === N.max);
    case N.sum:
    case N.any:
    case N.all:
      return reduceIter(name);
    case N.sorted: {
      if (count !== 1 || kwOther(N.key, N.reverse)) return raise(Exc.TypeError);
      const reverse = kwArg(N.reverse);
      const key = kwArg(N.key);
      const list = listFrom(a);
      if (list === NULL || !hold(list)) return NULL;
      const ok = sortList(list, key, reverse !== NULL && truth(reverse) === 1);
      popRoot();
      return ok ? list : NULL;
    }
    case N.dict: {
      const d = newDict();
      if (d === NULL || !hold(d)) return NULL;
      const ok = dictFill(d, a, true);
      popRoot();
      return ok ? d : NULL;
    }
  }
  if (count === 0) {
    if (name === N.list) return newList();
    if (name === N.tuple) return newTuple(0);
    return raise(Exc.TypeError);
  }
  switch (name) {
    case N.len: {
      const size = sizeOf(a);
      if (size < 0) return raise(isRange(a) ? Exc.OverflowError : Exc.TypeError); // a range of 2**31 items or more
      return newInt(size);
    }
    case N.list:
      return listFrom(a);
    case N.tuple: {
      if (isAnyTuple(a)) return a;
      const list = listFrom(a);
      return list === NULL ? NULL : listToTuple(list);
    }
    case N.isinstance: {
      const cls = arg(1);
      if (!isAnyTuple(cls)) return makeBool(isInstance(a, cls));
      for (let i: u16 = 0; i < seqLength(cls); i = u16(i + 1)) {
        if (isInstance(a, seqItem(cls, i))) return TRUE;
      }
      return FALSE;
    }
    case N.type:
      return typeObject(a);
    case N.iter:
      return getIter(a);
    case N.next: {
      if (!isIterator(a)) return raise(Exc.TypeError);
      const v = iterNext(a);
      if (v !== NULL || excPending()) return v;
      return count > 1 ? arg(1) : raise(Exc.StopIteration);
    }
    case N.enumerate:
    {
      const start = count > 1 ? arg(1) : makeSmall(0);
      const it = getIter(a);
      return it === NULL ? NULL : newIter(It.ENUMERATE, it, start, 0);
    }
    case N.zip: {
      const its = newTuple(count);
      if (its === NULL || !hold(its)) return NULL;
      let ok: bool = true;
      for (let i: u16 = 0; ok && i < count; i = u16(i + 1)) {
        const it = getIter(arg(i));
        ok = it !== NULL;
        tupleSet(its, i, it);
      }
      popRoot();
      return ok ? newIter(It.ZIP, its, NULL, 0) : NULL;
    }
    case N.reversed:
      if (isSeq(a) || isStr(a) || isRange(a)) return newIter(It.REVERSED, a, NULL, u16(sizeOf(a)));
      return raise(Exc.TypeError);
    case N.hash: {
      if (isList(a) || isDict(a)) return raise(Exc.TypeError);
      if (isAnyInt(a)) return anyIntValue(a) === -1 ? makeSmall(-2) : a;
      return makeSmall(hashValue(a) & 0x3fff);
    }
  }
  return raise(Exc.TypeError);
}

/** list and tuple methods (tuple: index, count). */
function listCall(m: u8): u16 {
  const count = argCount();
  const self = arg(0);
  const x = count > 1 ? arg(1) : NULL;
  if (m === LM.sort) {
    if (count !== 1 || kwOther(N.key, N.reverse)) return raise(Exc.TypeError);
    const reverse = kwArg(N.reverse);
    const key = kwArg(N.key);
    return sortList(self, key, reverse !== NULL && truth(reverse) === 1) ? NONE : NULL;
  }
  if (m === LM.index || m === LM.count) {
    if (count !== 2) return raise(Exc.TypeError);
    if (m === LM.index) {
      const i = findItem(self, x, 0);
      return i >= 0 ? makeSmall(i) : (i === -1 ? raise(Exc.ValueError) : NULL);
    }
    let found: i32 = 0;
    for (let i: i32 = findItem(self, x, 0); i >= 0; i = findItem(self, x, u16(i + 1))) found = i32(found + 1);
    return excPending() ? NULL : makeSmall(found);
  }
  const length = listLength(self);
  switch (m) {
    case LM.append:
      return count === 2 && listAppend(self, x) !== NULL ? NONE : (count === 2 ? NULL : raise(Exc.TypeError));
    case LM.extend:
      return count === 2 && extendFrom(self, x) ? NONE : (count === 2 ? NULL : raise(Exc.TypeError));
    case LM.insert: {
      if (count !== 3 || !isAnyInt(x)) return raise(Exc.TypeError);
      let i: i32 = anyIntValue(x);
      if (i < 0) i = i32(i + length);
      if (i < 0) i = 0;
      if (i > length) i = length;
      return listInsert(self, u16(i), arg(2)) === NULL ? NULL : NONE;
    }
    case LM.pop: {
      let i: i32 = count > 1 && isAnyInt(x) ? anyIntValue(x) : -1;
      if (i < 0) i = i32(i + length);
      if (i < 0 || i >= length) return raise(Exc.IndexError);
      const v = listGet(self, u16(i));
      listDeleteAt(self, u16(i));
      return v;
    }
    case LM.remove: {
      const i = count === 2 ? findItem(self, x, 0) : -2;
      if (i >= 0) listDeleteAt(self, u16(i));
      return i >= 0 ? NONE : (i === -1 ? raise(Exc.ValueError) : NULL);
    }
    case LM.reverse:
      for (let i: u16 = 0; i < u16(length >> 1); i = u16(i + 1)) {
        const v = listGet(self, i);
        listSet(self, i, listGet(self, u16(length - 1 - i)));
        listSet(self, u16(length - 1 - i), v);
      }
      return NONE;
    case LM.clear:
      listClear(self);
      return NONE;
    case LM.copy:
      return listFrom(self);
  }
  return raise(Exc.TypeError);
}

/** dict methods. */
function dictCall(m: u8): u16 {
  const count = argCount();
  const self = arg(0);
  const key = count > 1 ? arg(1) : NULL;
  const fallback = count > 2 ? arg(2) : NONE;
  switch (m) {
    case DM.get: {
      const v = key === NULL ? raise(Exc.TypeError) : dictGet(self, key);
      return v !== NULL || excPending() ? v : fallback;
    }
    case DM.keys:
    case DM.values:
    case DM.items:
      return newIter(u16(It.VIEW_KEYS + m - DM.keys), self, NULL, 0);
    case DM.pop: {
      const v = key === NULL ? raise(Exc.TypeError) : dictGet(self, key);
      if (v !== NULL) dictDelete(self, key);
      if (v !== NULL || excPending()) return v;
      return count > 2 ? fallback : raiseWith(Exc.KeyError, key);
    }
    case DM.setdefault: {
      const v = key === NULL ? raise(Exc.TypeError) : dictGet(self, key);
      if (v !== NULL || excPending()) return v;
      return dictSet(self, key, fallback) === NULL ? NULL : fallback;
    }
    case DM.update:
      return dictFill(self, key, true) ? NONE : NULL;
    case DM.clear:
      dictClear(self);
      return NONE;
    case DM.copy: {
      const d = newDict();
      if (d === NULL || !hold(d)) return NULL;
      const ok = dictFill(d, self, false);
      popRoot();
      return ok ? d : NULL;
    }
  }
  return raise(Exc.TypeError);
}
