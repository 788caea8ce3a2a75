// Constants of the rpyc image format, version 5 (docs/rpyc.md).
import { STR_HASH_SEED, strHashStep } from '../../vm-spec/strhash.ts';

export const MAGIC0 = 0x53; // 'S'
export const MAGIC1 = 0x56; // 'V'
export const FORMAT_VERSION = 5;
/** A STR record: type, len u16, hash u16, VM name number u8, bytes. */
export const STR_HEAD_SIZE = 6;
export const HEADER_SIZE = 18;
/** A module table entry: name value, code value, number of global variables. */
export const MODULE_ENTRY_SIZE = 6;
export const CODE_HEAD_SIZE = 14;
export const EXC_ENTRY_SIZE = 7;
/** Records must start below this offset: an image value holds 14 bits of offset. */
export const MAX_RECORD_OFFSET = 16383;

export const enum RecordType {
  STR = 0x01,
  INT = 0x02,
  FLOAT = 0x03,
  TUPLE = 0x04,
  CODE = 0x05,
  FUNC = 0x06,
}
/** A FUNC record (a library function): type, kind, name u16, code u16, defaults u16. */
export const FUNC_RECORD_SIZE = 8;

// Special VM values (docs/vm-design.md section 1).
export const VALUE_NULL = 0;
export const VALUE_NONE = 4;
export const VALUE_FALSE = 8;
export const VALUE_TRUE = 12;

export function imageRef(offset: number): number {
  return (offset * 4 + 2) & 0xffff;
}
export function smallInt(n: number): number {
  return (n * 2 + 1) & 0xffff;
}

/** The VM's str hash (vm-spec/strhash.ts) of UTF-8 bytes, stored in each STR record. */
export function strHash(bytes: Uint8Array): number {
  let h = STR_HASH_SEED;
  for (const b of bytes) h = strHashStep(h, b);
  return h;
}
