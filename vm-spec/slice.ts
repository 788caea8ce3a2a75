// Slices: SLICE heap blocks [header][start][stop][step] (values, None when omitted), made by
// BUILD_SLICE, and the ONE slice-index computation of every sequence (CPython's
// PySlice_Unpack + PySlice_AdjustIndices). str slicing (str.ts) and list/tuple slicing
// (seqops.ts) both call sliceIndices, then take items sliceStart + k * sliceStep for
// k < sliceCount.
import { u16, i16 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, NONE, TRUE, FALSE, isHeapRef, heapOffset, isSmall, smallValue } from './value.ts';
import { HeapType, blockType, get16 } from './heap.ts';
import { Exc } from './exc.ts';
import { newBlock, isBlock } from './block.ts';
import { isAnyInt, anyIntValue } from './int.ts';
import { raiseMsg, Msg } from './errors.ts';

/** Results of sliceIndices: the first index, the step and the number of items. */
export let sliceStart: i16 = 0;
export let sliceStep: i16 = 1;
export let sliceCount: u16 = 0;

export function isSlice(v: u16): bool { return isBlock(v, HeapType.SLICE); }

/** slice(start, stop, step); pass NONE for an omitted part. */
export function newSlice(start: u16, stop: u16, step: u16): u16 { return newBlock(HeapType.SLICE, 8, start, stop, step); }

function isIndex(v: u16): bool { return v === NONE || isAnyInt(v); }

/**
 * An int or None as an i16 position: ifNone for None; every int beyond the small ints
 * (-16384..16383, so past every sequence: none has more than 16383 items) as -16384 or 16383,
 * which select the same items (and are small ints themselves). No 32-bit compare.
 */
export function slicePart(v: u16, ifNone: i16): i16 {
  if (v === NONE) return ifNone;
  if (isSmall(v)) return smallValue(v);
  if (v === TRUE || v === FALSE) return v === TRUE ? 1 : 0;
  return anyIntValue(v) < 0 ? -16384 : 16383;
}

/**
 * One end of a slice: negative counts from the end, then clamped into lower..upper (-1..n-1
 * for a negative step, 0..n otherwise). None is passed as -32767 or 32767 (before the start
 * or past the end), which the clamp turns into CPython's defaults.
 */
function sliceEnd(v: u16, ifNone: i16, n: i16, lower: i16, upper: i16): i16 {
  let i: i16 = slicePart(v, ifNone);
  if (i < 0) i = i16(i + n);
  return i < lower ? lower : (i > upper ? upper : i);
}

/**
 * Applies slice `s` to a sequence of `length` (<= 16383) items: sets sliceStart, sliceStep,
 * sliceCount. False with TypeError (an index that is not an int or None) or ValueError (step 0).
 * @noinline: LTO would put it into its one caller, seqSubscript, inside vmRun (larger).
 */
export function sliceIndices(s: u16, length: u16): bool {
  const off = heapOffset(s);
  const startV = get16(u16(off + 2));
  const stopV = get16(u16(off + 4));
  const stepV = get16(u16(off + 6));
  if (!isIndex(startV) || !isIndex(stopV) || !isIndex(stepV)) {
    raiseMsg(Msg.SLICE_INDICES);
    return false;
  }
  const step = slicePart(stepV, 1);
  if (step === 0) {
    raiseMsg(Msg.SLICE_STEP);
    return false;
  }
  const n: i16 = i16(length);
  const back = step < 0;
  const lower: i16 = back ? -1 : 0;
  const upper: i16 = back ? i16(n - 1) : n;
  const start = sliceEnd(startV, back ? 32767 : -32767, n, lower, upper);
  const stop = sliceEnd(stopV, back ? -32767 : 32767, n, lower, upper);
  // (span - 1) / |step| + 1 items when span > 0.
  const span: i16 = back ? i16(start - stop) : i16(stop - start);
  sliceStart = start;
  sliceStep = step;
  sliceCount = span > 0 ? u16(i16(i16(span - 1) / (back ? i16(0 - step) : step)) + 1) : 0;
  return true;
}
