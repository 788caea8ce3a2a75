// The type test of every heap block, and one constructor for the small fixed-size ones: SLICE,
// RANGE, RANGEITER, ITER and FUNC blocks and 2-tuples all start with up to three words.
import { u8, u16 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, isHeapRef, heapOffset } from './value.ts';
import { blockType, set16 } from './heap.ts';
import { alloc, pushRoot, popRoot } from './gc.ts';
import { Exc, raise } from './exc.ts';

/** v is a heap block of type `type`. */
export function isBlock(v: u16, type: u8): bool { return isHeapRef(v) && blockType(heapOffset(v)) === type; }

/**
 * A new block of `type`, `bytes` bytes long (header included), with words x, y, z at byte
 * offsets 2, 4, 6 and zeros (NULL) after them; NULL with MemoryError when full. x, y and z are
 * kept alive across the allocation (a raw number below 0x400 is no heap reference: safe too).
 */
export function newBlock(type: u8, bytes: u16, x: u16, y: u16, z: u16): u16 {
  const rooted = pushRoot(x);
  const rooted2 = pushRoot(y);
  const rooted3 = pushRoot(z);
  const v = rooted && rooted2 && rooted3 ? alloc(type, bytes) : NULL;
  popRoot();
  popRoot();
  popRoot();
  if (v === NULL) return raise(Exc.MemoryError);
  const off = heapOffset(v);
  set16(u16(off + 2), x);
  set16(u16(off + 4), y);
  set16(u16(off + 6), z);
  return v;
}
