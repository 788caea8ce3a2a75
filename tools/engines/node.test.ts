// The Node engine end to end: image checks, output, the uncaught-exception record and traceback.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileProgram } from '../compiler/compile-program.ts';
import { runOnNode } from './node.ts';
import { formatTraceback } from './traceback.ts';

function compileSource(source: string): ReturnType<typeof compileProgram> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svimpy-node-'));
  const file = path.join(dir, 'app.py');
  fs.writeFileSync(file, source);
  return compileProgram({ inputs: [file], python: 'python3' });
}

describe('Node engine', () => {
  it('runs a program and reports a caught and an uncaught exception', () => {
    const { image, map } = compileSource('def f(x):\n    return 10 // x\ntry:\n    f(0)\nexcept ArithmeticError:\n    print("caught", f(5))\nf(0)\n');
    const result = runOnNode(image, map);
    expect(result.stdout).toBe('caught 2\n');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'Traceback (most recent call last):\n  File "' + map.modules[0].file + '", line 7, in <module>\n    f(0)\n' +
      '  File "' + map.modules[0].file + '", line 2, in f\n    return 10 // x\nZeroDivisionError: integer division or modulo by zero\n');
  });

  it('refuses an image whose bytes were changed (CRC) with a message, not a crash', () => {
    const { image } = compileSource('print(1)\n');
    const bad = Uint8Array.from(image);
    bad[bad.length - 1] ^= 0x01;
    const result = runOnNode(bad);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('svimpy: the image is not valid (error 4)\n');
    expect(runOnNode(image.subarray(0, 10)).status).toBe(2);
  });

  it('turns deep recursion into a catchable RecursionError', () => {
    const { image, map } = compileSource('def r(n):\n    return r(n + 1)\ntry:\n    r(0)\nexcept RecursionError:\n    print("deep")\nprint("after")\n');
    expect(runOnNode(image, map).stdout).toBe('deep\nafter\n');
  });
});

describe('traceback text', () => {
  it('rebuilds CPython lines from the record and the map, innermost frame last', () => {
    const map = { code: { '10': { file: 'a.py', name: '<module>', lines: [[0, 1], [4, 3]] as [number, number][] }, '50': { file: 'a.py', name: 'f', lines: [[0, 9]] as [number, number][] } } };
    expect(formatTraceback('ValueError\tbad value\t50:2,10:5', map)).toBe(
      'Traceback (most recent call last):\n  File "a.py", line 3, in <module>\n  File "a.py", line 9, in f\nValueError: bad value\n');
  });
});
