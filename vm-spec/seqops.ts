// Operators on lists, tuples and ranges (and str indexing): + (and += on lists), `in`, indexing,
// item assignment and `del`. Slices are library code (list.py _slice_get, _slice_set). Int
// positions come from indexIn, items from iter.ts itemOf.
import { u8, u16, i16 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, TRUE, isSmall, smallValue } from './value.ts';
import { popRoot } from './gc.ts';
import { Exc, raise } from './exc.ts';
import { raiseMsg, raiseMsgOf, raiseWith, Msg } from './errors.ts';
import { isStr } from './str.ts';
import { isAnyInt } from './int.ts';
import { isSeq, hold } from './seq.ts';
import { isList, newList, listAppend, listLength, listGet, listSet, listDeleteAt, listClear } from './list.ts';
import { newTuple, tupleSet } from './tuple.ts';
import { isDict, dictSet, dictDelete } from './dict.ts';
import { isRange, getIter, iterNext, extendFrom, itemOf, sizeOf } from './iter.ts';
import { isSlice } from './slice.ts';
import { compareOp } from './arith.ts';
import { LibKind, handOver, takeHandOver } from './libfunc.ts';
import { excPending } from './exc.ts';

/** A new tuple with the items of list `list`. */
export function listToTuple(list: u16): u16 {
  const n = listLength(list);
  if (!hold(list)) return NULL;
  const t = newTuple(n);
  popRoot();
  if (t === NULL) return NULL;
  for (let i: u16 = 0; i < n; i = u16(i + 1)) tupleSet(t, i, listGet(list, i));
  return t;
}

/** A new list of the items of any iterable. */
export function listFrom(iterable: u16): u16 {
  const list = newList();
  if (list === NULL || !hold(list)) return NULL;
  const ok = extendFrom(list, iterable);
  popRoot();
  return ok ? list : NULL;
}

/** `v` itself when it is a list or tuple, else a new list of its items (for unpacking). */
export function asSequence(v: u16): u16 { return isSeq(v) ? v : listFrom(v); }

/**
 * a + b of lists and tuples (BINARY_OP `nb`, in-place when `inplace`: a list is then changed
 * itself, as CPython's `+=` does). a * n and n * a are library code (list.py _repeat,
 * _irepeat for a list's *=). The caller keeps a and b alive.
 */
export function seqBinary(add: bool, inplace: bool, a: u16, b: u16): u16 {
  if (!add) return handOver(inplace && isList(a) ? LibKind.IREPEAT : LibKind.REPEAT);
  if (inplace && isList(a)) return extendFrom(a, b) ? a : NULL;
  if (isList(a) !== isList(b) || !isSeq(b) || !isSeq(a)) return raise(Exc.TypeError);
  const list = listFrom(a);
  if (list === NULL || !hold(list)) return NULL;
  const ok = extendFrom(list, b);
  popRoot();
  if (!ok) return NULL;
  return isList(a) ? list : listToTuple(list);
}

/**
 * `v in container` for lists, tuples, ranges, dict views and any iterable: 1, 0, or 255 with an
 * exception pending; 254 for an int in a range: the VM hands that over to range.py _range_in;
 * 253 for items compare.ts does not compare: to order.py _in.
 */
export function seqContains(container: u16, v: u16): u8 {
  if (isRange(container) && isAnyInt(v)) return 254;
  // One iterator for every other container (no index path of its own for lists and tuples, nor
  // for d.keys(): its keys are compared with == as dictGet would, only not by hash).
  const it = getIter(container);
  if (it === NULL || !hold(it)) return 255;
  let found: u8 = 0;
  while (found === 0) {
    const item = iterNext(it);
    if (item === NULL) {
      if (excPending()) found = 255;
      break;
    }
    const r = item === v ? TRUE : compareOp(2, item, v); // the same object, or == (a NaN is in [nan])
    if (r === NULL) found = takeHandOver() !== 0 ? 253 : 255; // items compare.ts hands over: all of `in` is order.py's _in
    if (r === TRUE) found = 1;
  }
  popRoot();
  return found;
}

/**
 * The position of int `index` among `length` items (negative counts from the end), or -1 with
 * TypeError (not an int) or IndexError (message `msg`) pending.
 */
function indexIn(index: u16, length: u16, msg: u8): i16 {
  if (!isAnyInt(index)) {
    raise(Exc.TypeError);
    return -1;
  }
  // A bool is 0 or 1 (FALSE = 8, TRUE = 12); an int beyond the small ints (-16384..16383) lies
  // past every sequence (none has more than 16383 items): -32768 stays negative after + length.
  let i: i16 = isSmall(index) ? smallValue(index) : (index | 4) === TRUE ? i16((index >> 2) & 1) : -32768;
  if (i < 0) i = i16(i + length);
  if (i < 0 || i >= length) {
    raiseMsg(msg);
    return -1;
  }
  return i;
}

/**
 * seq[index] for strs, lists and tuples and an int index (dicts: elsewhere). A slice is handed
 * over to list.py _slice_get, a range's r[i] to range.py _range.
 */
export function seqSubscript(seq: u16, index: u16): u16 {
  const str = isStr(seq);
  if (isRange(seq)) return handOver(LibKind.RANGE);
  if (!str && !isSeq(seq)) return raise(Exc.TypeError);
  if (isSlice(index)) return handOver(LibKind.SLICE_GET);
  if (str && !isAnyInt(index)) return raiseMsgOf(Msg.STR_INDICES, index, NULL);
  const length = u16(sizeOf(seq));
  const i = indexIn(index, length, str ? Msg.STR_INDEX : isList(seq) ? Msg.LIST_INDEX : Msg.TUPLE_INDEX);
  return i < 0 ? NULL : itemOf(seq, u16(i));
}

/**
 * container[index] = value, or del container[index] when value is NULL: dict keys and list
 * items by int index (list slices are library code: list.py _slice_set); false with an exception pending.
 */
export function storeItem(container: u16, index: u16, value: u16): bool {
  if (isDict(container)) {
    if (value !== NULL) return dictSet(container, index, value) !== NULL;
    return dictDelete(container, index) || raiseWith(Exc.KeyError, index) !== NULL;
  }
  if (!isList(container)) return raise(Exc.TypeError) !== NULL;
  const i = indexIn(index, listLength(container), Msg.LIST_ASSIGN_INDEX);
  if (i < 0) return false;
  if (value === NULL) listDeleteAt(container, u16(i));
  else listSet(container, u16(i), value);
  return true;
}
