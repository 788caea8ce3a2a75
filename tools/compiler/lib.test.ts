// Library functions (tools/compiler/lib.ts, vm-spec/libfunc.ts) with a library of our own, so
// the test does not depend on what vm-spec/lib holds: selection by name, globals and methods,
// defaults and keywords, hidden frames, and the same output on the Node and host C engines.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileProgram } from './compile-program.ts';
import { runOnNode } from '../engines/node.ts';
import { runOnC } from '../engines/c.ts';

const LIB = `# a test library
def twice(x, times=2):
    return _scale(x, times)


def _scale(x, n):
    if n < 0:
        raise ValueError("negative count")
    return x * n


def str__shout(self, mark="!"):
    return self + mark


def list__second(self):
    return self[1]


def dict__size(self):
    return len(self)


def unused():
    return 1
`;

function setUp(program: string): { image: Uint8Array; map: ReturnType<typeof compileProgram>['map'] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svimpy-lib-'));
  fs.mkdirSync(path.join(dir, 'lib'));
  fs.writeFileSync(path.join(dir, 'lib', 'test.py'), LIB);
  const file = path.join(dir, 'app.py');
  fs.writeFileSync(file, program);
  return compileProgram({ inputs: [file], python: 'python3', libDir: path.join(dir, 'lib') });
}

const PROGRAM = `print(twice(3), twice(3, times=4), twice(0.5, 3))
print("hey".shout(), "hey".shout("?"), [1, 2, 3].second(), dict(a=2).size())
print(twice)
try:
    (5).second()
except AttributeError:
    print("no second on int")
def twice(x):
    return "mine"
print(twice(1), "a".shout())
try:
    [1].second()
except IndexError:
    print("IndexError")
print(_scale(2, -1))
`;
const EXPECTED_OUT = '6 12 1.5\nhey! hey? 2 1\n<built-in function>\nno second on int\nmine a!\nIndexError\n';

describe('library functions', () => {
  it('puts only the named library functions (and what they call) into the image', () => {
    const { map } = setUp('print(twice(2))\n');
    const libNames = Object.values(map.code).filter((c) => c.lib).map((c) => c.name).sort();
    expect(libNames).toEqual(['_scale', 'twice']);
    const none = setUp('print(1)\n');
    expect(Object.values(none.map.code).filter((c) => c.lib)).toEqual([]);
    expect(none.image[2]).toBe(5); // format version 5: dense opcode numbers
  });

  it("adds a float's // and % (vm-spec/lib/num.py) only to programs that may make floats", () => {
    const libOf = (program: string): string[] => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svimpy-lib-'));
      const file = path.join(dir, 'app.py');
      fs.writeFileSync(file, program);
      const { map } = compileProgram({ inputs: [file], python: 'python3' });
      return Object.values(map.code).filter((c) => c.lib).map((c) => c.name).sort();
    };
    expect(libOf('n = 7\nprint(n // 2, n % 2)\n')).toEqual([]);
    expect(libOf('x = 7.5\nprint(x // 2)\n')).toEqual(['_float_divmod', '_float_floordiv', '_floor']);
    expect(libOf('def f(a, b):\n    return a / b % 3\n')).toEqual(['_float_divmod', '_float_mod', '_floor']);
    expect(libOf('def f(a, b):\n    return a ** b\nprint(f(2, 3) % 2)\n')).toContain('_float_mod');
  });

  it('adds the slice operators (vm-spec/lib/list.py) only to programs that slice', () => {
    const libOf = (program: string): string[] => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svimpy-lib-'));
      const file = path.join(dir, 'app.py');
      fs.writeFileSync(file, program);
      const { map } = compileProgram({ inputs: [file], python: 'python3' });
      return Object.values(map.code).filter((c) => c.lib).map((c) => c.name).sort();
    };
    expect(libOf('s = "abc"\nprint(s[1], s[-1])\n')).toEqual([]);
    expect(libOf('s = "abc"\nprint(s[1:], s[::-1])\n')).toEqual(['_slice_get', '_slice_int']);
    expect(libOf('def f(a):\n    return a[:2]\n')).toEqual(['_slice_get', '_slice_int']);
    // _slice_set reads slices itself
    expect(libOf('a = [1, 2]\na[1:] = [3]\n')).toEqual(['_slice_get', '_slice_int', '_slice_set']);
  });

  it('runs as builtins and methods, with defaults, keywords and hidden frames, the same on Node and C', async () => {
    const { image, map } = setUp(PROGRAM);
    const node = runOnNode(image, map);
    expect(node.stdout).toBe(EXPECTED_OUT);
    // The raise inside the library shows only the program's frame, as for a C builtin.
    expect(node.stderr).toBe(`Traceback (most recent call last):\n  File "${map.modules[0].file}", line 15, in <module>\n    print(_scale(2, -1))\nValueError: negative count\n`);
    const c = await runOnC(image, map);
    expect(c.stdout).toBe(node.stdout);
    expect(c.stderr).toBe(node.stderr);
  });
});

describe('call.py _call_error', () => {
  const has = (program: string): boolean => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svimpy-calls-'));
    const file = path.join(dir, 'app.py');
    fs.writeFileSync(file, program);
    const { map } = compileProgram({ inputs: [file], python: process.env.SVIMPY_PYTHON ?? 'python3' });
    return JSON.stringify(map).includes('_call_error');
  };
  it('is added only to programs whose calls of Python functions may not match', () => {
    expect(has('def f(a, *, c=2):\n    return a\ndef g(a, b=1):\n    return b\nprint(f(1), f(1, c=3), g(1, 2), g(b=2, a=1), sorted([2, 1]))\nd = {}\nprint(d.pop(1, 2), [].count(1), isinstance(1, int))\n')).toBe(false);
    expect(has('def f(a):\n    return a\nprint(f(1, 2))\n')).toBe(true); // too many
    expect(has('def f(a):\n    return a\nprint(f(b=1))\n')).toBe(true); // a keyword it does not have
    expect(has('def f(a):\n    return a\ng = f\nprint(g())\n')).toBe(true); // a function as a value
    expect(has('print(sorted([1], key=lambda x: x))\n')).toBe(true); // a lambda
    expect(has('print(sorted())\n')).toBe(true); // a library function
    expect(has('x = []\nprint(x.pop(1, 2))\n')).toBe(true); // a library method
    // a module's function called as the module's attribute (PUSH_NULL, LOAD_NAME time, LOAD_ATTR)
    expect(has('import time\ntime.sleep_ms(5)\nprint(time.ticks_diff(time.ticks_ms(), 0))\n')).toBe(false);
    expect(has('import time\ndef f():\n    time.sleep_us(5)\nf()\n')).toBe(false);
    expect(has('import time\ntime.sleep_ms()\n')).toBe(true);
    expect(has('import time\nf = time.sleep_ms\nf(1)\n')).toBe(true);
    expect(has('from machine import Pin\np = Pin(2)\np.value(1)\np.on()\np.toggle()\n')).toBe(false);
    expect(has('from machine import Pin\nPin(2).on(1)\n')).toBe(true);
  });
});
