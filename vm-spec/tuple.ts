// tuple (TUPLE heap block [header][length][items...]); image tuples come with the loader.
import { u16 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, isHeapRef, heapOffset } from './value.ts';
import { HeapType, blockType, get16, set16 } from './heap.ts';
import { alloc } from './gc.ts';
import { newBlock, isBlock } from './block.ts';
import { Exc, raise } from './exc.ts';

export function isHeapTuple(v: u16): bool { return isBlock(v, HeapType.TUPLE); }

/** A new tuple of `length` NULL items (the caller fills every one before the next allocation escapes). */
export function newTuple(length: u16): u16 {
  if (length > 600) return raise(Exc.MemoryError);
  const v = alloc(HeapType.TUPLE, u16(4 + length * 2));
  if (v === NULL) return raise(Exc.MemoryError);
  set16(u16(heapOffset(v) + 2), length);
  return v;
}

export function tupleLength(v: u16): u16 { return get16(u16(heapOffset(v) + 2)); }
export function tupleGet(v: u16, i: u16): u16 { return get16(u16(heapOffset(v) + 4 + i * 2)); }
export function tupleSet(v: u16, i: u16, item: u16): void { set16(u16(heapOffset(v) + 4 + i * 2), item); }

/** The tuple (a, b); a and b are kept alive across the allocation. */
export function newPair(a: u16, b: u16): u16 { return newBlock(HeapType.TUPLE, 8, 2, a, b); }
