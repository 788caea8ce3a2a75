// Floats: f32 floor division, modulo and fmod against CPython's algorithm run in doubles (exact
// for these f32 inputs); exact int/float comparison; round half to even.
import { describe, it, expect, beforeEach } from 'vitest';
import { heapInit } from './heap.ts';
import { resetRoots } from './gc.ts';
import { TRUE, FALSE, makeSmall } from './value.ts';
import { newInt } from './int.ts';
import {
  newFloat, floatOf, fmodF32, floatDivmod, floorF32, roundHalfEven, isFloat,
} from './float.ts';
import { numberCompare, numbersEqual, numberBinary } from './numops.ts';
import { pendingExc, clearExc, excClassOf, Exc } from './exc.ts';

beforeEach(() => {
  heapInit();
  resetRoots();
});

const f = Math.fround;

/** A deterministic mix of f32 values: small whole numbers, halves, random magnitudes and signs. */
function samples(): number[] {
  const out = [0, -0, 0.5, -0.5, 1, -1, 1.5, 2, 3, -3, 7.5, -7.5, 0.1, 1e-3, 1e7, 16777216, 3.4e38, -2.5e-30];
  let seed = 12345;
  const next = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  for (let i = 0; i < 120; i++) {
    const m = next() * 2 - 1;
    const e = Math.floor(next() * 40) - 20;
    out.push(f(m * 2 ** e));
  }
  return out.map(f);
}

/** CPython 3.11 float_divmod in doubles: fmod is exact, and so are the steps for f32 inputs. */
function pyDivmod(vx: number, wx: number): [number, number] {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = wx < 0 || Object.is(wx, -0) ? -0 : 0;
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = (vx / wx < 0 || Object.is(vx / wx, -0)) ? -0 : 0;
  }
  return [floordiv, mod];
}

describe('float arithmetic', () => {
  it('fmodF32 is exact (the remainder of two f32 values is an f32)', () => {
    const xs = samples();
    for (const x of xs) {
      for (const y of xs) {
        if (y === 0) continue;
        expect(Object.is(fmodF32(x, y), x % y), `fmod(${x}, ${y})`).toBe(true);
      }
    }
  });

  it('// and % follow CPython for quotients below 2^20 (beyond, f32 rounding of (x - mod) / y may be off by one)', () => {
    const xs = samples();
    let checked = 0;
    for (const x of xs) {
      for (const y of xs) {
        if (y === 0 || !Number.isFinite(x / y) || Math.abs(x / y) >= 2 ** 20) continue;
        const [q, r] = pyDivmod(x, y);
        expect(Object.is(floatDivmod(x, y, false), f(r)), `${x} % ${y}`).toBe(true);
        expect(Object.is(floatDivmod(x, y, true), f(q)), `${x} // ${y}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it('floors and rounds half to even', () => {
    for (const x of samples()) {
      if (Math.abs(x) < 2 ** 23) expect(floorF32(x)).toBe(Math.floor(x));
    }
    expect([0.5, 1.5, 2.5, -0.5, -1.5, 2.25, 2.75, -2.75].map(roundHalfEven)).toEqual([0, 2, 2, -0, -2, 2, 3, -3]);
  });
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
