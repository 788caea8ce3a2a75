// Python functions: FUNC block [header][code][defaults tuple or NULL][kw defaults or NULL][closure: NULL until closures exist].
import { u16 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, isHeapRef, heapOffset, isImage } from './value.ts';
import { HeapType, blockType, get16 } from './heap.ts';
import { newBlock, isBlock } from './block.ts';
import { imageTupleLength, imageTupleItem } from './image.ts';
import { tupleLength, tupleGet } from './tuple.ts';
import { isLibFunc, libFuncCode, libFuncDefaults } from './libfunc.ts';

/** A Python function: a FUNC block, or a library function in the image (libfunc.ts). */
export function isFunc(v: u16): bool { return isBlock(v, HeapType.FUNC) || isLibFunc(v); }

export function newFunc(code: u16, defaults: u16, kwdefaults: u16): u16 { return newBlock(HeapType.FUNC, 10, code, defaults, kwdefaults); }
export function funcCode(f: u16): u16 { return isImage(f) ? libFuncCode(f) : get16(u16(heapOffset(f) + 2)); }
export function funcDefaults(f: u16): u16 { return isImage(f) ? libFuncDefaults(f) : get16(u16(heapOffset(f) + 4)); }
/** The keyword-only defaults: a dict of name: value, or NULL. */
export function funcKwDefaults(f: u16): u16 { return isImage(f) ? NULL : get16(u16(heapOffset(f) + 6)); }

/** Length and items of a tuple that is either in the image or on the heap. @noinline */
export function anyTupleLength(t: u16): u16 { return isImage(t) ? imageTupleLength(t) : tupleLength(t); }
/** @noinline */
export function anyTupleItem(t: u16, i: u16): u16 { return isImage(t) ? imageTupleItem(t, i) : tupleGet(t, i); }
