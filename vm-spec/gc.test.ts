// The heap and collector under Node: exhaustion, cycles, deep and wide structures.
import { describe, it, expect, beforeEach } from 'vitest';
import { HEAP_SIZE, MARK_STACK_SIZE } from './config.ts';
import { heapInit, heapFreeBytes } from './heap.ts';
import { collect, resetRoots, setRoot, Root } from './gc.ts';
import { NULL, makeBuiltin } from './value.ts';
import { Exc, pendingExc, clearExc, excPending } from './exc.ts';
import { newInt, intValue } from './int.ts';
import { newList, listAppend, listGet, listLength } from './list.ts';
import { newTuple, tupleSet, tupleGet } from './tuple.ts';

beforeEach(() => {
  heapInit();
  resetRoots();
});

/** Fills every free byte with a rooted chain of tuples (overwriting freed memory), then drops it. */
function fillWithGarbage(): number {
  let chain = NULL;
  let n = 0;
  for (;;) {
    const cell = newTuple(1);
    if (cell === NULL) break;
    tupleSet(cell, 0, chain);
    chain = cell;
    setRoot(Root.FRAME, chain);
    n++;
  }
  expect(pendingExc()).toBe(makeBuiltin(Exc.MemoryError));
  clearExc();
  setRoot(Root.FRAME, NULL);
  return n;
}

describe('heap and collector', () => {
  it('starts with the whole heap free', () => {
    expect(heapFreeBytes()).toBe(HEAP_SIZE);
  });

  it('raises MemoryError when a rooted list fills the heap, and recovers after it is dropped', () => {
    const list = newList();
    setRoot(Root.GLOBALS, list);
    let appended = 0;
    while (listAppend(list, newInt(100_000 + appended)) !== NULL && !excPending()) appended++;
    expect(pendingExc()).toBe(makeBuiltin(Exc.MemoryError));
    clearExc();
    expect(appended).toBeGreaterThan(50);
    for (let i = 0; i < listLength(list); i++) expect(intValue(listGet(list, i))).toBe(100_000 + i);
    setRoot(Root.GLOBALS, NULL);
    collect();
    expect(heapFreeBytes()).toBe(HEAP_SIZE);
  });

  it('reclaims unreachable cycles', () => {
    const a = newList();
    setRoot(Root.GLOBALS, a);
    const b = newList();
    listAppend(a, b);
    listAppend(b, a);
    collect();
    expect(heapFreeBytes()).toBeLessThan(HEAP_SIZE);
    setRoot(Root.GLOBALS, NULL);
    collect();
    expect(heapFreeBytes()).toBe(HEAP_SIZE);
  });

  it('keeps a long chain alive and intact across collections', () => {
    let head = NULL;
    const length = 100;
    for (let i = 0; i < length; i++) {
      const cell = newTuple(2);
      tupleSet(cell, 0, head);
      tupleSet(cell, 1, newInt(i)); // small: no allocation between newTuple and here
      head = cell;
      setRoot(Root.GLOBALS, head);
    }
    fillWithGarbage();
    collect();
    fillWithGarbage();
    let count = 0;
    for (let cell = head; cell !== NULL; cell = tupleGet(cell, 0)) {
      expect(intValue(tupleGet(cell, 1))).toBe(length - 1 - count);
      count++;
    }
    expect(count).toBe(length);
  });

  it('marks a structure wider than the mark stack (overflow rescan) without losing objects', () => {
    const width = MARK_STACK_SIZE * 3;
    const outer = newTuple(width);
    setRoot(Root.GLOBALS, outer);
    for (let i = 0; i < width; i++) {
      const inner = newList();
      tupleSet(outer, i, inner);
      listAppend(inner, newInt(200_000 + i));
    }
    expect(excPending()).toBe(false);
    const live = HEAP_SIZE - heapFreeBytes();
    collect();
    expect(HEAP_SIZE - heapFreeBytes()).toBe(live);
    fillWithGarbage();
    for (let i = 0; i < width; i++) expect(intValue(listGet(tupleGet(outer, i), 0))).toBe(200_000 + i);
  });
});
