// range objects and iteration.
// RANGE and RANGEITER blocks: [header][start][stop][step] (int values; a RANGEITER's start
// advances). ITER block: [header][kind][index][a][b]: kind and index are raw numbers, a and b
// values (the collector scans every word from a on). Kinds:
//   SEQ       a list, tuple or str a, item `index` next (sizeOf and itemOf serve every type)
//   KEYS / VALUES / ITEMS  dict a from entry `index`
//   ZIP  a tuple of iterators a (enumerate is a zip with a range: vm-spec/lib/reduce.py)
//   VIEW_*   d.keys(), d.values(), d.items(): iterable (not iterators); iter() gives KEYS.. over a
import { u8, u16, i16, i32, u32 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, TRUE, isHeapRef, heapOffset } from './value.ts';
import { compareOp } from './arith.ts';
import { HeapType, blockType, get16, set16 } from './heap.ts';
import { pushRoot, popRoot } from './gc.ts';
import { Exc, raise, excPending } from './exc.ts';
import { Msg, raiseMsgOf } from './errors.ts';
import { isAnyInt, anyIntValue, newInt } from './int.ts';
import { isSeq, seqLength, seqItem, hold } from './seq.ts';
import { isStr, strLength, strByte, strOfByte } from './str.ts';
import { newTuple, newPair, tupleLength, tupleGet, tupleSet } from './tuple.ts';
import { listAppend } from './list.ts';
import { isDict, dictUsed, dictEntryKey, dictEntryValue, dictCount } from './dict.ts';
import { newBlock, isBlock } from './block.ts';

export const enum It {
  SEQ = 0, KEYS = 2, VALUES = 3, ITEMS = 4, ZIP = 6,
  VIEW_KEYS = 8, VIEW_VALUES = 9, VIEW_ITEMS = 10,
}

/** v is a heap block of type `type`. */
export function isType(v: u16, type: u8): bool { return isBlock(v, type); }
export function isRange(v: u16): bool { return isType(v, HeapType.RANGE); }
/** @noinline: smaller as a call. */
function iterKind(v: u16): u16 { return get16(u16(heapOffset(v) + 2)); }
/** d.keys(), d.values() or d.items() (ITER blocks of a VIEW_* kind). */
export function isDictView(v: u16): bool { return isType(v, HeapType.ITER) && iterKind(v) >= It.VIEW_KEYS; }
/** The dict of a view. @noinline: smaller as a call. */
export function viewDict(v: u16): u16 { return get16(u16(heapOffset(v) + 6)); }

/** range(start, stop, step) of int values; ValueError for step 0, TypeError for non-ints. */
export function newRange(start: u16, stop: u16, step: u16): u16 {
  const bad = !isAnyInt(start) ? start : !isAnyInt(stop) ? stop : !isAnyInt(step) ? step : NULL;
  if (bad !== NULL) return raiseMsgOf(Msg.NOT_INTEGER, bad, NULL);
  if (anyIntValue(step) === 0) return raise(Exc.ValueError);
  return newBlock(HeapType.RANGE, 8, start, stop, step);
}

/** A range's start (2), stop (4) or step (6). */
export function rangeField(r: u16, field: u16): i32 { return anyIntValue(get16(u16(heapOffset(r) + field))); }

/** Whether range r has no items: start >= stop (<= for a negative step), by COMPARE_OP (a cold path). */
function rangeEmpty(r: u16): bool {
  const off = heapOffset(r);
  return compareOp(rangeField(r, 6) < 0 ? 1 : 5, get16(u16(off + 2)), get16(u16(off + 4))) === TRUE;
}

/** A new ITER block; a is kept alive across the allocation, b (NULL or a start count) by the caller. */
export function newIter(kind: u16, a: u16, b: u16, index: u16): u16 {
  const it = newBlock(HeapType.ITER, 10, kind, 0, a);
  if (it === NULL) return NULL;
  set16(u16(heapOffset(it) + 4), index); // a raw number: set after the allocation, never a root
  set16(u16(heapOffset(it) + 8), b);
  return it;
}

/** iter(v): ranges, lists, tuples, strs, dicts and their views, iterators (themselves). */
export function getIter(v: u16): u16 {
  if (isType(v, HeapType.RANGEITER)) return v;
  const off = heapOffset(v);
  if (isRange(v)) return newBlock(HeapType.RANGEITER, 8, get16(u16(off + 2)), get16(u16(off + 4)), get16(u16(off + 6)));
  let kind: u16 = It.SEQ;
  let a: u16 = v;
  if (isType(v, HeapType.ITER)) {
    kind = iterKind(v);
    if (kind < It.VIEW_KEYS) return v;
    kind = u16(kind - 6);
    a = viewDict(v);
  } else if (isDict(v)) {
    kind = It.KEYS;
  } else if (!isSeq(v) && !isStr(v)) {
    return raiseMsgOf(Msg.NOT_ITERABLE, v, NULL);
  }
  return newIter(kind, a, NULL, 0);
}

/** Item i (0 <= i < sizeOf(a)) of a list, tuple or str (a str's is a new object). */
export function itemOf(a: u16, i: u16): u16 {
  if (isStr(a)) return strOfByte(strByte(a, i));
  return seqItem(a, i);
}

/**
 * The next item of iterator `it` (which the caller keeps alive; getIter made it), or NULL:
 * exhausted when no exception is pending, else the error.
 */
export function iterNext(it: u16): u16 {
  const off = heapOffset(it);
  if (blockType(off) === HeapType.RANGEITER) { // an iterator is always a heap block
    const cur = rangeField(it, 2);
    const stop = rangeField(it, 4);
    const step = rangeField(it, 6);
    if (step > 0 ? cur >= stop : cur <= stop) return NULL;
    const current = get16(u16(off + 2));
    // Past the end (or past i32) the iterator is exhausted anyway: clamp to stop.
    const overshoot = step > 0 ? u32(stop - cur) < u32(step) : u32(cur - stop) < u32(0 - step); // 32-bit only
    const next = overshoot ? get16(u16(off + 4)) : newInt(i32(cur + step));
    if (next === NULL) return NULL;
    set16(u16(off + 2), next);
    return current;
  }
  const kind = iterKind(it);
  const index = get16(u16(off + 4));
  const a = get16(u16(off + 6));
  if (kind === It.SEQ) {
    if (i16(index) >= sizeOf(a)) return NULL;
    set16(u16(off + 4), u16(index + 1));
    return itemOf(a, index);
  }
  if (kind === It.ZIP) {
    const n = tupleLength(a);
    const t = n === 0 ? NULL : newTuple(n);
    if (t === NULL || !hold(t)) return NULL;
    let ok: bool = true;
    for (let i: u16 = 0; ok && i < n; i = u16(i + 1)) {
      const item = iterNext(tupleGet(a, i));
      ok = item !== NULL;
      if (ok) tupleSet(t, i, item);
    }
    popRoot();
    return ok ? t : NULL;
  }
  // A dict: the next live entry.
  let e: u16 = index;
  while (e < dictUsed(a) && dictEntryKey(a, e) === NULL) e = u16(e + 1);
  if (e >= dictUsed(a)) return NULL;
  set16(u16(off + 4), u16(e + 1));
  if (kind === It.KEYS) return dictEntryKey(a, e);
  if (kind === It.VALUES) return dictEntryValue(a, e);
  return newPair(dictEntryKey(a, e), dictEntryValue(a, e));
}

/** Appends every item of `iterable` to `list`; false with an exception pending. */
export function extendFrom(list: u16, iterable: u16): bool {
  const it = getIter(iterable);
  if (it === NULL || !hold(it)) return false;
  let ok: bool = true;
  for (;;) {
    const v = iterNext(it);
    if (v === NULL) {
      ok = !excPending();
      break;
    }
    if (listAppend(list, v) === NULL) {
      ok = false;
      break;
    }
  }
  popRoot();
  return ok;
}

/**
 * The number of items of a sized container, or -1 (not sized); of a range only 0 or 1 (empty
 * or not: its length is range.py's _range, which len() hands over to).
 */
export function sizeOf(v: u16): i16 {
  // (lengths stay below 2^14: 16 bits, no i32)
  if (isSeq(v)) return i16(seqLength(v));
  if (isStr(v)) return i16(strLength(v));
  if (isDict(v)) return i16(dictCount(v));
  if (isDictView(v)) return i16(dictCount(viewDict(v)));
  if (isRange(v)) return rangeEmpty(v) ? 0 : 1;
  return -1;
}
