// Accepted constructs: each program's C (gcc, UBSan) prints exactly what Node prints running the TS.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HERE, compileAvr, generateOk, runHostC, runNode } from './helpers.ts';

const PROGRAMS = ['integers', 'bitwise', 'division', 'floats', 'data', 'control', 'narrow'];

const dirs = new Map<string, string>(); // program name -> its generated C
function generated(name: string): string {
  if (!dirs.has(name)) dirs.set(name, generateOk([path.join(HERE, 'programs', `${name}.ts`)]).dir);
  return dirs.get(name)!;
}

describe('accepted constructs run the same under Node and as host C', () => {
  for (const name of PROGRAMS) {
    it(name, async () => {
      const file = path.join(HERE, 'programs', `${name}.ts`);
      const dir = generated(name);
      const node = await runNode(file);
      expect(node.length).toBeGreaterThan(10);
      expect(runHostC(dir)).toBe(node);
    });
  }

  it('all programs compile for the ATmega328p without a warning', () => {
    for (const name of PROGRAMS) compileAvr(generated(name));
  });
});
