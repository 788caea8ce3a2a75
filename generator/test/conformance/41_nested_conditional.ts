// A ?: whose condition is itself a ?: (C would read c ? a : b ? x : y as c ? a : (b ? x : y)
// without the parentheses the generator must keep).
import { u8 } from '../../../vm-spec/types.ts';
import type { bool } from '../../../vm-spec/types.ts';
import { printI32, newline } from './lib/print.ts';

function pick(c: bool, a: bool, b: bool): u8 {
  return (c ? a : b) ? 1 : 2;
}

export function main(): void {
  printI32(pick(true, true, false));
  printI32(pick(true, false, true));
  printI32(pick(false, true, false));
  printI32(pick(false, false, true));
  newline();
}
