import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTestFirmware, elfToHex, runSim, simBuildDir } from './harness.ts';

const F_CPU = 16_000_000;

describe('svimpy-sim harness', () => {
  it('round-trips bytes through the UART echo firmware', async () => {
    const r = await runSim({ firmware: [buildTestFirmware('echo')], input: 'Hello, sim 42!~' });
    expect(r.stop).toBe('halted');
    expect(r.exitCode).toBe(0);
    expect(r.output.toString('latin1')).toBe('echo ready\nHELLO, SIM 42!\nbye\n');
  });

  it('passes all byte values through unchanged except lower-case letters', async () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i).filter((b) => b !== 0x7e);
    const r = await runSim({ firmware: [buildTestFirmware('echo')], input: Buffer.concat([bytes, Buffer.from('~')]) });
    const upper = Buffer.from(bytes.map((b) => (b >= 0x61 && b <= 0x7a ? b - 32 : b)));
    expect(r.output).toEqual(Buffer.concat([Buffer.from('echo ready\n'), upper, Buffer.from('\nbye\n')]));
  });

  it('gives the same cycle count on every run', async () => {
    const opts = { firmware: [buildTestFirmware('echo')], input: 'determinism~' };
    const [a, b] = [await runSim(opts), await runSim(opts)];
    expect(a.cycles).toBeGreaterThan(0);
    expect(b.cycles).toBe(a.cycles);
  });

  it('records pin changes at exactly the cycles the assembly counts out', async () => {
    const r = await runSim({ firmware: [buildTestFirmware('pin_toggle')], pins: ['B5'] });
    expect(r.stop).toBe('halted');
    // See pin_toggle.S: each change is stamped with the cycle its sbi/cbi starts at.
    expect(r.pinChanges).toEqual([
      { cycle: 2, pin: 'B5', value: 1 },
      { cycle: 2 + 2 + 3 * 100, pin: 'B5', value: 0 },
      { cycle: 304 + 2 + 3 * 200, pin: 'B5', value: 1 },
    ]);
    expect(r.cycles).toBe(906 + 2 + 1 + 1); // sbi, cli, then the sleep that halts
  });

  it('reports the deepest C stack of the run', async () => {
    // pin_toggle.S never pushes; echo.c's calls and its receive interrupt do.
    const flat = await runSim({ firmware: [buildTestFirmware('pin_toggle')] });
    expect(flat.stackBytes).toBe(0);
    const echo = await runSim({ firmware: [buildTestFirmware('echo')], input: 'stack~' });
    expect(echo.stackBytes).toBeGreaterThan(2);
    expect(echo.stackBytes).toBeLessThan(256);
  });

  it('stops at the cycle limit with exit code 2', async () => {
    const r = await runSim({ firmware: [buildTestFirmware('spin')], cycleLimit: 100_000 });
    expect(r.stop).toBe('cycle-limit');
    expect(r.exitCode).toBe(2);
    expect(r.cycles).toBeGreaterThanOrEqual(100_000);
    expect(r.cycles).toBeLessThan(100_004);
  });

  it('stops after the idle time with exit code 3', async () => {
    const r = await runSim({ firmware: [buildTestFirmware('spin')], idleMs: 5 });
    expect(r.stop).toBe('idle');
    expect(r.exitCode).toBe(3);
    expect(r.output.toString()).toBe('spinning now END-OF-TEST\n');
    // 25 bytes of output at ~1,360 cycles each, then 5 ms = 80,000 cycles of silence.
    expect(r.cycles).toBeGreaterThan(80_000 + 24 * 1_360);
    expect(r.cycles).toBeLessThan(80_000 + 26 * 1_400);
  });

  it('is not idle while input is still being sent, and sends no faster than the line', async () => {
    const r = await runSim({ firmware: [buildTestFirmware('sink')], input: 'x'.repeat(300) + '~', idleMs: 5 });
    expect(r.stop).toBe('halted');
    expect(r.output.toString()).toBe('got 300\n');
    expect(r.cycles).toBeGreaterThan(301 * 1_360); // 301 bytes of 1,360 cycles: 25 ms > 5 ms idle
  });

  it('stops at the end marker with exit code 1', async () => {
    const r = await runSim({ firmware: [buildTestFirmware('spin')], endMarker: 'END-OF' });
    expect(r.stop).toBe('end-marker');
    expect(r.exitCode).toBe(1);
    expect(r.output.toString()).toBe('spinning now END-OF');
  });

  it('reports a bad opcode as a crash with exit code 4', async () => {
    const r = await runSim({ firmware: [buildTestFirmware('bad_opcode')] });
    expect(r.stop).toBe('crashed');
    expect(r.exitCode).toBe(4);
    expect(r.stderr).toContain('Invalid Opcode');
  });

  it('reports a stack that runs off the data space as a crash', async () => {
    const r = await runSim({ firmware: [buildTestFirmware('stack_overflow')], cycleLimit: 1_000_000 });
    expect(r.stop).toBe('crashed');
    expect(r.stderr).toContain('Invalid write address');
  });

  it('reports a jump into empty flash as a crash', async () => {
    // The ELF loader skips the .bootloader section, so --boot lands in erased flash.
    const r = await runSim({ firmware: [buildTestFirmware('boot_app')], boot: true });
    expect(r.stop).toBe('crashed');
  });

  it('loads both chunks of a HEX file and starts at the boot section with --boot', async () => {
    const hex = join(simBuildDir, 'boot_app.hex');
    elfToHex(buildTestFirmware('boot_app'), hex);
    const plain = await runSim({ firmware: [hex] });
    expect(plain.output.toString()).toBe('no-boot\n');
    const booted = await runSim({ firmware: [hex], boot: true });
    expect(booted.output.toString()).toBe('from-boot MCUSR=02\n'); // EXTRF, like a reset by avrdude
  });

  it('overlays several HEX files at their own addresses', async () => {
    const elf = buildTestFirmware('boot_app');
    const app = join(simBuildDir, 'boot_app.app.hex');
    const boot = join(simBuildDir, 'boot_app.boot.hex');
    elfToHex(elf, app, [], ['.bootloader']);
    elfToHex(elf, boot, ['.bootloader']);
    const r = await runSim({ firmware: [app, boot], boot: true });
    expect(r.output.toString()).toBe('from-boot MCUSR=02\n');
  });

  it('sends at 115200 baud with U2X in simulated time (about 11,520 bytes/s)', async () => {
    const r = await runSim({ firmware: [buildTestFirmware('throughput')], pins: ['B5'] });
    expect(r.output.length).toBe(2000);
    const [start, end] = r.pinChanges;
    const cyclesPerByte = (end.cycle - start.cycle) / 2000;
    // UBRR 16 with U2X: 17 * 8 cycles per bit, 10 bits (8N1) = 1,360 cycles, plus
    // a few cycles of polling per byte; simavr 1.6 alone would give ~2.2x that.
    expect(cyclesPerByte).toBeGreaterThanOrEqual(1_360);
    expect(Math.abs(cyclesPerByte - F_CPU / 11_520) / (F_CPU / 11_520)).toBeLessThan(0.03);
  });

  it('rejects a missing firmware file with a clear error', async () => {
    await expect(runSim({ firmware: ['/nonexistent/fw.elf'] })).rejects.toThrow(/not found/);
    await expect(runSim({ firmware: [buildTestFirmware('echo')], pins: ['Z9'] })).rejects.toThrow(/--pin wants/);
    const notHex = join(simBuildDir, 'not-a-firmware.hex');
    writeFileSync(notHex, 'print("hello")\n');
    await expect(runSim({ firmware: [notHex] })).rejects.toThrow(/not a valid Intel HEX file/);
  });
});
