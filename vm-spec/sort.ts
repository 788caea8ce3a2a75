// Sorting lists: sorted(), list.sort(), with key and reverse. A stable insertion sort in place
// (lists hold at most a few hundred items in 1.4 KB of heap, and it needs no buffer). With a
// key function the keys are computed first, once per item as in CPython, into a parallel list
// that moves with the items; calling a Python key goes back into the interpreter (callValue).
import { u16 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, NONE, TRUE } from './value.ts';
import { popRoot } from './gc.ts';
import { hold } from './seq.ts';
import { newList, listAppend, listLength, listGet, listSet, listItemAt } from './list.ts';
import { compareOp } from './arith.ts';
import { callValue } from './vm.ts';

/** A new list of key(item) for each item of list; NULL with an exception pending. */
function keysOf(list: u16, key: u16): u16 {
  const keys = newList();
  if (keys === NULL || !hold(keys)) return NULL;
  let ok: bool = true;
  for (let i: u16 = 0; ok && i < listLength(list); i = u16(i + 1)) {
    const k = callValue(key, listItemAt(list, i), 1);
    ok = k !== NULL && listAppend(keys, k) !== NULL;
  }
  popRoot();
  return ok ? keys : NULL;
}

/** Sorts `list` (kept alive by the caller) in place; key is a callable, or NULL / None. */
export function sortList(list: u16, key: u16, reverse: bool): bool {
  const keys = key === NULL || key === NONE ? list : keysOf(list, key);
  if (keys === NULL || !hold(keys)) return false;
  const n = listLength(list);
  let ok: bool = true;
  for (let i: u16 = 1; ok && i < n; i = u16(i + 1)) {
    const item = listGet(list, i);
    const k = listGet(keys, i);
    let j: u16 = i;
    // Move left past the keys that k must precede; equal keys keep their order (stable).
    while (j > 0) {
      const before = listGet(keys, u16(j - 1));
      const r = reverse ? compareOp(0, before, k) : compareOp(0, k, before);
      ok = r !== NULL;
      if (r !== TRUE) break;
      listSet(list, j, listGet(list, u16(j - 1)));
      listSet(keys, j, before);
      j = u16(j - 1);
    }
    listSet(list, j, item);
    listSet(keys, j, k);
  }
  popRoot();
  return ok;
}
