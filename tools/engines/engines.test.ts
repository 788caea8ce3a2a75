// The done-when checks of the three engines: a damaged image is refused at load, with a
// message, by every engine; unbounded allocation is a catchable MemoryError everywhere
// (the heap size comes from vm-spec/config.ts on every engine).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { runOnNode } from './node.ts';
import { runOnC, hostEngine } from './c.ts';
import { runOnAvr, avrFirmware, stackRoom } from './avr.ts';
import { BOARDS, TEST_BOARD } from '../build/boards.ts';

const board = TEST_BOARD; // the AVR runs' board (tools/build/boards.ts says why)
const UNO = BOARDS[board].short; // 'Uno'
import { compileFixture, pool } from './batch.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixturesDir = path.join(here, '../../sim-tests/fixtures');

function compileSource(source: string): ReturnType<typeof compileFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svimpy-engines-'));
  const file = path.join(dir, 'app.py');
  fs.writeFileSync(file, source);
  return compileFixture(file);
}

// Small, but with a function, ints, a str and a tuple, so every record type is in the image.
const program = compileSource('def f(a, b=2):\n    return a * b\nprint(f(21), "ok", (1, 2))\n');
const programOutput = '42 ok (1, 2)\n';

/** The image with byte `at` XORed with `mask` (default: all 8 bits inverted). */
function flipped(at: number, mask = 0xff): Uint8Array {
  const bad = Uint8Array.from(program.image);
  bad[at] ^= mask;
  return bad;
}
const MASKS = [0xff, 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80];

/** What every engine's result has (some add more: cycles, pins). */
function outcome(r: { stdout: string; stderr: string; status: number }): [string, string, number] {
  return [r.stdout, r.stderr, r.status];
}

const REFUSED_NODE_C = /^svimpy: the image is not valid \(error [1-5]\)\n$/;
// The AVR firmware may check the image itself before the VM does, with its own line.
const REFUSED_AVR = /^svimpy: (the image is not valid \(error [1-5]\)|no program\b.*)\n$/;

describe('a damaged image is refused at load', () => {
  it(`the undamaged image runs on Node, on the host C engine and on the simulated ${UNO}`, async () => {
    expect(outcome(runOnNode(program.image, program.map))).toEqual([programOutput, '', 0]);
    expect(outcome(await runOnC(program.image, program.map))).toEqual([programOutput, '', 0]);
    expect(outcome(await runOnAvr(program.image, program.map, { board }))).toEqual([programOutput, '', 0]);
  });

  it(`on Node, with any one of its ${program.image.length} bytes inverted or with any one bit flipped`, () => {
    for (let at = 0; at < program.image.length; at++) {
      for (const mask of MASKS) {
        const result = runOnNode(flipped(at, mask), program.map);
        expect([at, mask, result.status, result.stdout]).toEqual([at, mask, 2, '']);
        expect(result.stderr, `byte ${at} ^ ${mask}`).toMatch(REFUSED_NODE_C);
      }
    }
  });

  it('on the host C engine, with any one byte inverted or any one bit of the header flipped', async () => {
    hostEngine();
    const slots = pool(4);
    const cases = [...program.image.keys()].flatMap((at) => (at < 16 ? MASKS : [0xff]).map((mask) => ({ at, mask })));
    const results = await Promise.all(cases.map(({ at, mask }) => slots(() => runOnC(flipped(at, mask), program.map))));
    results.forEach((result, i) => {
      const { at, mask } = cases[i];
      expect([at, mask, result.status, result.stdout]).toEqual([at, mask, 2, '']);
      expect(result.stderr, `byte ${at} ^ ${mask}`).toMatch(REFUSED_NODE_C);
    });
  });

  it(`on the simulated ${UNO}, with a byte of each header field, of the tables, of the code or the last one inverted`, async () => {
    avrFirmware(board);
    const n = program.image.length;
    const offsets = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 16, Math.floor(n / 2), n - 2, n - 1];
    const slots = pool(2);
    const results = await Promise.all(offsets.map((at) => slots(() => runOnAvr(flipped(at), program.map, { board }))));
    results.forEach((result, i) => {
      expect([offsets[i], result.stop, result.status, result.stdout]).toEqual([offsets[i], 'halted', 2, '']);
      expect(result.stderr, `byte ${offsets[i]}`).toMatch(REFUSED_AVR);
    });
  });

  it('the host engine says why it cannot read a file, and refuses an empty one', () => {
    const exe = hostEngine();
    const missing = spawnSync(exe, [path.join(os.tmpdir(), 'no-such-dir-svimpy', 'app.rpyc')], { encoding: 'utf8' });
    expect(missing.status).toBe(3);
    expect(missing.stderr).toMatch(/no-such-dir-svimpy\/app\.rpyc: No such file or directory/);
    const empty = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'svimpy-empty-')), 'empty.rpyc');
    fs.writeFileSync(empty, '');
    const run = spawnSync(exe, [empty], { encoding: 'utf8' });
    expect([run.status, run.stdout]).toEqual([2, 'svimpy: the image is not valid (error 1)\n']);
  });

  it(`an image larger than the ${UNO}'s image area is refused before the simulation`, async () => {
    const area = avrFirmware(board).imageArea;
    const big = new Uint8Array(area + 1);
    big.set(program.image);
    const result = await runOnAvr(big, undefined, { board });
    expect([result.status, result.stop]).toEqual([2, 'too-large']);
    expect(result.stderr).toContain(`does not fit the ${UNO}'s image area (${area} bytes`);
  });
});

describe(`the simulated ${UNO}`, () => {
  it('halts after a program that prints nothing', async () => {
    const silent = compileSource('x = 1\n');
    const result = await runOnAvr(silent.image, silent.map, { cycleLimit: 20_000_000, board });
    expect([result.stop, result.stdout, result.stderr, result.status]).toEqual(['halted', '', '', 0]);
  });
});

describe('unbounded allocation', () => {
  const memory = compileFixture(path.join(fixturesDir, 'svimpy-only', 'memory_error.py'));
  const expected = fs.readFileSync(path.join(fixturesDir, 'svimpy-only', 'memory_error.out'), 'utf8');

  it('raises a catchable MemoryError on Node', () => {
    expect(outcome(runOnNode(memory.image, memory.map))).toEqual([expected, '', 0]);
  });

  it('raises a catchable MemoryError on the host C engine', async () => {
    expect(outcome(await runOnC(memory.image, memory.map))).toEqual([expected, '', 0]);
  });

  it(`raises a catchable MemoryError on the simulated ${UNO}`, async () => {
    const result = await runOnAvr(memory.image, memory.map, { board });
    expect([result.stdout, result.stderr, result.status, result.stop]).toEqual([expected, '', 0, 'halted']);
  });
});

describe('containers nested deeper than NEST_MAX', () => {
  const deep = compileFixture(path.join(fixturesDir, 'svimpy-only', 'deep_nesting.py'));
  const expected = fs.readFileSync(path.join(fixturesDir, 'svimpy-only', 'deep_nesting.out'), 'utf8');

  it('compare to a catchable RecursionError and hash alike on Node and the host C engine', async () => {
    expect(outcome(runOnNode(deep.image, deep.map))).toEqual([expected, '', 0]);
    expect(outcome(await runOnC(deep.image, deep.map))).toEqual([expected, '', 0]);
  });

  it(`do the same on the simulated ${UNO} within the Uno's C stack`, async () => {
    const result = await runOnAvr(deep.image, deep.map, { board });
    expect([result.stdout, result.stderr, result.status, result.stop]).toEqual([expected, '', 0, 'halted']);
    expect(result.stackBytes).toBeLessThanOrEqual(stackRoom('uno'));
  });
});
