// The AVR engine: the real firmware (avr-gcc, the board's env of platformio.ini) on a simulated
// ATmega328p (Uno) or ATmega2560 (Mega) in simavr; tools/build/boards.ts lists the boards. The image is written as Intel HEX at SVM_IMAGE_ADDRESS and overlaid on
// the firmware's HEX, as an upload would place it in flash.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAvr, measureAvr, type AvrBuild } from '../build/firmware.ts';
import { BOARDS, DEFAULT_BOARD, type BoardName } from '../build/boards.ts';
import { toIntelHex } from '../build/ihex.ts';
import { runSim, type SimStop } from '../../sim-tests/harness.ts';
import { resultFromConsole, statusFromConsole, type EngineResult } from './result.ts';
import type { ImageMapLike } from './traceback.ts';

export interface AvrResult extends EngineResult {
  cycles: number; // simulated cycles from reset to the halt (exact, repeatable)
  stackBytes: number; // the deepest C stack of the run (interrupts included), in bytes
  stop: SimStop | 'too-large';
}

export interface AvrOptions {
  cycleLimit?: number; // default 2,000,000,000 (about 2 minutes of simulated time)
  board?: BoardName; // default the Uno; the test suite passes TEST_BOARD
}

const firmware = new Map<BoardName, AvrBuild>();

/** Builds the board's firmware if stale (once per process and board). */
export function avrFirmware(board: BoardName = DEFAULT_BOARD): AvrBuild {
  let fw = firmware.get(board);
  if (!fw) firmware.set(board, (fw = buildAvr(undefined, board)));
  return fw;
}

/** The bytes a board's RAM leaves for the C stack after data and bss (the Uno's: about 250). */
export function stackRoom(board: BoardName = DEFAULT_BOARD): number {
  const fw = measureAvr(undefined, board);
  return BOARDS[board].sramBytes - fw.data - fw.bss;
}

/** Runs `image` on the simulated board. Status 3: the run did not halt normally (crash, cycle limit). */
export async function runOnAvr(image: Uint8Array, map?: ImageMapLike, opts: AvrOptions = {}): Promise<AvrResult> {
  const board = BOARDS[opts.board ?? DEFAULT_BOARD];
  const fw = avrFirmware(board.name);
  if (image.length > fw.imageArea) {
    return {
      stdout: '', status: 2, cycles: 0, stackBytes: 0, stop: 'too-large',
      stderr: `svimpy: the image (${image.length} bytes) does not fit the ${board.short}'s image area (${fw.imageArea} bytes at 0x${fw.imageAddress.toString(16)})\n`,
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'svimpy-avr-'));
  try {
    const imageHex = join(dir, 'image.hex');
    writeFileSync(imageHex, toIntelHex(image, fw.imageAddress));
    const sim = await runSim({ firmware: [fw.hex, imageHex], mcu: board.mcu, cycleLimit: opts.cycleLimit ?? 2_000_000_000 });
    if (sim.stop !== 'halted') {
      return {
        stdout: sim.output.toString('utf8'), status: 3, cycles: sim.cycles, stackBytes: sim.stackBytes, stop: sim.stop,
        stderr: `svimpy: the simulated ${board.short} did not halt normally (${sim.stop} after ${sim.cycles} cycles)\n`,
      };
    }
    const status = statusFromConsole(sim.output.toString('utf8'));
    return { ...resultFromConsole(sim.output, status, map), cycles: sim.cycles, stackBytes: sim.stackBytes, stop: sim.stop };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
