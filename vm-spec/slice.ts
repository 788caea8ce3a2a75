// Slices: SLICE heap blocks [header][start][stop][step] (values, None when omitted), made by
// BUILD_SLICE, and the ONE slice-index computation of every sequence (CPython's
// PySlice_Unpack + PySlice_AdjustIndices). str slicing (str.ts) and list/tuple slicing
// (helper "seq") both call sliceIndices, then take items sliceStart + k * sliceStep for
// k < sliceCount.
import { u16, i16, i32 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, NONE, isHeapRef, heapOffset } from './value.ts';
import { HeapType, blockType, get16, set16 } from './heap.ts';
import { alloc, pushRoot, popRoot } from './gc.ts';
import { Exc, raise } from './exc.ts';
import { isAnyInt, anyIntValue } from './int.ts';
import { raiseMessage, Msg } from './errors.ts';

/** Results of sliceIndices: the first index, the step and the number of items. */
export let sliceStart: i16 = 0;
export let sliceStep: i16 = 1;
export let sliceCount: u16 = 0;

export function isSlice(v: u16): bool { return isHeapRef(v) && blockType(heapOffset(v)) === HeapType.SLICE; }

/** slice(start, stop, step); pass NONE for an omitted part. */
export function newSlice(start: u16, stop: u16, step: u16): u16 {
  const rooted = pushRoot(start);
  const rooted2 = pushRoot(stop);
  const rooted3 = pushRoot(step);
  const v = rooted && rooted2 && rooted3 ? alloc(HeapType.SLICE, 8) : NULL;
  popRoot();
  popRoot();
  popRoot();
  if (v === NULL) return raise(Exc.MemoryError);
  set16(u16(heapOffset(v) + 2), start);
  set16(u16(heapOffset(v) + 4), stop);
  set16(u16(heapOffset(v) + 6), step);
  return v;
}

function isIndex(v: u16): bool { return v === NONE || isAnyInt(v); }

/**
 * A slice part as an i16: ifNone when None; ints beyond +-32767 clamped (every sequence is
 * shorter than that, so they select the same items).
 */
function slicePart(v: u16, ifNone: i16): i16 {
  if (v === NONE) return ifNone;
  const i = anyIntValue(v);
  if (i > 32767) return 32767;
  if (i < -32767) return -32767;
  return i16(i);
}

/** One end of a slice, clamped into -1..length as CPython does. */
function sliceEnd(v: u16, length: i16, step: i16, ifNone: i16): i16 {
  if (v === NONE) return ifNone;
  let i: i16 = slicePart(v, 0);
  if (i < 0) {
    i = i16(i + length);
    if (i < 0) i = step < 0 ? -1 : 0;
  } else if (i >= length) {
    i = step < 0 ? i16(length - 1) : length;
  }
  return i;
}

/**
 * Applies slice `s` to a sequence of `length` (< 32767) items: sets sliceStart, sliceStep,
 * sliceCount. False with TypeError (an index that is not an int or None) or ValueError (step 0).
 */
export function sliceIndices(s: u16, length: u16): bool {
  const off = heapOffset(s);
  const startV = get16(u16(off + 2));
  const stopV = get16(u16(off + 4));
  const stepV = get16(u16(off + 6));
  if (!isIndex(startV) || !isIndex(stopV) || !isIndex(stepV)) {
    raiseMessage(Exc.TypeError, Msg.SLICE_INDICES, NULL, 255);
    return false;
  }
  const step = slicePart(stepV, 1);
  if (step === 0) {
    raiseMessage(Exc.ValueError, Msg.SLICE_STEP, NULL, 255);
    return false;
  }
  const n: i16 = i16(length);
  const start = sliceEnd(startV, n, step, step < 0 ? i16(n - 1) : 0);
  const stop = sliceEnd(stopV, n, step, step < 0 ? -1 : n);
  let count: i16 = 0;
  if (step < 0 && stop < start) count = i16(i16(i16(start - stop - 1) / i16(0 - step)) + 1);
  if (step > 0 && start < stop) count = i16(i16(i16(stop - start - 1) / step) + 1);
  sliceStart = start;
  sliceStep = step;
  sliceCount = u16(count);
  return true;
}
