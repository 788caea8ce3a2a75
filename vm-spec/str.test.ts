// Heap strs: concatenation, comparison, hashing, int formatting, MemoryError.
import { describe, it, expect, beforeEach } from 'vitest';
import { heapInit } from './heap.ts';
import { collect, resetRoots, setRoot, Root } from './gc.ts';
import { NULL, makeBuiltin } from './value.ts';
import { Exc, pendingExc, clearExc } from './exc.ts';
import { strOfInt, strConcat, strLength, strByte, strCompare, strHash, strEquals } from './str.ts';

beforeEach(() => {
  heapInit();
  resetRoots();
});

function text(v: number): string {
  let s = '';
  for (let i = 0; i < strLength(v); i++) s += String.fromCharCode(strByte(v, i));
  return s;
}

describe('str', () => {
  it('formats ints and concatenates', () => {
    expect(text(strOfInt(-255))).toBe('-255');
    const a = strOfInt(12);
    setRoot(Root.GLOBALS, a);
    const ab = strConcat(a, strOfInt(345));
    setRoot(Root.GLOBALS, ab);
    collect();
    expect(text(ab)).toBe('12345');
  });

  it('compares and hashes by content', () => {
    const x = strOfInt(123);
    setRoot(Root.GLOBALS, x);
    const y = strOfInt(123);
    expect(x).not.toBe(y);
    expect(strEquals(x, y)).toBe(true);
    expect(strHash(x)).toBe(strHash(y));
    expect(strCompare(x, strOfInt(124))).toBeLessThan(0);
    expect(strCompare(x, strOfInt(12))).toBeGreaterThan(0);
  });

  it('raises MemoryError when doubling a string outgrows the heap', () => {
    let s = strOfInt(1234567890);
    setRoot(Root.GLOBALS, s);
    let next = s;
    while (next !== NULL) {
      s = next;
      setRoot(Root.GLOBALS, s);
      next = strConcat(s, s);
    }
    expect(pendingExc()).toBe(makeBuiltin(Exc.MemoryError));
    clearExc();
    expect(strLength(s)).toBeGreaterThanOrEqual(320);
  });
});
