// The arguments of the built-in being called: a window onto the caller's value stack (in the
// heap, which never moves, and a GC root through the frame). The VM sets it before each call;
// a built-in that calls back into Python must read its arguments first.
import { u8, u16 } from './types.ts';
import type { bool } from './types.ts';
import { NULL } from './value.ts';
import { get16, set16 } from './heap.ts';
import { imageTupleLength, imageTupleItem } from './image.ts';
import { newTuple, tupleSet } from './tuple.ts';

let base: u16 = 0;      // heap byte offset of argument 0
let total: u16 = 0;     // positional and keyword values
let kwnames: u16 = NULL; // image tuple of keyword names (the last values), or NULL

export function setArgs(first: u16, count: u16, names: u16): void {
  base = first;
  total = count;
  kwnames = names;
}

/** The window as callFunction takes it (vm.ts: a call handed over to library code). */
export function argsFirst(): u16 { return base; }
export function argsTotal(): u16 { return total; }
export function argsNames(): u16 { return kwnames; }

/** Puts v in the slot below argument 0 (the callable's or the method's), for a hand-over. */
export function prependArg(v: u16): void { set16(u16(base - 2), v); }
/** Makes that value argument 0 and drops the keywords: a builtin hands over with them gathered there. */
export function dropKeywords(): void {
  total = u16(argCount() + 1);
  kwnames = NULL;
  base = u16(base - 2);
}

/** Number of keyword arguments. */
export function kwCount(): u16 { return kwnames === NULL ? 0 : imageTupleLength(kwnames); }
/** Number of positional arguments (for a method, self is argument 0). */
export function argCount(): u16 { return u16(total - kwCount()); }
/** Positional argument i < argCount(). */
export function arg(i: u8): u16 { return get16(u16(base + i * 2)); }

/** A new tuple of the positional arguments (zip's iterables, an exception's arguments), or NULL. */
export function argsTuple(): u16 {
  const n = argCount();
  const t = newTuple(n);
  for (let i: u16 = 0; t !== NULL && i < n; i = u16(i + 1)) tupleSet(t, i, arg(u8(i)));
  return t;
}

/** Name (an image str) and value of keyword argument k < kwCount(), e.g. for dict(a=1). @noinline: smaller as a call. */
export function kwName(k: u16): u16 { return imageTupleItem(kwnames, k); }
export function kwValue(k: u16): u16 { return get16(u16(base + (total - kwCount() + k) * 2)); }
