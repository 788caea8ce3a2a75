// dict: insertion-ordered hash table. DICT block [header][count][used][table]; DICTTAB block
// [header][cap][2*cap index bytes (entry number, 0xff = empty)][cap key/value pairs].
// Deleted entries keep a NULL key until the table is rebuilt. cap <= 127.
// Keys: anything but lists and dicts; equal numbers (1, 1.0, True) hash equal.
import { u8, u16 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, TRUE, isHeapRef, heapOffset } from './value.ts';
import { HeapType, blockType, get16, set16, heap } from './heap.ts';
import { alloc, pushRoot, popRoot } from './gc.ts';
import { Exc, raise } from './exc.ts';
import { isStr, strHash } from './str.ts';
import { isAnyInt, anyIntValue } from './int.ts';
import { isFloat, floatOf, hashI32, floatHash } from './float.ts';
import { isAnyTuple, seqLength, seqItem } from './seq.ts';
import { isList } from './list.ts';
import { compareOp } from './arith.ts';

const MAX_CAP = 127;

export function isDict(v: u16): bool { return isHeapRef(v) && blockType(heapOffset(v)) === HeapType.DICT; }

export function newDict(): u16 {
  const v = alloc(HeapType.DICT, 8);
  if (v === NULL) return raise(Exc.MemoryError);
  return v;
}
export function dictCount(d: u16): u16 { return get16(u16(heapOffset(d) + 2)); }

/** hash(v): equal values hash equal (ints by value, strs and tuples by content). */
export function hashValue(v: u16): u16 {
  if (isStr(v)) return strHash(v);
  if (isAnyInt(v)) return hashI32(anyIntValue(v));
  if (isFloat(v)) return floatHash(floatOf(v));
  if (isAnyTuple(v)) {
    let h: u16 = 0x345;
    const n = seqLength(v);
    for (let i: u16 = 0; i < n; i = u16(i + 1)) h = u16(h * 31 + hashValue(seqItem(v, i)));
    return h;
  }
  return u16(v >> 1);
}

/** Key equality: identity, else Python's == (1 == True, equal strs and tuples). */
export function keysEqual(a: u16, b: u16): bool {
  return a === b || compareOp(2, a, b) === TRUE;
}

function tableCap(t: u16): u16 { return t === NULL ? 0 : get16(u16(heapOffset(t) + 2)); }
function entryAt(t: u16, e: u16): u16 { return u16(heapOffset(t) + 4 + tableCap(t) * 2 + e * 4); }

/** Heap offset of the index byte of `key` in table t: where it is, or the empty one where it would go. */
function findSlot(t: u16, key: u16): u16 {
  const mask = u16(tableCap(t) * 2 - 1);
  let slot: u16 = hashValue(key) & mask;
  const base = u16(heapOffset(t) + 4);
  for (;;) {
    const e = heap[base + slot];
    if (e === 0xff) return u16(base + slot);
    const k = get16(entryAt(t, e));
    if (k !== NULL && keysEqual(k, key)) return u16(base + slot); // NULL: a deleted entry
    slot = (slot + 1) & mask;
  }
}

/** d[key], or NULL when absent (no exception set). */
export function dictGet(d: u16, key: u16): u16 {
  const t = get16(u16(heapOffset(d) + 6));
  if (t === NULL) return NULL;
  const e = heap[findSlot(t, key)];
  return e === 0xff ? NULL : get16(u16(entryAt(t, e) + 2));
}

/** A table of `cap` entries holding d's live entries. */
function rebuild(d: u16, cap: u16): bool {
  const v = alloc(HeapType.DICTTAB, u16(4 + cap * 2 + cap * 4));
  if (v === NULL) return false;
  const t = heapOffset(v);
  set16(u16(t + 2), cap);
  for (let i: u16 = 0; i < cap * 2; i = u16(i + 1)) heap[t + 4 + i] = 0xff;
  const old = get16(u16(heapOffset(d) + 6));
  const used = get16(u16(heapOffset(d) + 4));
  let n: u16 = 0;
  for (let e: u16 = 0; e < used; e = u16(e + 1)) {
    const key = get16(entryAt(old, e));
    if (key === NULL) continue;
    set16(entryAt(v, n), key);
    set16(u16(entryAt(v, n) + 2), get16(u16(entryAt(old, e) + 2)));
    heap[findSlot(v, key)] = u8(n);
    n = u16(n + 1);
  }
  set16(u16(heapOffset(d) + 4), n);
  set16(u16(heapOffset(d) + 6), v);
  return true;
}

/** d[key] = value; TRUE, or NULL with MemoryError pending. */
export function dictSet(d: u16, key: u16, value: u16): u16 {
  if (isList(key) || isDict(key)) return raise(Exc.TypeError); // unhashable
  let t = get16(u16(heapOffset(d) + 6));
  if (t !== NULL) {
    const e = heap[findSlot(t, key)];
    if (e !== 0xff) {
      set16(u16(entryAt(t, e) + 2), value);
      return TRUE;
    }
  }
  if (get16(u16(heapOffset(d) + 4)) >= tableCap(t)) {
    let cap: u16 = dictCount(d) < 2 ? 4 : u16(dictCount(d) * 2);
    if (cap > MAX_CAP) cap = MAX_CAP;
    if (dictCount(d) >= MAX_CAP) return raise(Exc.MemoryError);
    pushRoot(d);
    pushRoot(key);
    pushRoot(value);
    const ok = rebuild(d, cap);
    popRoot();
    popRoot();
    popRoot();
    if (!ok) return raise(Exc.MemoryError);
    t = get16(u16(heapOffset(d) + 6));
  }
  const used = get16(u16(heapOffset(d) + 4));
  set16(entryAt(t, used), key);
  set16(u16(entryAt(t, used) + 2), value);
  heap[findSlot(t, key)] = u8(used);
  set16(u16(heapOffset(d) + 4), u16(used + 1));
  set16(u16(heapOffset(d) + 2), u16(dictCount(d) + 1));
  return TRUE;
}

/** Entries used so far (live ones and deleted ones with a NULL key), for iteration in order. */
export function dictUsed(d: u16): u16 { return get16(u16(heapOffset(d) + 4)); }
/** Key of entry e < dictUsed(d): NULL when deleted. */
export function dictEntryKey(d: u16, e: u16): u16 { return get16(entryAt(get16(u16(heapOffset(d) + 6)), e)); }
export function dictEntryValue(d: u16, e: u16): u16 { return get16(u16(entryAt(get16(u16(heapOffset(d) + 6)), e) + 2)); }

/** del d[key]: the entry keeps its place with a NULL key (order is kept); false when absent. */
export function dictDelete(d: u16, key: u16): bool {
  const t = get16(u16(heapOffset(d) + 6));
  if (t === NULL) return false;
  const e = heap[findSlot(t, key)];
  if (e === 0xff) return false;
  set16(entryAt(t, e), NULL);
  set16(u16(entryAt(t, e) + 2), NULL);
  set16(u16(heapOffset(d) + 2), u16(dictCount(d) - 1));
  return true;
}

/** Empties d. */
export function dictClear(d: u16): void {
  set16(u16(heapOffset(d) + 2), 0);
  set16(u16(heapOffset(d) + 4), 0);
  set16(u16(heapOffset(d) + 6), NULL);
}
