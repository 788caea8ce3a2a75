// Floats: exact int/float comparison, mixed arithmetic and CPython's errors. (A float's // and %
// are library code: vm-spec/lib/num.py, checked by lib/test/check.py and the fixtures.)
import { describe, it, expect, beforeEach } from 'vitest';
import { heapInit } from './heap.ts';
import { resetRoots } from './gc.ts';
import { TRUE, FALSE, makeSmall } from './value.ts';
import { newInt } from './int.ts';
import {
  newFloat, floatOf, isFloat,
} from './float.ts';
import { numberCompare, numbersEqual, numberBinary } from './numops.ts';
import { pendingExc, clearExc, excClassOf, Exc } from './exc.ts';

beforeEach(() => {
  heapInit();
  resetRoots();
});

describe('numbers as values', () => {
  it('compares ints and floats exactly (no rounding of the int)', () => {
    const big = newInt(16777217);
    const bigF = newFloat(16777216);
    expect(numberCompare(2, big, bigF)).toBe(FALSE);
    expect(numberCompare(4, big, bigF)).toBe(TRUE);
    expect(numberCompare(0, newInt(2147483647), newFloat(2147483648))).toBe(TRUE);
    expect(numberCompare(0, makeSmall(-3), newFloat(-2.5))).toBe(TRUE);
    expect(numberCompare(5, makeSmall(-2), newFloat(-2.5))).toBe(TRUE);
    expect(numbersEqual(makeSmall(1), newFloat(1))).toBe(true);
    expect(numbersEqual(TRUE, newFloat(1))).toBe(true);
    const nan = newFloat(NaN);
    expect(numberCompare(2, nan, nan)).toBe(FALSE);
    expect(numberCompare(3, nan, nan)).toBe(TRUE);
  });

  it('mixes ints and floats, and raises CPython\'s errors', () => {
    const r = numberBinary(11, makeSmall(7), makeSmall(2)); // 7 / 2
    expect(isFloat(r)).toBe(true);
    expect(floatOf(r)).toBe(3.5);
    expect(numberBinary(11, makeSmall(1), makeSmall(0))).toBe(0);
    expect(excClassOf(pendingExc())).toBe(Exc.ZeroDivisionError);
    clearExc();
    expect(numberBinary(1, newFloat(1.5), makeSmall(1))).toBe(0); // 1.5 & 1
    expect(excClassOf(pendingExc())).toBe(Exc.TypeError);
    clearExc();
    expect(numberBinary(0, newInt(2147483647), makeSmall(1))).toBe(0);
    expect(excClassOf(pendingExc())).toBe(Exc.OverflowError);
    clearExc();
  });
});
