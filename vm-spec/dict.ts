// dict: insertion-ordered hash table. DICT block [header][count][used][table]; DICTTAB block
// [header][cap][2*cap index bytes (entry number, 0xff = empty)][cap key/value pairs].
// Deleted entries keep a NULL key until the table is rebuilt. cap is a power of two (4 .. 128):
// the probe mask 2*cap - 1 then reaches every index byte. At most 127 items.
// Keys: anything but lists and dicts; equal numbers (1, 1.0, True) hash equal.
import { u8, u16 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, TRUE, isHeapRef, heapOffset } from './value.ts';
import { HeapType, blockType, get16, set16, heap } from './heap.ts';
import { isBlock } from './block.ts';
import { alloc, pushRoot, popRoot } from './gc.ts';
import { Exc, raise } from './exc.ts';
import { isStr, strHash } from './str.ts';
import { isAnyInt, anyIntValue } from './int.ts';
import { isFloat, floatOf, hashI32, floatHash } from './float.ts';
import { isAnyTuple, seqLength, seqItem } from './seq.ts';
import { isList } from './list.ts';
import { compareOp } from './arith.ts';
import { takeHandOver } from './libfunc.ts';
import { nestEnter, nestLeave } from './nesting.ts';

const MAX_COUNT = 127;
const MAX_CAP = 128;
/** Byte offsets of the DICT block's fields. */
const enum D { COUNT = 2, USED = 4, TABLE = 6 }

function field(d: u16, f: u8): u16 { return get16(u16(heapOffset(d) + f)); }
/** @noinline: smaller as a call. */
function setField(d: u16, f: u8, v: u16): void { set16(u16(heapOffset(d) + f), v); }

export function isDict(v: u16): bool { return isBlock(v, HeapType.DICT); }

/** @noinline: smaller as a call. */
export function newDict(): u16 {
  const v = alloc(HeapType.DICT, 8);
  if (v === NULL) return raise(Exc.MemoryError);
  return v;
}
export function dictCount(d: u16): u16 { return field(d, D.COUNT); }

/** hash(v): equal values hash equal (ints by value, strs and tuples by content). */
export function hashValue(v: u16): u16 {
  if (isStr(v)) return strHash(v);
  if (isAnyInt(v)) return hashI32(anyIntValue(v));
  if (isFloat(v)) return floatHash(floatOf(v));
  if (isAnyTuple(v)) {
    let h: u16 = 0x345;
    if (!nestEnter()) return h;
    const n = seqLength(v);
    for (let i: u16 = 0; i < n; i = u16(i + 1)) h = u16(h * 31 + hashValue(seqItem(v, i)));
    nestLeave();
    return h;
  }
  return u16(v >> 1);
}

/**
 * Key equality: identity, else Python's == (1 == True, equal strs and tuples). A tuple key
 * holding lists or nested too deep (compare.ts hands those over) is unequal.
 */
export function keysEqual(a: u16, b: u16): bool {
  if (a === b) return true;
  const r = compareOp(2, a, b);
  if (r === NULL) takeHandOver();
  return r === TRUE;
}

function tableCap(t: u16): u16 { return t === NULL ? 0 : get16(u16(heapOffset(t) + 2)); }
/** Heap offset of entry e (its key; the value follows) of table t. */
function entryAt(t: u16, e: u16): u16 { return u16(heapOffset(t) + 4 + tableCap(t) * 2 + e * 4); }

/** Heap offset of the index byte of `key` in table t: where it is, or the empty one where it would go. */
function findSlot(t: u16, key: u16): u16 {
  const base = u16(heapOffset(t) + 4);
  const mask = u16(get16(u16(base - 2)) * 2 - 1);
  const entries = u16(base + mask + 1);
  let slot: u16 = hashValue(key) & mask;
  for (;;) {
    const e = heap[base + slot];
    if (e === 0xff) break;
    const k = get16(u16(entries + e * 4));
    if (k !== NULL && keysEqual(k, key)) break; // NULL: a deleted entry
    slot = u16(slot + 1) & mask;
  }
  return u16(base + slot);
}

/** Appends (key, value) as the next entry of d's table, which has room for it. */
function appendEntry(d: u16, key: u16, value: u16): void {
  const t = field(d, D.TABLE);
  const used = field(d, D.USED);
  heap[findSlot(t, key)] = u8(used);
  const at = entryAt(t, used);
  set16(at, key);
  set16(u16(at + 2), value);
  setField(d, D.USED, u16(used + 1));
}

/** Heap offset of the entry of `key` in d (its key; the value follows), or 0 when absent. */
function entryOf(d: u16, key: u16): u16 {
  const t = field(d, D.TABLE);
  if (t === NULL) return 0;
  const e = heap[findSlot(t, key)];
  return e === 0xff ? 0 : entryAt(t, e);
}

/** d[key], or NULL when absent (no exception set). */
export function dictGet(d: u16, key: u16): u16 {
  const at = entryOf(d, key);
  return at === 0 ? NULL : get16(u16(at + 2));
}

/** d[key] = value; TRUE, or NULL with MemoryError pending. */
export function dictSet(d: u16, key: u16, value: u16): u16 {
  if (isList(key) || isDict(key)) return raise(Exc.TypeError); // unhashable
  const at = entryOf(d, key);
  if (at !== 0) {
    set16(u16(at + 2), value);
    return TRUE;
  }
  const t = field(d, D.TABLE);
  const count = dictCount(d);
  const used = field(d, D.USED);
  if (used >= tableCap(t)) {
    // A new table (twice the live entries) and the live entries appended to it in order.
    if (count >= MAX_COUNT) return raise(Exc.MemoryError);
    let cap: u16 = 4;
    while (cap < MAX_CAP && (cap >> 1) < count) cap = u16(cap * 2); // twice the items
    pushRoot(d);
    pushRoot(key);
    pushRoot(value);
    const v = alloc(HeapType.DICTTAB, u16(4 + cap * 6));
    popRoot();
    popRoot();
    popRoot();
    if (v === NULL) return raise(Exc.MemoryError);
    const nt = heapOffset(v);
    set16(u16(nt + 2), cap);
    for (let i: u16 = 0; i < u16(cap * 2); i = u16(i + 1)) heap[nt + 4 + i] = 0xff;
    setField(d, D.TABLE, v);
    setField(d, D.USED, 0);
    for (let e: u16 = 0; e < used; e = u16(e + 1)) {
      const at = entryAt(t, e);
      const k = get16(at);
      if (k !== NULL) appendEntry(d, k, get16(u16(at + 2)));
    }
  }
  appendEntry(d, key, value);
  setField(d, D.COUNT, u16(count + 1));
  return TRUE;
}

/** Entries used so far (live ones and deleted ones with a NULL key), for iteration in order. */
export function dictUsed(d: u16): u16 { return field(d, D.USED); }
/** Key of entry e < dictUsed(d): NULL when deleted. */
export function dictEntryKey(d: u16, e: u16): u16 { return get16(entryAt(field(d, D.TABLE), e)); }
export function dictEntryValue(d: u16, e: u16): u16 { return get16(u16(entryAt(field(d, D.TABLE), e) + 2)); }

/** del d[key]: the entry keeps its place with a NULL key (order is kept); false when absent. */
export function dictDelete(d: u16, key: u16): bool {
  const at = entryOf(d, key);
  if (at === 0) return false;
  set16(at, NULL);
  set16(u16(at + 2), NULL);
  setField(d, D.COUNT, u16(dictCount(d) - 1));
  return true;
}

