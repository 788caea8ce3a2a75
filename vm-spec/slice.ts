// Slices: SLICE heap blocks [header][start][stop][step] (values, None when omitted), made by
// BUILD_SLICE. Reading one (s[a:b:c] of a str, list or tuple) is library code (list.py
// _slice_get), as are assigning and deleting one (_slice_set): they read the parts as the
// attributes start, stop and step (builtins.ts lookupAttr).
import { u16 } from './types.ts';
import type { bool } from './types.ts';
import { HeapType } from './heap.ts';
import { newBlock, isBlock } from './block.ts';

export function isSlice(v: u16): bool { return isBlock(v, HeapType.SLICE); }

/** slice(start, stop, step); pass NONE for an omitted part. */
export function newSlice(start: u16, stop: u16, step: u16): u16 { return newBlock(HeapType.SLICE, 8, start, stop, step); }
