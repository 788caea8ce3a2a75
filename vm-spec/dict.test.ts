// dict under Node: insertion, replacement, growth, survival across collections, MemoryError.
import { describe, it, expect, beforeEach } from 'vitest';
import { heapInit } from './heap.ts';
import { collect, resetRoots, setRoot, Root } from './gc.ts';
import { NULL, makeSmall, makeBuiltin } from './value.ts';
import { Exc, pendingExc, clearExc } from './exc.ts';
import { newDict, dictGet, dictSet, dictCount, dictDelete } from './dict.ts';

beforeEach(() => {
  heapInit();
  resetRoots();
});

describe('dict', () => {
  it('stores, replaces and finds small-int keys through growth and collections', () => {
    const d = newDict();
    setRoot(Root.GLOBALS, d);
    for (let i = 0; i < 60; i++) expect(dictSet(d, makeSmall(i * 7), makeSmall(i))).not.toBe(NULL);
    dictSet(d, makeSmall(14), makeSmall(-1));
    collect();
    expect(dictCount(d)).toBe(60);
    for (let i = 0; i < 60; i++) expect(dictGet(d, makeSmall(i * 7))).toBe(makeSmall(i === 2 ? -1 : i));
    expect(dictGet(d, makeSmall(5))).toBe(NULL);
  });

  it('raises MemoryError (not a crash) when the heap cannot hold a bigger table', () => {
    const d = newDict();
    setRoot(Root.GLOBALS, d);
    let n = 0;
    while (dictSet(d, makeSmall(n), makeSmall(n)) !== NULL) n++;
    expect(pendingExc()).toBe(makeBuiltin(Exc.MemoryError));
    clearExc();
    expect(dictCount(d)).toBe(n);
    for (let i = 0; i < n; i++) expect(dictGet(d, makeSmall(i))).toBe(makeSmall(i));
  });

  it('grows a table whose entries were partly deleted (a table size that is not a power of two hung the probe)', () => {
    const d = newDict();
    setRoot(Root.GLOBALS, d);
    for (let i = 0; i < 8; i++) dictSet(d, makeSmall(i), makeSmall(i));
    for (let i = 0; i < 3; i++) expect(dictDelete(d, makeSmall(i))).toBe(true);
    // 5 items in a full table of 8: the growth makes room for 10 and more.
    for (let i = 100; i < 120; i++) expect(dictSet(d, makeSmall(i), makeSmall(-i))).not.toBe(NULL);
    expect(dictCount(d)).toBe(25);
    for (let i = 0; i < 3; i++) expect(dictGet(d, makeSmall(i))).toBe(NULL);
    for (let i = 3; i < 8; i++) expect(dictGet(d, makeSmall(i))).toBe(makeSmall(i));
    for (let i = 100; i < 120; i++) expect(dictGet(d, makeSmall(i))).toBe(makeSmall(-i));
  });
});
