// Text <-> number conversions for the VM: repr/str/print of floats and ints, '%.Nf', float(s),
// int(s, base), hex/oct/bin. Floats are IEEE binary32 (f32); every result is exact / correctly
// rounded, computed with small integers (the parser uses f32 arithmetic only for a first guess).
//
// API (module-level buffers; the VM copies bytes out / in):
//   numOut: Uint8Array(48)           output ASCII bytes of the format functions.
//   formatF32Repr(x): u8             Python's repr(x) with the SHORTEST digits that read back to
//                                    the same f32 (closest such when several): '0.1', '3.0',
//                                    '1e+16', '1.5e-05', '0.0001', '-0.0', 'inf', '-inf', 'nan'.
//                                    Fixed notation when the decimal exponent is in -4..15.
//                                    Returns the length written to numOut.
//   formatF32Fixed(x, decimals): u8  '%.<decimals>f' % x: the exact binary value rounded
//                                    half-even at that many decimals ('inf', '-inf', 'nan' too).
//                                    Returns 0 when the text would not fit numOut (48 bytes).
//   formatF32Exp(x, decimals): u8    '%.<decimals>e' % x (d.ddde+XX); formatF32General(x, precision): u8
//                                    '%.<precision>g' % x. Both return 0 when the text does not fit.
//   formatI32(v, base, prefix): u8   v in base 2..36 (lower-case digits); prefix=true adds Python's
//                                    0b/0o/0x (bases 2, 8, 16) after the sign: hex(-255) is '-0xff'.
//   numIn: Uint8Array(40)            input ASCII bytes of the parse functions.
//   parseI32(len, base): bool        Python's int(numIn[0..len), base), base 0 or 2..36: whitespace
//                                    around, sign, '_' between digits, 0x/0o/0b prefixes (base 0
//                                    or the matching base). Result in parsedI32. On false,
//                                    parseError says why: PARSE_VALUE_ERROR (bad syntax or base)
//                                    or PARSE_OVERFLOW (valid but beyond i32).
//   parseF32(len): bool              Python's float(numIn[0..len)): whitespace around, sign,
//                                    digits with '_' between, '.', exponent, inf/infinity/nan in
//                                    any case. Correctly rounded (half-even) to f32; too large
//                                    gives inf. Result in parsedF32; false means ValueError.
// Subnormal f32 values are handled exactly on every engine (formatting works on the bits; the
// parser's float estimateF32 may flush on the AVR, and then it falls back to a full search, which
// is slow there: ~0.3 s). The VM's own float arithmetic may still flush them on the AVR.
// Cost on the AVR (16 MHz, simavr): repr(0.1) ~94k cycles (6 ms), '%.6f' % 0.1 ~32k, float('0.1')
// ~186k; at the extremes (1e-38) about 14x that. Flash ~5.9 KB (avr-gcc -Os) plus the float
// multiply/divide and 32-bit division routines of libgcc/avr-libc; RAM 279 bytes of buffers.
//
// How: a finite f32 is M * 2^E exactly; expandExact() writes that value's full decimal expansion
// into dig (at most 113 digits, for the smallest subnormals). Formatting reads digits from it;
// comparisons of a decimal (sig) with such an expansion decide round-trips and rounding.
import { u8, i8, u16, i16, u32, i32, f32, f32Bits, f32FromBits, flashStr, flashU32 } from './types.ts';
import type { bool } from './types.ts';

export const numOut = new Uint8Array(48);
export const numIn = new Uint8Array(40);
export let parsedI32: i32 = 0;
export let parsedF32: f32 = 0;
export const PARSE_OK = 0;
export const PARSE_VALUE_ERROR = 1;
export const PARSE_OVERFLOW = 2;
export let parseError: u8 = 0;

// The exact decimal expansion of M * 2^E: the integer dig[0..digN) (least significant digit
// first) times 10^-digFrac.
const dig = new Uint8Array(116);
let digN: u8 = 0;
let digFrac: i16 = 0;

// A decimal to compare with the expansion: sig[0..sigN) (most significant first), the first
// digit having the weight 10^sigTop.
const sig = new Uint8Array(40);
let sigN: u8 = 0;
let sigTop: i16 = 0;

let numOutLen: u8 = 0;

// The words of non-finite floats: 'nan' at 0, 'inf' at 3, 'infinity' at 3..11.
const NUM_WORDS = flashStr('naninfinity');
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

function numPutDigit(d: u8): void {
  numPut(u8(0x30 + d));
}

/** Writes inf, -inf or nan for a non-finite x; false when x is finite. */
function putNonFinite(bits: u32): bool {
  if ((bits & 0x7f800000) !== 0x7f800000) return false;
  if ((bits & 0x7fffff) !== 0) {
    for (let i: u8 = 0; i < 3; i = u8(i + 1)) numPut(NUM_WORDS[NUM_NAN_AT + i]);
    return true;
  }
  if ((bits & 0x80000000) !== 0) numPut(0x2d);
  for (let i: u8 = 0; i < 3; i = u8(i + 1)) numPut(NUM_WORDS[NUM_INF_AT + i]);
  return true;
}

// ---- exact expansion ----

/** t / 10 for t < 81920, without a division (slow on the AVR): (t * 0xcccd) >> 19. */
function numDiv10(t: u32): u32 {
  return (t * 0xcccd) >>> 19;
}

/** dig = dig * k, for k <= 8192 (so digit * k + carry < 10 * k stays below 81920). */
function digMul(k: u16): void {
  let carry: u32 = 0;
  for (let i: u8 = 0; i < digN; i = u8(i + 1)) {
    const t = u32(dig[i] * k + carry);
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

/** The decimal expansion of m * 2^e into dig (m < 2^26, -152 <= e <= 104). */
function expandExact(m: u32, e: i16): void {
  digN = 0;
  digFrac = 0;
  // One 32-bit division (slow on the AVR), then digits of parts below 10000 by numDiv10.
  let hi: u32 = u32(m / 10000);
  let lo: u32 = u32(m - hi * 10000);
  let count: u8 = 0;
  while (hi !== 0 ? count < 4 : lo !== 0) {
    const q = numDiv10(lo);
    dig[digN] = u8(lo - q * 10);
    lo = q;
    digN = u8(digN + 1);
    count = u8(count + 1);
  }
  while (hi !== 0) {
    const q = numDiv10(hi);
    dig[digN] = u8(hi - q * 10);
    hi = q;
    digN = u8(digN + 1);
  }
  // m * 2^-n = m * 5^n / 10^n; per pass up to 5^5 or 2^13 (the limit of digMul).
  let n: i16 = e < 0 ? i16(-e) : e;
  if (e < 0) digFrac = n;
  const steps: u8 = e < 0 ? 5 : 13;
  while (n > 0) {
    let k: u16 = 1;
    let s: u8 = 0;
    while (s < steps && n > 0) {
      k = u16(k * (e < 0 ? 5 : 2));
      s = u8(s + 1);
      n = i16(n - 1);
    }
    digMul(k);
  }
}

/** The expansion's digit of weight 10^j. */
function digAt(j: i16): u8 {
  const i = i16(j + digFrac);
  return i >= 0 && i < digN ? dig[i] : 0;
}

/** The power of ten of the expansion's first digit (it is not 0). */
function digTop(): i16 {
  return i16(digN - 1 - digFrac);
}

/** sig's digit of weight 10^j. */
function sigAt(j: i16): u8 {
  const i = i16(sigTop - j);
  return i >= 0 && i < sigN ? sig[i] : 0;
}

/** Compares the decimal in sig with the expansion in dig: -1, 0 or 1. */
function cmpSigDig(): i8 {
  const top = digTop();
  let j: i16 = sigTop > top ? sigTop : top;
  const sigLow = i16(sigTop - sigN + 1);
  const low: i16 = sigLow < -digFrac ? sigLow : i16(-digFrac);
  while (j >= low) {
    const a = sigAt(j);
    const b = digAt(j);
    if (a !== b) return a > b ? 1 : -1;
    j = i16(j - 1);
  }
  return 0;
}

// ---- the halves of an f32: bits -> M * 2^E ----

let splitM: u32 = 0;
let splitE: i16 = 0;

function splitF32(bits: u32): void {
  const ef = u8(bits >>> 23);
  splitM = bits & 0x7fffff;
  if (ef === 0) {
    splitE = -149;
  } else {
    splitM = u32(splitM | 0x800000);
    splitE = i16(ef - 150);
  }
}

// ---- repr ----

// The first 10 significant digits of x (zero-padded) and the count up to its last non-zero one.
const reprDigits = new Uint8Array(10);
let reprSigLen: u8 = 0;

/** sig = the first p digits of x, plus one unit in the last place when up. */
function reprCandidate(p: u8, top: i16, up: bool): void {
  for (let i: u8 = 0; i < p; i = u8(i + 1)) sig[i] = reprDigits[i];
  sigN = p;
  sigTop = top;
  if (!up) return;
  let i: i8 = i8(p - 1);
  while (i >= 0 && sig[i] === 9) {
    sig[i] = 0;
    i = i8(i - 1);
  }
  if (i >= 0) {
    sig[i] = u8(sig[i] + 1);
  } else {
    sig[0] = 1;
    sigN = 1;
    sigTop = i16(top + 1);
  }
}

/** Sets sig to the shortestDigits decimal that reads back as the finite, non-zero |x|. */
function shortestDigits(bits: u32): void {
  splitF32(bits);
  const m = splitM;
  const e = splitE;
  const even = (bits & 1) === 0;
  expandExact(m, e);
  const top = digTop();
  for (let i: u8 = 0; i < reprDigits.length; i = u8(i + 1)) reprDigits[i] = digAt(i16(top - i));
  let z: u8 = 0;
  while (dig[z] === 0) z = u8(z + 1);
  reprSigLen = u8(digN - z);
  // An f32 never needs more than 9 digits; its exact expansion is shorter for some.
  const pMax: u8 = reprSigLen < 9 ? reprSigLen : 9;
  // The rounding interval's ends are the midpoints to the neighbours; below a power of two
  // (mantissa 0, not the smallest exponent) the lower neighbour is twice as close.
  if ((bits & 0x7fffff) === 0 && (bits >>> 23) > 1) expandExact(u32(4 * m - 1), i16(e - 2));
  else expandExact(u32(2 * m - 1), i16(e - 1));
  let downOk: u16 = 0;
  for (let p: u8 = 1; p <= pMax; p = u8(p + 1)) {
    reprCandidate(p, top, false);
    const c = cmpSigDig();
    if (p >= reprSigLen || c > 0 || (c === 0 && even)) downOk = u16(downOk | (1 << p));
  }
  expandExact(u32(2 * m + 1), i16(e - 1));
  for (let p: u8 = 1; p <= pMax; p = u8(p + 1)) {
    const down = (downOk & (1 << p)) !== 0;
    if (p >= reprSigLen) {
      reprCandidate(p, top, false); // exact
      break;
    }
    reprCandidate(p, top, true);
    const c = cmpSigDig();
    const up = c < 0 || (c === 0 && even);
    if (up && down) {
      // Both read back: take the closer one; on a tie the even last digit (as CPython's dtoa).
      const next = reprDigits[p];
      reprCandidate(p, top, next > 5 || (next === 5 && (reprSigLen > p + 1 || (reprDigits[p - 1] & 1) === 1)));
      break;
    }
    if (up) break;
    if (down) {
      reprCandidate(p, top, false);
      break;
    }
  }
  while (sigN > 1 && sig[sigN - 1] === 0) sigN = u8(sigN - 1);
}

function putExponent(t: i16): void {
  numPut(0x65);
  numPut(t < 0 ? 0x2d : 0x2b);
  const a: u8 = u8(t < 0 ? -t : t);
  numPutDigit(u8(a / 10));
  numPutDigit(a % 10);
}

export function formatF32Repr(x: f32): u8 {
  numOutLen = 0;
  const bits = f32Bits(x);
  if (putNonFinite(bits)) return numOutLen;
  if ((bits & 0x80000000) !== 0) numPut(0x2d);
  if ((bits & 0x7fffffff) === 0) {
    sig[0] = 0;
    sigN = 1;
    sigTop = 0;
  } else {
    shortestDigits(u32(bits & 0x7fffffff));
  }
  const t = sigTop;
  if (t < -4 || t >= 16) {
    numPutDigit(sig[0]);
    if (sigN > 1) {
      numPut(0x2e);
      for (let i: u8 = 1; i < sigN; i = u8(i + 1)) numPutDigit(sig[i]);
    }
    putExponent(t);
    return numOutLen;
  }
  let j: i16 = t > 0 ? t : 0;
  while (j >= 0) {
    numPutDigit(sigAt(j));
    j = i16(j - 1);
  }
  numPut(0x2e);
  const last = i16(t - sigN + 1);
  do {
    numPutDigit(sigAt(j));
    j = i16(j - 1);
  } while (j >= last);
  return numOutLen;
}

// ---- %.Nf ----

/** Rounds the expansion half-even to k digits after the point (k < digFrac). */
function roundDig(k: i16): void {
  const cut = i16(digFrac - k); // digits dig[0..cut) go
  // Below a tenth of the last kept place: rounds to 0.
  if (cut > digN) {
    digN = 0;
    return;
  }
  const r = dig[cut - 1];
  let sticky = false;
  for (let i: i16 = 0; i < cut - 1; i = i16(i + 1)) if (dig[i] !== 0) sticky = true;
  const keep: u8 = cut < digN ? dig[cut] : 0;
  const up = r > 5 || (r === 5 && (sticky || (keep & 1) === 1));
  for (let i: i16 = 0; i < cut; i = i16(i + 1)) dig[i] = 0;
  if (!up) return;
  let i: i16 = cut;
  while (i < digN && dig[i] === 9) {
    dig[i] = 0;
    i = i16(i + 1);
  }
  if (i < digN) {
    dig[i] = u8(dig[i] + 1);
  } else {
    // i <= digN < dig.length: the expansion is at most 113 digits
    dig[i] = 1;
    digN = u8(i + 1);
  }
}

export function formatF32Fixed(x: f32, decimals: u8): u8 {
  numOutLen = 0;
  const bits = f32Bits(x);
  if (putNonFinite(bits)) return numOutLen;
  splitF32(bits);
  expandExact(splitM, splitE);
  if (decimals < digFrac) roundDig(decimals);
  const top = digTop();
  const intDigits: i16 = top >= 0 ? i16(top + 1) : 1;
  const need = i16(((bits & 0x80000000) !== 0 ? 1 : 0) + intDigits + (decimals > 0 ? decimals + 1 : 0));
  if (need > numOut.length) return 0;
  if ((bits & 0x80000000) !== 0) numPut(0x2d);
  let j: i16 = i16(intDigits - 1);
  while (j >= 0) {
    numPutDigit(digAt(j));
    j = i16(j - 1);
  }
  if (decimals > 0) numPut(0x2e);
  while (j >= -decimals) {
    numPutDigit(digAt(j));
    j = i16(j - 1);
  }
  return numOutLen;
}

// ---- integers ----

// ---- %e and %g ----

/** Rounds the (non-zero) expansion half-even to n significant digits; the first one's power of ten. */
function roundSignificant(n: u8): i16 {
  const k = i16(n - 1 - digTop()); // decimals kept
  if (k < digFrac) roundDig(k);
  return digTop();
}

/** Writes the sign and handles 0, inf and nan; false when x is finite and not zero. */
function putSpecial(bits: u32): bool {
  if (putNonFinite(bits)) return true;
  if ((bits & 0x80000000) !== 0) numPut(0x2d);
  return (bits & 0x7fffffff) === 0;
}

/** Digits of weight 10^t down to 10^last, with a point after 10^0 (dropped when last > -1). */
function putDigits(t: i16, last: i16): void {
  let j: i16 = t > 0 ? t : 0;
  while (j >= last || j >= 0) {
    if (j === -1) numPut(0x2e);
    numPutDigit(digAt(j));
    j = i16(j - 1);
  }
}

/** '%.<decimals>e' % x: d.ddde+XX, rounded half-even; 0 when it does not fit numOut. */
export function formatF32Exp(x: f32, decimals: u8): u8 {
  numStart();
  const bits = f32Bits(x);
  let t: i16 = 0;
  if (putSpecial(bits)) {
    if ((bits & 0x7f800000) === 0x7f800000) return numDone();
    digN = 0; // zero: every digit reads 0
  } else {
    splitF32(bits);
    expandExact(splitM, splitE);
    t = roundSignificant(u8(decimals + 1));
  }
  numPutDigit(digAt(t));
  if (decimals > 0) numPut(0x2e);
  for (let i: u8 = 1; i <= decimals && !numOutFull; i = u8(i + 1)) numPutDigit(digAt(i16(t - i)));
  putExponent(t);
  return numDone();
}

/** '%.<precision>g' % x: precision significant digits (0 counts as 1), fixed notation when the
 * exponent is in -4..precision-1, else as %e; trailing zeros and a bare point dropped. */
export function formatF32General(x: f32, precision: u8): u8 {
  numStart();
  const bits = f32Bits(x);
  if (putSpecial(bits)) {
    if ((bits & 0x7f800000) !== 0x7f800000) numPut(0x30);
    return numDone();
  }
  const p: u8 = precision === 0 ? 1 : precision;
  splitF32(bits);
  expandExact(splitM, splitE);
  const t = roundSignificant(p);
  // The last non-zero digit among the p kept ones.
  let last: i16 = i16(t - p + 1);
  while (last < t && digAt(last) === 0) last = i16(last + 1);
  if (t < -4 || t >= p) {
    numPutDigit(digAt(t));
    if (last < t) numPut(0x2e);
    let j: i16 = i16(t - 1);
    while (j >= last && !numOutFull) {
      numPutDigit(digAt(j));
      j = i16(j - 1);
    }
    putExponent(t);
  } else {
    putDigits(t, last);
  }
  return numDone();
}

export function formatI32(v: i32, base: u8, prefix: bool): u8 {
  numOutLen = 0;
  if (v < 0) numPut(0x2d);
  if (prefix && (base === 2 || base === 8 || base === 16)) {
    numPut(0x30);
    numPut(base === 16 ? 0x78 : base === 8 ? 0x6f : 0x62);
  }
  let n: u32 = u32(v < 0 ? -v : v);
  const first = numOutLen;
  do {
    const d = u8(n % base);
    numPut(u8(d < 10 ? 0x30 + d : 0x57 + d));
    n = u32(n / base);
  } while (n !== 0);
  // The digits came out least significant first.
  let a: u8 = first;
  let b: u8 = u8(numOutLen - 1);
  while (a < b) {
    const t = numOut[a];
    numOut[a] = numOut[b];
    numOut[b] = t;
    a = u8(a + 1);
    b = u8(b - 1);
  }
  return numOutLen;
}

// ---- parsing ----

let numInPos: u8 = 0;
let numInEnd: u8 = 0;

/** The byte at numInPos, or 0 at the end. */
function numPeek(): u8 {
  return numInPos < numInEnd ? numIn[numInPos] : 0;
}

function numIsSpace(c: u8): bool {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

function numIsDecimal(c: u8): bool {
  return c >= 0x30 && c <= 0x39;
}

/** Lower-cased letter c (other bytes unchanged). */
function numLower(c: u8): u8 {
  return c >= 0x41 && c <= 0x5a ? u8(c + 0x20) : c;
}

/** The value of c as a digit in bases up to 36, or 99. */
function numDigitValue(c: u8): u8 {
  if (numIsDecimal(c)) return u8(c - 0x30);
  const l = numLower(c);
  if (l >= 0x61 && l <= 0x7a) return u8(l - 0x57);
  return 99;
}

/** Starts a parse of numIn[0..len): skips leading whitespace; returns -1, 1 for the sign. */
function numStartParse(len: u8): i8 {
  numInEnd = len < numIn.length ? len : u8(numIn.length);
  numInPos = 0;
  while (numIsSpace(numPeek())) numInPos = u8(numInPos + 1);
  const c = numPeek();
  if (c === 0x2d || c === 0x2b) numInPos = u8(numInPos + 1);
  return c === 0x2d ? -1 : 1;
}

/** Skips trailing whitespace; true when that reaches the end of the input. */
function numEndParse(): bool {
  while (numIsSpace(numPeek())) numInPos = u8(numInPos + 1);
  return numInPos === numInEnd;
}

/** Whether an underscore at numInPos sits between two digits (prevDigit: one came before). */
function numUnderscoreOk(prevDigit: bool, base: u8): bool {
  return prevDigit && numInPos + 1 < numInEnd && numDigitValue(numIn[numInPos + 1]) < base;
}

export function parseI32(len: u8, base: u8): bool {
  parseError = PARSE_VALUE_ERROR;
  parsedI32 = 0;
  if (base === 1 || base > 36) return false;
  const sign = numStartParse(len);
  let b: u8 = base;
  // After a 0x/0o/0b prefix an underscore may come before the first digit.
  let prevDigit = false;
  if (numPeek() === 0x30 && numInPos + 1 < numInEnd) {
    const l = numLower(numIn[numInPos + 1]);
    const pb: u8 = l === 0x78 ? 16 : l === 0x6f ? 8 : l === 0x62 ? 2 : 0;
    if (pb !== 0 && (base === 0 || base === pb)) {
      b = pb;
      numInPos = u8(numInPos + 2);
      prevDigit = true;
    }
  }
  const zeroOnly = b === 0; // base 0 without prefix: decimal, and no leading zeros (but 0, 0_0)
  if (b === 0) b = 10;
  // Magnitude up to 2^31 (for -2^31); beyond that only the syntax is still checked.
  const limit: u32 = sign < 0 ? 0x80000000 : 0x7fffffff;
  let n: u32 = 0;
  let over = false;
  let digits: u8 = 0;
  let firstDigit: u8 = 0;
  let nonZero = false;
  while (numInPos < numInEnd) {
    const c = numIn[numInPos];
    if (c === 0x5f) {
      if (!numUnderscoreOk(prevDigit, b)) return false;
      prevDigit = false;
      numInPos = u8(numInPos + 1);
      continue;
    }
    const d = numDigitValue(c);
    if (d >= b) break;
    if (digits === 0) firstDigit = d;
    if (d !== 0) nonZero = true;
    digits = u8(digits === 255 ? 255 : digits + 1);
    if (!over) {
      if (n > u32(u32(limit - d) / b)) over = true;
      else n = u32(n * b + d);
    }
    prevDigit = true;
    numInPos = u8(numInPos + 1);
  }
  if (digits === 0 || !numEndParse()) return false;
  if (zeroOnly && firstDigit === 0 && nonZero) return false;
  if (over) {
    parseError = PARSE_OVERFLOW;
    return false;
  }
  parsedI32 = sign < 0 ? i32(-n) : i32(n);
  parseError = PARSE_OK;
  return true;
}

/** Matches NUM_WORDS[from..from+n) (case-insensitive) at numInPos, advancing past it. */
function numMatchWord(from: u8, n: u8): bool {
  if (numInPos + n > numInEnd) return false;
  for (let i: u8 = 0; i < n; i = u8(i + 1)) {
    if (numLower(numIn[numInPos + i]) !== NUM_WORDS[from + i]) return false;
  }
  numInPos = u8(numInPos + n);
  return true;
}

/** Reads decimal digits with single underscores between them into sig/sigTop. */
function readMantissa(): bool {
  let seen = false;
  let prevDigit = false;
  let point = false;
  sigN = 0;
  sigTop = -1;
  while (numInPos < numInEnd) {
    const c = numIn[numInPos];
    if (c === 0x5f) {
      if (!numUnderscoreOk(prevDigit, 10)) return false;
      prevDigit = false;
    } else if (c === 0x2e) {
      if (point) return false;
      point = true;
      prevDigit = false;
    } else if (numIsDecimal(c)) {
      const d = u8(c - 0x30);
      seen = true;
      prevDigit = true;
      if (sigN === 0 && d === 0) {
        if (point) sigTop = i16(sigTop - 1);
      } else {
        if (sigN < sig.length) {
          sig[sigN] = d;
          sigN = u8(sigN + 1);
        }
        if (!point) sigTop = i16(sigTop + 1);
      }
    } else {
      break;
    }
    numInPos = u8(numInPos + 1);
  }
  return seen;
}

/** Reads an optional exponent (e, sign, digits with underscores) into sigTop. */
function readExponent(): bool {
  const c = numLower(numPeek());
  if (c !== 0x65) return true;
  numInPos = u8(numInPos + 1);
  const s = numPeek();
  if (s === 0x2d || s === 0x2b) numInPos = u8(numInPos + 1);
  let x: i16 = 0;
  let prevDigit = false;
  let seen = false;
  while (numInPos < numInEnd) {
    const d = numIn[numInPos];
    if (d === 0x5f) {
      if (!numUnderscoreOk(prevDigit, 10)) return false;
      prevDigit = false;
    } else if (numIsDecimal(d)) {
      x = i16(x * 10 + (d - 0x30));
      if (x > 999) x = 999; // far beyond any f32 already
      prevDigit = true;
      seen = true;
    } else {
      break;
    }
    numInPos = u8(numInPos + 1);
  }
  sigTop = i16(sigTop + (s === 0x2d ? -x : x));
  return seen;
}

const NUM_POW10 = flashU32([1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000]);

/** The decimal in sig to within a few units in the last place (10^k, k <= 9, is exact in f32). */
function estimateF32(): f32 {
  const n: u8 = sigN < 9 ? sigN : 9;
  let d: u32 = 0;
  for (let i: u8 = 0; i < n; i = u8(i + 1)) d = u32(d * 10 + sig[i]);
  let x: f32 = f32(d);
  let q: i16 = i16(sigTop - n + 1);
  while (q > 0) {
    const k: u8 = q > 9 ? 9 : u8(q);
    x = f32(x * f32(NUM_POW10[k]));
    q = i16(q - k);
  }
  while (q < 0) {
    const k: u8 = q < -9 ? 9 : u8(-q);
    x = f32(x / f32(NUM_POW10[k]));
    q = i16(q + k);
  }
  return x;
}

/** Whether the f32 with these (positive) bits is the rounding of the decimal in sig or above. */
function roundsAtOrBelow(bits: u32): bool {
  // Compare with the midpoint to the next f32 up (for FLT_MAX: the overflow threshold).
  splitF32(bits);
  expandExact(u32(2 * splitM + 1), i16(splitE - 1));
  const c = cmpSigDig();
  return c < 0 || (c === 0 && (bits & 1) === 0);
}

export function parseF32(len: u8): bool {
  parsedF32 = 0;
  const sign = numStartParse(len);
  const negative: u32 = sign < 0 ? 0x80000000 : 0;
  if (numMatchWord(NUM_NAN_AT, 3)) {
    if (!numEndParse()) return false;
    parsedF32 = f32FromBits(0x7fc00000);
    return true;
  }
  if (numMatchWord(NUM_INF_AT, 3)) {
    numMatchWord(NUM_INF_AT + 3, 5);
    if (!numEndParse()) return false;
    parsedF32 = f32FromBits(u32(negative | 0x7f800000));
    return true;
  }
  if (!readMantissa() || !readExponent() || !numEndParse()) return false;
  while (sigN > 0 && sig[sigN - 1] === 0) sigN = u8(sigN - 1);
  let bits: u32 = 0;
  if (sigN === 0 || sigTop < -46) {
    bits = 0; // below 10^-46, under half the smallest subnormal (2^-150 = 7.0e-46)
  } else if (sigTop > 38) {
    bits = 0x7f800000; // at least 10^39, over FLT_MAX
  } else {
    // The answer is the smallest bit pattern whose upper midpoint is not below the decimal.
    // Search a few patterns around a float estimateF32; when the estimateF32 was too far off (flushed
    // subnormals on the AVR), search them all.
    const guess = f32Bits(estimateF32());
    let lo: u32 = guess > 8 ? u32(guess - 8) : 0;
    let hi: u32 = guess < 0x7f800000 - 8 ? u32(guess + 8) : 0x7f800000;
    if ((lo > 0 && roundsAtOrBelow(u32(lo - 1))) || !(hi === 0x7f800000 || roundsAtOrBelow(hi))) {
      lo = 0;
      hi = 0x7f800000;
    }
    while (lo < hi) {
      const mid: u32 = (lo + hi) >>> 1;
      if (roundsAtOrBelow(mid)) hi = mid;
      else lo = u32(mid + 1);
    }
    bits = lo;
  }
  parsedF32 = f32FromBits(u32(negative | bits));
  return true;
}
