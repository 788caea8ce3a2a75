// The program image (docs/rpyc.md): header checks, CRC, tables and record accessors.
// Everything is read in place through imageByte(); nothing is copied to RAM.
import { u8, u16, i32, u32 } from './types.ts';
import { imageByte, imageSize } from './platform.ts';
import { imageOffset } from './value.ts';
import { NAMES_HASH } from './names.ts';

export const enum ImageError { OK = 0, MAGIC = 1, VERSION = 2, LENGTH = 3, CRC = 4, TABLES = 5, NAMES = 6 }
export const enum Record { STR = 1, INT = 2, FLOAT = 3, TUPLE = 4, CODE = 5, FUNC = 6 }
const HEADER_SIZE = 18;
const MODULES = HEADER_SIZE;
/** Offsets inside a CODE record. */
export const enum Code {
  ARGCOUNT = 1, POSONLY = 2, KWONLY = 3, NLOCALS = 4, STACKSIZE = 5, FLAGS = 6, NEXC = 7,
  NAME = 8, PARAMS = 10, CODE_LENGTH = 12, CODE = 14,
}

let imageLength: u16 = 0;
let moduleCount: u8 = 0; // the module table follows the header (MODULES)
let constTable: u16 = 0;
let constCount: u16 = 0;

export function imageU8(off: u16): u8 { return imageByte(off); }
export function imageU16(off: u16): u16 { return u16(imageByte(off) | (imageByte(u16(off + 1)) << 8)); }
export function imageU32(off: u16): u32 { return u32(imageU16(off) | (imageU16(u16(off + 2)) << 16)); }

/** CRC-16/CCITT-FALSE of image bytes start..end-1, a byte a step by the shift-and-xor form of
 * the polynomial (a bit at a time took ~200 AVR cycles a byte at every start). */
export function imageCrc(start: u16, end: u16): u16 {
  let crc: u16 = 0xffff;
  for (let i: u16 = start; i < end; i = u16(i + 1)) {
    let x: u8 = u8((crc >> 8) ^ imageByte(i));
    x = u8(x ^ (x >> 4));
    crc = u16((crc << 8) ^ (x << 12) ^ (x << 5) ^ x);
  }
  return crc;
}

/** Checks the image header, length, CRC and tables; remembers the tables. */
export function loadImage(): u8 {
  const area = imageSize();
  if (area < HEADER_SIZE || imageU16(0) !== 0x5653) return ImageError.MAGIC; // 'SV'
  if (imageByte(2) !== 5) return ImageError.VERSION;
  imageLength = imageU16(4);
  if (imageLength < HEADER_SIZE || imageLength > area) return ImageError.LENGTH;
  if (imageCrc(8, imageLength) !== imageU16(6)) return ImageError.CRC;
  moduleCount = imageByte(3);
  constTable = imageU16(10);
  constCount = imageU16(12);
  // The tables follow the header and each other directly (docs/rpyc.md): that checks the module
  // count, which lies before the CRC's range, against the table offsets, which lie inside it.
  // (No sum overflows 16 bits: 18 + 255 * 6, and constCount is at most half the length.)
  if (moduleCount === 0 || imageU16(8) !== MODULES || u16(MODULES + moduleCount * 6) !== constTable) return ImageError.TABLES;
  if (constCount > imageLength >> 1 || u16(constTable + constCount * 2) > imageLength || moduleGlobalCount(0) > constCount) return ImageError.TABLES;
  // Compiled against another VM build: its name numbers (STR records) would call wrong builtins.
  if (imageU16(16) !== NAMES_HASH) return ImageError.NAMES;
  return ImageError.OK;
}

/** The library functions' TUPLE of FUNC records (libfunc.ts), or NULL. */
export function libTable(): u16 { return imageU16(14); }
export function moduleCodeValue(m: u8): u16 { return imageU16(u16(MODULES + m * 6 + 2)); }
/** How many global variables module m has: constant-table entries 0 .. count-1 (vm.ts). */
export function moduleGlobalCount(m: u8): u16 { return imageU16(u16(MODULES + m * 6 + 4)); }
/** Constant-table entry k (k < constantCount()). */
export function constantValue(k: u16): u16 { return imageU16(u16(constTable + k * 2)); }
export function constantCount(): u16 { return constCount; }

/** The record type byte of an image value (callers check isImage first). */
export function recordType(v: u16): u8 { return imageByte(imageOffset(v)); }
export function imageStrLength(v: u16): u16 { return imageU16(u16(imageOffset(v) + 1)); }
export function imageStrHash(v: u16): u16 { return imageU16(u16(imageOffset(v) + 3)); }
/** The VM name number N the compiler stored for this str (names.ts), 255 for none. */
export function imageStrName(v: u16): u8 { return imageByte(u16(imageOffset(v) + 5)); }
export function imageStrByte(v: u16, i: u16): u8 { return imageByte(u16(imageOffset(v) + 6 + i)); }
export function imageIntValue(v: u16): i32 { return i32(imageU32(u16(imageOffset(v) + 1))); }
export function imageTupleLength(v: u16): u16 { return imageU16(u16(imageOffset(v) + 1)); }
export function imageTupleItem(v: u16, i: u16): u16 { return imageU16(u16(imageOffset(v) + 3 + i * 2)); }
/** A byte field of a CODE record (Code.ARGCOUNT ...). */
export function codeU8(code: u16, field: u8): u8 { return imageByte(u16(imageOffset(code) + field)); }
/** A u16 field of a CODE record (Code.NAME, Code.PARAMS, Code.CODE_LENGTH). @noinline: smaller as a call. */
export function codeU16(code: u16, field: u8): u16 { return imageU16(u16(imageOffset(code) + field)); }
/** Image offset of the first instruction byte of a CODE record. */
export function codeStart(code: u16): u16 { return u16(imageOffset(code) + Code.CODE); }
