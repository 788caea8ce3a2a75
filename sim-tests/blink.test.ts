// BLINK on the real firmware in simavr: examples/blink.py toggles D13 (PB5 on the Uno, PB7 on
// the Mega) every 500 ms. At least 10 edges, 500 ms ± 1 ms of simulated time apart, and nothing
// printed. On the test suite's board (tools/build/boards.ts TEST_BOARD).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildAvr, repoRoot } from '../tools/build/firmware.ts';
import { BOARDS, TEST_BOARD } from '../tools/build/boards.ts';
import { toIntelHex } from '../tools/build/ihex.ts';
import { compileProgram } from '../tools/compiler/compile-program.ts';
import { pythonCommand } from '../tools/compiler/python.ts';
import { streamSim } from '../tools/sim/stream.ts';

describe(`BLINK on the simulated ${BOARDS[TEST_BOARD].title}`, () => {
  it('toggles D13 every 500 ms ± 1 ms and prints nothing', async () => {
    const { image, map } = compileProgram({ inputs: [path.join(repoRoot, 'examples', 'blink.py')], python: pythonCommand(undefined) });
    const fw = buildAvr(undefined, TEST_BOARD);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svimpy-blink-'));
    try {
      const imageHex = path.join(dir, 'image.hex');
      fs.writeFileSync(imageHex, toIntelHex(image, fw.imageAddress));
      let shown = '';
      const r = await streamSim({
        firmware: [fw.hex, imageHex], board: TEST_BOARD, fCpu: 16_000_000, durationMs: 5_700, map,
        write: (t) => { shown += t; }, writeError: (t) => { shown += t; },
      });
      expect(r.stop).toBe('cycle-limit'); // it blinks forever
      expect(r.output).toBe('');
      const edges = r.timeline.changes.filter((c) => c.pin === 'D13');
      expect(r.timeline.changes.length).toBe(edges.length); // no other pin moves
      expect(edges.length).toBeGreaterThanOrEqual(10);
      edges.forEach((e, i) => expect(e.level).toBe(i % 2 === 0 ? 1 : 0));
      const gaps = edges.slice(1).map((e, i) => e.ms - edges[i].ms);
      for (const gap of gaps) expect(Math.abs(gap - 500), `gaps ${gaps.join(', ')}`).toBeLessThanOrEqual(1);
      expect(shown).toBe(r.pinLog.map((l) => l + '\n').join('')); // only pin lines on the screen
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
