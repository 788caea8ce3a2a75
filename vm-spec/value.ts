// The 16-bit value encoding (docs/vm-design.md, section 1).
//   ...1  small int (i16(v) >> 1)     ..10  image object at byte offset v >> 2
//   ..00  v < 0x400: built-in number v >> 2;  v >= 0x400: heap object at offset v - 0x400
import { u16, i16, i32 } from './types.ts';
import type { bool } from './types.ts';

/** No value: an unbound name, or "an exception is pending" as a function result. */
export const NULL = 0;
export const NONE = 4;
export const FALSE = 8;
export const TRUE = 12;
/** Built-in number n as a value. */
export const BUILTIN_BASE = 0x400;
export const SMALL_MIN = -16384;
export const SMALL_MAX = 16383;

export function isSmall(v: u16): bool { return (v & 1) === 1; }
export function smallValue(v: u16): i16 { return i16(v) >> 1; }
/** n must be in SMALL_MIN..SMALL_MAX. */
export function makeSmall(n: i32): u16 { return u16(n * 2 + 1); }
export function fitsSmall(n: i32): bool { return n >= SMALL_MIN && n <= SMALL_MAX; }

export function isImage(v: u16): bool { return (v & 3) === 2; }
export function imageOffset(v: u16): u16 { return v >> 2; }

export function isBuiltin(v: u16): bool { return (v & 3) === 0 && v < BUILTIN_BASE; }
export function builtinNumber(v: u16): u16 { return v >> 2; }
export function makeBuiltin(n: u16): u16 { return u16(n * 4); }

export function isHeapRef(v: u16): bool { return (v & 3) === 0 && v >= BUILTIN_BASE; }
export function heapOffset(v: u16): u16 { return u16(v - BUILTIN_BASE); }
export function makeHeapRef(offset: u16): u16 { return u16(offset + BUILTIN_BASE); }

export function makeBool(b: bool): u16 { return b ? TRUE : FALSE; }
