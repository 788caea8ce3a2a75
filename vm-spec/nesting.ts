// A guard on the VM's own recursion: == of nested tuples (compare.ts) and hash() of nested
// tuples (dict.ts) call themselves once per level, about 17 bytes of C stack each, and the Uno
// has about 250 bytes of stack (docs/memory-map.md). So the nesting they follow is limited
// (NEST_MAX): a deeper comparison is handed over to library code (order.py _compare, frames on
// the heap), a deeper hash stops looking (equal values still hash equal).
import { u8 } from './types.ts';
import type { bool } from './types.ts';
import { NEST_MAX } from './config.ts';

let nestDepth: u8 = 0;

/** Enters one level: false when NEST_MAX levels are open (the caller must not recurse). */
export function nestEnter(): bool {
  if (nestDepth >= NEST_MAX) return false;
  nestDepth = u8(nestDepth + 1);
  return true;
}

/** Leaves the level a successful nestEnter entered. */
export function nestLeave(): void {
  nestDepth = u8(nestDepth - 1);
}
