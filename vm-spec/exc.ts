// Built-in exception classes, CPython's hierarchy, and the pending exception.
// Convention: a VM function that fails sets the pending exception and returns NULL
// (or false); callers pass NULL up until the interpreter unwinds to a handler.
import { u8, u16, flashU8 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, isBuiltin, builtinNumber, makeBuiltin, heapOffset } from './value.ts';
import { Root, setRoot, getRoot } from './gc.ts';
import { HeapType, get16 } from './heap.ts';
import { isBlock } from './block.ts';
import { N, nameIndex } from './names.ts';

/** Built-in numbers of the exception classes (value = number * 4, see value.ts). */
export const enum Exc {
  BaseException = 4, Exception = 5, ArithmeticError = 6, ZeroDivisionError = 7, OverflowError = 8,
  LookupError = 9, IndexError = 10, KeyError = 11, ValueError = 12, TypeError = 13, NameError = 14,
  AttributeError = 15, StopIteration = 16, MemoryError = 17, RuntimeError = 18, RecursionError = 19,
  NotImplementedError = 20, AssertionError = 21, KeyboardInterrupt = 22,
  FIRST = 4, LAST = 22,
}

// Parent class of each (indexed by number - FIRST); 0 for BaseException.
const EXC_PARENT = flashU8([0, 4, 5, 6, 6, 5, 9, 9, 5, 5, 5, 5, 5, 5, 5, 18, 18, 5, 4]);

export function isExcClass(v: u16): bool {
  return isBuiltin(v) && builtinNumber(v) >= Exc.FIRST && builtinNumber(v) <= Exc.LAST;
}

/** True when built-in class `cls` is `base` or derives from it. */
export function excSubclass(cls: u8, base: u8): bool {
  let c: u8 = cls;
  while (c !== 0) {
    if (c === base) return true;
    c = EXC_PARENT[c - Exc.FIRST];
  }
  return false;
}

/** The class number of an exception value: a class itself, or an EXC block [class][args]. */
export function excClassOf(v: u16): u8 {
  if (isExcClass(v)) return u8(builtinNumber(v));
  if (isBlock(v, HeapType.EXC)) return u8(builtinNumber(get16(u16(heapOffset(v) + 2))));
  return 0;
}

/**
 * Makes `cls` (with no arguments) the pending exception; returns NULL for the caller to pass up. Allocates nothing.
 * @noinline: inlined at its ~30 call sites, LTO grows the firmware by ~290 B.
 */
export function raise(cls: u8): u16 {
  setRoot(Root.EXC, makeBuiltin(cls));
  return NULL;
}
/** Makes an exception value (class or EXC block) the pending exception. */
export function raiseValue(exc: u16): u16 {
  setRoot(Root.EXC, exc);
  return NULL;
}
export function pendingExc(): u16 { return getRoot(Root.EXC); }
export function excPending(): bool { return getRoot(Root.EXC) !== NULL; }
export function clearExc(): void { setRoot(Root.EXC, NULL); }

/** The built-in exception class named by image str `name`, or NULL: the compiler stores
 * its name number (names.ts), and the classes' names are numbered in class order. */
export function lookupExcClass(name: u16): u16 {
  const n = nameIndex(name);
  if (n < N.BaseException || n > N.KeyboardInterrupt) return NULL;
  return makeBuiltin(u16(n - N.BaseException + Exc.FIRST));
}

