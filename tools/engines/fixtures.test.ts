// Runs every sim-tests/fixtures program on the three engines (Node on vm-spec/, the host C
// engine, the firmware on a simulated Uno) and compares stdout then stderr byte for byte with
// CPython's output. Entries of known-failing.ts must still fail (so those lists only shrink);
// all other fixtures must pass. The host and simavr runs start in beforeAll, two at a time,
// so they overlap with the Node runs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, it, expect } from 'vitest';
import { runOnNode } from './node.ts';
import { runOnC, hostEngine } from './c.ts';
import { runOnAvr, avrFirmware, stackRoom } from './avr.ts';
import { BOARDS, TEST_BOARD } from '../build/boards.ts';
import { KNOWN_FAILING, KNOWN_FAILING_ON, TOO_LARGE_FOR_AVR } from './known-failing.ts';
import { compileFixture, compileFixtures, pool, type Compiled } from './batch.ts';

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../sim-tests/fixtures');
const fixtures = fs.readdirSync(fixturesDir).filter((n) => /^\d{3}_.*\.py$/.test(n)).map((n) => n.slice(0, -3)).sort();
type Engine = 'node' | 'c' | 'avr';

/** A fixture that loops forever must not hold the suite for 2 minutes: ~10 s of Uno time. */
const AVR_CYCLE_LIMIT = 160_000_000;

const compiled = new Map<string, Compiled | string>(); // a string: why it does not compile
/** The deepest C stack of each fixture's AVR run (bytes). */
const avrStack = new Map<string, number>();

/** All fixtures with one CPython run; if one does not compile, each on its own to say which. */
function compileAll(): void {
  const files = fixtures.map((n) => path.join(fixturesDir, `${n}.py`));
  try {
    compileFixtures(files).forEach((c, i) => compiled.set(fixtures[i], c));
  } catch {
    for (const [i, name] of fixtures.entries()) {
      try {
        compiled.set(name, compileFixture(files[i]));
      } catch (e) {
        compiled.set(name, `(does not compile: ${e instanceof Error ? e.message : String(e)})`);
      }
    }
  }
}

/** stdout then stderr, as the .out files hold them; a compile error is the output too. */
async function runFixture(engine: Engine, name: string): Promise<string> {
  const c = compiled.get(name)!;
  if (typeof c === 'string') return c;
  if (engine === 'avr') {
    const avr = await runOnAvr(c.image, c.map, { cycleLimit: AVR_CYCLE_LIMIT, board: TEST_BOARD });
    avrStack.set(name, avr.stackBytes);
    return avr.stdout + avr.stderr;
  }
  const result = engine === 'node' ? runOnNode(c.image, c.map) : await runOnC(c.image, c.map);
  return result.stdout + result.stderr;
}

const outputs = new Map<string, Promise<string>>();
/** An engine that cannot be built fails each of its tests with the build's message (once built). */
const buildErrors: Partial<Record<Engine, unknown>> = {};
function output(engine: Engine, name: string): Promise<string> {
  if (engine in buildErrors) return Promise.reject(buildErrors[engine]);
  const key = `${engine}/${name}`;
  if (!outputs.has(key)) outputs.set(key, runFixture(engine, name));
  return outputs.get(key)!;
}

beforeAll(() => {
  compileAll();
  // Build both engines (if stale), then start every compiled run, two at a time per engine:
  // they go on while the Node runs below take the main thread.
  const builds = { c: hostEngine, avr: () => avrFirmware(TEST_BOARD) };
  for (const [engine, build] of Object.entries(builds) as [Engine, () => unknown][]) {
    try {
      build();
    } catch (e) {
      buildErrors[engine] = e;
      continue;
    }
    const slots = pool(2);
    for (const name of fixtures) {
      const p = slots(() => runFixture(engine, name));
      p.catch(() => {}); // awaited (and reported) by the test itself
      outputs.set(`${engine}/${name}`, p);
    }
  }
});

const engineTitles: Record<Engine, string> = { node: 'the Node engine', c: 'the host C engine', avr: `the simulated ${BOARDS[TEST_BOARD].short} (tools/build/boards.ts TEST_BOARD)` };

describe('known-failing lists', () => {
  it('name only existing fixtures', () => {
    const listed = [...Object.keys(KNOWN_FAILING), ...Object.keys(TOO_LARGE_FOR_AVR), ...Object.values(KNOWN_FAILING_ON).flatMap((m) => Object.keys(m))];
    for (const name of listed) expect(fixtures, name).toContain(name);
  });
});

for (const engine of ['node', 'c', 'avr'] as const) {
  describe(`fixtures on ${engineTitles[engine]}`, () => {
    for (const name of fixtures) {
      const expected = fs.readFileSync(path.join(fixturesDir, `${name}.out`), 'utf8');
      const reason = KNOWN_FAILING[name] ?? KNOWN_FAILING_ON[engine][name] ?? (engine === 'avr' ? TOO_LARGE_FOR_AVR[name] : undefined);
      if (reason !== undefined) {
        it(`${name} still fails (${reason}); remove it from known-failing.ts when it passes`, async () => {
          expect(await output(engine, name)).not.toBe(expected);
        });
      } else {
        it(`${name} prints what CPython prints`, async () => {
          expect(await output(engine, name)).toBe(expected);
        });
      }
    }
  });
}

// The Uno's C stack is what its 2 KB of RAM leave after data and bss (about 250 bytes): the
// VM's native recursion (nested ==, hash, repr; vm-spec/nesting.ts) must stay inside it. The
// runs on the Mega push 3-byte return addresses, so its numbers are an upper bound for the Uno.
describe(`the C stack on ${engineTitles.avr}`, () => {
  it("stays inside the Uno's free RAM for every fixture", async () => {
    await Promise.all(fixtures.map((name) => output('avr', name).catch(() => '')));
    const room = stackRoom('uno');
    const deepest = [...avrStack.entries()].sort((x, y) => y[1] - x[1]);
    expect(deepest.length).toBeGreaterThan(0);
    expect(deepest[0][1], `${deepest[0][0]} takes ${deepest[0][1]} bytes of C stack; the Uno has ${room}`).toBeLessThanOrEqual(room);
  });
});
