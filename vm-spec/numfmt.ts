// Text <-> number conversions for the VM: repr/str/print of floats and ints, the digits of
// format specs, float(s) of plain digits. (int(s, base) and the syntax of float(s) are Python
// code: vm-spec/lib/num.py.) Floats are IEEE binary32 (f32); every result is exact / correctly
// rounded, computed with small integers only (no float arithmetic).
//
// API (module-level buffers; the VM copies bytes out / in):
//   numOut: Uint8Array(48)           output ASCII bytes of the format functions.
//   formatF32Repr(x): u8             Python's repr(x): the SHORTEST digits that read back to the
//          same f32 (closest such when several): '0.1', '3.0', '1e+16', '1.5e-05', '0.0001',
//          '-0.0', 'inf', '-inf', 'nan'. Fixed notation when the decimal exponent is in -4..15.
//   formatF32Exact(x): u8            x's exact value in e notation, 43 significant digits at
//          most: what format.py (_round10) rounds for %e %f %g and round(). Both return the
//          length written to numOut.
//   formatI32(v): u8                 v in decimal, '-' for a negative v (hex and octal are
//                                    library code: num.py _based).
//   sig: Uint8Array(40)              input: decimal digit values, most significant first.
//   digitsToF32(n, top): u32         the f32 bits of the decimal sig[0..n) whose first digit has
//                                    the weight 10^top (builtins-num.ts float(s)).
// Subnormal f32 values are handled exactly on every engine (all of this works on the bits). The
// VM's own float arithmetic may still flush them on the AVR.
//
// How (one decimal big number, dig, for everything): a finite f32 is M * 2^E exactly, and
// dig holds that value's full decimal expansion (at most 113 digits, for the smallest
// subnormals); formatting reads and rounds digits from it. Parsing loads the decimal text into
// dig and multiplies it by the power of two that brings its integer part to 25..30 bits: those
// bits and whether any fraction digit is left give the correctly rounded f32. repr tries the
// 1, 2, ... digit roundings of x (and their other neighbour) until one parses back to x.
import { u8, i8, u16, i16, u32, i32, f32, f32Bits, flashStr } from './types.ts';
import type { bool } from './types.ts';

export const numOut = new Uint8Array(49);

// A decimal number: the integer dig[0..digN) (least significant digit first) times 10^-digFrac.
const dig = new Uint8Array(116);
let digN: u8 = 0;
let digFrac: i16 = 0;

// Decimal digits as text has them: sig[0..sigN) (most significant first), the first digit having
// the weight 10^sigTop. float(s)'s digits, and repr's candidates.
export const sig = new Uint8Array(40);
let sigN: u8 = 0;
let sigTop: i16 = 0;

let numOutLen: u8 = 0;

// The words of non-finite floats: 'nan' at 0, 'inf' at 3.
const NUM_WORDS = flashStr('naninf');
const NUM_NAN_AT = 0;
const NUM_INF_AT = 3;

// Set when a byte did not fit numOut (the format functions then return 0).
let numOutFull: bool = false;

function numPut(c: u8): void {
  if (numOutLen < numOut.length) {
    numOut[numOutLen] = c;
    numOutLen = u8(numOutLen + 1);
  } else {
    numOutFull = true;
  }
}

/** Starts a format: empty output. */
function numStart(): void {
  numOutLen = 0;
  numOutFull = false;
}

/** The length written, or 0 when it did not fit. */
function numDone(): u8 {
  return numOutFull ? 0 : numOutLen;
}

/** A decimal digit. */
function numPutDigit(d: u8): void {
  numPut(u8(0x30 + d));
}

// ---- the decimal number dig ----

/** t / 10 without a division (slow on the AVR): (t * 0xcccd) >> 19, a 16 x 16 bit product. @noinline: smaller as a call. */
function numDiv10(t: u16): u16 {
  return u16((t * 0xcccd) >>> 19);
}

/** dig = dig * k + add, for k <= 6553 and add < 256: digit * k + carry < 10 * k stays 16-bit. */
function digMulAdd(k: u16, add: u8): void {
  let carry: u16 = add;
  for (let i: u8 = 0; i < digN; i = u8(i + 1)) {
    const t = u16(dig[i] * k + carry);
    carry = numDiv10(t);
    dig[i] = u8(t - carry * 10);
  }
  while (carry !== 0 && digN < dig.length) {
    const c = numDiv10(carry);
    dig[digN] = u8(carry - c * 10);
    carry = c;
    digN = u8(digN + 1);
  }
}

/** dig = dig * 2^e exactly; for e < 0 as dig * 5^-e / 10^-e. Zero stays 0 with no fraction. */
function digScale(e: i16): void {
  if (digN === 0) return;
  let n: i16 = i16(e < 0 ? 0 - e : e);
  if (e < 0) digFrac = i16(digFrac + n);
  // Per pass up to 5^5 or 2^12 (the limit of digMulAdd).
  const steps: u8 = e < 0 ? 5 : 12;
  while (n > 0) {
    let k: u16 = 1;
    let s: u8 = 0;
    while (s < steps && n > 0) {
      k = u16(k * (e < 0 ? 5 : 2));
      s = u8(s + 1);
      n = i16(n - 1);
    }
    digMulAdd(k, 0);
  }
}

/** The digit of weight 10^j. */
function digAt(j: i16): u8 {
  const i = i16(j + digFrac);
  return i >= 0 && i < digN ? dig[i] : 0;
}

/** The power of ten of the first digit (when dig is not 0). */
function digTop(): i16 {
  return i16(digN - 1 - digFrac);
}

/** dig = n (a byte at a time, most significant first: no 32-bit division). */
function digOfU32(n: u32): void {
  let m = n;
  digN = 0;
  digFrac = 0;
  for (let i: u8 = 0; i < 4; i = u8(i + 1)) {
    digMulAdd(256, u8(m >>> 24));
    m = u32(m << 8);
  }
}

/** dig = the exact value of the finite f32 with these bits, sign ignored: M * 2^E. */
function digOfF32(bits: u32): void {
  const ef = u8(bits >>> 23);
  let m: u32 = bits & 0x7fffff;
  if (ef !== 0) m = u32(m | 0x800000);
  digOfU32(m);
  digScale(ef === 0 ? -149 : i16(ef - 150));
}

/** dig = the decimal in sig. */
function digOfSig(): void {
  digN = sigN;
  for (let i: u8 = 0; i < sigN; i = u8(i + 1)) dig[i] = sig[sigN - 1 - i];
  digFrac = i16(sigN - 1 - sigTop);
}

/** Whether any digit of dig[0..k) is not 0. */
function digAnyBelow(k: i16): bool {
  for (let i: i16 = 0; i < k && i < digN; i = i16(i + 1)) if (dig[i] !== 0) return true;
  return false;
}

/** Adds one unit at dig[i] (i <= digN). */
function digInc(i: u8): void {
  while (i < digN && dig[i] === 9) {
    dig[i] = 0;
    i = u8(i + 1);
  }
  if (i < digN) {
    dig[i] = u8(dig[i] + 1);
  } else {
    // i = digN < dig.length: dig holds at most 114 digits
    dig[i] = 1;
    digN = u8(i + 1);
  }
}

/** The positive f32 bits nearest to the decimal in dig (half-even; inf beyond FLT_MAX). */
function digToBits(): u32 {
  while (digN !== 0 && dig[digN - 1] === 0) digN = u8(digN - 1); // leading zeros
  const top = digTop();
  // Below 10^-46, under half the smallest subnormal (2^-150 = 7.0e-46); at 10^39, over FLT_MAX.
  if (digN === 0 || top < -46) return 0;
  if (top > 38) return 0x7f800000;
  // 10^top <= v < 10^(top + 1) and log2(10) is about 53 / 16: v * 2^s has 25 to 30 integer
  // bits, or counts units of 2^-150 (half the smallest subnormal).
  let s: i16 = i16(25 - (i16(top * 53) >> 4)); // 16-bit: |top * 53| < 2,500
  if (s > 150) s = 150;
  digScale(s);
  let n: u32 = 0;
  let j: i16 = digTop();
  while (j >= 0) {
    n = u32(n * 10 + digAt(j));
    j = i16(j - 1);
  }
  let sticky = digAnyBelow(digFrac);
  // n counts units of 2^(e - 150): keep 24 bits and a rounding bit.
  let e: i16 = i16(150 - s);
  while (n >= 0x2000000) {
    if ((n & 1) !== 0) sticky = true;
    n = n >>> 1;
    e = i16(e + 1);
  }
  // Exponent field e with the mantissa's leading 1 added to it (a subnormal has e = 0 and no
  // leading 1); a carry of the rounding moves on into the exponent as it should.
  let bits: u32 = u32((e << 23) + (n >>> 1));
  if ((n & 1) !== 0 && (sticky || (bits & 1) !== 0)) bits = u32(bits + 1);
  return bits < 0x7f800000 ? bits : 0x7f800000;
}

// ---- formatting ----

// repr: x's first 10 significant digits are in sig (zero-padded), their count up to the last
// non-zero one in reprSigLen.
let reprSigLen: u8 = 0;
let reprUp: bool = false;

/** dig = the first p digits of x, plus one unit in the last place when up. */
function reprCandidate(p: u8, up: bool): void {
  sigN = p;
  digOfSig();
  if (up) digInc(0);
}

/** Whether x rounded half-even to p significant digits goes up. */
function reprRoundsUp(p: u8): bool {
  const next = sig[p];
  return next > 5 || (next === 5 && (reprSigLen > p + 1 || (sig[p - 1] & 1) === 1));
}

/** Whether a decimal of p significant digits reads back as x (bits): the rounding of x to p
 * digits, else (the interval is lopsided below a power of two) the next one up. reprUp tells
 * which. */
function reprTry(p: u8, bits: u32): bool {
  reprUp = reprRoundsUp(p);
  for (;;) {
    reprCandidate(p, reprUp);
    if (digToBits() === bits) return true;
    // When the rounding went up and missed, the one below is farther still.
    if (reprUp) return false;
    reprUp = true;
  }
}

/** dig = the shortest decimal that reads back as the finite, non-zero f32 in dig (bits). */
function shortestDigits(bits: u32): void {
  sigTop = digTop();
  for (let i: u8 = 0; i < 10; i = u8(i + 1)) sig[i] = digAt(i16(sigTop - i));
  let z: u8 = 0;
  while (dig[z] === 0) z = u8(z + 1);
  reprSigLen = u8(digN - z);
  // Binary search of the fewest digits: when p digits read back, so do p + 1. 9 always do
  // (the rounding to 9 digits), and so do all of x's.
  let lo: u8 = 1;
  let hi: u8 = reprSigLen < 9 ? reprSigLen : 9;
  let hiUp = reprRoundsUp(hi);
  while (lo < hi) {
    const mid: u8 = u8((lo + hi) >>> 1);
    if (reprTry(mid, bits)) {
      hi = mid;
      hiUp = reprUp;
    } else {
      lo = u8(mid + 1);
    }
  }
  reprCandidate(hi, hiUp);
}

function putExponent(t: i16): void {
  numPut(0x65);
  numPut(t < 0 ? 0x2d : 0x2b);
  const a: u8 = u8(t < 0 ? 0 - t : t);
  numPutDigit(u8(a / 10));
  numPutDigit(a % 10);
}

/** The digits of weight 10^t down to 10^last (and at least to 10^0 in fixed notation), with a
 * point after the first digit (sci) or after 10^0 when digits follow it. */
function putDigits(t: i16, last: i16, sci: bool): void {
  const point: i16 = sci ? t : 0;
  let j: i16 = t > point ? t : point;
  while (j >= last || j >= point) {
    numPutDigit(digAt(j));
    if (j === point && last < point) numPut(0x2e);
    j = i16(j - 1);
  }
  if (sci) putExponent(t);
}

/** repr(x), or (exact) x's exact value in e notation (the primitive of format.py's %e %f %g). */
function formatF32(x: f32, exact: bool): u8 {
  numStart();
  const bits = f32Bits(x); // a NaN has no sign bit here
  if ((bits & 0x80000000) !== 0) numPut(0x2d);
  const a: u32 = bits & 0x7fffffff;
  if (a >= 0x7f800000) {
    const at: u8 = a === 0x7f800000 ? NUM_INF_AT : NUM_NAN_AT;
    for (let i: u8 = 0; i < 3; i = u8(i + 1)) numPut(NUM_WORDS[at + i]);
    return numDone();
  }
  digOfF32(a);
  if (!exact && a !== 0) shortestDigits(a);
  const t: i16 = digN === 0 ? 0 : digTop(); // the power of ten of the first digit
  const sci = exact || t < -4 || t >= 16;
  // At most 43 digits (repr has 9 at most): when non-zero ones are cut, the last one is made
  // odd, so that format.py still rounds any of the first 42 exactly (half-even).
  let last: i16 = i16(t - 42);
  const cut = i16(last + digFrac);
  if (digAnyBelow(cut)) dig[cut] = u8(dig[cut] | 1);
  // no trailing zeros; but '3.0' for repr
  while (last < t && digAt(last) === 0) last = i16(last + 1);
  if (!sci && last > -1) last = -1;
  putDigits(t, last, sci);
  return numDone();
}

export function formatF32Repr(x: f32): u8 {
  return formatF32(x, false);
}

/**
 * x's exact decimal value in e notation ('-1.25e-05', '3e+00', '0e+00'; 'inf', '-inf', 'nan'):
 * its first 43 significant digits without trailing zeros, the 43rd made odd when non-zero
 * digits follow it. format.py rounds these for '%.<n>e', '%.<n>f' and '%.<n>g' (n <= 40).
 */
export function formatF32Exact(x: f32): u8 {
  return formatF32(x, true);
}

export function formatI32(v: i32): u8 {
  numStart();
  if (v < 0) numPut(0x2d);
  digOfU32(u32(v < 0 ? -v : v));
  putDigits(digTop(), 0, false); // (0: digTop() is -1, and 10^0 is written anyway)
  return numOutLen;
}

// ---- parsing ----

/**
 * The f32 bits (sign bit clear) nearest to the decimal whose n digits are in sig (most
 * significant first), the first one of weight 10^top: correctly rounded (half-even), inf beyond
 * FLT_MAX.
 */
export function digitsToF32(n: u8, top: i16): u32 {
  sigN = n;
  sigTop = top;
  digOfSig();
  return digToBits();
}
