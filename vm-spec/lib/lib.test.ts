// The Python library (vm-spec/lib/*.py) against CPython's real builtins and methods: check.py
// calls each lib function and its CPython counterpart over a corpus (results, changes to the
// arguments, exception types and messages) in one python3 run and prints every mismatch.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pythonCommand } from '../../tools/compiler/python.ts';

describe('vm-spec/lib', () => {
  it('behaves as CPython 3.11 builtins over the check corpus', () => {
    const script = fileURLToPath(new URL('./test/check.py', import.meta.url));
    const r = spawnSync(pythonCommand(undefined), [script], { encoding: 'utf8' });
    const lines = `${r.stdout}${r.stderr}`.trim().split('\n');
    const summary = lines[lines.length - 1];
    expect(lines.slice(0, -1)).toEqual([]); // the mismatches, one per line
    expect(summary).toMatch(/^\d+ cases, 0 mismatches$/);
    expect(Number(summary.split(' ')[0])).toBeGreaterThan(10000);
    expect(r.status).toBe(0);
  });
});
