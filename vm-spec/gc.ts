// The collector: non-moving mark-sweep (docs/vm-design.md, section 2).
// Marking never recurses: a small mark stack, and when it overflows a rescan of the heap
// for marked blocks whose children may be unmarked, until a pass ends without overflow.
import { u8, u16 } from './types.ts';
import type { bool } from './types.ts';
import { HEAP_SIZE, MARK_STACK_SIZE, ROOT_STACK_SIZE } from './config.ts';
import { NULL, isHeapRef, heapOffset, makeHeapRef } from './value.ts';
import {
  HeapType, GRANULE, NO_BLOCK, get16, set16, blockGranules, blockType, isMarked, setMark, clearMark,
  setHeader, setFreeListHead, heapAlloc,
} from './heap.ts';

/** Named roots: the interpreter's registers (HANDLED: the exception an except block is handling). */
export const enum Root { FRAME = 0, GLOBALS = 1, EXC = 2, HANDLED = 3, COUNT = 4 }

const roots = new Uint16Array(Root.COUNT);
const rootStack = new Uint16Array(ROOT_STACK_SIZE);
let rootDepth: u8 = 0;
const markStack = new Uint16Array(MARK_STACK_SIZE);
let markDepth: u8 = 0;
let markOverflow: bool = false;
let collections: u16 = 0;

export function setRoot(which: u8, v: u16): void { roots[which] = v; }
export function getRoot(which: u8): u16 { return roots[which]; }

/** Pushes past a full root stack: counted so that every popRoot still matches its pushRoot. */
let rootOverflow: u8 = 0;

/** Keeps v alive across allocations until the matching popRoot. Returns false when full (v is then not kept). */
export function pushRoot(v: u16): bool {
  if (rootDepth >= ROOT_STACK_SIZE) {
    rootOverflow = u8(rootOverflow + 1);
    return false;
  }
  rootStack[rootDepth] = v;
  rootDepth = u8(rootDepth + 1);
  return true;
}
export function popRoot(): void {
  if (rootOverflow > 0) rootOverflow = u8(rootOverflow - 1);
  else if (rootDepth > 0) rootDepth = u8(rootDepth - 1);
}
export function resetRoots(): void {
  rootDepth = 0;
  rootOverflow = 0;
  for (let i: u8 = 0; i < Root.COUNT; i = u8(i + 1)) roots[i] = NULL;
}
export function collectionCount(): u16 { return collections; }

/**
 * Test mode (set by Node tests, never on the chip): collect before every allocation and fill
 * freed blocks with 0xEE, so a value that a builtin forgot to root is overwritten at once and
 * the program's output changes instead of passing by luck.
 */
let gcStress: bool = false;
export function setGcStress(on: bool): void { gcStress = on; }

/** Byte offset (from the block start) of the first value slot of a block. */
function firstValueSlot(off: u16): u16 {
  const type = blockType(off);
  if (type === HeapType.TUPLE || type === HeapType.LIST) return 4;
  if (type === HeapType.ITER) return 6; // [kind][index] are raw numbers
  if (type === HeapType.DICT) return 6;
  if (type === HeapType.DICTTAB) return u16(4 + get16(u16(off + 2)) * 2);
  if (type === HeapType.FRAME) return 8;
  return 2;
}

/** Number of value slots of a block (0 for blocks that hold only raw data). */
function valueSlotCount(off: u16): u16 {
  switch (blockType(off)) {
    case HeapType.FREE:
    case HeapType.INT:
    case HeapType.FLOAT:
    case HeapType.STR:
      return 0;
    case HeapType.TUPLE:
      return get16(u16(off + 2));
    case HeapType.LIST:
    case HeapType.DICT:
      return 1;
    case HeapType.ITER:
      return u16((blockGranules(off) * GRANULE - 6) / 2);
    case HeapType.DICTTAB:
      return u16(get16(u16(off + 2)) * 2);
    case HeapType.FRAME:
      return u16(3 + get16(u16(off + 6)) + get16(u16(off + 4)));
    default:
      // ARRAY, RANGE, FUNC, EXC, BOUND, CELL, CLASS, INST, GEN: every word after the header.
      return u16((blockGranules(off) * GRANULE - 2) / 2);
  }
}

function markValue(v: u16): void {
  if (!isHeapRef(v)) return;
  const off = heapOffset(v);
  if (isMarked(off)) return;
  setMark(off);
  if (valueSlotCount(off) === 0) return;
  if (markDepth < MARK_STACK_SIZE) {
    markStack[markDepth] = off;
    markDepth = u8(markDepth + 1);
  } else {
    markOverflow = true;
  }
}

function markChildren(off: u16): void {
  const first = u16(off + firstValueSlot(off));
  const count = valueSlotCount(off);
  for (let i: u16 = 0; i < count; i = u16(i + 1)) markValue(get16(u16(first + i * 2)));
}

function drainMarkStack(): void {
  while (markDepth > 0) {
    markDepth = u8(markDepth - 1);
    markChildren(markStack[markDepth]);
  }
}

function markAll(): void {
  markDepth = 0;
  markOverflow = false;
  for (let i: u8 = 0; i < Root.COUNT; i = u8(i + 1)) markValue(roots[i]);
  for (let i: u8 = 0; i < rootDepth; i = u8(i + 1)) markValue(rootStack[i]);
  drainMarkStack();
  while (markOverflow) {
    markOverflow = false;
    let off: u16 = 0;
    while (off < HEAP_SIZE) {
      if (isMarked(off)) {
        markChildren(off);
        drainMarkStack();
      }
      off = u16(off + blockGranules(off) * GRANULE);
    }
  }
}

/** Frees unmarked blocks, merges free neighbours, rebuilds the free list in address order. */
function sweep(): void {
  let off: u16 = 0;
  let runStart: u16 = NO_BLOCK;
  let runGranules: u16 = 0;
  let lastFree: u16 = NO_BLOCK;
  setFreeListHead(NO_BLOCK);
  while (off <= HEAP_SIZE) {
    const atEnd = off === HEAP_SIZE;
    const granules: u16 = atEnd ? 0 : blockGranules(off);
    const live = !atEnd && isMarked(off);
    if (live) clearMark(off);
    // Close the current free run at a live block, at the end, or when it would grow too large.
    if (runStart !== NO_BLOCK && (atEnd || live || runGranules + granules > 1023)) {
      setHeader(runStart, HeapType.FREE, runGranules);
      for (let q: u16 = u16(runStart + 4); gcStress && q < u16(runStart + runGranules * GRANULE); q = u16(q + 2)) set16(q, 0xeeee);
      set16(u16(runStart + 2), NO_BLOCK);
      if (lastFree === NO_BLOCK) setFreeListHead(runStart);
      else set16(u16(lastFree + 2), runStart);
      lastFree = runStart;
      runStart = NO_BLOCK;
    }
    if (atEnd) break;
    if (!live) {
      if (runStart === NO_BLOCK) {
        runStart = off;
        runGranules = 0;
      }
      runGranules = u16(runGranules + granules);
    }
    off = u16(off + granules * GRANULE);
  }
}

/** A full collection. */
export function collect(): void {
  markAll();
  sweep();
  collections = u16(collections + 1);
}

/**
 * Allocates a zero-filled block of `bytes` bytes (header included) and returns its value,
 * collecting once when the heap is full. NULL means out of memory: the caller raises MemoryError.
 */
export function alloc(type: u8, bytes: u16): u16 {
  if (gcStress) collect();
  let off = heapAlloc(type, bytes);
  if (off === NO_BLOCK) {
    collect();
    off = heapAlloc(type, bytes);
  }
  return off === NO_BLOCK ? NULL : makeHeapRef(off);
}
