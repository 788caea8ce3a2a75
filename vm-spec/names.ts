// Every name the VM knows: builtins, methods, keyword arguments, modules and their members.
// One table so a name is matched once (nameIndex) and then handled by number everywhere.
// Globals come first, in the order of B (builtins.ts): builtin number = B.FIRST + index.
import { u8, u16, flashStr, flashU8 } from './types.ts';
import type { bool } from './types.ts';
import { isImage } from './value.ts';
import { Record, recordType, imageStrLength, imageStrByte } from './image.ts';

// One name per line; the line number is the N value. Keep both in the same order
// (names.test.ts checks it).
// Groups: globals (core, numbers, strings, sequences: B order); methods of str, list, dict (a
// name shared by several types appears once); keyword arguments; modules and their members.
const NAMES = flashStr('print\nint\nfloat\nbool\nabs\ndivmod\npow\nround\nstr\nrepr\nord\nchr\nhex\nbin\nrange\nlen\nlist\ntuple\ndict\nisinstance\ntype\niter\nnext\nenumerate\nzip\nsorted\nreversed\nany\nall\nhash\nmin\nmax\nsum\njoin\nsplit\nstrip\nlstrip\nrstrip\nstartswith\nendswith\nfind\nreplace\nupper\nlower\ncount\nisdigit\nappend\npop\ninsert\nremove\nindex\nextend\nreverse\nsort\nclear\ncopy\nget\nkeys\nvalues\nitems\nsetdefault\nupdate\nsep\nend\nkey\nbase\ndefault\nmachine\ntime\narduino\nPin\nADC\nPWM\nIN\nOUT\nPULL_UP\nvalue\non\noff\ntoggle\nread_u16\nduty_u16\nfreq\nmode\npull\nsleep\nsleep_ms\nsleep_us\nticks_ms\nticks_us\nticks_diff\nticks_add\npinMode\ndigitalWrite\ndigitalRead\nanalogRead\nanalogWrite\ndelay\nmillis\nmicros\nINPUT\nOUTPUT\nINPUT_PULLUP\nHIGH\nLOW\nargs\n');

export const enum N {
  print = 0,
  int = 1, float = 2, bool = 3, abs = 4, divmod = 5, pow = 6, round = 7,
  str = 8, repr = 9, ord = 10, chr = 11, hex = 12, bin = 13,
  range = 14, len = 15, list = 16, tuple = 17, dict = 18, isinstance = 19, type = 20, iter = 21, next = 22,
  enumerate = 23, zip = 24, sorted = 25, reversed = 26, any = 27, all = 28, hash = 29, min = 30, max = 31, sum = 32,
  GLOBALS = 33,
  join = 33, split = 34, strip = 35, lstrip = 36, rstrip = 37, startswith = 38, endswith = 39, find = 40,
  replace = 41, upper = 42, lower = 43, count = 44, isdigit = 45,
  append = 46, pop = 47, insert = 48, remove = 49, index = 50, extend = 51, reverse = 52, sort = 53, clear = 54, copy = 55,
  get = 56, keys = 57, values = 58, items = 59, setdefault = 60, update = 61,
  sep = 62, end = 63, key = 64, base = 65, default = 66,
  machine = 67, time = 68, arduino = 69, Pin = 70, ADC = 71, PWM = 72, IN = 73, OUT = 74, PULL_UP = 75,
  value = 76, on = 77, off = 78, toggle = 79, read_u16 = 80, duty_u16 = 81, freq = 82, mode = 83, pull = 84,
  sleep = 85, sleep_ms = 86, sleep_us = 87, ticks_ms = 88, ticks_us = 89, ticks_diff = 90, ticks_add = 91,
  pinMode = 92, digitalWrite = 93, digitalRead = 94, analogRead = 95, analogWrite = 96, delay = 97,
  millis = 98, micros = 99, INPUT = 100, OUTPUT = 101, INPUT_PULLUP = 102, HIGH = 103, LOW = 104,
  args = 105,
  COUNT = 106,
  NONE = 255,
}

// The length of each name in NAMES, in order: the scan steps from name to name instead of
// reading every byte of NAMES in flash (names.test.ts checks it against the table).
const NAME_LENGTHS = flashU8([5, 3, 5, 4, 3, 6, 3, 5, 3, 4, 3, 3, 3, 3, 5, 3, 4, 5, 4, 10, 4, 4, 4, 9, 3, 6, 8, 3, 3, 4, 3, 3, 3, 4, 5, 5, 6, 6, 10, 8, 4, 7, 5, 5, 5, 7, 6, 3, 6, 6, 5, 6, 7, 4, 5, 4, 3, 4, 6, 5, 10, 6, 3, 3, 3, 4, 7, 7, 4, 7, 3, 3, 3, 2, 3, 7, 5, 2, 3, 6, 8, 8, 4, 4, 4, 5, 8, 8, 8, 8, 10, 9, 7, 12, 11, 10, 11, 5, 6, 6, 5, 6, 12, 4, 3, 4]);

// The last names looked up (image values, never NULL) and their N: a loop asks for the same
// few names again and again (led.toggle, time.sleep_ms), and a scan of NAMES in flash costs
// about 10,000 cycles on the AVR. loadImage clears it: the values belong to one image.
const NAME_CACHE_SIZE = 4;
const cachedName = new Uint16Array(NAME_CACHE_SIZE);
const cachedIndex = new Uint8Array(NAME_CACHE_SIZE);
let cacheNext: u8 = 0;

export function clearNameCache(): void {
  for (let i: u8 = 0; i < NAME_CACHE_SIZE; i = u8(i + 1)) cachedName[i] = 0;
}

/** The N of image STR `name`, or N.NONE (remembered for the next lookups of the same name). */
export function nameIndex(name: u16): u8 {
  if (!isImage(name) || recordType(name) !== Record.STR) return N.NONE;
  for (let i: u8 = 0; i < NAME_CACHE_SIZE; i = u8(i + 1)) {
    if (cachedName[i] === name) return cachedIndex[i];
  }
  const index = scanNames(name);
  cachedName[cacheNext] = name;
  cachedIndex[cacheNext] = index;
  cacheNext = u8((cacheNext + 1) & (NAME_CACHE_SIZE - 1));
  return index;
}

/** Looks `name` up in NAMES: compares the length first, then the bytes. */
function scanNames(name: u16): u8 {
  const length = imageStrLength(name);
  let start: u16 = 0;
  for (let index: u8 = 0; index < NAME_LENGTHS.length; index = u8(index + 1)) {
    const n: u16 = NAME_LENGTHS[index];
    if (n === length && nameMatches(name, start, length)) return index;
    start = u16(start + n + 1); // the name and its newline
  }
  return N.NONE;
}

function nameMatches(name: u16, start: u16, length: u16): bool {
  for (let j: u16 = 0; j < length; j = u16(j + 1)) {
    if (imageStrByte(name, j) !== NAMES[start + j]) return false;
  }
  return true;
}

/**
 * Built-in callable numbers (values made with makeBuiltin; exception classes are 4..22).
 * A global builtin is GLOBAL_BASE + its N. Each group is implemented in its own file:
 * builtins.ts (print), builtins-num.ts, builtins-str.ts, builtins-seq.ts, builtins-module.ts.
 * Method numbers are ranges given out per receiver type; a file numbers its own methods.
 */
export const enum B {
  GLOBAL_BASE = 32,
  print = 32,
  int = 33, sorted = 57, min = 62, max = 63, // the ones that take keywords (builtins.ts)
  dict = 50, dict_update = 166,           // dict(a=1), d.update(a=1)
  NoneType = 65,                          // type(None): a type object, not callable
  NUM_FIRST = 33, NUM_LAST = 39,          // int .. round
  STR_FIRST = 40, STR_LAST = 45,          // str .. bin
  SEQ_FIRST = 46, SEQ_LAST = 64,          // range .. sum
  STR_METHOD_FIRST = 128, STR_METHOD_LAST = 143,
  LIST_METHOD_FIRST = 144, LIST_METHOD_LAST = 159,
  list_sort = 144,                        // list.sort(key=, reverse=) takes keywords
  DICT_METHOD_FIRST = 160, DICT_METHOD_LAST = 175,
  MODULE_FIRST = 176, MODULE_LAST = 255,  // modules, their functions, classes and methods
}
