// The name table and the N enum must agree line for line: a name's line number is its N.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { N, B, NAMES_HASH } from './names.ts';
import { VM_NAMES, VM_NAMES_HASH } from '../tools/compiler/vm-names.ts';

const source = readFileSync(new URL('./names.ts', import.meta.url), 'utf8');
const table = VM_NAMES;
// The enum's members as written in the source (a const enum has no object to read at run time).
const enumValues: Record<string, number> = Object.fromEntries(
  [.../export const enum N \{([^}]*)\}/.exec(source)![1].matchAll(/(\w+) = (\d+)/g)].map((m) => [m[1], Number(m[2])]),
);

describe('names.ts', () => {
  it('gives every name in the table its line number as N', () => {
    expect(table.length).toBe(N.COUNT);
    table.forEach((name, line) => expect([name, enumValues[name]]).toEqual([name, line]));
  });
  it("has the hash of the names' text as NAMES_HASH (images carry it)", () => {
    expect(NAMES_HASH.toString(16)).toBe(VM_NAMES_HASH.toString(16));
  });
  it('numbers the global builtins GLOBAL_BASE + N, grouped as B says', () => {
    expect(B.print).toBe(B.GLOBAL_BASE + N.print);
    expect([B.NUM_FIRST, B.NUM_LAST]).toEqual([B.GLOBAL_BASE + N.int, B.GLOBAL_BASE + N.bool]);
    expect([B.STR_FIRST, B.STR_LAST]).toEqual([B.GLOBAL_BASE + N.str, B.GLOBAL_BASE + N.chr]);
    expect([B.SEQ_FIRST, B.SEQ_LAST]).toEqual([B.GLOBAL_BASE + N.range, B.GLOBAL_BASE + N.hash]);
    expect([B.int, B.dict]).toEqual([N.int, N.dict].map((n) => B.GLOBAL_BASE + n));
    expect(N.GLOBALS).toBe(N.hash + 1);
    expect(B.NoneType).toBe(B.GLOBAL_BASE + N.GLOBALS);
  });
  it('keeps the module builtin numbers of builtins-module.ts (N + a fixed offset) in place', () => {
    const mod = readFileSync(new URL('./builtins-module.ts', import.meta.url), 'utf8');
    const offset = (name: string): number => Number(new RegExp(`${name} = (\\d+)`).exec(mod)![1]);
    expect(N.machine + offset('MODULE')).toBe(offset('MACHINE'));
    expect(N.Pin + offset('MODULE')).toBe(offset('PIN'));
  });
});
