// Every fixture that passes, run on the Node engine with the collector in stress mode
// (gc.ts setGcStress: a collection before every allocation, freed blocks overwritten): a value
// that some builtin holds across an allocation without rooting it changes the output here.
import { describe, it, expect, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setGcStress } from '../../vm-spec/gc.ts';
import { runOnNode } from './node.ts';
import { compileFixtures } from './batch.ts';
import { KNOWN_FAILING } from './known-failing.ts';

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../sim-tests/fixtures');
const names = fs.readdirSync(fixturesDir)
  .filter((n) => /^\d{3}_.*\.py$/.test(n))
  .map((n) => n.slice(0, -3))
  .filter((n) => KNOWN_FAILING[n] === undefined);

describe('fixtures with a collection before every allocation (Node)', () => {
  const compiled = compileFixtures(names.map((n) => path.join(fixturesDir, `${n}.py`)));
  afterAll(() => setGcStress(false));
  for (const [i, name] of names.entries()) {
    it(`${name} prints what CPython prints`, () => {
      setGcStress(true);
      const result = runOnNode(compiled[i].image, compiled[i].map);
      setGcStress(false);
      expect(result.stdout + result.stderr).toBe(fs.readFileSync(path.join(fixturesDir, `${name}.out`), 'utf8'));
    });
  }
});
