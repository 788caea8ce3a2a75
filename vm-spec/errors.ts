// Exceptions with arguments (EXC blocks [header][class][argument]) and the VM's own messages.
// Every message is a line of TEXT (stored packed: flashPacked), written by printLine through print.ts's sink: render() runs
// it twice (count, then fill a new str), so nothing is buffered. flashPacked finds the words the
// messages share and stores each once. In a line:
//   $ str(a)   { type(a).__name__   } type(b).__name__   ? repr(b)
//   # the operator msgOp (a line of SYMBOLS)
// Lines WORDS.. are print.ts's words (Ty: type names, None, True ..., the exception classes).
// An empty line is a number no message uses (the numbers after it stay).
// errors.test.ts lists the messages as they read. The Msg numbers are grouped by class
// (MSG_CLASS), so a message names its class too.
// If the heap cannot hold the message, the bare class is raised (still the right type).
import { u8, u16, flashU8, flashPacked } from './types.ts';
import type { bool } from './types.ts';
import { NULL, makeBuiltin, heapOffset, isHeapRef } from './value.ts';
import { HeapType, get16 } from './heap.ts';
import { newBlock } from './block.ts';
import { Exc, raise, raiseValue } from './exc.ts';
import { emit, render, Render, printStr, printRepr, printTypeName } from './print.ts';

export const enum Msg {
  // print.ts's words (its Ty numbers from line WORDS on), then the messages by class.
  WORDS = 26, // (lines 0..25 held the hand-picked words: the empty ones are free)
  // ZeroDivisionError
  INT_DIVISION = 64, FLOAT_DIVISION = 65, DIVISION = 66, INT_MODULO = 67,
  // IndexError
  LIST_INDEX = 71, TUPLE_INDEX = 72, STR_INDEX = 73,
  // OverflowError
  INT_OVERFLOW = 74, FLOAT_INFINITY = 75,
  // ValueError
  SLICE_STEP = 76, CHR_RANGE = 78,
  FLOAT_NAN = 86,
  NEGATIVE_SHIFT = 88,
  // TypeError
  SLICE_INDICES = 89, STR_CONCAT = 90, ORD_LENGTH = 92, IN_STRING = 94,
  STR_INDICES = 95, UNSUPPORTED = 97, UNARY = 98, UNORDERABLE = 99,
  // NameError
  NAME = 106,
  // Not messages: pieces of them. The operator of '#' (msgOp): NB_* 0..12 (CPython's order), their
  // in-place forms 13..25 (written with '='), comparisons 26 + op (0 < 1 <= 4 > 5 >=), unary
  // operators 32 + kind (0 - 1 + 2 ~); its line is SYMBOL + msgOp (- 13 from 13 on).
  POW_FUNC = 107, SYMBOL = 108,
  // Later messages (after the words, so the numbers above stay): IndexError, then TypeError.
  RANGE_INDEX = 141, LIST_ASSIGN_INDEX = 142, NOT_ITERABLE = 143, NOT_INTEGER = 144,
  // vm.ts's report of an image it refuses (printed, never raised)
  BAD_IMAGE = 145,
}
// Where each class's messages end, and the classes: ZeroDivisionError, IndexError, OverflowError,
// ValueError, TypeError, NameError, (the words: no class), IndexError, TypeError (Exc numbers:
// exc.ts is not loaded yet when this module is).
const MSG_CLASS_END = flashU8([Msg.LIST_INDEX, Msg.INT_OVERFLOW, Msg.SLICE_STEP, Msg.SLICE_INDICES, Msg.NAME, Msg.POW_FUNC,
  Msg.RANGE_INDEX, Msg.NOT_ITERABLE, 145]);
const MSG_CLASS = flashU8([7, 10, 8, 12, 13, 14, 0, 10, 13]);

const TEXT = flashPacked('\
 argument\n\
\n\
\n\
\n\
\n\
\n\
\n\
\n\
\n\
 and \n\
\n\
\n\
\n\
\n\
\n\
\n\
\n\
\n\
\n\
\n\
\n\
\n\
\n\
\n\
 to \n\
\n\
int\n\
float\n\
bool\n\
str\n\
list\n\
tuple\n\
dict\n\
range\n\
NoneType\n\
function\n\
slice\n\
builtin_function_or_method\n\
type\n\
None\n\
True\n\
False\n\
<class \'\n\
<built-in function>\n\
<function>\n\
BaseException\n\
Exception\n\
ArithmeticError\n\
ZeroDivisionError\n\
OverflowError\n\
LookupError\n\
IndexError\n\
KeyError\n\
ValueError\n\
TypeError\n\
NameError\n\
AttributeError\n\
StopIteration\n\
MemoryError\n\
RuntimeError\n\
RecursionError\n\
NotImplementedError\n\
AssertionError\n\
KeyboardInterrupt\n\
integer division or modulo by zero\n\
float division by zero\n\
division by zero\n\
integer modulo by zero\n\
\n\
\n\
\n\
list index out of range\n\
tuple index out of range\n\
string index out of range\n\
int too large for 32 bits\n\
cannot convert float infinity to integer\n\
\n\
\n\
chr() arg not in range(0x110000)\n\
\n\
\n\
\n\
\n\
\n\
\n\
\n\
cannot convert float NaN to integer\n\
\n\
negative shift count\n\
\n\
can only concatenate str (not "{") to str\n\
\n\
ord() expected a character\n\
\n\
\'in <string>\' requires string as left operand, not {\n\
string indices must be integers, not \'{\'\n\
\n\
unsupported operand type(s) for #: \'{\' and \'}\'\n\
bad operand type for unary #: \'{\'\n\
\'#\' not supported between instances of \'{\' and \'}\'\n\
\n\
\n\
\n\
\n\
\n\
\n\
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
\n\
\n\
\n\
\n\
\n\
\n\
\n\
\n\
\n\
\n\
\n\
range object index out of range\n\
list assignment index out of range\n\
\'{\' object is not iterable\n\
\'{\' object cannot be interpreted as an integer\n\
svimpy: the image is not valid (error \n');

let msgNumber: u8 = 0;
let msgOp: u8 = 0;

/** An exception instance of built-in class cls with argument arg (NULL for none). */
export function newExc(cls: u8, arg: u16): u16 { return newBlock(HeapType.EXC, 6, makeBuiltin(cls), arg, 0); }
/** The argument of an EXC block; NULL for a bare class. */
export function excArgument(exc: u16): u16 {
  return isHeapRef(exc) ? get16(u16(heapOffset(exc) + 4)) : NULL;
}

// TEXT is packed (types.ts flashPacked): where lines 0, 32 ... 224 start (/ 4), the number of codes of
// each length 1..PACK_BITS (10), the symbols in code order, the codes.
let textAt: u16 = 0; // the byte of the next bit
let textMask: u8 = 0; // the next bit in it

function textBit(): bool {
  const bit = (TEXT[textAt] & textMask) !== 0;
  textMask = u8(textMask << 1);
  if (textMask === 0) {
    textMask = 1;
    textAt = u16(textAt + 1);
  }
  return bit;
}

/** The next symbol of TEXT: a character (10, 32..126), or a word (the number of its line). */
function textSymbol(): u8 {
  // Canonical codes: v is the code read so far less the first code of its length (< 256: see
  // flashPacked), at that code's symbol.
  let v: u8 = 0;
  let at: u8 = 18; // (after the 8 starts and the 10 counts)
  let len: u8 = 8; // TEXT[len]: the number of codes of length len - 7
  while (true) {
    if (textBit()) v = u8(v + 1);
    const count = TEXT[len];
    if (v < count) return TEXT[u8(at + v)];
    v = u8((v - count) << 1);
    at = u8(at + count);
    len = u8(len + 1);
  }
}

/** Writes line n of TEXT (a word: n = its symbol) with its placeholders filled (see the top of the file). */
export function printLine(n: u8, a: u16, b: u16): void {
  const saved = textAt; // (a word's line inside a line: the outer one goes on after it)
  const savedMask = textMask;
  textAt = u16(TEXT[n >> 5] << 2);
  textMask = 1;
  let line: u8 = u8(n & 224);
  while (line < n) {
    if (textSymbol() === 10) line = u8(line + 1);
  }
  let c = textSymbol();
  while (c !== 10) {
    if (u8(c - 32) >= 95) printLine(c, a, b); // a word
    else if (c === 36) printStr(a);
    else if (c === 123) printTypeName(a);
    else if (c === 125) printTypeName(b);
    else if (c === 63) printRepr(b);
    else if (c === 35) printSymbol();
    else emit(c);
    c = textSymbol();
  }
  textAt = saved;
  textMask = savedMask;
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
