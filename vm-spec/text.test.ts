// errors.ts's TEXT (packed by types.ts flashPacked, read by printLine) gives back every line of its
// source: each line without placeholders, raised as a message, reads as written.
import { describe, it, expect, beforeEach } from 'vitest';
import fs from 'node:fs';
import { heapInit } from './heap.ts';
import { resetRoots } from './gc.ts';
import { pendingExc, clearExc } from './exc.ts';
import { excArgument, raiseMsg, Msg } from './errors.ts';
import { strLength, strByte } from './str.ts';
import { flashPacked } from './types.ts';

beforeEach(() => {
  heapInit();
  resetRoots();
});

const source = fs.readFileSync(new URL('./errors.ts', import.meta.url), 'utf8');
const literal = source.match(/const TEXT = flashPacked\(('(?:[^'\\]|\\[\s\S])*')\);/)![1];
const lines: string[] = new Function(`return ${literal};`)().split('\n');

describe('TEXT', () => {
  it('reads back every line', () => {
    let checked = 0;
    for (let n = 0; n < Msg.BAD_IMAGE; n++) {
      if (lines[n] === '' || /[$\{\}?#;]/.test(lines[n])) continue; // (an empty line may hold a word)
      raiseMsg(n);
      const arg = excArgument(pendingExc());
      let text = '';
      for (let i = 0; i < strLength(arg); i++) text += String.fromCharCode(strByte(arg, i));
      clearExc();
      expect(text).toBe(lines[n]);
      checked++;
    }
    expect(checked).toBeGreaterThan(70);
  });

  it('needs lines', () => {
    expect(() => flashPacked('no newline')).toThrow();
  });
});
