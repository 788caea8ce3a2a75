// The collector: non-moving mark-sweep (docs/vm-design.md, section 2).
// Marking never recurses: a small mark stack, and when it overflows a rescan of the heap
// for marked blocks whose children may be unmarked, until a pass ends without overflow.
import { u8, u16, flashU8 } from './types.ts';
import type { bool } from './types.ts';
import { HEAP_SIZE, MARK_STACK_SIZE, ROOT_STACK_SIZE } from './config.ts';
import { NULL, isHeapRef, heapOffset, makeHeapRef } from './value.ts';
import {
  HeapType, GRANULE, NO_BLOCK, get16, set16, blockGranules, blockType, isMarked, setMark, clearMark,
  setHeader, setFreeListHead, heapAlloc, MAX_GRANULES,
} from './heap.ts';

/** Named roots: the interpreter's registers (HANDLED: the exception an except block is handling). */
export const enum Root { FRAME = 0, GLOBALS = 1, EXC = 2, HANDLED = 3, COUNT = 4 }

// The named roots, then the root stack: the collector marks roots[0..rootDepth).
const roots = new Uint16Array(Root.COUNT + ROOT_STACK_SIZE);
let rootDepth: u8 = Root.COUNT;
const markStack = new Uint16Array(MARK_STACK_SIZE);
let markDepth: u8 = 0;
let markOverflow: bool = false;

export function setRoot(which: u8, v: u16): void { roots[which] = v; }
export function getRoot(which: u8): u16 { return roots[which]; }

/** Pushes past a full root stack: counted so that every popRoot still matches its pushRoot. */
let rootOverflow: u8 = 0;

/** Keeps v alive across allocations until the matching popRoot. Returns false when full (v is then not kept). */
export function pushRoot(v: u16): bool {
  if (rootDepth >= Root.COUNT + ROOT_STACK_SIZE) {
    rootOverflow = u8(rootOverflow + 1);
    return false;
  }
  roots[rootDepth] = v;
  rootDepth = u8(rootDepth + 1);
  return true;
}
export function popRoot(): void {
  if (rootOverflow > 0) rootOverflow = u8(rootOverflow - 1);
  else if (rootDepth > Root.COUNT) rootDepth = u8(rootDepth - 1);
}
export function resetRoots(): void {
  rootDepth = Root.COUNT;
  rootOverflow = 0;
  for (let i: u8 = 0; i < Root.COUNT; i = u8(i + 1)) roots[i] = NULL;
}

/**
 * Test mode (set by Node tests, never on the chip): collect before every allocation and fill
 * freed blocks with 0xEE, so a value that a builtin forgot to root is overwritten at once and
 * the program's output changes instead of passing by luck.
 */
let gcStress: bool = false;
export function setGcStress(on: bool): void { gcStress = on; }

// The value slots of a block: from byte FIRST_SLOT[type] to the end of the block (0: a block
// of raw data). One rule for every type: the length and count words that some types keep in
// front (tuple, list, dict) are below 0x400, never a heap reference, and allocation zero-fills
// the unused tail (NULL). Only three types differ: ITER's [kind][index] and FRAME's [ip][sp]
// are raw numbers in front, a DICTTAB's index bytes follow its cap, and a FRAME's
// slots end at its stack pointer.
const FIRST_SLOT = flashU8([0, 0, 0, 0, 2, 2, 2, 2, 4, 2, 6, 2, 6, 2, 2, 2, 2, 2, 2, 2, 2]);

function markChildren(off: u16): void {
  const type = blockType(off);
  let at: u16 = u16(off + FIRST_SLOT[type]);
  let end: u16 = u16(off + blockGranules(off) * GRANULE);
  if (type === HeapType.DICTTAB) at = u16(at + get16(u16(off + 2)) * 2);
  // FRAME [header][ip][sp][back][func][code][locals...][stack...]: sp is the stack's end
  if (type === HeapType.FRAME) end = get16(u16(off + 4));
  while (at < end) {
    markValue(get16(at));
    at = u16(at + 2);
  }
}

/** @noinline: smaller as a call (LTO inlined it at its three call sites). */
function markValue(v: u16): void {
  if (!isHeapRef(v)) return;
  const off = heapOffset(v);
  if (isMarked(off)) return;
  setMark(off);
  if (FIRST_SLOT[blockType(off)] === 0) return;
  if (markDepth < MARK_STACK_SIZE) {
    markStack[markDepth] = off;
    markDepth = u8(markDepth + 1);
  } else {
    markOverflow = true;
  }
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
  for (let i: u8 = 0; i < rootDepth; i = u8(i + 1)) markValue(roots[i]);
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
  let lastFree: u16 = NO_BLOCK;
  setFreeListHead(NO_BLOCK);
  while (off < HEAP_SIZE) {
    let granules = blockGranules(off);
    if (isMarked(off)) {
      clearMark(off);
    } else {
      // A free run: this block and the unmarked ones after it, up to a block's maximum size.
      let next: u16 = u16(off + granules * GRANULE);
      // (A heap of at most MAX_GRANULES granules never reaches that maximum: C drops the test.)
      while (next < HEAP_SIZE && !isMarked(next) && (HEAP_SIZE <= MAX_GRANULES * GRANULE || u16(granules + blockGranules(next)) <= MAX_GRANULES)) {
        granules = u16(granules + blockGranules(next));
        next = u16(off + granules * GRANULE);
      }
      setHeader(off, HeapType.FREE, granules);
      for (let q: u16 = u16(off + 4); gcStress && q < next; q = u16(q + 2)) set16(q, 0xeeee);
      set16(u16(off + 2), NO_BLOCK);
      if (lastFree === NO_BLOCK) setFreeListHead(off);
      else set16(u16(lastFree + 2), off);
      lastFree = off;
    }
    off = u16(off + granules * GRANULE);
  }
}

/** A full collection. */
export function collect(): void {
  markAll();
  sweep();
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
