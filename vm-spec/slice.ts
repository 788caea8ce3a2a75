// Slices: SLICE heap blocks [header][start][stop][step] (values, None when omitted), made by
// BUILD_SLICE, and the ONE slice-index computation of every sequence (CPython's
// PySlice_Unpack + PySlice_AdjustIndices). str slicing (str.ts) and list/tuple slicing
// (helper "seq") both call sliceIndices, then take items sliceStart + k * sliceStep for
// k < sliceCount.
import { u16, i32 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, NONE, isHeapRef, heapOffset, isImage } from './value.ts';
import { HeapType, blockType, get16, set16 } from './heap.ts';
import { alloc, pushRoot, popRoot } from './gc.ts';
import { Exc, raise } from './exc.ts';
import { isInt, intValue } from './int.ts';
import { Record, recordType, imageIntValue } from './image.ts';
import { raiseMessage, Msg } from './errors.ts';

/** Results of sliceIndices: the first index, the step and the number of items. */
export let sliceStart: i32 = 0;
export let sliceStep: i32 = 1;
export let sliceCount: u16 = 0;

export function isSlice(v: u16): bool { return isHeapRef(v) && blockType(heapOffset(v)) === HeapType.SLICE; }

/** slice(start, stop, step); pass NONE for an omitted part. */
export function newSlice(start: u16, stop: u16, step: u16): u16 {
  if (!pushRoot(start)) return raise(Exc.MemoryError);
  pushRoot(stop);
  pushRoot(step);
  const v = alloc(HeapType.SLICE, 8);
  popRoot();
  popRoot();
  popRoot();
  if (v === NULL) return raise(Exc.MemoryError);
  set16(u16(heapOffset(v) + 2), start);
  set16(u16(heapOffset(v) + 4), stop);
  set16(u16(heapOffset(v) + 6), step);
  return v;
}

function isIndex(v: u16): bool { return isInt(v) || (isImage(v) && recordType(v) === Record.INT); }
function indexValue(v: u16): i32 { return isImage(v) ? imageIntValue(v) : intValue(v); }

/** One end of a slice, clamped into -1..length as CPython does. */
function sliceEnd(v: u16, length: i32, step: i32, ifNone: i32): i32 {
  if (v === NONE) return ifNone;
  let i: i32 = indexValue(v);
  if (i < 0) {
    i = i32(i + length);
    if (i < 0) i = step < 0 ? -1 : 0;
  } else if (i >= length) {
    i = step < 0 ? i32(length - 1) : length;
  }
  return i;
}

/**
 * Applies slice `s` to a sequence of `length` items: sets sliceStart, sliceStep, sliceCount.
 * False with TypeError (an index that is not an int or None) or ValueError (step 0) pending.
 */
export function sliceIndices(s: u16, length: u16): bool {
  const off = heapOffset(s);
  const startV = get16(u16(off + 2));
  const stopV = get16(u16(off + 4));
  const stepV = get16(u16(off + 6));
  if ((startV !== NONE && !isIndex(startV)) || (stopV !== NONE && !isIndex(stopV)) || (stepV !== NONE && !isIndex(stepV))) {
    raiseMessage(Exc.TypeError, Msg.SLICE_INDICES, NULL, 255);
    return false;
  }
  let step: i32 = 1;
  if (stepV !== NONE) step = indexValue(stepV);
  if (step === 0) {
    raiseMessage(Exc.ValueError, Msg.SLICE_STEP, NULL, 255);
    return false;
  }
  // i32 steps beyond the length behave like +-length (one item at most): keeps arithmetic in i32.
  if (step > 32767) step = 32767;
  if (step < -32767) step = -32767;
  const start = sliceEnd(startV, length, step, step < 0 ? i32(length - 1) : 0);
  const stop = sliceEnd(stopV, length, step, step < 0 ? -1 : length);
  let count: i32 = 0;
  if (step < 0 && stop < start) count = i32(i32(i32(start - stop - 1) / i32(0 - step)) + 1);
  if (step > 0 && start < stop) count = i32(i32(i32(stop - start - 1) / step) + 1);
  sliceStart = start;
  sliceStep = step;
  sliceCount = u16(count);
  return true;
}
