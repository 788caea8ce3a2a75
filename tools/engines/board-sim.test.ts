// The program that uses every machine, time and arduino function, on the real firmware in
// simavr (tools/build/boards.ts TEST_BOARD): the same output as on the host engines, the same
// pins changed in the same order, and between changes the host's delay plus the AVR's own
// running time (prints at 115200 baud included).
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileProgram } from '../compiler/compile-program.ts';
import { runOnNode } from './node.ts';
import { buildAvr } from '../build/firmware.ts';
import { toIntelHex } from '../build/ihex.ts';
import { BOARDS, TEST_BOARD, portBitOf } from '../build/boards.ts';
import { streamSim } from '../sim/stream.ts';

const root = path.resolve(import.meta.dirname, '../..');
const every = path.join(root, 'sim-tests/board/every_function.py');
const PIN_LINE = /^ *(\d+\.\d{3}) ms {2}([DA]\d+) -> (.*)$/;

describe(`machine, time and arduino on the simulated ${BOARDS[TEST_BOARD].title}`, () => {
  it('prints the same and changes the same pins in the same order as the host engines', async () => {
    const { image, map } = compileProgram({ inputs: [every], python: 'python3' });
    const host = runOnNode(image, map, { pins: { 2: 0 }, adc: { 14: 511 } }); // = D2 held at 0, 2.5 V on A0
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svimpy-board-sim-'));
    try {
      const fw = buildAvr(undefined, TEST_BOARD);
      const hex = path.join(dir, 'image.hex');
      fs.writeFileSync(hex, toIntelHex(image, fw.imageAddress));
      const sim = await streamSim({
        firmware: [fw.hex, hex], board: TEST_BOARD, fCpu: 16_000_000, durationMs: 2000, map,
        levels: { [portBitOf(TEST_BOARD, 'D2')!]: 0 }, analogMv: { 0: 2500 },
        write: () => {}, writeError: () => {},
      });
      expect(sim.uncaught).toBe(false);
      expect(sim.output).toBe(host.stdout);
      const parse = (l: string) => PIN_LINE.exec(l)!;
      const changes = (log: string[]) => log.map((l) => `${parse(l)[2]} -> ${parse(l)[3]}`);
      expect(changes(sim.pinLog)).toEqual(changes(host.pins!));
      for (let i = 1; i < sim.pinLog.length; i++) {
        const simGap = Number(parse(sim.pinLog[i])[1]) - Number(parse(sim.pinLog[i - 1])[1]);
        const hostGap = Number(parse(host.pins![i])[1]) - Number(parse(host.pins![i - 1])[1]);
        expect(simGap, sim.pinLog[i]).toBeGreaterThanOrEqual(hostGap - 0.01);
        expect(simGap, sim.pinLog[i]).toBeLessThan(hostGap + 25);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
