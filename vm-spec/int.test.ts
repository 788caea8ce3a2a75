// int arithmetic: exact 32-bit results, OverflowError instead of wrap, Python's floor semantics.
import { describe, it, expect, beforeEach } from 'vitest';
import { heapInit } from './heap.ts';
import { resetRoots } from './gc.ts';
import { NULL, isSmall } from './value.ts';
import { Exc, pendingExc, clearExc, excClassOf } from './exc.ts';
import { newInt, intValue, intAdd, intSub, intMul, intFloorDiv, intMod } from './int.ts';

beforeEach(() => {
  heapInit();
  resetRoots();
});

function expectRaises(result: number, cls: Exc): void {
  expect(result).toBe(NULL);
  expect(excClassOf(pendingExc())).toBe(cls);
  clearExc();
}

describe('int', () => {
  it('keeps small ints immediate and boxes the rest exactly', () => {
    for (const n of [0, 1, -1, 16383, -16384]) {
      expect(isSmall(newInt(n))).toBe(true);
      expect(intValue(newInt(n))).toBe(n);
    }
    for (const n of [16384, -16385, 2147483647, -2147483648, 123456789]) {
      expect(isSmall(newInt(n))).toBe(false);
      expect(intValue(newInt(n))).toBe(n);
    }
  });

  it('raises OverflowError beyond 32 bits', () => {
    expect(intValue(intAdd(2147483646, 1))).toBe(2147483647);
    expectRaises(intAdd(2147483647, 1), Exc.OverflowError);
    expectRaises(intSub(-2147483648, 1), Exc.OverflowError);
    expect(intValue(intMul(46340, 46340))).toBe(2147395600);
    expectRaises(intMul(46341, 46341), Exc.OverflowError);
    expectRaises(intMul(-1, -2147483648), Exc.OverflowError);
    expect(intValue(intMul(-1, 2147483647))).toBe(-2147483647);
  });

  it('floor-divides and takes modulo with the signs CPython gives', () => {
    for (const [a, b] of [[7, 2], [-7, 2], [7, -2], [-7, -2], [6, 3], [-6, 3], [0, -5]]) {
      expect(intValue(intFloorDiv(a, b))).toBe(Math.floor(a / b) | 0);
      const pyMod = (a - Math.floor(a / b) * b) | 0;
      expect(intValue(intMod(a, b))).toBe(pyMod);
    }
    expectRaises(intFloorDiv(1, 0), Exc.ZeroDivisionError);
    expectRaises(intMod(1, 0), Exc.ZeroDivisionError);
  });
});
