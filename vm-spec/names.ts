// Every name the VM knows: builtins, methods, keyword arguments, modules and their members.
// One table so a name is matched once (nameIndex) and then handled by number everywhere.
// Globals come first, in the order of B (builtins.ts): builtin number = B.FIRST + index.
import { u8, u16 } from './types.ts';
import { isImage } from './value.ts';
import { Record, recordType, imageStrName } from './image.ts';

// The names' text is tools/compiler/vm-names.ts VM_NAMES, in N order (names.test.ts checks
// that the two agree): the compiler stores each name's N in its STR record, so the VM keeps no
// name table in flash.
// Groups: globals (core, numbers, strings, sequences: B order); methods of list, dict (a name
// shared by both appears once; the other methods are Python code, vm-spec/lib); keyword
// arguments; modules and their members; the exception classes.

export const enum N {
  print = 0,
  int = 1, float = 2, bool = 3,
  str = 4, repr = 5, ord = 6, chr = 7,
  range = 8, len = 9, list = 10, tuple = 11, dict = 12, isinstance = 13, type = 14, iter = 15, next = 16,
  enumerate = 17, zip = 18, reversed = 19, hash = 20,
  GLOBALS = 21,
  append = 21, pop = 22, index = 23, count = 24,
  keys = 25, values = 26, items = 27, update = 28,
  sep = 29, end = 30, base = 31,
  machine = 32, time = 33, arduino = 34, Pin = 35, ADC = 36, PWM = 37, IN = 38, OUT = 39, PULL_UP = 40,
  value = 41, on = 42, off = 43, toggle = 44, read_u16 = 45, duty_u16 = 46, freq = 47, mode = 48, pull = 49,
  sleep = 50, sleep_ms = 51, sleep_us = 52, ticks_ms = 53, ticks_us = 54, ticks_diff = 55, ticks_add = 56,
  pinMode = 57, digitalWrite = 58, digitalRead = 59, analogRead = 60, analogWrite = 61, delay = 62,
  millis = 63, micros = 64, INPUT = 65, OUTPUT = 66, INPUT_PULLUP = 67, HIGH = 68, LOW = 69,
  args = 70,
  // the exception classes, in Exc order (exc.ts)
  BaseException = 71, Exception = 72, ArithmeticError = 73, ZeroDivisionError = 74, OverflowError = 75,
  LookupError = 76, IndexError = 77, KeyError = 78, ValueError = 79, TypeError = 80, NameError = 81,
  AttributeError = 82, StopIteration = 83, MemoryError = 84, RuntimeError = 85, RecursionError = 86,
  NotImplementedError = 87, AssertionError = 88, KeyboardInterrupt = 89,
  __name__ = 90,
  _hw = 91, // the board primitive of vm-spec/lib/board.py (builtins-module.ts)
  start = 92, stop = 93, step = 94, // the attributes of ranges and slices (builtins.ts lookupAttr)
  COUNT = 95,
  NONE = 255,
}

/**
 * The str hash (strhash.ts) of the names' text (VM_NAMES joined by newlines): every image carries the hash of the table it was
 * compiled against (docs/rpyc.md); loadImage refuses one whose name numbers are not ours.
 * names.test.ts checks it, so a change of NAMES must change it.
 */
export const NAMES_HASH = 0xaa50;

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
 * builtins.ts (print), builtins-num.ts, builtins-str.ts, builtins-seq.ts, builtins-module.ts;
 * the rest are Python code (vm-spec/lib), found after these.
 * Method numbers are ranges given out per receiver type; a file numbers its own methods.
 */
export const enum B {
  GLOBAL_BASE = 32,
  print = 32,
  int = 33, dict = 44, dict_update = 163, // the ones that take keywords: int(s, base=), dict(a=1), d.update(a=1)
  NoneType = 53,                          // type(None): a type object, not callable
  NUM_FIRST = 33, NUM_LAST = 35,          // int float bool
  STR_FIRST = 36, STR_LAST = 39,          // str repr ord chr
  SEQ_FIRST = 40, SEQ_LAST = 52,          // range .. hash
  LIST_METHOD_FIRST = 144, LIST_METHOD_LAST = 159,
  DICT_METHOD_FIRST = 160, DICT_METHOD_LAST = 175,
  MODULE_FIRST = 176, MODULE_LAST = 255,  // modules, their functions, classes and methods
  HW = 180,                               // _hw (builtins-module.ts)
}
