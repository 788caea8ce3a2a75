// Library functions: builtins written in Python (vm-spec/lib/*.py) that the compiler adds to an
// image when the program names them (docs/rpyc.md "Library functions"). They are FUNC records
// in the image, found through the header's library tuple after the native builtins, and called
// like any Python function without a heap object: [type][kind][name][code][defaults].
import { u8, u16 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, isImage, imageOffset } from './value.ts';
import { Record, recordType, imageU8, imageU16, imageTupleLength, imageTupleItem, libTable } from './image.ts';

/**
 * What a library function is found as: a global, a method of str, list, dict or tuple, or the
 * code of str % args (PERCENT), of an f-string's {value:spec} (SPEC), of int(s) (INT_TEXT),
 * float(s) (FLOAT_TEXT), of ** of numbers (POWER), of a float's // and % (FLOAT_FLOORDIV,
 * FLOAT_MOD), of a list's slice assignment and del
 * (SLICE_SET), of seq[slice] (SLICE_GET), of list and tuple * n (REPEAT; a list's *= n: IREPEAT), of dict(src, **kw)
 * and d.update(src, **kw) (DICT_NEW, DICT_UPDATE) and of Pin(...) (PIN), found by kind alone;
 * or a function of a hardware module or a method of an ADC, PWM or Pin object (MACHINE .. PWM, PIN_METHOD).
 */
export const enum LibKind {
  GLOBAL = 0, STR = 1, LIST = 2, DICT = 3, TUPLE = 4, PERCENT = 5, SPEC = 6, INT_TEXT = 7, FLOAT_TEXT = 8, POWER = 9,
  SLICE_SET = 10, REPEAT = 11, IREPEAT = 12, DICT_NEW = 13, DICT_UPDATE = 14,
  // The hardware modules (vm-spec/lib/board.py): the functions of machine, time and arduino,
  // the methods of ADC and PWM objects, and Pin(...) (class Pin hands its calls over)
  MACHINE = 15, TIME = 16, ARDUINO = 17, ADC = 18, PWM = 19, PIN = 20,
  // a float's // and % (num.py)
  FLOAT_FLOORDIV = 21, FLOAT_MOD = 22,
  // len(r) and r[i] (RANGE), an int in / not in r of a range r (range.py)
  RANGE = 23, RANGE_IN = 24, RANGE_NOT_IN = 25,
  // a dict display but {} (BUILD_MAP n, BUILD_CONST_KEY_MAP n: dict.py; consecutive, as the opcodes)
  BUILD_MAP = 26, CONST_KEY_MAP = 27,
  // seq[slice] of a str, list or tuple (list.py)
  SLICE_GET = 28,
  // a call of a Python function that does not match its parameters (call.py _call_error, vm.ts callError)
  CALL_ERROR = 29,
  // the methods of a Pin object (board.py Pin__X)
  PIN_METHOD = 30,
  // COMPARE_OP n of two lists, tuples or dicts as compare.ts does not compare them (order.py _lt _le
  // _eq _ne _gt _ge: COMPARE + n), in and not in of items it does not compare (_in, _not_in)
  COMPARE = 31, IN = 37, NOT_IN = 38,
}

// A native builtin or operator may hand its whole call over to a library function (int(s) to
// _int_text, str % args to _percent): it returns handOver(kind), NULL with no exception pending,
// and vm.ts calls that function with the arguments of args.ts (the same ones, or with a value
// put before them: args.ts prependArg).
let handedTo: u8 = 0;
export function handOver(kind: u8): u16 {
  handedTo = kind;
  return NULL;
}
/** The kind a builtin handed its call over to (0: none), cleared. */
export function takeHandOver(): u8 {
  const kind = handedTo;
  handedTo = 0;
  return kind;
}

const enum LF { KIND = 1, NAME = 2, CODE = 4, DEFAULTS = 6 }

/** @noinline: smaller as a call. */
export function isLibFunc(v: u16): bool { return isImage(v) && recordType(v) === Record.FUNC; }
/** Word i of library function f: 0 its code, 1 its defaults tuple (func.ts funcWord). */
export function libFuncWord(f: u16, i: u8): u16 { return imageU16(u16(imageOffset(f) + LF.CODE + i * 2)); }

/**
 * The library function of `kind` named `name` (an image STR: the pool shares one record per
 * name, so equal names are equal values; NULL: any name), or NULL.
 */
export function libLookup(name: u16, kind: u8): u16 {
  const table = libTable();
  if (table === NULL) return NULL;
  const n = imageTupleLength(table);
  for (let i: u16 = 0; i < n; i = u16(i + 1)) {
    const f = imageTupleItem(table, i);
    const at = imageOffset(f);
    if ((name === NULL || imageU16(u16(at + LF.NAME)) === name) && imageU8(u16(at + LF.KIND)) === kind) return f;
  }
  return NULL;
}
