// range objects and iteration. RANGE and RANGEITER blocks: [header][start][stop][step] (int
// values; a RANGEITER's start advances). ITER block: [header][index][sequence] for tuples and lists.
import { u16, i32 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, isHeapRef, heapOffset, isImage } from './value.ts';
import { HeapType, blockType, get16, set16 } from './heap.ts';
import { alloc, pushRoot, popRoot } from './gc.ts';
import { Exc, raise } from './exc.ts';
import { isInt, intValue, newInt } from './int.ts';
import { Record, recordType, imageTupleLength, imageTupleItem } from './image.ts';
import { isHeapTuple, tupleLength, tupleGet } from './tuple.ts';
import { isList, listLength, listGet } from './list.ts';

function isType(v: u16, type: u16): bool { return isHeapRef(v) && blockType(heapOffset(v)) === type; }
export function isRange(v: u16): bool { return isType(v, HeapType.RANGE); }

/** range(start, stop, step) of int values; ValueError for step 0, TypeError for non-ints. */
export function newRange(start: u16, stop: u16, step: u16): u16 {
  if (!isInt(start) || !isInt(stop) || !isInt(step)) return raise(Exc.TypeError);
  if (intValue(step) === 0) return raise(Exc.ValueError);
  const v = alloc(HeapType.RANGE, 8);
  if (v === NULL) return raise(Exc.MemoryError);
  set16(u16(heapOffset(v) + 2), start);
  set16(u16(heapOffset(v) + 4), stop);
  set16(u16(heapOffset(v) + 6), step);
  return v;
}

function rangeField(r: u16, field: u16): i32 { return intValue(get16(u16(heapOffset(r) + field))); }

/** len(range). */
export function rangeLength(r: u16): i32 {
  const start = rangeField(r, 2);
  const stop = rangeField(r, 4);
  const step = rangeField(r, 6);
  if (step > 0) return start < stop ? i32((stop - start + step - 1) / step) : 0;
  return start > stop ? i32((start - stop - step - 1) / (0 - step)) : 0;
}

function isSequence(v: u16): bool {
  return isHeapTuple(v) || isList(v) || (isImage(v) && recordType(v) === Record.TUPLE);
}

/** iter(v) for ranges, tuples and lists (TypeError otherwise; str and dict: TODO). */
export function getIter(v: u16): u16 {
  if (isType(v, HeapType.RANGEITER) || isType(v, HeapType.ITER)) return v;
  if (isRange(v)) {
    pushRoot(v);
    const it = alloc(HeapType.RANGEITER, 8);
    popRoot();
    if (it === NULL) return raise(Exc.MemoryError);
    for (let i: u16 = 2; i < 8; i = u16(i + 2)) set16(u16(heapOffset(it) + i), get16(u16(heapOffset(v) + i)));
    return it;
  }
  if (!isSequence(v)) return raise(Exc.TypeError);
  pushRoot(v);
  const it = alloc(HeapType.ITER, 6);
  popRoot();
  if (it === NULL) return raise(Exc.MemoryError);
  set16(u16(heapOffset(it) + 4), v);
  return it;
}

/** The next item of iterator `it`, or NULL when exhausted (and no exception) or on error (pending). */
export function iterNext(it: u16): u16 {
  const off = heapOffset(it);
  if (isType(it, HeapType.RANGEITER)) {
    const cur = rangeField(it, 2);
    const stop = rangeField(it, 4);
    const step = rangeField(it, 6);
    if (step > 0 ? cur >= stop : cur <= stop) return NULL;
    const current = get16(u16(off + 2));
    const nextValue: i32 = i32(cur + step);
    // Past the end (or past i32) the iterator is exhausted anyway: clamp to stop.
    const overshoot = step > 0 ? cur > stop - step : cur < stop - step;
    const next = overshoot ? get16(u16(off + 4)) : newInt(nextValue);
    if (next === NULL) return NULL;
    set16(u16(off + 2), next);
    return current;
  }
  const seq = get16(u16(off + 4));
  const index = get16(u16(off + 2));
  let length: u16 = 0;
  if (isList(seq)) length = listLength(seq);
  else if (isHeapTuple(seq)) length = tupleLength(seq);
  else length = imageTupleLength(seq);
  if (index >= length) return NULL;
  set16(u16(off + 2), u16(index + 1));
  if (isList(seq)) return listGet(seq, index);
  if (isHeapTuple(seq)) return tupleGet(seq, index);
  return imageTupleItem(seq, index);
}

