// The Python library (vm-spec/lib/*.py): builtins written in Python, added to an image only
// when the program names them (docs/rpyc.md "Library functions"). A top-level `def sorted` is
// the builtin `sorted`; `def str__split(self, ...)` is the method `split` of str receivers
// (`list__`, `dict__` likewise). Python bytecode is several times denser than AVR code, so
// rarely used builtins cost flash only in the images that use them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCode } from './marshal.ts';
import type { CodeObject, PyValue } from './marshal.ts';
import { LibKind } from '../../vm-spec/libfunc.ts';
import { CompileError } from './errors.ts';

/** The file name library code objects carry (so the map can hide their frames). */
export const LIB_FILE_PREFIX = '<svimpy-lib>/';

export const LIB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../vm-spec/lib');

export interface LibFunction {
  /** The name a program uses: `sorted`, or `split` for `str__split`. */
  name: string;
  kind: LibKind;
  code: CodeObject;
  /** The positional defaults (a constant tuple), if any. */
  defaults: PyValue | undefined;
}

/** The library's source files, sorted (empty when there is no library). */
export function libSources(dir: string = LIB_DIR): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.py')).sort().map((f) => path.join(dir, f));
}

const PREFIXES: [string, LibKind][] = [
  ['str__', LibKind.STR], ['list__', LibKind.LIST], ['dict__', LibKind.DICT], ['tuple__', LibKind.TUPLE],
  // the hardware modules' functions and the ADC and PWM objects' methods (vm-spec/lib/board.py)
  ['machine__', LibKind.MACHINE], ['time__', LibKind.TIME], ['arduino__', LibKind.ARDUINO],
  ['ADC__', LibKind.ADC], ['PWM__', LibKind.PWM], ['Pin__', LibKind.PIN_METHOD],
];

const CPY_EXTENDED_ARG = 144;
const CPY_STORE_GLOBAL_OPS = new Set([90, 91, 97, 98]); // STORE_NAME, DELETE_NAME, STORE_GLOBAL, DELETE_GLOBAL
const CPY_LOAD_CONST = 100;
const CPY_MAKE_FUNCTION = 132;
const CPY_STORE_NAME = 90;
const CPY_CACHE = 0;
const CPY_RESUME = 151;
const CPY_RETURN_VALUE = 83;

/**
 * The top-level functions of a library module. A library module holds only `def`s whose
 * defaults are constants: `[LOAD_CONST defaults] LOAD_CONST code MAKE_FUNCTION 0|1 STORE_NAME`.
 */
export function libFunctions(module: CodeObject): LibFunction[] {
  const out: LibFunction[] = [];
  const consts: PyValue[] = [];
  let flags = -1;
  let ext = 0;
  const where = `${module.filename}`;
  for (let i = 0; i < module.code.length; i += 2) {
    const op = module.code[i];
    const arg = module.code[i + 1] | ext;
    ext = 0;
    if (op === CPY_EXTENDED_ARG) {
      ext = arg << 8;
    } else if (op === CPY_LOAD_CONST) {
      consts.push(module.consts[arg]);
    } else if (op === CPY_MAKE_FUNCTION) {
      if (arg !== 0 && arg !== 1) throw new CompileError(`${where}: error: library functions may have only positional defaults (MAKE_FUNCTION ${arg})`);
      flags = arg;
    } else if (op === CPY_STORE_NAME && module.names[arg] === '__doc__') {
      consts.pop(); // a module docstring
    } else if (op === CPY_STORE_NAME) {
      const code = consts.pop();
      const defaults = flags === 1 ? consts.pop() : undefined;
      if (code === undefined || !isCode(code) || flags < 0 || consts.length !== 0) {
        throw new CompileError(`${where}: error: a library module holds only def statements (at '${module.names[arg]}')`);
      }
      const exported = exportOf(module.names[arg]);
      // Named as a program calls it (`ADC`, not `machine__ADC`; `split`, not `str__split`), so
      // its argument errors read `ADC() missing 1 required positional argument: 'pin'`.
      const named = exported.name === code.name ? code : { ...code, name: exported.name, qualname: exported.name };
      out.push({ ...exported, code: named, defaults });
      flags = -1;
    } else if (op === CPY_CACHE || op === CPY_RESUME || op === CPY_RETURN_VALUE) {
      // the module's frame: nothing to keep (its final LOAD_CONST None is dropped below)
      if (op === CPY_RETURN_VALUE) consts.pop();
    } else {
      throw new CompileError(`${where}: error: a library module holds only def statements (CPython opcode ${op} at the top level)`);
    }
  }
  return out;
}

// The operators written in Python (vm-spec/lib/format.py, num.py, list.py) and Pin(...) (board.py,
// handed over by class Pin): the VM finds them by kind.
const OPERATORS: Record<string, LibKind> = {
  _percent: LibKind.PERCENT, _format_spec: LibKind.SPEC, _int_text: LibKind.INT_TEXT, _float_text: LibKind.FLOAT_TEXT,
  _power: LibKind.POWER, _slice_set: LibKind.SLICE_SET, _repeat: LibKind.REPEAT, _irepeat: LibKind.IREPEAT,
  _dict_new: LibKind.DICT_NEW, _dict_update: LibKind.DICT_UPDATE, Pin: LibKind.PIN,
  _float_floordiv: LibKind.FLOAT_FLOORDIV, _float_mod: LibKind.FLOAT_MOD,
  _range: LibKind.RANGE, _range_in: LibKind.RANGE_IN, _range_not_in: LibKind.RANGE_NOT_IN,
  _build_map: LibKind.BUILD_MAP, _const_key_map: LibKind.CONST_KEY_MAP,
  _slice_get: LibKind.SLICE_GET,
  _call_error: LibKind.CALL_ERROR,
  _lt: LibKind.COMPARE, _le: LibKind.COMPARE + 1, _eq: LibKind.COMPARE + 2, _ne: LibKind.COMPARE + 3,
  _gt: LibKind.COMPARE + 4, _ge: LibKind.COMPARE + 5, _in: LibKind.IN, _not_in: LibKind.NOT_IN,
};
// A native builtin that hands calls over to library code (libfunc.ts handOver), and that code.
// (_dict_new calls d.update.)
const HANDED_OVER: [string, string][] = [
  ['int', '_int_text'], ['float', '_float_text'], ['dict', '_dict_new'], ['dict', '_dict_update'], ['update', '_dict_update'],
];

function exportOf(defName: string): { name: string; kind: LibKind } {
  if (OPERATORS[defName] !== undefined) return { name: defName, kind: OPERATORS[defName] };
  for (const [prefix, kind] of PREFIXES) {
    if (defName.startsWith(prefix)) return { name: defName.slice(prefix.length), kind };
  }
  return { name: defName, kind: LibKind.GLOBAL };
}

/** Adds every name (co_names) of `code` and its nested code objects to `into`. */
export function addNamesUsed(code: CodeObject, into: Set<string>): void {
  for (const n of code.names) into.add(n);
  for (const c of code.consts) if (isCode(c)) addNamesUsed(c, into);
}

const CPY_BINARY_OP = 122;
const CPY_FORMAT_VALUE = 155;
const CPY_STORE_SUBSCR = 60;
const CPY_DELETE_SUBSCR = 61;
const CPY_BUILD_SLICE = 133;
const CPY_BUILD_MAP = 105;
const CPY_BUILD_CONST_KEY_MAP = 156;
const NB_MULTIPLY = 5;
const NB_REMAINDER = 6;
const NB_INPLACE_MULTIPLY = 18;
const NB_INPLACE_REMAINDER = 19;
const NB_POWER = 8;
const NB_INPLACE_POWER = 21;
const NB_FLOOR_DIVIDE = 2;
const NB_INPLACE_FLOOR_DIVIDE = 15;
const NB_TRUE_DIVIDE = 11;
const NB_INPLACE_TRUE_DIVIDE = 24;

/**
 * Adds _float_floordiv and _float_mod (num.py: a float's // and %) for a // or % in `code` (or
 * a code object in it) when the program may make floats at all (mayFloats).
 */
function addFloatDivUsed(code: CodeObject, into: Set<string>, floats: boolean): void {
  if (!floats) return;
  for (let i = 0; i < code.code.length; i += 2) {
    if (code.code[i] !== CPY_BINARY_OP) continue;
    const arg = code.code[i + 1];
    if (arg === NB_FLOOR_DIVIDE || arg === NB_INPLACE_FLOOR_DIVIDE) into.add('_float_floordiv');
    if (arg === NB_REMAINDER || arg === NB_INPLACE_REMAINDER) into.add('_float_mod');
  }
  for (const c of code.consts) if (isCode(c)) addFloatDivUsed(c, into, floats);
}

function holdsFloat(v: PyValue): boolean {
  if (v !== null && typeof v === 'object' && 'kind' in v && v.kind === 'float') return true;
  return v !== null && typeof v === 'object' && 'items' in v && v.items.some(holdsFloat);
}

/**
 * Whether a program may make a float: a float constant, a / or **, or the name float (float(s)).
 * Nothing else makes one from ints and strs (library code only keeps the floats it is given).
 */
function mayFloats(code: CodeObject): boolean {
  if (code.names.includes('float') || code.consts.some(holdsFloat)) return true;
  for (let i = 0; i < code.code.length; i += 2) {
    const arg = code.code[i + 1];
    if (code.code[i] === CPY_BINARY_OP && (arg === NB_TRUE_DIVIDE || arg === NB_INPLACE_TRUE_DIVIDE || arg === NB_POWER || arg === NB_INPLACE_POWER)) return true;
  }
  return code.consts.some((c) => isCode(c) && mayFloats(c));
}

/** Adds _power (num.py: every ** of numbers) when `code` (or a code object in it) has a **. */
function addPowerUsed(code: CodeObject, into: Set<string>): void {
  for (let i = 0; i < code.code.length; i += 2) {
    if (code.code[i] === CPY_BINARY_OP && (code.code[i + 1] === NB_POWER || code.code[i + 1] === NB_INPLACE_POWER)) into.add('_power');
  }
  for (const c of code.consts) if (isCode(c)) addPowerUsed(c, into);
}

const CPY_BINARY_SUBSCR = 25;
const CPY_CONTAINS_OP = 118;

const CPY_PUSH_NULL = 2;
const CPY_GET_ITER = 68;
const CPY_LOAD_NAME = 101;
const CPY_LOAD_GLOBAL = 116;
const CPY_LOAD_METHOD = 160;
const CPY_PRECALL = 166;
const CPY_CALL = 171;
const CPY_CALL_FUNCTION_EX = 142;

/**
 * Whether `code` (or a code object in it) may use a range other than as the iterable of a
 * for loop or comprehension: a call of range whose result is not at once GET_ITER's, or the
 * name range not called. Calls are matched by their start (PUSH_NULL, LOAD_GLOBAL with NULL,
 * LOAD_METHOD) and CALL; a comprehension's CALL 0 (after GET_ITER) has no start. A mismatch
 * can only make a range seem used otherwise (its CALL then is not the one before GET_ITER).
 */
function rangeEscapes(code: CodeObject): boolean {
  const ops = instructions(code);
  const calls: boolean[] = []; // per open call: whether it calls range
  for (let k = 0; k < ops.length; k += 2) {
    const [op, arg] = [ops[k], ops[k + 1]];
    const loadsRange = (op === CPY_LOAD_NAME && code.names[arg] === 'range') || (op === CPY_LOAD_GLOBAL && code.names[arg >> 1] === 'range');
    if (op === CPY_PUSH_NULL || op === CPY_LOAD_METHOD || (op === CPY_LOAD_GLOBAL && (arg & 1) === 1)) calls.push(loadsRange);
    else if (loadsRange) {
      if (k === 0 || ops[k - 2] !== CPY_PUSH_NULL) return true; // not called
      calls[calls.length - 1] = true;
    } else if ((op === CPY_CALL && !(arg === 0 && k > 0 && ops[k - 2] === CPY_GET_ITER)) || op === CPY_CALL_FUNCTION_EX) {
      if (calls.pop() === true && ops[k + 2] !== CPY_GET_ITER) return true;
    }
  }
  return code.consts.some((c) => isCode(c) && rangeEscapes(c));
}

/**
 * Adds range.py's functions for what `code` (or a code object in it) may do to a range: len
 * (the name) and r[i] (a BINARY_SUBSCR): _range; in and not in (CONTAINS_OP 0, 1). Only for a
 * program that uses a range otherwise than by iterating over it (rangeEscapes): no other
 * code makes a range it measures, indexes or searches (library code does so only with
 * ranges it is given).
 */
function addRangeOpsUsed(code: CodeObject, into: Set<string>, ranges: boolean): void {
  if (!ranges) return;
  if (code.names.includes('len')) into.add('_range');
  for (let i = 0; i < code.code.length; i += 2) {
    const op = code.code[i];
    if (op === CPY_BINARY_SUBSCR) into.add('_range');
    if (op === CPY_CONTAINS_OP) into.add(code.code[i + 1] === 0 ? '_range_in' : '_range_not_in');
  }
  for (const c of code.consts) if (isCode(c)) addRangeOpsUsed(c, into, ranges);
}

/**
 * Adds the operators written in Python that `code` (and its nested code objects) may need:
 * _percent for a % with a str constant holding '%' around (CPython folds constant operands,
 * and an int % takes no str), _format_spec for a FORMAT_VALUE with a spec, _build_map and
 * _const_key_map for a dict display but {}, _slice_get and _slice_set for slices
 * (addSlicesUsed), _repeat and _irepeat for a * and a *= (selectLib
 * drops these three when the program makes no list or tuple: maySequences; _repeat stays
 * when it may make a str: mayStrs).
 */
function addOperatorsUsed(code: CodeObject, into: Set<string>, found = { mod: false, percent: false }): void {
  for (let i = 0; i < code.code.length; i += 2) {
    const op = code.code[i];
    const arg = code.code[i + 1];
    if (op === CPY_BINARY_OP && (arg === NB_REMAINDER || arg === NB_INPLACE_REMAINDER)) found.mod = true;
    if (op === CPY_FORMAT_VALUE && (arg & 4) !== 0) into.add('_format_spec');
    if (op === CPY_BUILD_MAP && arg !== 0) into.add('_build_map');
    if (op === CPY_BUILD_CONST_KEY_MAP) into.add('_const_key_map');
    if (op === CPY_BINARY_OP && arg === NB_MULTIPLY) into.add('_repeat');
    if (op === CPY_BINARY_OP && arg === NB_INPLACE_MULTIPLY) into.add('_irepeat').add('_repeat'); // _irepeat's a * b
  }
  addSlicesUsed(code, into);
  for (const c of code.consts) {
    if (holdsPercent(c)) found.percent = true;
    if (isCode(c)) addOperatorsUsed(c, into, found);
  }
  if (found.mod && found.percent) into.add('_percent');
}

/**
 * Adds the slice operators of list.py that `code` itself may need (slices come only from
 * BUILD_SLICE): _slice_get for a BUILD_SLICE and a BINARY_SUBSCR (a[i:j], a[i:j] += v),
 * _slice_set for a BUILD_SLICE and a STORE_SUBSCR or DELETE_SUBSCR (a[i:j] = v, del a[i:j]).
 */
function addSlicesUsed(code: CodeObject, into: Set<string>): void {
  const ops = new Set(code.code.filter((_, i) => i % 2 === 0));
  if (!ops.has(CPY_BUILD_SLICE)) return;
  if (ops.has(CPY_BINARY_SUBSCR)) into.add('_slice_get');
  if (ops.has(CPY_STORE_SUBSCR) || ops.has(CPY_DELETE_SUBSCR)) into.add('_slice_set');
}

function holdsPercent(v: PyValue): boolean {
  if (typeof v === 'string') return v.includes('%');
  return v !== null && typeof v === 'object' && 'items' in v && v.items.some(holdsPercent);
}

const COMPARES = ['_lt', '_le', '_eq', '_ne', '_gt', '_ge'];
// Library functions that compare the program's values, by the name the program calls them by:
// the comparison they need (order.py _sort, _best; list.py _find_item, _count, remove).
const VALUE_COMPARES: Record<string, string> = { sorted: '_lt', sort: '_lt', min: '_lt', max: '_gt', index: '_eq', count: '_eq', remove: '_eq' };

/** Whether the instruction at code.code[i] loads a constant that is no tuple (a str, a number, None...). */
function loadsScalar(code: CodeObject, i: number): boolean {
  if (i < 0 || code.code[i] !== CPY_LOAD_CONST) return false;
  const c = code.consts[code.code[i + 1]];
  return !(c !== null && typeof c === 'object' && 'kind' in c && c.kind === 'tuple');
}

/**
 * Adds order.py's comparisons that `code` (or a code object in it) may need, for a program
 * that may make lists, tuples or dicts (containers): _lt .. _ge for COMPARE_OP 0 .. 5, _in
 * and _not_in for CONTAINS_OP 0 and 1, and what the library functions it names compare with
 * (VALUE_COMPARES; a method of a constant str: none). The VM hands over only two lists, tuples
 * or dicts (compare.ts), so not when the right operand is a constant other than a tuple (the
 * instruction just before: a load; a CACHE entry ends any other). _compare and _in compare
 * items with == too: _eq comes with any of them.
 */
function addComparesUsed(code: CodeObject, into: Set<string>, containers: boolean): void {
  if (!containers) return;
  for (let i = 0; i < code.code.length; i += 2) {
    const [op, arg] = [code.code[i], code.code[i + 1]];
    let f: string | undefined;
    if ((op === CPY_COMPARE_OP || op === CPY_CONTAINS_OP) && !loadsScalar(code, i - 2)) {
      f = op === CPY_CONTAINS_OP ? (arg === 0 ? '_in' : '_not_in') : COMPARES[arg] ?? '_eq';
    } else if (op === CPY_LOAD_METHOD && !loadsScalar(code, i - 2)) f = VALUE_COMPARES[code.names[arg]];
    else if (op === CPY_LOAD_GLOBAL || op === CPY_LOAD_NAME) {
      const name = code.names[op === CPY_LOAD_GLOBAL ? arg >> 1 : arg];
      if (name === 'sorted' || name === 'min' || name === 'max') f = VALUE_COMPARES[name];
    }
    if (f !== undefined) into.add(f).add('_eq');
  }
  for (const c of code.consts) if (isCode(c)) addComparesUsed(c, into, containers);
}

/** Whether some code of `codes` may make a dict: a display, or the name dict (else maySequences answers). */
function mayDicts(codes: CodeObject[]): boolean {
  const visit = (code: CodeObject): boolean =>
    code.names.includes('dict') || code.code.some((op, i) => i % 2 === 0 && (op === CPY_BUILD_MAP || op === CPY_BUILD_CONST_KEY_MAP)) || code.consts.some((c) => isCode(c) && visit(c));
  return codes.some(visit);
}

// The operators of lists and tuples only: a program that makes none needs none of them.
const SEQUENCE_OPERATORS = ['_repeat', '_irepeat', '_slice_set'];
// Names of builtins and methods that never make a list or tuple.
const NO_SEQUENCES = new Set([
  'print', 'range', 'len', 'int', 'float', 'bool', 'str', 'repr', 'ord', 'chr', 'abs', 'round', 'min', 'max', 'sum',
  'pow', 'hex', 'bin', 'isinstance', 'type', 'hash', 'iter', 'next', 'dict', 'get', 'append',
]);
const CPY_SEQUENCE_OPS = new Set([102, 103, 162, 82, 94, 142]); // BUILD_TUPLE BUILD_LIST LIST_EXTEND LIST_TO_TUPLE UNPACK_EX CALL_FUNCTION_EX
const CO_VARARGS = 0x04;

/**
 * Whether the program whose code objects are `codes` may make a list or tuple: a display, a
 * tuple constant it loads, *args, `a, *b = ...`, f(*x), or a name that is none of its own
 * globals and no builtin of NO_SEQUENCES (a method or builtin that may return one). A program
 * without any (numbers, strs, dicts: the benchmarks) multiplies no sequence.
 */
function maySequences(codes: CodeObject[]): boolean {
  const own = new Set(codes.flatMap((c) => storedGlobals(c)));
  const visit = (code: CodeObject): boolean => {
    if ((code.flags & CO_VARARGS) !== 0) return true;
    if (code.names.some((n) => !own.has(n) && !NO_SEQUENCES.has(n))) return true;
    let ext = 0;
    for (let i = 0; i < code.code.length; i += 2) {
      const op = code.code[i];
      const arg = code.code[i + 1] | ext;
      ext = op === CPY_EXTENDED_ARG ? arg << 8 : 0;
      if (CPY_SEQUENCE_OPS.has(op)) return true;
      const c = op === CPY_LOAD_CONST ? code.consts[arg] : null;
      if (c !== null && typeof c === 'object' && 'kind' in c && c.kind === 'tuple') return true;
    }
    return code.consts.some((c) => isCode(c) && visit(c));
  };
  return codes.some(visit);
}

function holdsStr(v: PyValue): boolean {
  if (typeof v === 'string') return true;
  return v !== null && typeof v === 'object' && 'items' in v && v.items.some(holdsStr);
}

// The builtins of NO_SEQUENCES that make a str.
const STR_MAKERS = ['str', 'repr', 'chr', 'hex', 'bin'];

/**
 * Whether `code` (or a code object in it) may make a str without making a list or tuple (which
 * maySequences answers): a str constant or a builtin of STR_MAKERS. str * n is _repeat's too.
 */
function mayStrs(code: CodeObject): boolean {
  if (code.consts.some(holdsStr) || code.names.some((n) => STR_MAKERS.includes(n))) return true;
  return code.consts.some((c) => isCode(c) && mayStrs(c));
}

/**
 * The library functions a program whose code objects are `codes` needs (transitively). Library
 * code's own FORMAT_VALUE specs are the VM's native primitive, and it uses no str %; its ** is
 * _power's, as a program's, and so are its // and % of floats.
 */
export function selectLib(all: LibFunction[], codes: CodeObject[]): LibFunction[] {
  const used = new Set<string>();
  const found = { mod: false, percent: false };
  const floats = codes.some(mayFloats);
  const ranges = codes.some(rangeEscapes);
  const containers = maySequences(codes) || mayDicts(codes);
  for (const c of codes) {
    addComparesUsed(c, used, containers);
    addNamesUsed(c, used);
    addOperatorsUsed(c, used, found);
    addPowerUsed(c, used);
    addFloatDivUsed(c, used, floats);
    addRangeOpsUsed(c, used, ranges);
  }
  if (!maySequences(codes)) {
    for (const f of SEQUENCE_OPERATORS) if (f !== '_repeat' || !codes.some(mayStrs)) used.delete(f);
  }
  if (callsMayMismatch(codes, all)) used.add('_call_error');
  const chosen = new Set<LibFunction>();
  // (By the program's own names: library code calls such builtins only on what they keep.)
  for (const [builtin, f] of HANDED_OVER) if (used.has(builtin)) used.add(f);
  for (let grew = true; grew; ) {
    grew = false;
    for (const f of all) {
      if (chosen.has(f) || !used.has(f.name)) continue;
      chosen.add(f);
      addNamesUsed(f.code, used);
      addPowerUsed(f.code, used);
      addFloatDivUsed(f.code, used, floats);
      addRangeOpsUsed(f.code, used, ranges);
      addSlicesUsed(f.code, used);
      grew = true;
    }
  }
  return all.filter((f) => chosen.has(f));
}

/**
 * The global names a module's code (and the functions in it) stores or deletes, in first-use
 * order: the module's global variables. Every other global name it reads is a builtin.
 */
export function storedGlobals(module: CodeObject): string[] {
  const out = new Set<string>();
  const visit = (code: CodeObject): void => {
    let ext = 0;
    for (let i = 0; i < code.code.length; i += 2) {
      const op = code.code[i];
      const arg = code.code[i + 1] | ext;
      ext = op === CPY_EXTENDED_ARG ? arg << 8 : 0;
      if (CPY_STORE_GLOBAL_OPS.has(op)) out.add(code.names[arg]);
    }
    for (const c of code.consts) if (isCode(c)) visit(c);
  };
  visit(module);
  return [...out];
}

const CPY_LOAD_ATTR = 106;
const CPY_IMPORT_FROM = 109;
const CPY_STORE_GLOBAL = 97;
const CPY_BUILD_TUPLE = 102;
const CPY_KW_NAMES = 172;
const COMPREHENSIONS = ['<listcomp>', '<dictcomp>', '<setcomp>'];

/** What a call must bind: a function's parameters (names: the positional ones, then keyword-only ones). */
interface Signature { argcount: number; posonly: number; names: string[]; defaults: number; kwdefaults: Set<string> }

function signatureOf(code: CodeObject, defaults: number, kwdefaults: Iterable<string> = []): Signature {
  return {
    argcount: code.argcount, posonly: code.posonlyargcount, defaults, kwdefaults: new Set(kwdefaults),
    names: code.localsplusnames.slice(0, code.argcount + code.kwonlyargcount),
  };
}

/** Whether npos positional arguments and keywords kw bind every parameter of `sig` without a TypeError. */
function callMatches(sig: Signature, npos: number, kw: string[]): boolean {
  if (npos > sig.argcount) return false;
  const bound = new Set<number>();
  for (let i = 0; i < npos; i++) bound.add(i);
  for (const k of kw) {
    const i = sig.names.indexOf(k);
    if (i < sig.posonly || bound.has(i)) return false; // (-1: unknown)
    bound.add(i);
  }
  return sig.names.every((n, i) => bound.has(i) || (i < sig.argcount ? i >= sig.argcount - sig.defaults : sig.kwdefaults.has(n)));
}

// (decoded once per code object: callsMayMismatch's passes and the selection rules all read them)
const decoded = new WeakMap<CodeObject, number[]>();

/** A code object's instructions as op, arg pairs: no CACHE, PRECALL or EXTENDED_ARG entries. */
function instructions(code: CodeObject): number[] {
  const known = decoded.get(code);
  if (known !== undefined) return known;
  const ops: number[] = [];
  let ext = 0;
  for (let i = 0; i < code.code.length; i += 2) {
    const op = code.code[i];
    const arg = code.code[i + 1] | ext;
    ext = op === CPY_EXTENDED_ARG ? arg << 8 : 0;
    if (op !== CPY_EXTENDED_ARG && op !== CPY_CACHE && op !== CPY_PRECALL) ops.push(op, arg);
  }
  decoded.set(code, ops);
  return ops;
}

/**
 * Whether some call of a Python function may not match its parameters (then the image needs
 * call.py's _call_error, the VM's TypeError message). Proven to match is a call by name of a
 * def bound once at the module's top level, of a library function (a builtin, a method or a
 * module's function of that name; one a native builtin hands its calls over to) with
 * arguments each signature of that name accepts. Any other call (of a local, a call's result,
 * an item...) calls no Python function unless one is used as a value: a def's or library
 * function's name not called, a lambda, a nested def, an import under another name. Those,
 * more than one module, or a def whose signature is not read here (annotations, defaults and
 * keyword-only defaults together) count as a possible mismatch.
 */
export function callsMayMismatch(codes: CodeObject[], lib: LibFunction[]): boolean {
  if (codes.length !== 1) return true;
  const module = codes[0];
  const all: CodeObject[] = [];
  const collect = (c: CodeObject): void => { all.push(c); for (const k of c.consts) if (isCode(k)) collect(k); };
  collect(module);
  // Names the program stores or deletes, with how often.
  const stores = new Map<string, number>();
  for (const c of all) {
    const ops = instructions(c);
    for (let k = 0; k < ops.length; k += 2) {
      if (CPY_STORE_GLOBAL_OPS.has(ops[k])) stores.set(c.names[ops[k + 1]], (stores.get(c.names[ops[k + 1]]) ?? 0) + 1);
    }
  }
  // The module's defs: MAKE_FUNCTION then STORE_NAME, their defaults read off the instructions before.
  const defs = new Map<string, Signature>();
  const ops0 = instructions(module);
  for (let k = 0; k < ops0.length; k += 2) {
    if (ops0[k] !== CPY_MAKE_FUNCTION) continue;
    const flags = ops0[k + 1];
    const code = module.consts[ops0[k - 1]];
    if (!isCode(code) || ops0[k - 2] !== CPY_LOAD_CONST) return true;
    if (COMPREHENSIONS.includes(code.name)) continue; // called at once with its iterator
    if (ops0[k + 2] !== CPY_STORE_NAME) return true; // a lambda, a decorated def
    const name = module.names[ops0[k + 3]];
    if (stores.get(name) !== 1) return true;
    const before = ops0[k - 4];
    const beforeArg = ops0[k - 3];
    let sig: Signature | undefined;
    if (flags === 0) sig = signatureOf(code, 0);
    else if (flags === 1 && before === CPY_BUILD_TUPLE) sig = signatureOf(code, beforeArg);
    else if (flags === 1 && before === CPY_LOAD_CONST) {
      const t = module.consts[beforeArg];
      if (t !== null && typeof t === 'object' && 'items' in t) sig = signatureOf(code, t.items.length);
    } else if (flags === 2 && before === CPY_BUILD_CONST_KEY_MAP && ops0[k - 6] === CPY_LOAD_CONST) {
      const keys = module.consts[ops0[k - 5]];
      if (keys !== null && typeof keys === 'object' && 'items' in keys) sig = signatureOf(code, 0, keys.items.map(String));
    }
    if (sig === undefined) return true;
    defs.set(name, sig);
  }
  // The library's signatures by the name a program calls them by: a global call (`global`) or
  // a method or module attribute (`attr`), each with the number of arguments before the call's.
  type Candidate = { sig: Signature; before: number; keywords: boolean };
  const candidates = (name: string, attr: boolean, receiver: LibKind | null | undefined): Candidate[] => {
    const out: Candidate[] = [];
    for (const f of lib) {
      const sig = signatureOf(f.code, f.defaults !== null && typeof f.defaults === 'object' && 'items' in f.defaults ? f.defaults.items.length : 0);
      const handed = HANDED_OVER.some(([b, to]) => b === name && to === f.code.name);
      const method = [LibKind.STR, LibKind.LIST, LibKind.DICT, LibKind.TUPLE, LibKind.ADC, LibKind.PWM, LibKind.PIN_METHOD].includes(f.kind);
      if (handed && (f.kind === LibKind.DICT_NEW || f.kind === LibKind.DICT_UPDATE)) {
        out.push({ sig, before: attr ? 2 : 1, keywords: false }); // (the keywords gathered into argument 0)
      } else if (handed) out.push({ sig, before: 0, keywords: true });
      else if (f.name !== name || (!attr && method) || (receiver !== undefined && f.kind !== receiver) || (f.kind === LibKind.GLOBAL && attr) || OPERATORS[f.code.name] !== undefined && f.kind !== LibKind.PIN) continue;
      else out.push({ sig, before: method ? 1 : 0, keywords: true });
    }
    return out;
  };
  const libNames = new Set(lib.map((f) => f.name));
  for (const [builtin] of HANDED_OVER) libNames.add(builtin);
  const kinds = variableKinds(all);
  const imported = importedNames(all);
  for (const c of all) {
    const ops = instructions(c);
    const calls: (string | undefined)[] = []; // per open call: its callee (`g name` or `a name`), if read
    const receivers: (LibKind | null | undefined)[] = []; // per open method call: its receiver's kind, if known
    const callees = new Set<number>(); // instructions that load a callee by name
    let kw: string[] = [];
    for (let k = 0; k < ops.length; k += 2) {
      const [op, arg] = [ops[k], ops[k + 1]];
      const global = op === CPY_LOAD_NAME ? c.names[arg] : op === CPY_LOAD_GLOBAL ? c.names[arg >> 1] : undefined;
      // A call of a module's function (`time.sleep_ms(5)`: the attribute of an imported name) is an `a` call.
      const moduleCall = (at: number): boolean => {
        if (ops[at] !== CPY_LOAD_ATTR || ops[at + 2] === CPY_LOAD_ATTR) return false;
        calls.push(`a ${c.names[ops[at + 1]]}`);
        receivers.push(undefined);
        callees.add(at);
        return true;
      };
      if (op === CPY_PUSH_NULL) {
        const next = ops[k + 2] === CPY_LOAD_NAME ? c.names[ops[k + 3]] : undefined;
        if (next !== undefined && moduleCall(k + 4)) continue;
        calls.push(next === undefined ? undefined : `g ${next}`);
        if (next !== undefined) callees.add(k + 2);
      } else if (op === CPY_LOAD_GLOBAL && (arg & 1) === 1) {
        if (!moduleCall(k + 2)) {
          calls.push(`g ${global}`);
          callees.add(k);
        }
      } else if (op === CPY_LOAD_METHOD) {
        calls.push(`a ${c.names[arg]}`);
        receivers.push(kindAt(c, ops, k - 2, kinds));
      } else if (op === CPY_KW_NAMES) {
        const t = c.consts[arg];
        kw = t !== null && typeof t === 'object' && 'items' in t ? t.items.map(String) : [];
      } else if (op === CPY_CALL && !(arg === 0 && k > 0 && ops[k - 2] === CPY_GET_ITER)) {
        const callee = calls.pop();
        const npos = arg - kw.length;
        const keywords = kw;
        kw = [];
        if (callee === undefined) continue; // no Python function, unless one is a value (below)
        const name = callee.slice(2);
        const receiver = callee[0] === 'a' ? receivers.pop() : undefined;
        const def = callee[0] === 'g' ? defs.get(name) : undefined;
        if (def !== undefined) {
          if (!callMatches(def, npos, keywords)) return true;
          continue;
        }
        if (callee[0] === 'g' && stores.has(name) && !defs.has(name) && !imported.has(name)) continue; // a variable: no function in it
        if (callee === 'g dict' && npos === 0) continue; // dict(**kw): native
        for (const { sig, before, keywords: kwOk } of candidates(name, callee[0] === 'a', receiver)) {
          if (!callMatches(sig, npos + before, kwOk ? keywords : [])) return true;
        }
      }
      // A function as a value: a def's or a library function's name loaded not to be called.
      if (global !== undefined && !callees.has(k) && (defs.has(global) || (libNames.has(global) && !stores.has(global))) && (stores.has('isinstance') || !typeTest(ops, k, calls, global))) return true;
      if (op === CPY_LOAD_ATTR && libNames.has(c.names[arg]) && !callees.has(k)) return true;
      if (op === CPY_IMPORT_FROM && (ops[k + 2] !== CPY_STORE_NAME || c.names[ops[k + 3]] !== c.names[arg])) return true;
      if (op === CPY_MAKE_FUNCTION && c !== module) {
        const code = c.consts[ops[k - 1]];
        if (!isCode(code) || !COMPREHENSIONS.includes(code.name)) return true;
      }
    }
  }
  return false;
}

const CPY_STORE_FAST = 125;
const CPY_LOAD_FAST = 124;
const CPY_BUILD_LIST = 103;
const CPY_LIST_EXTEND = 162;
const CPY_BUILD_STRING = 157;
const CPY_DELETE_FAST = 126;

/**
 * The kind of library methods of the value the instruction at ops[k] leaves (a str, list,
 * dict or tuple display or constant, or a variable of `kinds`), if known; null: none (an int).
 */
function kindAt(c: CodeObject, ops: number[], k: number, kinds: Map<string, LibKind | null | undefined>): LibKind | null | undefined {
  if (k < 0) return undefined;
  const [op, arg] = [ops[k], ops[k + 1]];
  if (op === CPY_LOAD_CONST) {
    const v = c.consts[arg];
    if (typeof v === 'string') return LibKind.STR;
    return v !== null && typeof v === 'object' && 'kind' in v && v.kind === 'tuple' ? LibKind.TUPLE : null;
  }
  if (op === CPY_BUILD_LIST || op === CPY_LIST_EXTEND) return LibKind.LIST;
  if (op === CPY_BUILD_MAP || op === CPY_BUILD_CONST_KEY_MAP) return LibKind.DICT;
  if (op === CPY_BUILD_TUPLE) return LibKind.TUPLE;
  if (op === CPY_BUILD_STRING || op === CPY_FORMAT_VALUE) return LibKind.STR;
  if (op === CPY_LOAD_FAST) return kinds.get(`${c.name}:${c.firstlineno} ${c.localsplusnames[arg]}`);
  if (op === CPY_LOAD_NAME) return kinds.get(c.names[arg]);
  if (op === CPY_LOAD_GLOBAL) return kinds.get(c.names[arg >> 1]);
  return undefined;
}

/**
 * The kind (kindAt) of each variable whose every store stores a value of that one kind: global
 * names, and `code:line name` for a function's locals (its parameters: unknown).
 */
function variableKinds(all: CodeObject[]): Map<string, LibKind | null | undefined> {
  const kinds = new Map<string, LibKind | null | undefined>();
  const none = new Map<string, LibKind | null | undefined>();
  const note = (key: string, kind: LibKind | null | undefined): void => {
    if (!kinds.has(key)) kinds.set(key, kind);
    else if (kinds.get(key) !== kind) kinds.set(key, undefined);
  };
  for (const c of all) {
    const ops = instructions(c);
    const scope = `${c.name}:${c.firstlineno} `;
    for (let i = 0; i < c.argcount + c.kwonlyargcount; i++) note(scope + c.localsplusnames[i], undefined);
    for (let k = 0; k < ops.length; k += 2) {
      const [op, arg] = [ops[k], ops[k + 1]];
      if (op === CPY_STORE_FAST || op === CPY_DELETE_FAST) note(scope + c.localsplusnames[arg], op === CPY_STORE_FAST ? kindAt(c, ops, k - 2, none) : undefined);
      else if (CPY_STORE_GLOBAL_OPS.has(op)) note(c.names[arg], op === CPY_STORE_NAME || op === CPY_STORE_GLOBAL ? kindAt(c, ops, k - 2, none) : undefined);
    }
  }
  return kinds;
}

const CPY_IS_OP = 117;
const CPY_COMPARE_OP = 107;

/**
 * Whether the load of builtin `name` at ops[k] is a type test's operand, not a value to be
 * called: `type(x) is int`, isinstance(x, int) or isinstance(x, (int, str)).
 */
function typeTest(ops: number[], k: number, calls: (string | undefined)[], name: string): boolean {
  if (!HANDED_OVER.some(([b]) => b === name)) return false;
  if (ops[k + 2] === CPY_IS_OP || ops[k + 2] === CPY_COMPARE_OP) return true;
  let next = k + 2;
  while (ops[next] === CPY_LOAD_NAME || ops[next] === CPY_LOAD_GLOBAL) next += 2; // (a tuple's other types)
  if (ops[next] === CPY_BUILD_TUPLE) next += 2;
  else if (next !== k + 2) return false;
  return ops[next] === CPY_CALL && ops[next + 1] === 2 && calls[calls.length - 1] === 'g isinstance';
}

/** The names stored by `from module import name` (a module's function, perhaps). */
function importedNames(all: CodeObject[]): Set<string> {
  const out = new Set<string>();
  for (const c of all) {
    const ops = instructions(c);
    for (let k = 0; k < ops.length; k += 2) if (ops[k] === CPY_IMPORT_FROM) out.add(c.names[ops[k + 1]]);
  }
  return out;
}
