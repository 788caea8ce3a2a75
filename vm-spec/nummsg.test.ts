// The message builder: NumMsg numbers name the right lines, and messages come out whole.
import { describe, it, expect, beforeEach } from 'vitest';
import { heapInit } from './heap.ts';
import { resetRoots } from './gc.ts';
import { pendingExc, excClassOf, clearExc, Exc } from './exc.ts';
import { excArgument } from './errors.ts';
import { strLength, strByte } from './str.ts';
import { makeSmall, NONE } from './value.ts';
import { NumMsg, msgStart, msgLine, msgInt, msgRender, msgRaise, raiseNum } from './nummsg.ts';
import { Render } from './print.ts';
import { raiseUnsupported, raiseUnorderable } from './numops.ts';

beforeEach(() => {
  heapInit();
  resetRoots();
});

function pendingMessage(): string {
  const arg = excArgument(pendingExc());
  let text = '';
  for (let i = 0; i < strLength(arg); i++) text += String.fromCharCode(strByte(arg, i));
  clearExc();
  return text;
}

describe('number messages', () => {
  it('numbers each line as its NumMsg says', () => {
    const cases: [number, string][] = [
      [NumMsg.FLOAT_DIVISION, 'float division by zero'], [NumMsg.INT_DIVISION, 'integer division or modulo by zero'],
      [NumMsg.INT_OVERFLOW, 'int too large for 32 bits'], [NumMsg.SYMBOL, '+'], [NumMsg.SYMBOL + 12, '^'],
      [NumMsg.TILDE, '~'], [NumMsg.CALL_PARENS, '() '], [NumMsg.COMMA_AND, "', and '"],
    ];
    for (const [line, text] of cases) {
      raiseNum(Exc.ValueError, line);
      expect(excClassOf(pendingExc())).toBe(Exc.ValueError);
      expect(pendingMessage()).toBe(text);
    }
  });

  it('assembles lines, numbers and rendered values', () => {
    msgStart();
    msgLine(NumMsg.INT_LITERAL);
    msgInt(-16);
    msgLine(NumMsg.COLON);
    msgRender(Render.REPR, NONE);
    msgRaise(Exc.ValueError);
    expect(pendingMessage()).toBe('invalid literal for int() with base -16: None');
    raiseUnsupported(13 + 8, makeSmall(1), NONE); // **=
    expect(pendingMessage()).toBe("unsupported operand type(s) for **=: 'int' and 'NoneType'");
    raiseUnorderable(5, NONE, makeSmall(2));
    expect(pendingMessage()).toBe("'>=' not supported between instances of 'NoneType' and 'int'");
  });
});
