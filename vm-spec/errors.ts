// Exceptions with arguments (EXC blocks [header][class][argument]) and the VM's own messages.
// Every message is a line of TEXT, written by printLine through print.ts's sink: render() runs
// it twice (count, then fill a new str), so nothing is buffered. Placeholders in a line:
//   $ str(a)   { type(a).__name__   } type(b).__name__   ? repr(b)
//   # the operator msgOp (a line of SYMBOLS)   ! the character msgOp   ; the call details (callerrors.ts)
// The Msg numbers are grouped by class (MSG_CLASS), so a message names its class too.
// If the heap cannot hold the message, the bare class is raised (still the right type).
import { u8, u16, flashU8, flashStr } from './types.ts';
import { NULL, makeBuiltin, heapOffset, isHeapRef } from './value.ts';
import { HeapType, get16, set16 } from './heap.ts';
import { alloc, pushRoot, popRoot } from './gc.ts';
import { Exc, raise, raiseValue } from './exc.ts';
import { emit, render, Render, printStr, printRepr, printTypeName } from './print.ts';
import { printCallDetails } from './callerrors.ts';

export const enum Msg {
  // ZeroDivisionError
  INT_DIVISION = 0, FLOAT_DIVISION = 1, DIVISION = 2, INT_MODULO = 3, FLOAT_FLOOR_DIVISION = 4, FLOAT_MODULO = 5,
  FLOAT_DIVMOD = 6, ZERO_NEGATIVE_POWER = 7,
  // IndexError
  LIST_INDEX = 8, TUPLE_INDEX = 9, STR_INDEX = 10,
  // OverflowError
  INT_OVERFLOW = 11, FLOAT_INFINITY = 12,
  // ValueError
  SLICE_STEP = 13, SUBSTRING = 14, FORMAT_UNSUPPORTED = 15, CHR_RANGE = 16, EMPTY_SEP = 17,
  PIN = 18, PIN_MODE = 19, PIN_ADC = 20, PIN_PWM = 21, PWM_DUTY = 22, // builtins-module.ts
  INT_LITERAL = 23, FLOAT_LITERAL = 24, FLOAT_NAN = 25, POW_MODULUS = 26, INT_BASE = 27, POW_NOT_INVERTIBLE = 28,
  NEGATIVE_SHIFT = 29,
  // TypeError
  SLICE_INDICES = 30, STR_CONCAT = 31, FORMAT_ARGS = 32, ORD_LENGTH = 33, FORMAT_NOT_ALL = 34, IN_STRING = 35,
  STR_INDICES = 36, INT_NON_STRING = 37, UNSUPPORTED = 38, UNARY = 39, UNORDERABLE = 40, FORMAT_INT = 41,
  FORMAT_REAL = 42, CALL_TOO_MANY = 43, CALL_MISSING = 44, CALL_UNEXPECTED = 45, CALL_MULTIPLE = 46,
  // NameError
  NAME = 47,
  // Not messages: pieces of them. The operator of '#' (msgOp): NB_* 0..12 (CPython's order), their
  // in-place forms 13..25 (written with '='), comparisons 26 + op (0 < 1 <= 4 > 5 >=), unary
  // operators 32 + kind (0 - 1 + 2 ~); its line is SYMBOL + msgOp (- 13 from 13 on).
  POW_FUNC = 48, SYMBOL = 49,
  // callerrors.ts
  FROM = 71, TO = 72, POSITIONAL = 73, ARGUMENT = 74, PLURAL = 75, BUT = 76, WAS_GIVEN = 77, WERE_GIVEN = 78,
  REQUIRED = 79, KEYWORD_ONLY = 80, COLON = 81, COMMA = 82, AND = 83, COMMA_AND = 84,
}
// Where each class's messages end, and the classes: ZeroDivisionError, IndexError, OverflowError,
// ValueError, TypeError, NameError (Exc numbers: exc.ts is not loaded yet when this module is).
const MSG_CLASS_END = flashU8([Msg.LIST_INDEX, Msg.INT_OVERFLOW, Msg.SLICE_STEP, Msg.SLICE_INDICES, Msg.NAME, Msg.POW_FUNC]);
const MSG_CLASS = flashU8([7, 10, 8, 12, 13, 14]);

const TEXT = flashStr('\
integer division or modulo by zero\n\
float division by zero\n\
division by zero\n\
integer modulo by zero\n\
float floor division by zero\n\
float modulo\n\
float divmod()\n\
0.0 cannot be raised to a negative power\n\
list index out of range\n\
tuple index out of range\n\
string index out of range\n\
int too large for 32 bits\n\
cannot convert float infinity to integer\n\
slice step cannot be zero\n\
substring not found\n\
unsupported format character\n\
chr() arg not in range(0x110000)\n\
empty separator\n\
invalid pin (0..19 or \'A0\'..\'A5\')\n\
invalid mode\n\
pin has no ADC (A0..A5)\n\
pin has no PWM (3 5 6 9 10 11)\n\
duty out of range\n\
invalid literal for int() with base $: ?\n\
could not convert string to float: ?\n\
cannot convert float NaN to integer\n\
pow() 3rd argument cannot be 0\n\
int() base must be >= 2 and <= 36, or 0\n\
base is not invertible for the given modulus\n\
negative shift count\n\
slice indices must be integers or None or have an __index__ method\n\
can only concatenate str (not "{") to str\n\
not enough arguments for format string\n\
ord() expected a character\n\
not all arguments converted during string formatting\n\
\'in <string>\' requires string as left operand, not {\n\
string indices must be integers, not \'{\'\n\
int() can\'t convert non-string with explicit base\n\
unsupported operand type(s) for #: \'{\' and \'}\'\n\
bad operand type for unary #: \'{\'\n\
\'#\' not supported between instances of \'{\' and \'}\'\n\
%! format: an integer is required, not {\n\
%! format: a real number is required, not {\n\
$() takes ;\n\
$() missing ;\n\
$() got an unexpected keyword argument ?\n\
$() got multiple values for argument ?\n\
name \'$\' is not defined\n\
 or pow()\n\
+\n\
&\n\
//\n\
<<\n\
@\n\
*\n\
%\n\
|\n\
**\n\
>>\n\
-\n\
/\n\
^\n\
<\n\
<=\n\
\n\
\n\
>\n\
>=\n\
-\n\
+\n\
~\n\
from \n\
 to \n\
 positional\n\
 argument\n\
s\n\
 but \n\
 was given\n\
 were given\n\
 required\n\
 keyword-only\n\
: \n\
, \n\
 and \n\
, and \n');

let msgNumber: u8 = 0;
let msgOp: u8 = 0;

/** An exception instance of built-in class cls with argument arg (NULL for none). */
export function newExc(cls: u8, arg: u16): u16 {
  if (!pushRoot(arg)) return raise(Exc.MemoryError);
  const v = alloc(HeapType.EXC, 6);
  popRoot();
  if (v === NULL) return raise(Exc.MemoryError);
  set16(u16(heapOffset(v) + 2), makeBuiltin(cls));
  set16(u16(heapOffset(v) + 4), arg);
  return v;
}
/** The argument of an EXC block; NULL for a bare class. */
export function excArgument(exc: u16): u16 {
  return isHeapRef(exc) ? get16(u16(heapOffset(exc) + 4)) : NULL;
}

/** Writes line n of TEXT with its placeholders filled (see the top of the file). */
export function printLine(n: u8, a: u16, b: u16): void {
  let i: u16 = 0;
  let line: u8 = 0;
  while (line < n) {
    if (TEXT[i] === 10) line = u8(line + 1);
    i = u16(i + 1);
  }
  while (TEXT[i] !== 10) {
    const c = TEXT[i];
    i = u16(i + 1);
    if (c === 36) printStr(a);
    else if (c === 123) printTypeName(a);
    else if (c === 125) printTypeName(b);
    else if (c === 63) printRepr(b);
    else if (c === 35) printSymbol();
    else if (c === 33) emit(msgOp);
    else if (c === 59) printCallDetails();
    else emit(c);
  }
}

/** The operator msgOp; an in-place one with '=', ** with " or pow()". */
function printSymbol(): void {
  const inplace = msgOp >= 13 && msgOp < 26;
  printLine(u8(Msg.SYMBOL + (msgOp >= 13 ? msgOp - 13 : msgOp)), NULL, NULL);
  if (inplace) emit(61);
  else if (msgOp === 8) printLine(Msg.POW_FUNC, NULL, NULL);
}

/** render()'s writer for Render.MESSAGE: the message being raised. */
export function printMessage(a: u16, b: u16): void { printLine(msgNumber, a, b); }

/** Raises message msg (its class: MSG_CLASS) with its placeholders filled from a and b; returns NULL. */
export function raiseMsgOf(msg: u8, a: u16, b: u16): u16 {
  let k: u8 = 0;
  while (msg >= MSG_CLASS_END[k]) k = u8(k + 1);
  const cls = MSG_CLASS[k];
  msgNumber = msg;
  const text = render(Render.MESSAGE, a, b);
  if (text === NULL) return raise(cls);
  return raiseWith(cls, text);
}

/** Raises message msg (one without placeholders). */
export function raiseMsg(msg: u8): u16 { return raiseMsgOf(msg, NULL, NULL); }

/** Raises an operator message (UNSUPPORTED, UNARY, UNORDERABLE) or a format one (msgOp = the character). */
export function raiseOpMsg(msg: u8, op: u8, a: u16, b: u16): u16 {
  msgOp = op;
  return raiseMsgOf(msg, a, b);
}

/** Raises cls(arg), e.g. KeyError(key). */
export function raiseWith(cls: u8, arg: u16): u16 {
  const exc = newExc(cls, arg);
  if (exc === NULL) return raise(cls);
  return raiseValue(exc);
}
