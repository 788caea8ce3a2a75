// str: immutable bytes (UTF-8). Image strs stay in the image; STR heap blocks
// [header][length][bytes...] hold strings made at run time. Both read through strLength/strByte.
import { u8, u16, i16, i32 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, isImage, isHeapRef, heapOffset } from './value.ts';
import { HeapType, blockType, get16, set16, heap } from './heap.ts';
import { isBlock } from './block.ts';
import { alloc, pushRoot, popRoot } from './gc.ts';
import { Exc, raise } from './exc.ts';
import { Record, recordType, imageStrLength, imageStrByte, imageStrHash } from './image.ts';
import { STR_HASH_SEED, strHashStep } from './strhash.ts';
import { numOut, formatI32 } from './numfmt.ts';

const MAX_STR = 2000;

export function isHeapStr(v: u16): bool { return isBlock(v, HeapType.STR); }
export function isStr(v: u16): bool { return isHeapStr(v) || (isImage(v) && recordType(v) === Record.STR); }
export function strLength(v: u16): u16 { return isImage(v) ? imageStrLength(v) : get16(u16(heapOffset(v) + 2)); }
export function strByte(v: u16, i: u16): u8 { return isImage(v) ? imageStrByte(v, i) : heap[heapOffset(v) + 4 + i]; }

/** A new heap str of `length` zero bytes (NULL + MemoryError when it does not fit). @noinline: smaller as a call. */
export function newStr(length: u16): u16 {
  if (length > MAX_STR) return raise(Exc.MemoryError);
  const v = alloc(HeapType.STR, u16(4 + length));
  if (v === NULL) return raise(Exc.MemoryError);
  set16(u16(heapOffset(v) + 2), length);
  return v;
}
export function strSetByte(v: u16, i: u16, c: u8): void { heap[heapOffset(v) + 4 + i] = c; }

export function strEquals(a: u16, b: u16): bool {
  const n = strLength(a);
  if (strLength(b) !== n) return false;
  for (let i: u16 = 0; i < n; i = u16(i + 1)) {
    if (strByte(a, i) !== strByte(b, i)) return false;
  }
  return true;
}

/** Below, at or above 0 as a compares with b (bytewise, as CPython compares code points for UTF-8). */
export function strCompare(a: u16, b: u16): i16 {
  const na = strLength(a);
  const nb = strLength(b);
  for (let i: u16 = 0; i < na && i < nb; i = u16(i + 1)) {
    const d = i16(strByte(a, i) - strByte(b, i));
    if (d !== 0) return d;
  }
  return i16(na - nb); // (lengths are at most MAX_STR)
}

/** An image str's hash is stored in its record; a heap str's is computed from its bytes. */
export function strHash(v: u16): u16 {
  if (isImage(v)) return imageStrHash(v);
  let h: u16 = STR_HASH_SEED;
  const n = strLength(v);
  for (let i: u16 = 0; i < n; i = u16(i + 1)) h = strHashStep(h, strByte(v, i));
  return h;
}

/** Copies n bytes of str src from `from` into heap str dst at `at`. */
export function strCopy(dst: u16, at: u16, src: u16, from: u16, n: u16): void {
  for (let i: u16 = 0; i < n; i = u16(i + 1)) strSetByte(dst, u16(at + i), strByte(src, u16(from + i)));
}

/** newStr(length) with a and b (strs or NULL) kept alive across the allocation. */
export function newStrKeeping(length: u16, a: u16, b: u16): u16 {
  const rootedA = pushRoot(a);
  const rootedB = pushRoot(b);
  const v = rootedA && rootedB ? newStr(length) : raise(Exc.MemoryError);
  popRoot();
  popRoot();
  return v;
}

/** a + b. */
export function strConcat(a: u16, b: u16): u16 {
  const na = strLength(a);
  const nb = strLength(b);
  const v = newStrKeeping(u16(na + nb), a, b);
  if (v === NULL) return NULL;
  strCopy(v, 0, a, 0, na);
  strCopy(v, na, b, 0, nb);
  return v;
}

/** A heap str holding numOut[0..length). */
export function strFromNumOut(length: u8): u16 {
  const v = newStr(length);
  if (v === NULL) return NULL;
  for (let i: u8 = 0; i < length; i = u8(i + 1)) strSetByte(v, i, numOut[i]);
  return v;
}

/** The decimal digits of int n as a str. */
export function strOfInt(n: i32): u16 {
  return strFromNumOut(formatI32(n));
}

/** True when `needle` occurs in `haystack`. */
export function strFind(haystack: u16, needle: u16): bool {
  const n = strLength(haystack);
  const m = strLength(needle);
  for (let i: u16 = 0; u16(i + m) <= n; i = u16(i + 1)) {
    let j: u16 = 0;
    while (j < m && strByte(haystack, u16(i + j)) === strByte(needle, j)) j = u16(j + 1);
    if (j === m) return true;
  }
  return false;
}

/** A new one-byte str. */
export function strOfByte(c: u8): u16 {
  const v = newStr(1);
  if (v !== NULL) strSetByte(v, 0, c);
  return v;
}

/**
 * BUILD_STRING: the concatenation of the n strs stored as values at heap offset first (a frame's
 * stack), one strConcat after another (the parts stay on the stack; strConcat keeps its own two).
 */
export function strBuild(first: u16, n: u16): u16 {
  let v = get16(first); // (CPython builds no str of 0 parts: f"" is a constant)
  for (let k: u16 = 1; k < n && v !== NULL; k = u16(k + 1)) v = strConcat(v, get16(u16(first + k * 2)));
  return v;
}
