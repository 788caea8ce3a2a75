// int arithmetic: exact 32-bit results, OverflowError instead of wrap, Python's floor semantics.
import { describe, it, expect, beforeEach } from 'vitest';
import { heapInit } from './heap.ts';
import { resetRoots } from './gc.ts';
import { NULL, isSmall } from './value.ts';
import { Exc, pendingExc, clearExc, excClassOf } from './exc.ts';
import { newInt, intValue, intAdd, intSub, intMul, intFloorDiv, intMod, intBinary } from './int.ts';

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

  // intBinary by NB_* number (** is library code: num.py _power).
  const MUL = 5, LSHIFT = 3, RSHIFT = 9, FLOOR = 2, MOD = 6;
  it('multiplies exactly, with OverflowError beyond 32 bits', () => {
    const cases: [number, number, number][] = [[46340, 46340, 2147395600], [-65536, 32768, -2147483648], [32768, -65536, -2147483648],
      [-1, 2147483647, -2147483647], [2147483647, -1, -2147483647], [1, -2147483648, -2147483648], [0, -2147483648, 0],
      [-2147483648, 0, 0], [-3, -7, 21]];
    for (const [x, y, r] of cases) expect(intValue(intBinary(MUL, x, y))).toBe(r);
    for (const [x, y] of [[46341, 46341], [-1, -2147483648], [-2147483648, -1], [65536, 32768], [-65536, -32768], [2, 1073741824],
      [2147483647, 2147483647], [-2147483648, -2147483648], [3, 715827883]]) expectRaises(intBinary(MUL, x, y), Exc.OverflowError);
  });

  it('shifts like CPython within 32 bits', () => {
    const cases: [number, number, number, number][] = [[LSHIFT, -1, 31, -2147483648], [LSHIFT, 1, 30, 1073741824], [LSHIFT, 0, 2147483647, 0],
      [LSHIFT, -3, 0, -3], [RSHIFT, -1, 2147483647, -1], [RSHIFT, 5, 40, 0], [RSHIFT, -2147483648, 31, -1], [RSHIFT, -7, 1, -4]];
    for (const [nb, x, y, r] of cases) expect(intValue(intBinary(nb, x, y))).toBe(r);
    for (const [x, y] of [[1, 31], [-1, 32], [3, 30], [1, 2147483647]]) expectRaises(intBinary(LSHIFT, x, y), Exc.OverflowError);
    expectRaises(intBinary(LSHIFT, 1, -1), Exc.ValueError);
    expectRaises(intBinary(RSHIFT, 1, -1), Exc.ValueError);
  });

  it('divides the most negative int', () => {
    expectRaises(intBinary(FLOOR, -2147483648, -1), Exc.OverflowError);
    expect(intValue(intBinary(MOD, -2147483648, -1))).toBe(0);
    expect(intValue(intBinary(FLOOR, -2147483648, 1))).toBe(-2147483648);
    expect(intValue(intBinary(FLOOR, 2147483647, -2))).toBe(-1073741824);
    expect(intValue(intBinary(MOD, 2147483647, -2))).toBe(-1);
    expect(intValue(intBinary(MOD, -2147483648, 3))).toBe(1);
  });
});
