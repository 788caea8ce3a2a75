// Sequence and container behaviour the fixtures do not pin down, on the Node engine, compared
// with CPython 3.11 running the same program: key functions that raise or nest (calls from
// builtins back into the interpreter), in-place += and *= on lists, slice assignment and del
// edge cases, dict deletion with re-insertion, int/tuple/bool keys, unpacking any iterable.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileProgram } from '../compiler/compile-program.ts';
import { pythonCommand } from '../compiler/python.ts';
import { runOnNode } from './node.ts';

const program = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testdata/seq_behaviour.py');

describe('sequences and containers (Node engine vs CPython)', () => {
  it('prints what CPython prints', () => {
    const python = pythonCommand(undefined);
    const expected = execFileSync(python, [program], { encoding: 'utf8' });
    const { image, map } = compileProgram({ inputs: [program], python });
    const result = runOnNode(image, map);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(expected);
  });

  it('indexes, slices, iterates and searches lists, tuples, strs and ranges as CPython does', () => {
    const python = pythonCommand(undefined);
    const source = path.join(path.dirname(program), 'seq_edges.py');
    const expected = execFileSync(python, [source], { encoding: 'utf8' });
    const { image, map } = compileProgram({ inputs: [source], python });
    const result = runOnNode(image, map);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(expected);
  });

  it('limits Python key functions nested inside key functions (C stack) with RecursionError', () => {
    const source = path.join(path.dirname(program), 'seq_nested_keys.py');
    const { image, map } = compileProgram({ inputs: [source], python: pythonCommand(undefined) });
    const result = runOnNode(image, map);
    // One nested interpreter loop runs (builtin keys inside it too); a second one is refused.
    expect(result.stdout).toBe("[['ccc', 'a'], ['bb']]\nRecursionError\nafter 3 ['bb', 'a']\n");
  });
});
