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

  it('runs Python key functions nested inside key functions as CPython does', () => {
    const source = path.join(path.dirname(program), 'seq_nested_keys.py');
    const python = pythonCommand(undefined);
    const { image, map } = compileProgram({ inputs: [source], python });
    const result = runOnNode(image, map);
    // sorted/min/max are library Python code (vm-spec/lib): keys are plain Python calls.
    expect(result.stdout).toBe(execFileSync(python, [source], { encoding: 'utf8' }));
    expect(result.stdout).toBe("[['ccc', 'a'], ['bb']]\nafter 3 ['bb', 'a']\n");
  });
});
