// Exception arguments beyond one, and e.args. An EXC block [class][argument][flag] keeps one
// argument as is; with several, the argument is their tuple and the flag word is 1, so that
// str(e) (the tuple's text) and repr(e) (class name + the tuple) come out as in CPython.
import { u8, u16 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, heapOffset } from './value.ts';
import { HeapType, get16, set16 } from './heap.ts';
import { isBlock } from './block.ts';
import { newExc, excArgument } from './errors.ts';
import { arg, argCount, argsTuple } from './args.ts';
import { newTuple, tupleSet } from './tuple.ts';

/** cls(*args) for the current call's positional arguments. */
export function newExcFromArgs(cls: u8): u16 {
  const n = argCount();
  if (n <= 1) return newExc(cls, n === 0 ? NULL : arg(0)); // an instance even without arguments: a bare class prints as a class
  const args = argsTuple();
  if (args === NULL) return NULL;
  const v = newExc(cls, args);
  if (v !== NULL) set16(u16(heapOffset(v) + 6), 1);
  return v;
}

/** True when exc's argument is the tuple of its arguments (more than one). */
export function excHasArgsTuple(exc: u16): bool {
  return isBlock(exc, HeapType.EXC) && get16(u16(heapOffset(exc) + 6)) === 1;
}

/** e.args: the tuple of exc's arguments (NULL with MemoryError pending when it cannot be made). */
export function excArgs(exc: u16): u16 {
  const a = excArgument(exc);
  if (excHasArgsTuple(exc)) return a;
  const t = newTuple(a === NULL ? 0 : 1);
  if (t !== NULL && a !== NULL) tupleSet(t, 0, a);
  return t;
}
