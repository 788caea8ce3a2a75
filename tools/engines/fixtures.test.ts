// Runs every sim-tests/fixtures program on the Node engine and compares with CPython's output.
// Fixtures in known-failing.ts must still fail (so that list only shrinks); all others must pass.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { compileProgram } from '../compiler/compile-program.ts';
import { pythonCommand } from '../compiler/python.ts';
import { runOnNode } from './node.ts';
import { KNOWN_FAILING } from './known-failing.ts';

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../sim-tests/fixtures');
const fixtures = fs.readdirSync(fixturesDir).filter((n) => /^\d{3}_.*\.py$/.test(n)).map((n) => n.slice(0, -3)).sort();

/** stdout then stderr, as the .out files hold them. */
function runFixture(name: string): string {
  const { image, map } = compileProgram({ inputs: [path.join(fixturesDir, `${name}.py`)], python: pythonCommand(undefined) });
  // The .out files name the source by its bare file name (CPython ran in the fixtures folder).
  for (const info of Object.values(map.code)) info.file = path.basename(info.file);
  map.sources = Object.fromEntries(Object.values(map.sources).map((p) => [path.basename(p), p]));
  const result = runOnNode(image, map);
  return result.stdout + result.stderr;
}

describe('fixtures on the Node engine', () => {
  it('lists only existing fixtures as known failing', () => {
    for (const name of Object.keys(KNOWN_FAILING)) expect(fixtures, name).toContain(name);
  });

  for (const name of fixtures) {
    const expected = fs.readFileSync(path.join(fixturesDir, `${name}.out`), 'utf8');
    if (name in KNOWN_FAILING) {
      it(`${name} still fails (${KNOWN_FAILING[name]}); remove it from known-failing.ts when it passes`, () => {
        expect(runFixture(name)).not.toBe(expected);
      });
    } else {
      it(`${name} prints what CPython prints`, () => {
        expect(runFixture(name)).toBe(expected);
      });
    }
  }
});
