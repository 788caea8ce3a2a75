// The scalar types of the vm-spec subset (vm-spec/types.ts) and their C spellings.
import type { Range } from './ranges.ts';

export type IntType = 'u8' | 'i8' | 'u16' | 'i16' | 'u32' | 'i32';
export type ScalarType = IntType | 'f32' | 'bool';

export const INT_TYPES: IntType[] = ['u8', 'i8', 'u16', 'i16', 'u32', 'i32'];

export const INT_RANGE: Record<IntType, Range> = {
  u8: { lo: 0, hi: 0xff },
  i8: { lo: -0x80, hi: 0x7f },
  u16: { lo: 0, hi: 0xffff },
  i16: { lo: -0x8000, hi: 0x7fff },
  u32: { lo: 0, hi: 0xffffffff },
  i32: { lo: -0x80000000, hi: 0x7fffffff },
};

export const C_TYPE: Record<ScalarType, string> = {
  u8: 'uint8_t', i8: 'int8_t', u16: 'uint16_t', i16: 'int16_t',
  u32: 'uint32_t', i32: 'int32_t', f32: 'float', bool: 'bool',
};

export function isIntType(name: string): name is IntType {
  return (INT_TYPES as string[]).includes(name);
}

/** Reads a type annotation's text as a scalar type (bool and boolean are the same). */
export function scalarOf(text: string): ScalarType | undefined {
  if (text === 'boolean' || text === 'bool') return 'bool';
  if (text === 'f32' || isIntType(text)) return text as ScalarType;
  return undefined;
}

/** Typed-array classes and flash-table constructors, by element type. */
export const ARRAY_CLASS: Record<string, ScalarType> = {
  Uint8Array: 'u8', Int8Array: 'i8', Uint16Array: 'u16', Int16Array: 'i16',
  Uint32Array: 'u32', Int32Array: 'i32', Float32Array: 'f32',
};
export const FLASH_FN: Record<string, IntType> = {
  flashU8: 'u8', flashI8: 'i8', flashU16: 'u16', flashI16: 'i16', flashU32: 'u32', flashI32: 'i32', flashStr: 'u8', flashPacked: 'u8',
};
