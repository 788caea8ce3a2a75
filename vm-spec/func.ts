// Python functions: FUNC block [header][code][defaults tuple or NULL][kw defaults or NULL][closure: NULL until closures exist].
import { u8, u16 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, isHeapRef, heapOffset, isImage } from './value.ts';
import { HeapType, blockType, get16 } from './heap.ts';
import { newBlock, isBlock } from './block.ts';
import { isLibFunc, libFuncWord } from './libfunc.ts';

/** A Python function: a FUNC block, or a library function in the image (libfunc.ts). */
export function isFunc(v: u16): bool { return isBlock(v, HeapType.FUNC) || isLibFunc(v); }

export function newFunc(code: u16, defaults: u16, kwdefaults: u16): u16 { return newBlock(HeapType.FUNC, 10, code, defaults, kwdefaults); }
/**
 * Word i of Python function f: 0 its code, 1 its defaults tuple, 2 its keyword-only defaults (a
 * dict of name: value); NULL for none (a library function has no keyword-only defaults).
 */
export function funcWord(f: u16, i: u8): u16 {
  if (!isImage(f)) return get16(u16(heapOffset(f) + 2 + i * 2));
  return i === 2 ? NULL : libFuncWord(f, i);
}
