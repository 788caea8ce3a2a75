// The float digits of a format spec in library code (vm.ts FORMAT_VALUE): the primitive
// format.py builds on. str % args and a program's format specs are Python code
// (vm-spec/lib/format.py, which the VM calls: vm.ts callLib).
import { u8, u16 } from './types.ts';
import type { bool } from './types.ts';
import { Exc, raise } from './exc.ts';
import { strLength, strByte } from './str.ts';
import { numOut, formatF32 } from './numfmt.ts';
import { floatOf } from './float.ts';
import { emit } from './print.ts';

/**
 * Writes float v as spec asks: '.<precision><f|e|g>'; an upper case conversion (F E G) writes
 * upper case letters. (The precision is at most 40.)
 */
export function formatNumber(v: u16, spec: u16): bool {
  const n = strLength(spec);
  let p: u8 = 0;
  for (let i: u16 = 1; u16(i + 1) < n; i = u16(i + 1)) p = p < 40 ? u8(p * 10 + strByte(spec, i) - 48) : 40;
  const conv = strByte(spec, u16(n - 1));
  const length = formatF32(floatOf(v), u8(conv | 32), p > 40 ? 40 : p);
  if (length === 0) {
    raise(Exc.OverflowError);
    return false;
  }
  for (let i: u8 = 0; i < length; i = u8(i + 1)) {
    const c = numOut[i];
    emit(conv < 97 && c >= 97 ? u8(c - 32) : c);
  }
  return true;
}
