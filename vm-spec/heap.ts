// The object heap: blocks with a 16-bit header in one byte array (docs/vm-design.md, section 2).
//   header = size in 4-byte granules (bits 0..9) | type (bits 10..14) | mark (bit 15)
// Free blocks form a first-fit list in address order: word 2 of a FREE block is the offset
// of the next free block (NO_BLOCK ends the list). Allocation here never collects: gc.ts does.
import { u8, u16 } from './types.ts';
import type { bool } from './types.ts';
import { HEAP_SIZE } from './config.ts';

export const enum HeapType {
  FREE = 0, INT = 1, FLOAT = 2, STR = 3, TUPLE = 4, LIST = 5, ARRAY = 6, DICT = 7, DICTTAB = 8,
  RANGE = 9, ITER = 10, FUNC = 11, FRAME = 12, EXC = 13, BOUND = 14,
  CELL = 15, CLASS = 16, INST = 17, GEN = 18, RANGEITER = 19, SLICE = 20,
}

export const GRANULE = 4;
/** Ends the free list (no block starts at HEAP_SIZE). */
export const NO_BLOCK = HEAP_SIZE;
export const MAX_GRANULES = 1023;

export const heap = new Uint8Array(HEAP_SIZE);
let freeList: u16 = NO_BLOCK;

export function get16(off: u16): u16 { return u16(heap[off] | (heap[off + 1] << 8)); }
export function set16(off: u16, v: u16): void {
  heap[off] = u8(v);
  heap[off + 1] = u8(v >> 8);
}

export function blockGranules(off: u16): u16 { return get16(off) & 0x3ff; }
export function blockBytes(off: u16): u16 { return u16(blockGranules(off) * GRANULE); }
export function blockType(off: u16): u8 { return u8((get16(off) >> 10) & 0x1f); }
export function isMarked(off: u16): bool { return (get16(off) & 0x8000) !== 0; }
export function setMark(off: u16): void { set16(off, u16(get16(off) | 0x8000)); }
export function clearMark(off: u16): void { set16(off, get16(off) & 0x7fff); }
export function setHeader(off: u16, type: u8, granules: u16): void {
  set16(off, u16((type << 10) | granules));
}

export function setFreeListHead(off: u16): void { freeList = off; }

/** Empties the heap: one free block (HEAP_SIZE is below a block's maximum size, 4092 bytes). */
export function heapInit(): void {
  setHeader(0, HeapType.FREE, HEAP_SIZE >> 2);
  set16(2, NO_BLOCK);
  freeList = 0;
}

/** Granules for a block of `bytes` bytes including its header (0 for more than 65532 bytes: too large anyway). */
export function granulesFor(bytes: u16): u16 { return u16(bytes + GRANULE - 1) >> 2; }

/**
 * First-fit allocation of a block of `bytes` bytes (header included), zero-filled after the
 * header. Returns the block offset, or NO_BLOCK when no free block is large enough.
 */
export function heapAlloc(type: u8, bytes: u16): u16 {
  const need = granulesFor(bytes);
  if (need === 0) return NO_BLOCK; // (a need above MAX_GRANULES finds no free block that large)
  let prev: u16 = NO_BLOCK;
  let off: u16 = freeList;
  while (off !== NO_BLOCK) {
    const have = blockGranules(off);
    const next = get16(u16(off + 2));
    if (have >= need) {
      let rest: u16 = next;
      if (have > need) {
        rest = u16(off + need * GRANULE);
        setHeader(rest, HeapType.FREE, u16(have - need));
        set16(u16(rest + 2), next);
      }
      if (prev === NO_BLOCK) freeList = rest;
      else set16(u16(prev + 2), rest);
      setHeader(off, type, need);
      const end = u16(off + need * GRANULE);
      for (let i: u16 = u16(off + 2); i < end; i = u16(i + 1)) heap[i] = 0;
      return off;
    }
    prev = off;
    off = next;
  }
  return NO_BLOCK;
}

/** Bytes in free blocks (for tests and `gc`-style statistics). */
export function heapFreeBytes(): u16 {
  let total: u16 = 0;
  let off: u16 = freeList;
  while (off !== NO_BLOCK) {
    total = u16(total + blockBytes(off));
    off = get16(u16(off + 2));
  }
  return total;
}
