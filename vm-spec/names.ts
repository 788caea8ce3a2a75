// Every name the VM knows: builtins, methods, keyword arguments, modules and their members.
// One table so a name is matched once (nameIndex) and then handled by number everywhere.
// Globals come first, in the order of B (builtins.ts): builtin number = B.FIRST + index.
import { u8, u16 } from './types.ts';
import { isImage } from './value.ts';
import { Record, recordType, imageStrName } from './image.ts';

// The names' text is tools/compiler/vm-names.ts VM_NAMES, in N order (names.test.ts checks
// that the two agree): the compiler stores each name's N in its STR record, so the VM keeps no
// name table in flash.
// Groups: globals (core, numbers, strings, sequences: B order); methods of str, list, dict (a
// name shared by several types appears once); keyword arguments; modules and their members.

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

/**
 * The str hash (strhash.ts) of the names' text (VM_NAMES joined by newlines): every image carries the hash of the table it was
 * compiled against (docs/rpyc.md); loadImage refuses one whose name numbers are not ours.
 * names.test.ts checks it, so a change of NAMES must change it.
 */
export const NAMES_HASH = 0x9993;

/**
 * The N of image STR `name`, or N.NONE: the compiler stores it in the STR record.
 */
export function nameIndex(name: u16): u8 {
  if (!isImage(name) || recordType(name) !== Record.STR) return N.NONE;
  return imageStrName(name);
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
