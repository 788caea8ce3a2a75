// Messages of the number and operator errors, assembled from pieces: lines of NUM_MESSAGES and
// strs (type names, reprs), e.g. "unsupported operand type(s) for " "+" ": '" <type> "' and '"
// <type> "'". Usage: msgStart(); msgLine(...); msgStr(...); ...; return msgRaise(cls).
// If the heap cannot hold the text, the bare class is raised (still the right type).
import { u8, u16, i32, flashStr } from './types.ts';
import type { bool } from './types.ts';
import { NULL, isSmall, smallValue, makeSmall } from './value.ts';
import { pushRoot, popRoot } from './gc.ts';
import { raise } from './exc.ts';
import { raiseWith } from './errors.ts';
import { newStr, strSetByte, strLength, strByte, strOfInt } from './str.ts';
import { render, Render } from './print.ts';

export const enum NumMsg {
  FLOAT_DIVISION = 0, DIVISION = 1, INT_MODULO = 2, FLOAT_FLOOR_DIVISION = 3, FLOAT_MODULO = 4,
  FLOAT_DIVMOD = 5, INT_LITERAL = 6, COLON = 7, FLOAT_LITERAL = 8, FLOAT_INFINITY = 9, FLOAT_NAN = 10,
  ZERO_NEGATIVE_POWER = 11, POW_MODULUS = 12, INT_BASE = 13, INT_NON_STRING = 14, UNSUPPORTED = 15,
  COLON_QUOTE = 16, AND = 17, QUOTE = 18, UNARY = 19, NOT_SUPPORTED = 20, POW_NOT_INVERTIBLE = 21,
  INT_DIVISION = 22, POW_FUNC = 23, EQUALS = 24, NEGATIVE_SHIFT = 25, INT_OVERFLOW = 26,
  // Operator symbols: SYMBOL + Nb (CPython's NB_* order), then the comparisons <= and >=.
  SYMBOL = 27, LESS_EQUAL = 40, GREATER_EQUAL = 41, LESS = 42, GREATER = 43, TILDE = 44,
  // Calls of Python functions (callerrors.ts).
  CALL_PARENS = 45, TAKES = 46, FROM = 47, TO = 48, POSITIONAL_BUT = 49, POSITIONALS_BUT = 50, WAS_GIVEN = 51,
  WERE_GIVEN = 52, MISSING = 53, REQUIRED_POSITIONAL = 54, REQUIRED_KEYWORD = 55, ARGUMENT_COLON = 56,
  ARGUMENTS_COLON = 57, UNEXPECTED_KEYWORD = 58, MULTIPLE_VALUES = 59, COMMA = 60, COMMA_AND = 61,
}
const NUM_MESSAGES = flashStr("float division by zero\ndivision by zero\ninteger modulo by zero\nfloat floor division by zero\nfloat modulo\nfloat divmod()\ninvalid literal for int() with base \n: \ncould not convert string to float: \ncannot convert float infinity to integer\ncannot convert float NaN to integer\n0.0 cannot be raised to a negative power\npow() 3rd argument cannot be 0\nint() base must be >= 2 and <= 36, or 0\nint() can't convert non-string with explicit base\nunsupported operand type(s) for \n: '\n' and '\n'\nbad operand type for unary \n' not supported between instances of '\nbase is not invertible for the given modulus\ninteger division or modulo by zero\n or pow()\n=\nnegative shift count\nint too large for 32 bits\n+\n&\n//\n<<\n@\n*\n%\n|\n**\n>>\n-\n/\n^\n<=\n>=\n<\n>\n~\n() \ntakes \nfrom \n to \n positional argument but \n positional arguments but \n was given\n were given\nmissing \n required positional \n required keyword-only \nargument: '\narguments: '\ngot an unexpected keyword argument '\ngot multiple values for argument '\n', '\n', and '\n");

const MAX_PARTS = 12;
const parts = new Uint16Array(MAX_PARTS);
let partCount: u8 = 0;
let rooted: u8 = 0;
let partsOk: bool = true;

function lineStart(line: u8): u16 {
  let n: u8 = 0;
  let i: u16 = 0;
  while (n < line) {
    if (NUM_MESSAGES[i] === 10) n = u8(n + 1);
    i = u16(i + 1);
  }
  return i;
}
function lineLength(start: u16): u16 {
  let n: u16 = 0;
  while (NUM_MESSAGES[start + n] !== 10) n = u16(n + 1);
  return n;
}

export function msgStart(): void {
  partCount = 0;
  rooted = 0;
  partsOk = true;
}

function addPart(v: u16): void {
  if (partCount >= MAX_PARTS) {
    partsOk = false;
    return;
  }
  parts[partCount] = v;
  partCount = u8(partCount + 1);
}

/** Appends line `line` of the table. */
export function msgLine(line: u8): void { addPart(makeSmall(line)); }

/** Appends str s (kept alive until msgRaise); NULL (a failed allocation) spoils the message. */
export function msgStr(s: u16): void {
  if (s === NULL || !pushRoot(s)) {
    partsOk = false;
    return;
  }
  rooted = u8(rooted + 1);
  addPart(s);
}

/** Appends the text `kind` (Render.REPR, Render.TYPE_NAME ...) makes of v. */
export function msgRender(kind: u8, v: u16): void {
  if (partsOk) msgStr(render(kind, v, NULL));
}

/** Appends n in decimal. */
export function msgInt(n: i32): void {
  if (partsOk) msgStr(strOfInt(n, 10));
}

function partLength(p: u16): u16 { return isSmall(p) ? lineLength(lineStart(u8(smallValue(p)))) : strLength(p); }

/** Raises cls with the assembled message; returns NULL. */
export function msgRaise(cls: u8): u16 {
  let text: u16 = NULL;
  if (partsOk) {
    let length: u16 = 0;
    for (let i: u8 = 0; i < partCount; i = u8(i + 1)) length = u16(length + partLength(parts[i]));
    text = newStr(length);
  }
  if (text !== NULL) {
    let at: u16 = 0;
    for (let i: u8 = 0; i < partCount; i = u8(i + 1)) {
      const p = parts[i];
      if (isSmall(p)) {
        const start = lineStart(u8(smallValue(p)));
        const n = lineLength(start);
        for (let j: u16 = 0; j < n; j = u16(j + 1)) strSetByte(text, u16(at + j), NUM_MESSAGES[start + j]);
        at = u16(at + n);
      } else {
        const n = strLength(p);
        for (let j: u16 = 0; j < n; j = u16(j + 1)) strSetByte(text, u16(at + j), strByte(p, j));
        at = u16(at + n);
      }
    }
  }
  while (rooted > 0) {
    popRoot();
    rooted = u8(rooted - 1);
  }
  partCount = 0;
  if (text === NULL) return raise(cls);
  return raiseWith(cls, text);
}

/** Raises cls with one line of the table as its message. */
export function raiseNum(cls: u8, line: u8): u16 {
  msgStart();
  msgLine(line);
  return msgRaise(cls);
}
