// The sequence protocol: one way to read lists, heap tuples and image tuples by index, so
// comparison, `in`, unpacking, min/max/sorted and printing need no per-type copies.
import { u16 } from './types.ts';
import type { bool } from './types.ts';
import { isImage, isSmall } from './value.ts';
import { pushRoot } from './gc.ts';
import { Exc, raise } from './exc.ts';
import { Record, recordType, imageTupleLength, imageTupleItem } from './image.ts';
import { isList, listLength, listGet } from './list.ts';
import { isHeapTuple, tupleLength, tupleGet } from './tuple.ts';

export function isAnyTuple(v: u16): bool { return isHeapTuple(v) || (isImage(v) && recordType(v) === Record.TUPLE); }
/** A list or a tuple (small ints leave at once: this runs for every + and *). */
export function isSeq(v: u16): bool { return !isSmall(v) && (isList(v) || isAnyTuple(v)); }
/** Items of a list or tuple (callers check isSeq). */
export function seqLength(v: u16): u16 {
  if (isList(v)) return listLength(v);
  return isHeapTuple(v) ? tupleLength(v) : imageTupleLength(v);
}
export function seqItem(v: u16, i: u16): u16 {
  if (isList(v)) return listGet(v, i);
  return isHeapTuple(v) ? tupleGet(v, i) : imageTupleItem(v, i);
}

/** pushRoot, raising MemoryError when the root stack is full (then nothing is to be popped). */
export function hold(v: u16): bool {
  if (pushRoot(v)) return true;
  raise(Exc.MemoryError);
  return false;
}
