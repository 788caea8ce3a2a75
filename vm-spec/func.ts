// Python functions: FUNC block [header][code][defaults tuple or NULL][kw defaults or NULL][closure: NULL until closures exist].
import { u16 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, isHeapRef, heapOffset, isImage } from './value.ts';
import { HeapType, blockType, get16, set16 } from './heap.ts';
import { alloc } from './gc.ts';
import { Exc, raise } from './exc.ts';
import { imageTupleLength, imageTupleItem } from './image.ts';
import { tupleLength, tupleGet } from './tuple.ts';
import { isLibFunc, libFuncCode, libFuncDefaults } from './libfunc.ts';

/** A Python function: a FUNC block, or a library function in the image (libfunc.ts). */
export function isFunc(v: u16): bool { return (isHeapRef(v) && blockType(heapOffset(v)) === HeapType.FUNC) || isLibFunc(v); }

export function newFunc(code: u16, defaults: u16, kwdefaults: u16): u16 {
  const v = alloc(HeapType.FUNC, 10);
  if (v === NULL) return raise(Exc.MemoryError);
  set16(u16(heapOffset(v) + 2), code);
  set16(u16(heapOffset(v) + 4), defaults);
  set16(u16(heapOffset(v) + 6), kwdefaults);
  return v;
}
export function funcCode(f: u16): u16 { return isImage(f) ? libFuncCode(f) : get16(u16(heapOffset(f) + 2)); }
export function funcDefaults(f: u16): u16 { return isImage(f) ? libFuncDefaults(f) : get16(u16(heapOffset(f) + 4)); }
/** The keyword-only defaults: a dict of name: value, or NULL. */
export function funcKwDefaults(f: u16): u16 { return isImage(f) ? NULL : get16(u16(heapOffset(f) + 6)); }

/** Length and items of a tuple that is either in the image or on the heap. */
export function anyTupleLength(t: u16): u16 { return isImage(t) ? imageTupleLength(t) : tupleLength(t); }
export function anyTupleItem(t: u16, i: u16): u16 { return isImage(t) ? imageTupleItem(t, i) : tupleGet(t, i); }
