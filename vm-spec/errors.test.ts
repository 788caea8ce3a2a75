// The VM's messages: each Msg number names the right line of TEXT and the right class, and the
// placeholders are filled as CPython writes them. The call messages need CODE records: a
// program compiled and run on the Node engine checks them against CPython's text.
import { describe, it, expect, beforeEach } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileProgram } from '../tools/compiler/compile-program.ts';
import { runOnNode } from '../tools/engines/node.ts';
import { heapInit } from './heap.ts';
import { resetRoots, pushRoot } from './gc.ts';
import { pendingExc, excClassOf, clearExc, Exc } from './exc.ts';
import { excArgument, Msg, raiseMsg, raiseMsgOf, raiseOpMsg } from './errors.ts';
import { newStr, strSetByte, strLength, strByte } from './str.ts';
import { makeSmall, NONE, TRUE } from './value.ts';
import { raiseUnsupported, raiseUnorderable, numberUnary } from './numops.ts';

beforeEach(() => {
  heapInit();
  resetRoots();
});

function str(text: string): number {
  const s = newStr(text.length);
  for (let i = 0; i < text.length; i++) strSetByte(s, i, text.charCodeAt(i));
  return s;
}

/** The pending exception as "Class: message" (cleared). */
function pending(): string {
  const exc = pendingExc();
  const arg = excArgument(exc);
  let text = '';
  for (let i = 0; i < strLength(arg); i++) text += String.fromCharCode(strByte(arg, i));
  clearExc();
  const names: Record<number, string> = {
    [Exc.ZeroDivisionError]: 'ZeroDivisionError', [Exc.IndexError]: 'IndexError', [Exc.OverflowError]: 'OverflowError',
    [Exc.ValueError]: 'ValueError', [Exc.TypeError]: 'TypeError', [Exc.NameError]: 'NameError',
  };
  return `${names[excClassOf(exc)]}: ${text}`;
}

describe('messages', () => {
  it('number each line and class as Msg says', () => {
    const cases: [number, string][] = [
      [Msg.INT_DIVISION, 'ZeroDivisionError: integer division or modulo by zero'],
      [Msg.FLOAT_DIVISION, 'ZeroDivisionError: float division by zero'],
      [Msg.DIVISION, 'ZeroDivisionError: division by zero'],
      [Msg.INT_MODULO, 'ZeroDivisionError: integer modulo by zero'],
      [Msg.LIST_INDEX, 'IndexError: list index out of range'],
      [Msg.TUPLE_INDEX, 'IndexError: tuple index out of range'],
      [Msg.STR_INDEX, 'IndexError: string index out of range'],
      [Msg.INT_OVERFLOW, 'OverflowError: int too large for 32 bits'],
      [Msg.FLOAT_INFINITY, 'OverflowError: cannot convert float infinity to integer'],
      [Msg.CHR_RANGE, 'ValueError: chr() arg not in range(0x110000)'],
      [Msg.FLOAT_NAN, 'ValueError: cannot convert float NaN to integer'],
      [Msg.NEGATIVE_SHIFT, 'ValueError: negative shift count'],
      [Msg.ORD_LENGTH, 'TypeError: ord() expected a character'],
      [Msg.RANGE_INDEX, 'IndexError: range object index out of range'],
      [Msg.LIST_ASSIGN_INDEX, 'IndexError: list assignment index out of range'],
    ];
    for (const [msg, text] of cases) {
      raiseMsg(msg);
      expect(pending()).toBe(text);
    }
  });

  it('fill in names, type names, reprs and numbers', () => {
    raiseMsgOf(Msg.STR_CONCAT, makeSmall(1), NONE);
    expect(pending()).toBe('TypeError: can only concatenate str (not "int") to str');
    raiseMsgOf(Msg.IN_STRING, TRUE, NONE);
    expect(pending()).toBe("TypeError: 'in <string>' requires string as left operand, not bool");
    raiseMsgOf(Msg.STR_INDICES, str('a'), NONE);
    expect(pending()).toBe("TypeError: string indices must be integers, not 'str'");
    raiseMsgOf(Msg.NOT_ITERABLE, NONE, NONE);
    expect(pending()).toBe("TypeError: 'NoneType' object is not iterable");
    raiseMsgOf(Msg.NOT_INTEGER, str('a'), NONE);
    expect(pending()).toBe("TypeError: 'str' object cannot be interpreted as an integer");
    raiseMsgOf(Msg.NAME, str('spam'), NONE);
    expect(pending()).toBe("NameError: name 'spam' is not defined");
  });

  it('write every operator', () => {
    const binary = ['+', '&', '//', '<<', '@', '*', '%', '|', '**', '>>', '-', '/', '^'];
    for (let op = 0; op < 26; op++) {
      raiseUnsupported(op, makeSmall(1), NONE);
      const symbol = binary[op % 13] + (op >= 13 ? '=' : op === 8 ? ' or pow()' : '');
      expect(pending()).toBe(`TypeError: unsupported operand type(s) for ${symbol}: 'int' and 'NoneType'`);
    }
    const comparisons: [number, string][] = [[0, '<'], [1, '<='], [4, '>'], [5, '>=']];
    for (const [op, symbol] of comparisons) {
      raiseUnorderable(op, NONE, makeSmall(2));
      expect(pending()).toBe(`TypeError: '${symbol}' not supported between instances of 'NoneType' and 'int'`);
    }
    for (const [kind, symbol] of ['-', '+', '~'].entries()) {
      numberUnary(kind, NONE);
      expect(pending()).toBe(`TypeError: bad operand type for unary ${symbol}: 'NoneType'`);
    }
  });

  it('raise the bare class when the heap cannot hold the message', () => {
    // One rooted str as large as the heap allows leaves no room for the message.
    for (let size = 2000; size > 0; size--) {
      const s = newStr(size);
      if (s !== 0) {
        pushRoot(s);
        break;
      }
    }
    clearExc();
    raiseMsg(Msg.LIST_INDEX);
    expect(excClassOf(pendingExc())).toBe(Exc.IndexError);
    expect(excArgument(pendingExc())).toBe(0);
  });

  it('write the call errors of Python functions', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svimpy-errors-'));
    const file = path.join(dir, 'app.py');
    fs.writeFileSync(file, [
      'def f(a):\n    return a', 'def g(a, b):\n    return a', 'def h(a, b=1):\n    return a', 'def k(*, a, b):\n    return a',
      'for call in (lambda: f(1, 2), lambda: g(), lambda: g(1, 2, 3), lambda: h(), lambda: h(1, 2, 3), lambda: k(),',
      '             lambda: k(a=1), lambda: g(1, c=2), lambda: f(1, a=2), lambda: (lambda: 0)(1)):',
      '    try:\n        call()\n    except TypeError as e:\n        print(e)\n',
    ].join('\n'));
    const { image, map } = compileProgram({ inputs: [file], python: 'python3' });
    expect(runOnNode(image, map).stdout).toBe([
      'f() takes 1 positional argument but 2 were given',
      "g() missing 2 required positional arguments: 'a' and 'b'",
      'g() takes 2 positional arguments but 3 were given',
      "h() missing 1 required positional argument: 'a'",
      'h() takes from 1 to 2 positional arguments but 3 were given',
      "k() missing 2 required keyword-only arguments: 'a' and 'b'",
      "k() missing 1 required keyword-only argument: 'b'",
      "g() got an unexpected keyword argument 'c'",
      "f() got multiple values for argument 'a'",
      '<lambda>() takes 0 positional arguments but 1 was given', '',
    ].join('\n'));
  });
});
