// Refused constructs: the exact diagnostic, every error of a run, and nothing written on error.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../index.ts';
import { displayPath } from '../diagnostics.ts';
import { tempDir } from './helpers.ts';

const VM_SPEC = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../vm-spec');

/** Writes `body` as x.ts (line 3 is its first line) in a temp dir and generates from it. */
function gen(body: string) {
  const dir = tempDir('refuse');
  const file = path.join(dir, 'x.ts');
  const rel = path.relative(dir, VM_SPEC);
  fs.writeFileSync(file, `import { u8, i8, u16, i16, u32, i32, f32, bool, flashU8 } from '${rel}/types.ts';\nimport { putc } from '${rel}/platform.ts';\n${body}\n`);
  const out = path.join(dir, 'out');
  const result = generate({ files: [file], outDir: out });
  return { result, shown: displayPath(file), written: fs.existsSync(out) };
}

const CASES: [string, string, string][] = [
  ['closure', 'export function f(): void {\n  function g(): void {}\n  g();\n}', '4:3: error: closures are not in the vm-spec subset (move the function to top level)'],
  ['arrow function', 'export function f(): void {\n  const g = (): void => {};\n}', '4:13: error: arrow functions are not in the vm-spec subset (write a top-level function)'],
  ['class', 'class A {}', '3:1: error: classes are not in the vm-spec subset (use module-level typed arrays and functions)'],
  ['object literal', 'export function f(): void {\n  const o = { a: 1 };\n}', '4:13: error: object literals are not in the vm-spec subset (use module-level typed arrays)'],
  ['array literal', 'export function f(): void {\n  const o = [1, 2];\n}', '4:13: error: array literals are not in the vm-spec subset (use a module-level typed array or flashU8([...]))'],
  ['string', 'export function f(): void {\n  const s = "a";\n}', '4:13: error: strings are not in the vm-spec subset (use flashStr("...") for constant text)'],
  ['throw', 'export function f(): void {\n  throw 1;\n}', '4:3: error: throw is not in the vm-spec subset (return an error code)'],
  ['number type', 'export function f(x: number): void {}', '3:22: error: number is not in the vm-spec subset (say which: u8, i16, i32, f32 ...)'],
  ['var', 'export function f(): void {\n  var x: u8 = 1;\n}', '4:3: error: var is not in the vm-spec subset (use let or const)'],
  ['++', 'export function f(): void {\n  let x: u8 = 1;\n  x++;\n}', '5:3: error: ++ and -- are not in the vm-spec subset (write the assignment out: i = u8(i + 1))'],
  ['compound assignment', 'export function f(): void {\n  let x: u8 = 1;\n  x += 1;\n}', '5:5: error: compound assignment += is not in the vm-spec subset (write the assignment out: x = u8(x + 1))'],
  ['==', 'export function f(x: u8): bool {\n  return x == 1;\n}', '4:12: error: == is not in the vm-spec subset (use ===)'],
  ['default parameter', 'export function f(x: u8 = 1): void {}', '3:19: error: default parameters are not in the vm-spec subset (pass the value at every call)'],
  ['for...of', 'const a = new Uint8Array(4);\nexport function f(): void {\n  for (const x of a) putc(x);\n}', '5:3: error: for...of is not in the vm-spec subset (write a for loop with a let counter)'],
  ['implicit narrowing', 'export function f(a: u8, b: u8): u8 {\n  return a + b;\n}', '4:10: error: a + b (0..510) may not fit u8 (write u8(a + b) to wrap)'],
  ['i32 counter overflow', 'export function f(i: i32): i32 {\n  i = i + 1;\n  return i;\n}', '4:7: error: i + 1 (-2147483647..2147483648) may not fit i32 (write i32(i + 1) to wrap)'],
  ['bare division', 'export function f(a: i32, b: i32): i32 {\n  return a / b;\n}', '4:10: error: integer / is only allowed directly inside a conversion (write i32(a / b))'],
  ['bare remainder by a variable', 'export function f(a: i32, b: i32): i32 {\n  return a % b;\n}', '4:10: error: integer % is only allowed directly inside a conversion (write i32(a % b))'],
  ['product beyond 2^53', 'export function f(a: i32, b: i32): i32 {\n  return i32(a * b * a);\n}', '4:14: error: a * b (~-4.61e+18..~4.61e+18) exceeds 2^53, where TypeScript loses bits (use Math.imul(a, b) for an i32 wrap multiply)'],
  ['truthiness of a number', 'export function f(n: u8): void {\n  if (n) putc(n);\n}', '4:7: error: a condition must be a bool: n is not (write n !== 0)'],
  ['unrounded float', 'export function f(a: f32, b: f32): f32 {\n  return a * b;\n}', '4:10: error: the float result a * b must be rounded (write f32(a * b))'],
  ['inexact float literal', 'export function f(): f32 {\n  return 0.1;\n}', '4:10: error: 0.1 is not exactly an f32 (write f32(0.1) to round it)'],
  ['float into an int array', 'const a = new Uint8Array(4);\nexport function f(x: f32): void {\n  a[0] = x;\n}', '5:10: error: storing a float into an integer array needs an explicit conversion (write u8(...))'],
  ['store into a flash table', 'const T = flashU8([1]);\nexport function f(): void {\n  T[0] = 2;\n}', '5:3: error: T is a flash table and read-only'],
  ['built-in', 'export function f(x: i32): i32 {\n  return Math.abs(x);\n}', "4:10: error: Math.abs(...) is not in the vm-spec subset (call top-level functions, the functions of types.ts and Math.imul only)"],
  ['calls with side effects in one expression', 'let sp: u8 = 0;\nfunction pop(): u8 {\n  sp = u8(sp - 1);\n  return sp;\n}\nexport function f(): u8 {\n  return u8(pop() - pop());\n}', '9:13: error: C does not fix the order of the calls in pop() - pop(), and one of them has side effects (compute one side into a const first)'],
  ['a side effect next to a read of module state', 'let sp: u8 = 0;\nfunction pop(): u8 {\n  sp = u8(sp - 1);\n  return sp;\n}\nexport function f(): u8 {\n  return u8(sp + pop());\n}', '9:13: error: C does not fix the order of the calls in sp + pop(), and one of them has side effects (compute one side into a const first)'],
  ['local named like a module constant', 'const N = 4;\nexport function f(): u8 {\n  const N: u8 = 1;\n  return N;\n}', '5:9: error: local N has the name of a module-level constant (rename it (constants are C macros))'],
  ['syntax error', 'export function f(a: u8): u8 {\n  return a +;\n}', '4:13: error: syntax: Expression expected.'],
  ['missing import', "import { g } from './nowhere.ts';\nexport function f(): void {}", "3:1: error: cannot find ./nowhere.ts (check the path; imports name .ts files relative to this one)"],
  ['missing annotation', 'export function f(a: u8): void {\n  let x = a + 1;\n  putc(u8(x));\n}', '4:7: error: x needs a type (say which: u8, i16, i32, f32 ...)'],
];

describe('refused constructs give file:line:col: error: message (hint)', () => {
  for (const [name, body, expected] of CASES) {
    it(name, () => {
      const { result, shown, written } = gen(body);
      expect(result.ok).toBe(false);
      expect(result.diagnostics.map((d) => d.text)).toContain(`${shown}:${expected}`);
      expect(written).toBe(false);
    });
  }

  it('reports every error of a file, in order, and writes nothing', () => {
    const { result, shown, written } = gen('export function f(a: u8): u8 {\n  let x: u8 = a + 1;\n  a++;\n  return a == 1 ? x : 0;\n}\nclass K {}');
    expect(result.diagnostics.map((d) => d.text)).toEqual([
      `${shown}:4:15: error: a + 1 (1..256) may not fit u8 (write u8(a + 1) to wrap)`,
      `${shown}:5:3: error: ++ and -- are not in the vm-spec subset (write the assignment out: i = u8(i + 1))`,
      `${shown}:6:12: error: == is not in the vm-spec subset (use ===)`,
      `${shown}:8:1: error: classes are not in the vm-spec subset (use module-level typed arrays and functions)`,
    ]);
    expect(result.c).toBe('');
    expect(written).toBe(false);
  });
});
