// numfmt against independent references: JavaScript's correctly rounded toExponential and exact
// BigInt arithmetic, and CPython (one python3 process) for str of ints. (format.py rounds
// formatF32Exact's digits for '%.Nf' and the like: lib/test/check.py, the fixtures.)
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  numOut, sig, formatF32Repr, formatF32Exact, formatI32, digitsToF32,
} from './numfmt.ts';

const text = (n: number): string => String.fromCharCode(...numOut.subarray(0, n));
const repr = (x: number): string => text(formatF32Repr(x));
const exact = (x: number): string => text(formatF32Exact(x));

/** A decimal ('-1.5e-3', '.5', '7.') through digitsToF32, as builtins-num.ts's float(s) passes it on. */
function parseFloatText(s: string): number {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (m === null) throw new Error(`not a decimal: ${s}`);
  let digits = m[2] + (m[3] ?? '');
  let top = m[2].length - 1 + Number(m[4] ?? 0);
  while (digits.startsWith('0')) {
    digits = digits.slice(1);
    top--;
  }
  if (digits.length > sig.length) throw new Error(`more digits than sig holds: ${s}`);
  for (let i = 0; i < digits.length; i++) sig[i] = digits.charCodeAt(i) - 48;
  const x = fromBits(digitsToF32(digits.length, top));
  return m[1] === '-' ? -x : x;
}

const view = new DataView(new ArrayBuffer(4));
const bitsOf = (x: number): number => { view.setFloat32(0, x); return view.getUint32(0); };
const fromBits = (b: number): number => { view.setUint32(0, b >>> 0); return view.getFloat32(0); };

// Deterministic random 32-bit patterns (LCG) -> finite f32 values.
function randomF32s(count: number, seed: number): number[] {
  const out: number[] = [];
  let s = seed >>> 0;
  while (out.length < count) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const x = fromBits(s);
    if (Number.isFinite(x)) out.push(x);
  }
  return out;
}

// ---- exact references ----

/** x = m * 2^e exactly (x a finite f32, not negative). */
function mantExp(x: number): [bigint, number] {
  const b = bitsOf(x) & 0x7fffffff;
  const ef = b >>> 23;
  const f = b & 0x7fffff;
  return ef === 0 ? [BigInt(f), -149] : [BigInt(f | 0x800000), ef - 150];
}

/** The f32 nearest to the decimal text s (half-even): JS parses to double, then to f32; the
 * only wrong case of that double rounding, a double exactly on an f32 midpoint, is settled exactly. */
function refParse(s: string): number {
  const y = Number(s);
  const a = Math.fround(y);
  if (!Number.isFinite(y) || a === y) return a;
  // s exactly, scaled by 10^150 * 2^160 (as the midpoints below).
  const m = /^(-?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(s)!;
  const lhs = (): bigint => {
    const digits = BigInt((m[2] ?? '') + (m[3] ?? '') || '0');
    const q = Number(m[4] ?? 0) - (m[3] ?? '').length;
    return digits * 10n ** BigInt(q + 150) * 2n ** 160n;
  };
  // The double of s may round up to the overflow threshold 2^128 - 2^103 when s is below it.
  if (!Number.isFinite(a)) return lhs() < (2n ** 128n - 2n ** 103n) * 10n ** 150n * 2n ** 160n ? Math.sign(y) * 3.4028234663852886e38 : a;
  const up = y > a;
  const other = fromBits(bitsOf(a) + ((y > 0) === up ? 1 : -1));
  if (Math.abs(y - a) !== Math.abs(other - y)) return a;
  // s vs the midpoint (a + other) / 2, exactly.
  const [ma, ea] = mantExp(Math.abs(a));
  const [mo, eo] = mantExp(Math.abs(other));
  const mid = (ma * 2n ** BigInt(ea + 160) + mo * 2n ** BigInt(eo + 160)) * 10n ** 150n / 2n;
  const l = lhs();
  if (l === mid) return (bitsOf(a) & 1) === 0 ? a : other;
  return (l < mid) === (Math.abs(a) < Math.abs(other)) ? a : other;
}

/** Python's repr layout of the digit string ds (no trailing zeros) times 10^(t - len + 1). */
function pyLayout(neg: boolean, ds: string, t: number): string {
  let s: string;
  if (t < -4 || t >= 16) {
    const e = Math.abs(t) < 10 ? `0${Math.abs(t)}` : `${Math.abs(t)}`;
    s = ds[0] + (ds.length > 1 ? '.' + ds.slice(1) : '') + 'e' + (t < 0 ? '-' : '+') + e;
  } else if (t < 0) {
    s = '0.' + '0'.repeat(-t - 1) + ds;
  } else {
    const whole = ds.length > t + 1 ? ds.slice(0, t + 1) : ds + '0'.repeat(t + 1 - ds.length);
    s = whole + '.' + (ds.length > t + 1 ? ds.slice(t + 1) : '0');
  }
  return (neg ? '-' : '') + s;
}

/** Whether a is exactly halfway between (d - 1) * 10^q and d * 10^q. */
function isTie(a: number, d: bigint, q: number): boolean {
  const [m, e] = mantExp(a);
  const lhs = 2n * m * 2n ** BigInt(e + 160) * 10n ** 60n;
  const rhs = (2n * d - 1n) * 10n ** BigInt(q + 60) * 2n ** 160n;
  return lhs === rhs;
}

/** Shortest digits that read back to x (closest of them): the correctly rounded p-digit decimal,
 * or a neighbour of it when the rounding interval is lopsided (powers of two). */
function refRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  if (a === 0) return neg ? '-0.0' : '0.0';
  for (let p = 1; p <= 9; p++) {
    const [mant, exp] = a.toExponential(p - 1).split('e');
    const d = BigInt(mant.replace('.', ''));
    const q = Number(exp) - (p - 1);
    // toExponential rounds ties up; CPython's dtoa takes the even digit, if that reads back too.
    const tie = isTie(a, d, q);
    for (const c of tie && (d & 1n) === 1n ? [d - 1n, d, d + 1n] : [d, d - 1n, d + 1n]) {
      if (refParse(`${c}e${q}`) === a) {
        const ds = c.toString().replace(/0+$/, '');
        return pyLayout(neg, ds, q + c.toString().length - 1);
      }
    }
  }
  throw new Error(`no shortest form for ${a}`);
}

/** formatF32Exact's text of x: the exact value in e notation, 43 significant digits at most
 * (the 43rd made odd when non-zero ones are cut), no trailing zeros. */
function refExact(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const neg = x < 0 || Object.is(x, -0);
  const [m, e] = mantExp(Math.abs(x));
  // x = m * 2^e = n * 10^-f exactly
  const f = e < 0 ? -e : 0;
  const n = e < 0 ? m * 5n ** BigInt(-e) : m * 2n ** BigInt(e);
  let ds = n.toString();
  const t = ds.length - 1 - f;
  if (ds.length > 43) {
    const cut = /[1-9]/.test(ds.slice(43));
    ds = ds.slice(0, 43);
    if (cut) ds = ds.slice(0, 42) + String(Number(ds[42]) | 1);
  }
  ds = ds.replace(/(.)0+$/, '$1');
  const te = n === 0n ? 0 : t;
  const exp = `${te < 0 ? '-' : '+'}${String(Math.abs(te)).padStart(2, '0')}`;
  return (neg ? '-' : '') + ds[0] + (ds.length > 1 ? '.' + ds.slice(1) : '') + 'e' + exp;
}

const EDGE_F32 = [
  0, -0, 1, -1, 0.5, 3, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 100, 1e7, 16777216, 16777217, 123456789,
  1e15, 9.999999e15, 1e16, 1.0000001e16, 2 ** 50, 2 ** 53, 2 ** 127, 1e-4, 9.9999e-5, 1e-5, 1.5e-5,
  0.00010000001, 1e38, 1e-38, 3.4028234663852886e38, -3.4028234663852886e38,
  1.1754943508222875e-38, 1.1754942e-38, 1.401298464324817e-45, 2.802596928649634e-45, 1e-45,
  5e-324, 9.5, 0.125, 2.5, 1e10, 1e-10, 8388608.5, 4194304.25, 1234.5678, Math.PI, Math.E,
  Infinity, -Infinity, NaN,
].map(Math.fround);

describe('formatF32Repr', () => {
  it('prints Python-style edge cases', () => {
    const expected: [number, string][] = [
      [0, '0.0'], [-0, '-0.0'], [3, '3.0'], [0.1, '0.1'], [1e16, '1e+16'], [1.5e-5, '1.5e-05'],
      [1e-4, '0.0001'], [1e-5, '1e-05'], [Infinity, 'inf'], [-Infinity, '-inf'], [NaN, 'nan'],
      [3.4028234663852886e38, '3.4028235e+38'], [1.401298464324817e-45, '1e-45'],
      [1.1754943508222875e-38, '1.1754944e-38'], [16777216, '16777216.0'], [1e15, '1000000000000000.0'],
      [123456789, '123456790.0'], [2 / 3, '0.6666667'], [-2.5, '-2.5'],
    ];
    for (const [x, s] of expected) expect(repr(Math.fround(x))).toBe(s);
  });
  it('matches the reference on edge values and powers of ten and two', () => {
    const values = [...EDGE_F32];
    for (let k = -45; k <= 38; k++) values.push(Math.fround(Number(`1e${k}`)));
    for (let k = -149; k <= 127; k++) values.push(Math.fround(2 ** k));
    for (const x of values) {
      for (const v of [x, fromBits(bitsOf(x) + 1), fromBits(bitsOf(x) - 1)]) expect(repr(v), `bits ${bitsOf(v)}`).toBe(refRepr(v));
    }
  });
  it('finds short forms below x\'s own digits and the lopsided ones at powers of two', () => {
    const expected: [number, string][] = [
      [2 ** 24, '16777216.0'], [2 ** 25, '33554432.0'], [2 ** 30, '1073741800.0'], [2 ** -10, '0.0009765625'],
      [2 ** 90, '1.2379401e+27'], [2 ** -149, '1e-45'], [2 ** -148, '3e-45'], [1e10, '10000000000.0'],
      [0.5, '0.5'], [1048576.5, '1048576.5'], [9.999999e15, '9999999000000000.0'],
    ];
    for (const [x, s] of expected) expect(repr(Math.fround(x)), String(x)).toBe(s);
  });
  it('matches the reference on 40000 random f32 bit patterns', () => {
    let bad = 0;
    const first: string[] = [];
    for (const x of randomF32s(40000, 1)) {
      const got = repr(x);
      const want = refRepr(x);
      if (got !== want) {
        bad++;
        if (first.length < 5) first.push(`${x}: ${got} != ${want}`);
      }
    }
    expect(first).toEqual([]);
    expect(bad).toBe(0);
  });
});

describe('formatF32Exact', () => {
  it('writes the exact value, cut after 43 digits with the last one made odd', () => {
    const values = [...EDGE_F32, 0.125, 0.375, 2.5, 0.005, 1.005, 0.015625, -0.001, ...randomF32s(8000, 2)];
    for (let k = -149; k <= 127; k++) values.push(Math.fround(2 ** k));
    for (const x of values) expect(exact(x), `${x}`).toBe(refExact(x));
  });
  it('writes small cases as format.py reads them', () => {
    expect(exact(0)).toBe('0e+00');
    expect(exact(-0)).toBe('-0e+00');
    expect(exact(2.5)).toBe('2.5e+00');
    expect(exact(Math.fround(0.1))).toBe('1.00000001490116119384765625e-01');
    expect(exact(2 ** -149)).toBe('1.401298464324817070923729583289916131280261e-45'); // cut: ...1280261|9... made odd
    expect(exact(3.4028234663852886e38)).toBe('3.4028234663852885981170418348451692544e+38');
  });
});

describe('formatI32', () => {
  it('matches JavaScript String', () => {
    const values = [0, 1, -1, 7, 8, 255, -255, 2147483647, -2147483648, ...randomF32s(2000, 3).map((x) => bitsOf(x) | 0)];
    for (const v of values) {
      expect(text(formatI32(v))).toBe(String(v));
    }
  });
});

describe('digitsToF32', () => {
  it('reads back every repr (random and edge values)', () => {
    for (const x of [...EDGE_F32.filter(Number.isFinite), ...randomF32s(10000, 4)]) {
      const got = parseFloatText(repr(x));
      expect(Object.is(got, x), `${repr(x)}`).toBe(true);
    }
  });
  it('rounds long and random decimals correctly', () => {
    let s = 5;
    const next = (): number => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s; };
    for (let i = 0; i < 5000; i++) {
      let digits = '';
      const len = 1 + (next() % 30);
      for (let k = 0; k < len; k++) digits += String(next() % 10);
      const exp = (next() % 90) - 60;
      const str = `${digits.slice(0, 1)}.${digits.slice(1)}e${exp}`;
      expect(Object.is(parseFloatText(str), refParse(str)), str).toBe(true);
    }
  });
  it('rounds exact midpoints half-even and the next decimal up or down', () => {
    for (const x of randomF32s(3000, 6).map(Math.abs).filter((v) => v >= 1e-6 && v < 1e12)) {
      const [m, e] = mantExp(x);
      // (2m + 1) * 2^(e - 1) as an exact decimal
      const k = BigInt(1 - e);
      const num = (2n * m + 1n) * (e - 1 >= 0 ? 2n ** BigInt(e - 1) : 5n ** k);
      const frac = e - 1 >= 0 ? 0 : 1 - e;
      let ds = num.toString().padStart(frac + 1, '0');
      ds = frac === 0 ? ds : ds.slice(0, ds.length - frac) + '.' + ds.slice(ds.length - frac);
      if (ds.length > 38) continue;
      const up = fromBits(bitsOf(x) + 1);
      const even = (bitsOf(x) & 1) === 0 ? x : up;
      expect(parseFloatText(ds), ds).toBe(even);
      if (ds.includes('.')) {
        expect(parseFloatText(ds + '1'), ds + '1').toBe(up);
      }
    }
    expect(parseFloatText('16777217')).toBe(16777216);
    expect(parseFloatText('16777219')).toBe(16777220);
    expect(parseFloatText('16777217.000000000000000000001')).toBe(16777218);
  });
  it('handles the range limits', () => {
    const cases: [string, number][] = [
      ['0.1', Math.fround(0.1)], ['12', 12], ['-1.5e3', -1500], ['+.5', 0.5], ['5.', 5],
      ['1000.5', 1000.5], ['1e10', 1e10], ['1E+2', 100], ['-0', -0], ['0e999', 0], ['1e39', Infinity],
      ['3.4028235e38', 3.4028234663852886e38], ['3.40282357e38', Infinity], ['-1e999', -Infinity],
      ['1e-45', 1.401298464324817e-45], ['7.006e-46', 0], ['7.0065e-46', 1.401298464324817e-45],
      ['1e-50', 0], ['0.0000000000000000000000000000000000001', Math.fround(1e-37)],
    ];
    for (const [s, want] of cases) {
      const got = parseFloatText(s);
      expect(Object.is(got, want), `${JSON.stringify(s)} -> ${got}`).toBe(true);
    }
  });
  it('rounds inputs of 40 digits (the whole of sig) at the ends of the range', () => {
    // The decimal times the power of two that parsing scales it by is largest here.
    const cases = [
      '9'.repeat(39) + '.', '3'.repeat(39), '340282356779733661637539395458142568447', '340282356779733661637539395458142568448',
      '340282346638528859811704183484516925440', '0.' + '0'.repeat(36) + '12', '1.' + '9'.repeat(38),
      '1' + '0'.repeat(38) + '1', '0.' + '9'.repeat(38), '.' + '1'.repeat(39), '7.00649232162408535461864791e-46',
      '7.00649232162408535461864792e-46', '1.17549428e-38', '1.1754942807573642917e-38', '2.1019476964872256063e-45',
      '1' + '0'.repeat(27) + 'e-66', '0'.repeat(39) + '1', '1.5e-45', '2.5e-45', '16777217.0', '33554435', '33554434',
    ];
    for (const c of cases) {
      expect(Object.is(parseFloatText(c), refParse(c)), c).toBe(true);
    }
  });
});

// ---- CPython ----

describe('against CPython', () => {
  const ints = [0, 1, -1, 255, -255, 2147483647, -2147483648, ...randomF32s(300, 8).map((x) => bitsOf(x) | 0)];
  const script = `
import json, sys
d = json.load(sys.stdin)
out = {'ints': [[format(v, 'b'), format(v, 'o'), str(v), format(v, 'x')] for v in d['ints']]}
print(json.dumps(out))
`;
  const input = JSON.stringify({ ints });
  const py = JSON.parse(execFileSync('python3', ['-c', script], { input, encoding: 'utf8' }));

  it('the digits of str match CPython', () => {
    ints.forEach((v, i) => {
      expect(text(formatI32(v))).toBe(py.ints[i][2]); // bases 2, 8, 10, 16: hex and oct are num.py's
    });
  });
});

// ---- the generated C on the host (gcc, UBSan) gives the same bytes as Node ----

const HOST_MAIN = `
#include <stdio.h>
#include <string.h>
#include "svimpy.c"
static uint32_t seed = 11;
static void out(uint8_t n) { fwrite(numOut, 1, n, stdout); putchar(' '); }
/* The f32 bits of a finite repr in numOut through svm_digitsToF32 (sign dropped), as nodeRun's. */
static uint32_t parseRepr(uint8_t n) {
  uint8_t k = 0, i = numOut[0] == '-';
  int point = -1, x = 0, minus = 0;
  if (numOut[i] > '9') return 0;
  for (; i < n && numOut[i] != 'e'; i++) {
    if (numOut[i] == '.') point = k; else sig[k++] = (uint8_t)(numOut[i] - '0');
  }
  if (point < 0) point = k;
  if (i < n) {
    minus = numOut[++i] == '-';
    for (i++; i < n; i++) x = x * 10 + numOut[i] - '0';
  }
  return svm_digitsToF32(k, (int16_t)(point - 1 + (minus ? -x : x)));
}
int main(void) {
  for (int i = 0; i < 5000; i++) {
    seed = seed * 1664525u + 1013904223u;
    uint32_t b = seed; float x; int32_t v = (int32_t)b;
    memcpy(&x, &b, 4);
    out(svm_formatF32Repr(x));
    out(svm_formatF32Exact(x));
    printf("%08lx ", (unsigned long)parseRepr(svm_formatF32Repr(x)));
    out(svm_formatI32(v >> (b % 32)));
    putchar('\\n');
  }
  return 0;
}
`;

/** HOST_MAIN's parseRepr. */
function parseRepr(r: string): number {
  if (r.replace('-', '')[0] > '9') return 0;
  const m = /^-?(\d+)\.?(\d*)(?:e([+-]\d+))?$/.exec(r)!;
  const digits = m[1] + m[2];
  for (let i = 0; i < digits.length; i++) sig[i] = digits.charCodeAt(i) - 48;
  return digitsToF32(digits.length, m[1].length - 1 + Number(m[3] ?? 0));
}

function nodeRun(): string {
  const lines: string[] = [];
  let seed = 11;
  const hex = (b: number): string => b.toString(16).padStart(8, '0');
  for (let i = 0; i < 5000; i++) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    const b = seed;
    const v = b | 0;
    const x = fromBits(b);
    let line = repr(x) + ' ' + exact(x) + ' ';
    line += `${hex(parseRepr(repr(x)))} `;
    line += text(formatI32(v >> (b % 32))) + ' ';
    lines.push(line + '\n');
  }
  return lines.join('');
}

describe('generated C', () => {
  it('prints and parses like Node on the host (5000 random values)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svimpy-numfmt-'));
    // The generator runs as a command, so that this file's other tests do not depend on it.
    const root = path.join(import.meta.dirname, '..');
    execFileSync('node', [path.join(root, 'tools/svimpy.js'), 'gen', '--out', dir, path.join(root, 'vm-spec/numfmt.ts')],
      { stdio: 'pipe' });
    fs.writeFileSync(path.join(dir, 'main.c'), HOST_MAIN);
    const exe = path.join(dir, 'numfmt');
    execFileSync('gcc', ['-std=c99', '-O1', '-fsanitize=undefined,bounds', '-fno-sanitize-recover=all', '-I', dir,
      path.join(dir, 'main.c'), '-o', exe, '-lm'], { stdio: 'pipe' });
    const host = execFileSync(exe, { encoding: 'latin1', maxBuffer: 64 << 20 });
    const node = nodeRun();
    const h = host.split('\n');
    const n = node.split('\n');
    const firstDiff = h.findIndex((line, i) => line !== n[i]);
    expect(firstDiff === -1 ? null : { host: h[firstDiff], node: n[firstDiff] }).toBeNull();
    expect(h.length).toBe(5001);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
