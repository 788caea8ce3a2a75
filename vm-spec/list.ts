// list: LIST heap block [header][length][items ARRAY or NULL]; the ARRAY block
// [header][slots...] grows by about half when full. Unused slots stay NULL for the collector.
import { u16 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, isHeapRef, heapOffset } from './value.ts';
import { HeapType, GRANULE, blockType, blockGranules, get16, set16 } from './heap.ts';
import { alloc } from './gc.ts';
import { Exc, raise } from './exc.ts';
import { TRUE } from './value.ts';
import { isBlock, newBlock } from './block.ts';

export function isList(v: u16): bool { return isBlock(v, HeapType.LIST); }

export function newList(): u16 {
  const v = alloc(HeapType.LIST, 6);
  if (v === NULL) return raise(Exc.MemoryError);
  return v;
}

export function listLength(list: u16): u16 { return get16(u16(heapOffset(list) + 2)); }
/** @noinline: smaller as a call. */
function listArray(list: u16): u16 { return get16(u16(heapOffset(list) + 4)); }
function arrayCapacity(array: u16): u16 {
  return array === NULL ? 0 : u16((blockGranules(heapOffset(array)) * GRANULE - 2) / 2);
}

/** Item i (0 <= i < length). */
export function listGet(list: u16, i: u16): u16 { return get16(u16(heapOffset(listArray(list)) + 2 + i * 2)); }
export function listSet(list: u16, i: u16, item: u16): void { set16(u16(heapOffset(listArray(list)) + 2 + i * 2), item); }

/** Appends item; returns TRUE, or NULL with MemoryError pending. */
export function listAppend(list: u16, item: u16): u16 {
  const length = listLength(list);
  let array = listArray(list);
  if (length >= arrayCapacity(array)) {
    if (length >= 0x3fff) return raise(Exc.MemoryError);
    const capacity: u16 = u16(length + (length >> 1) + 3);
    // (newBlock keeps item and list alive and puts them in slots 0 and 1: the copy or the append
    // overwrites slot 0, and slot 1 too unless the list was empty; then it refers to the list
    // itself, which keeps nothing else alive)
    const bigger = newBlock(HeapType.ARRAY, u16(2 + capacity * 2), item, list, NULL);
    if (bigger === NULL) return NULL;
    for (let i: u16 = 0; i < length; i = u16(i + 1)) set16(u16(heapOffset(bigger) + 2 + i * 2), listGet(list, i));
    array = bigger;
    set16(u16(heapOffset(list) + 4), array);
  }
  set16(u16(heapOffset(array) + 2 + length * 2), item);
  set16(u16(heapOffset(list) + 2), u16(length + 1));
  return TRUE;
}


/** Removes the item at position i < length. */
export function listDeleteAt(list: u16, i: u16): void {
  const last = u16(listLength(list) - 1);
  for (let j: u16 = i; j < last; j = u16(j + 1)) listSet(list, j, listGet(list, u16(j + 1)));
  listSet(list, last, NULL);
  set16(u16(heapOffset(list) + 2), last);
}

/** Removes every item (the item store is dropped). */
export function listClear(list: u16): void {
  set16(u16(heapOffset(list) + 2), 0);
  set16(u16(heapOffset(list) + 4), NULL);
}
