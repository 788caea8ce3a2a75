// Integer value ranges (docs/vm-spec-subset.md, "Integers: value ranges instead of wrap-around").
// Bounds are JS numbers: exact up to 2^53, which is as far as the subset allows exact arithmetic.

export interface Range { lo: number; hi: number }

export const I16: Range = { lo: -0x8000, hi: 0x7fff };
export const I32: Range = { lo: -0x80000000, hi: 0x7fffffff };
export const U32: Range = { lo: 0, hi: 0xffffffff };
export const SAFE = 2 ** 53;

export function fits(r: Range, t: Range): boolean {
  return r.lo >= t.lo && r.hi <= t.hi;
}
export function union(a: Range, b: Range): Range {
  return { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
}
export function show(r: Range): string {
  // Bounds beyond 2^53 are not exact: show them as approximations.
  const n = (v: number) => (Math.abs(v) > SAFE ? `~${v.toExponential(2)}` : `${v}`);
  return r.lo === r.hi ? n(r.lo) : `${n(r.lo)}..${n(r.hi)}`;
}

export function add(a: Range, b: Range): Range { return { lo: a.lo + b.lo, hi: a.hi + b.hi }; }
export function sub(a: Range, b: Range): Range { return { lo: a.lo - b.hi, hi: a.hi - b.lo }; }
export function neg(a: Range): Range { return { lo: -a.hi, hi: -a.lo }; }
export function mul(a: Range, b: Range): Range {
  const p = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi].map((x) => (x === 0 ? 0 : x)); // no -0
  return { lo: Math.min(...p), hi: Math.max(...p) };
}

/** The range after JavaScript's ToInt32: unchanged when it already fits, else all of i32. */
export function toI32(a: Range): Range { return fits(a, I32) ? a : I32; }
/** The range after ToUint32. */
export function toU32(a: Range): Range { return fits(a, U32) ? a : a.lo >= -0x80000000 && a.hi < 0 ? { lo: a.lo + 2 ** 32, hi: a.hi + 2 ** 32 } : U32; }

/** Smallest 2^k - 1 that is >= n (n >= 0). */
function ones(n: number): number { let m = 0; while (m < n) m = m * 2 + 1; return m; }

export function and(a0: Range, b0: Range): Range {
  const a = toI32(a0), b = toI32(b0);
  if (a.lo >= 0 && b.lo >= 0) return { lo: 0, hi: Math.min(a.hi, b.hi) };
  if (a.lo >= 0) return { lo: 0, hi: a.hi };
  if (b.lo >= 0) return { lo: 0, hi: b.hi };
  return I32;
}
export function orXor(a0: Range, b0: Range): Range {
  const a = toI32(a0), b = toI32(b0);
  if (a.lo >= 0 && b.lo >= 0) return { lo: 0, hi: ones(Math.max(a.hi, b.hi)) };
  return I32;
}
export function not(a0: Range): Range { const a = toI32(a0); return { lo: -a.hi - 1, hi: -a.lo - 1 }; }

/** `a << b`; precise when b is a constant and the shifted range stays inside i32. */
export function shl(a0: Range, b: Range): Range {
  const a = toI32(a0);
  if (b.lo === b.hi) {
    const f = 2 ** (b.lo & 31);
    const r = { lo: a.lo * f, hi: a.hi * f };
    if (fits(r, I32)) return r;
  }
  return I32;
}
/** `a >> b` (arithmetic). */
export function shr(a0: Range, b: Range): Range {
  const a = toI32(a0);
  if (b.lo === b.hi) {
    const f = 2 ** (b.lo & 31);
    return { lo: Math.floor(a.lo / f), hi: Math.floor(a.hi / f) };
  }
  return { lo: Math.min(a.lo, 0), hi: Math.max(a.hi, 0) };
}
/** `a >>> b` (logical, result u32). */
export function ushr(a0: Range, b: Range): Range {
  const a = toU32(a0);
  if (b.lo === b.hi) {
    const f = 2 ** (b.lo & 31);
    return { lo: Math.floor(a.lo / f), hi: Math.floor(a.hi / f) };
  }
  return { lo: 0, hi: a.hi };
}

/** Truncating quotient `a / b` (b may be 0: the engines give 0). */
export function div(a: Range, b: Range): Range {
  const m = Math.max(Math.abs(a.lo), Math.abs(a.hi));
  if (b.lo >= 1) return { lo: Math.min(0, a.lo), hi: Math.max(0, a.hi) };
  if (b.hi <= -1) return { lo: Math.min(0, -a.hi), hi: Math.max(0, -a.lo) };
  return { lo: -m, hi: m };
}
/** Truncating remainder `a % b`: the sign follows the dividend. */
export function rem(a: Range, b: Range): Range {
  const m = Math.max(Math.abs(b.lo), Math.abs(b.hi)) - 1;
  return { lo: a.lo < 0 ? Math.max(a.lo, -m) : 0, hi: a.hi > 0 ? Math.min(a.hi, m) : 0 };
}

/** The C type that exact arithmetic over these ranges is computed in, or undefined beyond 32 bits. */
export function computeType(...rs: Range[]): 'int16_t' | 'int32_t' | undefined {
  if (rs.every((r) => fits(r, I16))) return 'int16_t';
  if (rs.every((r) => fits(r, I32))) return 'int32_t';
  return undefined;
}
/** The C type in which two ranges compare exactly. */
export function compareType(a: Range, b: Range): string {
  if (fits(a, I16) && fits(b, I16)) return 'int16_t';
  if (fits(a, I32) && fits(b, I32)) return 'int32_t';
  if (fits(a, U32) && fits(b, U32)) return 'uint32_t';
  return 'int64_t';
}
