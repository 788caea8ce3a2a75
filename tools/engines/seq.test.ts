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

const testdata = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testdata');

/** Runs testdata/`file` on the Node engine and under CPython; returns both outputs. */
function runBoth(file: string): { stdout: string; stderr: string; expected: string } {
  const source = path.join(testdata, file);
  const python = pythonCommand(undefined);
  const { image, map } = compileProgram({ inputs: [source], python });
  const result = runOnNode(image, map);
  return { stdout: result.stdout, stderr: result.stderr, expected: execFileSync(python, [source], { encoding: 'utf8' }) };
}

describe('sequences and containers (Node engine vs CPython)', () => {
  it('prints what CPython prints', () => {
    const result = runBoth('seq_behaviour.py');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(result.expected);
  });

  it('indexes, slices, iterates and searches lists, tuples, strs and ranges as CPython does', () => {
    const result = runBoth('seq_edges.py');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(result.expected);
  });

  it('runs Python key functions nested inside key functions as CPython does', () => {
    const result = runBoth('seq_nested_keys.py');
    // sorted/min/max are library Python code (vm-spec/lib): keys are plain Python calls.
    expect(result.stdout).toBe(result.expected);
    expect(result.stdout).toBe("[['ccc', 'a'], ['bb']]\nafter 3 ['bb', 'a']\n");
  });
});
