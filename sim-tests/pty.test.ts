// svimpy-sim --pty: the simulated Uno behind a pseudo-terminal, reset by every open.
import { describe, expect, it } from 'vitest';
import { buildTestFirmware, elfToHex, simBuildDir } from './harness.ts';
import { startPtySim } from './pty-sim.ts';
import { SerialLink } from '../tools/upload/serial.ts';

async function readText(link: SerialLink, count: number): Promise<string> {
  return Buffer.from(await link.read(count, 5000, 'echo output')).toString('latin1');
}

describe('svimpy-sim --pty', () => {
  it('resets the MCU (EXTRF) at every open, even a quick reopen, and passes bytes both ways', async () => {
    const hex = `${simBuildDir}/echo-pty.hex`;
    elfToHex(buildTestFirmware('echo'), hex, ['.text', '.data']);
    const sim = await startPtySim({ firmware: [hex], boot: false });
    try {
      for (let round = 1; round <= 3; round++) {
        const link = await SerialLink.open(sim.path);
        expect(await readText(link, 11)).toBe('echo ready\n');
        await link.write(Buffer.from(`abc${round}`));
        expect(await readText(link, 4)).toBe(`ABC${round}`);
        await link.close(); // and reopen at once: the next round must see a fresh start
      }
      expect(sim.resets().map((r) => r.mcusr)).toEqual([0x02, 0x02, 0x02]);
      // Between the opens the UART moved 11 + 4 bytes out and 4 in.
      expect(sim.resets()[1].before).toMatchObject({ inBytes: 4, outBytes: 15 });
    } finally {
      await sim.stop();
    }
  });

  it('keeps a halted firmware waiting for the next open, and stops with exit code 5 on SIGTERM', async () => {
    const hex = `${simBuildDir}/echo-pty.hex`;
    elfToHex(buildTestFirmware('echo'), hex, ['.text', '.data']);
    const sim = await startPtySim({ firmware: [hex], boot: false });
    const link = await SerialLink.open(sim.path);
    expect(await readText(link, 11)).toBe('echo ready\n');
    await link.write(Buffer.from('~')); // echo halts: cli; sleep
    expect(await readText(link, 5)).toBe('\nbye\n');
    await link.close();
    const again = await SerialLink.open(sim.path);
    expect(await readText(again, 11)).toBe('echo ready\n');
    await again.close();
    const { stderr } = await sim.stop();
    expect(stderr).toMatch(/svimpy-sim: stopped: signal at pc/);
  });
});
