// The str hash (djb2 on the UTF-8 bytes, mod 2^16), one step at a time. Shared by the VM
// (str.ts, for heap strs) and the image compiler, which stores the hash of every image STR so
// that the VM reads it instead of hashing the bytes on each dict lookup (docs/rpyc.md).
import { u8, u16 } from './types.ts';

export const STR_HASH_SEED = 5381;
export function strHashStep(h: u16, byte: u8): u16 { return u16(h * 33 + byte); }
