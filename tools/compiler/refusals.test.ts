import { describe, expect, test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { compileProgram } from './compile-program.ts';
import { CompileError } from './errors.ts';
import { writeFiles } from './test-helpers.ts';

/** Compiles app.py (+ extra files) in a temp folder; returns the error message, or 'ok'. */
function compileError(source: string, extra: Record<string, string> = {}, python = 'python3'): string {
  const dir = writeFiles({ 'app.py': source, ...extra });
  const cwd = process.cwd();
  process.chdir(dir); // so that file names in messages are short, as a user types them
  try {
    compileProgram({ inputs: ['app.py', ...Object.keys(extra)], python });
    return 'ok';
  } catch (e) {
    if (e instanceof CompileError) return e.message;
    throw e;
  } finally {
    process.chdir(cwd);
  }
}

describe('refusals name file, line and reason', () => {
  const cases: [string, string][] = [
    ['x = 1\ndef f():\n    y = 1\n    def g():\n        return y\n    return g\n', 'app.py:2: error: closures are not supported by sVimPy yet (a nested function uses a variable of its enclosing function)'],
    ['x = 1\n\nclass A:\n    pass\n', 'app.py:3: error: classes are not supported by sVimPy yet (class statement)'],
    ['def gen():\n    x = 1\n    yield x\n', 'app.py:1: error: generators are not supported by sVimPy yet (yield)'],
    ['y = list(i for i in range(3))\n', 'app.py:1: error: generators are not supported by sVimPy yet (generator expression)'],
    ['async def f():\n    pass\n', 'app.py:1: error: async functions are not supported by sVimPy yet (async def f)'],
    ['a = 1\nwith open("x") as f:\n    pass\n', 'app.py:2: error: the with statement is not supported by sVimPy yet'],
    ['a = [1]\nprint(*a)\n', 'app.py:2: error: star-arguments in calls (f(*args), f(**kwargs)) are not supported by sVimPy yet'],
    ['def f(*args):\n    return args\n', 'app.py:1: error: *args and **kwargs parameters are not supported by sVimPy yet (def f)'],
    ['a, *b = [1, 2, 3]\n', 'app.py:1: error: starred assignment (a, *b = ...) is not supported by sVimPy yet'],
    ['s = {1, 2}\n', 'app.py:1: error: sets are not supported by sVimPy yet'],
    ['x = 1\nprint(x in {1, 2})\n', 'app.py:2: error: sets are not supported by sVimPy yet (for `x in {...}` write a tuple: `x in (...)`)'],
    ['import os\n', "app.py:1: error: module 'os' is not available: give os.py on the command line (compiled modules: app; built-in modules: machine, time, arduino)"],
    ['from . import x\n', "app.py:1: error: relative imports are not supported by sVimPy; give the module's file on the command line and import it by name"],
    ['import machine.pins\n', 'app.py:1: error: dotted module names (import machine.pins) are not supported by sVimPy'],
    ['x = 1\ny = 2147483648\n', 'app.py:2: error: the int constant 2147483648 does not fit in 32 bits (sVimPy ints are signed 32-bit)'],
    ['x = -2147483649\n', 'app.py:1: error: the int constant -2147483649 does not fit in 32 bits (sVimPy ints are signed 32-bit)'],
    ['x = 1j\n', 'app.py:1: error: complex numbers are not supported by sVimPy'],
    ['x = b"ab"\n', 'app.py:1: error: bytes constants are not supported by sVimPy'],
    ['try:\n    pass\nexcept ValueError as e:\n    raise KeyError() from e\n', "app.py:4: error: 'raise ... from ...' is not supported by sVimPy yet; use 'raise X'"],
    ['import machine\nmachine.x = 1\n', 'app.py:2: error: attribute assignment (obj.name = value) is not supported by sVimPy yet'],
    ['x: int = 5\n', 'app.py:1: error: variable annotations at module level are not supported by sVimPy; drop the annotation'],
  ];
  test.each(cases)('%j', (source, message) => {
    expect(compileError(source)).toBe(message);
  });

  test('what the VM runs is accepted, including imports of given and built-in modules', () => {
    const ok = 'import lib, machine, time\nfrom arduino import pin\nx = -2147483648\nprint(lib.f(1, b=2), [i for i in range(3)], (lambda a: a)(1))\n';
    expect(compileError(ok, { 'lib.py': 'def f(a, b=1):\n    return a + b\n' })).toBe('ok');
  });
});

describe('CPython problems', () => {
  test('a syntax error is reported as CPython reports it, without a stack trace of ours', () => {
    const msg = compileError('x = 1\nif x\n    print(x)\n');
    expect(msg).toBe('  File "app.py", line 2\n    if x\n        ^\nSyntaxError: expected \':\'');
  });

  test('a python that is not 3.11 is named, with the way out', () => {
    const dir = writeFiles({ 'fake-python': '#!/bin/sh\necho "Python 3.10.12"\n' });
    const fake = path.join(dir, 'fake-python');
    fs.chmodSync(fake, 0o755);
    expect(compileError('x = 1\n', {}, fake)).toBe(
      `error: '${fake}' is Python 3.10.12, but sVimPy reads CPython 3.11 bytecode; point --python (or the SVIMPY_PYTHON environment variable) at a CPython 3.11 interpreter`,
    );
  });

  test('a python that does not exist is named', () => {
    expect(compileError('x = 1\n', {}, '/nonexistent/python9')).toMatch(/^error: cannot run '\/nonexistent\/python9' \(.*ENOENT.*\); point --python/);
  });

  test('the CLI prints the syntax error and exits 1', () => {
    const dir = writeFiles({ 'bad.py': 'def f(:\n    pass\n' });
    let status = 0;
    let stderr = '';
    try {
      execFileSync('node', ['tools/svimpy.js', 'compile', path.join(dir, 'bad.py')], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      ({ status, stderr } = e as { status: number; stderr: string });
    }
    expect(status).toBe(1);
    expect(stderr).toContain(`File "${path.join(dir, 'bad.py')}", line 1`);
    expect(stderr).toMatch(/SyntaxError: /);
    expect(stderr).not.toMatch(/\.ts:\d+/);
    expect(fs.existsSync(path.join(dir, 'bad.rpyc'))).toBe(false);
  });
});
