// The text algorithms behind the str methods: search, count, join, split, strip, replace, case.
// Their str inputs are a builtin's arguments, kept alive by the caller's frame; anything they
// make before the result (join's item list, split's result list) they root themselves.
import { u8, u16, i16, i32 } from './types.ts';
import type { bool } from './types.ts';
import { NULL } from './value.ts';
import { Exc, raise, excPending } from './exc.ts';
import { raiseMessage, Msg } from './errors.ts';
import { pushRoot, popRoot } from './gc.ts';
import { isStr, strLength, strByte, newStr, strSetByte, strCopy } from './str.ts';
import { newList, listAppend } from './list.ts';
import { isSeq, seqLength, seqItem } from './seq.ts';
import { getIter, iterNext } from './iter.ts';

/** A start/end argument of find, count ... : negative from the end, clamped into 0..length. */
export function clampIndex(i: i32, length: u16): i32 {
  let r: i32 = i;
  if (r < 0) r = i32(r + length);
  if (r < 0) r = 0;
  if (r > length) r = length;
  return r;
}

function isSpace(c: u8): bool { return c === 32 || (c >= 9 && c <= 13) || (c >= 28 && c <= 31); }

/** True when `needle` occurs in s at position at (which the caller keeps in range). */
export function strMatchAt(s: u16, at: u16, needle: u16): bool {
  const m = strLength(needle);
  if (at + m > strLength(s)) return false;
  for (let j: u16 = 0; j < m; j = u16(j + 1)) {
    if (strByte(s, u16(at + j)) !== strByte(needle, j)) return false;
  }
  return true;
}

/** The first position >= from of needle in s[..to), or -1. */
export function strIndexOf(s: u16, needle: u16, from: u16, to: u16): i16 {
  const m = strLength(needle);
  for (let i: u16 = from; i + m <= to; i = u16(i + 1)) {
    if (strMatchAt(s, i, needle)) return i16(i);
  }
  return -1;
}

/** Non-overlapping occurrences of needle in s[from..to) (an empty needle: to - from + 1). */
export function strCount(s: u16, needle: u16, from: u16, to: u16): u16 {
  const m = strLength(needle);
  if (from > to) return 0;
  if (m === 0) return u16(to - from + 1);
  let n: u16 = 0;
  let i: u16 = from;
  while (i + m <= to) {
    if (strMatchAt(s, i, needle)) {
      n = u16(n + 1);
      i = u16(i + m);
    } else i = u16(i + 1);
  }
  return n;
}

/** A new str of s[start..start+length); s must be rooted by the caller. */
function strSub(s: u16, start: u16, length: u16): u16 {
  const v = newStr(length);
  if (v !== NULL) strCopy(v, 0, s, start, length);
  return v;
}

/** Appends s[start..end) to list; false on MemoryError. */
function appendPiece(list: u16, s: u16, start: u16, end: u16): bool {
  const piece = strSub(s, start, u16(end - start));
  return piece !== NULL && listAppend(list, piece) !== NULL;
}

/** The length of the separator at position i of s: sep when it matches there, or (sep NULL) the run of whitespace. */
function sepLengthAt(s: u16, i: u16, sep: u16): u16 {
  if (sep !== NULL) return strMatchAt(s, i, sep) ? strLength(sep) : 0;
  let j: u16 = i;
  while (j < strLength(s) && isSpace(strByte(s, j))) j = u16(j + 1);
  return u16(j - i);
}

/** s.split(sep, maxsplit): sep NULL splits on runs of whitespace and drops empty pieces; maxsplit < 0: no limit. */
export function strSplit(s: u16, sep: u16, maxsplit: i32): u16 {
  const n = strLength(s);
  if (sep !== NULL && strLength(sep) === 0) return raiseMessage(Exc.ValueError, Msg.EMPTY_SEP, NULL, 255);
  const list = newList();
  if (list === NULL) return NULL;
  let ok: bool = pushRoot(list);
  if (!ok) raise(Exc.MemoryError);
  let splits: i32 = 0;
  let i: u16 = sep === NULL ? sepLengthAt(s, 0, NULL) : 0; // the current piece starts at i
  let j: u16 = i;
  while (ok && j < n && (maxsplit < 0 || splits < maxsplit)) {
    const k = sepLengthAt(s, j, sep);
    if (k === 0) {
      j = u16(j + 1);
      continue;
    }
    ok = appendPiece(list, s, i, j);
    splits = i32(splits + 1);
    j = u16(j + k);
    i = j;
  }
  if (ok && (sep !== NULL || i < n)) ok = appendPiece(list, s, i, n);
  popRoot();
  return ok ? list : NULL;
}

/** True when c is one of the bytes of chars (NULL: whitespace). */
function inChars(c: u8, chars: u16): bool {
  if (chars === NULL) return isSpace(c);
  const m = strLength(chars);
  for (let j: u16 = 0; j < m; j = u16(j + 1)) {
    if (strByte(chars, j) === c) return true;
  }
  return false;
}

/** s.strip(chars) (left and right), lstrip (left only), rstrip (right only); chars NULL: whitespace. */
export function strStrip(s: u16, chars: u16, left: bool, right: bool): u16 {
  let i: u16 = 0;
  let j: u16 = strLength(s);
  if (left) {
    while (i < j && inChars(strByte(s, i), chars)) i = u16(i + 1);
  }
  if (right) {
    while (j > i && inChars(strByte(s, u16(j - 1)), chars)) j = u16(j - 1);
  }
  if (i === 0 && j === strLength(s)) return s;
  return strSub(s, i, u16(j - i));
}

/** s.replace(old, new, max): at most max replacements (max < 0: all). */
export function strReplace(s: u16, old: u16, repl: u16, max: i32): u16 {
  const n = strLength(s);
  const m = strLength(old);
  const r = strLength(repl);
  let k: u16 = strCount(s, old, 0, n);
  if (max >= 0 && max < k) k = u16(max);
  const length: i32 = i32(n + k * (r - m));
  if (length > 0xffff) return raise(Exc.MemoryError);
  const v = newStr(u16(length));
  if (v === NULL) return NULL;
  let i: u16 = 0;
  let o: u16 = 0;
  let done: u16 = 0;
  while (i <= n) {
    if (done < k && strMatchAt(s, i, old)) {
      strCopy(v, o, repl, 0, r);
      o = u16(o + r);
      done = u16(done + 1);
      if (m > 0) {
        i = u16(i + m);
        continue;
      }
    }
    if (i < n) {
      strSetByte(v, o, strByte(s, i));
      o = u16(o + 1);
    }
    i = u16(i + 1);
  }
  return v;
}

/** s.upper() or s.lower() (ASCII letters). */
export function strChangeCase(s: u16, upper: bool): u16 {
  const n = strLength(s);
  const v = newStr(n);
  if (v === NULL) return NULL;
  for (let i: u16 = 0; i < n; i = u16(i + 1)) {
    let c = strByte(s, i);
    if (upper && c >= 97 && c <= 122) c = u8(c - 32);
    else if (!upper && c >= 65 && c <= 90) c = u8(c + 32);
    strSetByte(v, i, c);
  }
  return v;
}

/** s.isdigit() (ASCII digits, not empty). */
export function strIsDigit(s: u16): bool {
  const n = strLength(s);
  for (let i: u16 = 0; i < n; i = u16(i + 1)) {
    const c = strByte(s, i);
    if (c < 48 || c > 57) return false;
  }
  return n > 0;
}

// join: the items of a list or tuple, or of any other iterable copied to a list first.

/** A new list of the items of iterable v. */
function listOf(v: u16): u16 {
  const list = newList();
  if (list === NULL) return NULL;
  const rooted = pushRoot(list);
  const it = rooted ? getIter(v) : raise(Exc.MemoryError);
  let ok: bool = it !== NULL;
  if (ok) {
    ok = pushRoot(it);
    if (!ok) raise(Exc.MemoryError);
    while (ok) {
      const item = iterNext(it);
      if (item === NULL) {
        ok = !excPending();
        break;
      }
      ok = listAppend(list, item) !== NULL;
    }
    popRoot();
  }
  popRoot();
  return ok ? list : NULL;
}

/** sep.join(iterable) of strs. */
export function strJoin(sep: u16, iterable: u16): u16 {
  let items: u16 = iterable;
  if (!isSeq(items)) items = listOf(iterable);
  if (items === NULL) return NULL;
  const rooted = pushRoot(items);
  const count = seqLength(items);
  const m = strLength(sep);
  let total: u16 = 0;
  let bad: u8 = 0; // 1: an item is not a str, 2: too long (checked before the u16 sum could wrap)
  for (let i: u16 = 0; bad === 0 && i < count; i = u16(i + 1)) {
    const item = seqItem(items, i);
    if (!isStr(item)) bad = 1;
    else {
      total = u16(total + strLength(item) + (i > 0 ? m : 0));
      if (total > 0x7fff) bad = 2;
    }
  }
  let v: u16 = NULL;
  if (!rooted) bad = 2;
  if (bad === 0) v = newStr(total);
  else raise(bad === 1 ? Exc.TypeError : Exc.MemoryError);
  popRoot();
  if (v === NULL) return NULL;
  let o: u16 = 0;
  for (let i: u16 = 0; i < count; i = u16(i + 1)) {
    if (i > 0) {
      strCopy(v, o, sep, 0, m);
      o = u16(o + m);
    }
    const item = seqItem(items, i);
    const k = strLength(item);
    strCopy(v, o, item, 0, k);
    o = u16(o + k);
  }
  return v;
}
