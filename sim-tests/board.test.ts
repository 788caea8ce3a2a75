// The Uno board layer of the firmware (firmware/avr: uart, timer, pins, board) on simavr,
// without the VM: test-firmware/board_check.c prints one line per check, then blinks D13.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestFirmware, runSim, type SimResult } from './harness.ts';

const F_CPU = 16_000_000;
let run: SimResult;
let lines: Map<string, number[]>;

beforeAll(async () => {
  // Ctrl-C, then two ordinary bytes: the first delay is cut short, the bytes are buffered.
  run = await runSim({
    firmware: [buildTestFirmware('board_check')], input: '\x03ok', events: true, analogMv: { 0: 2500 },
    levels: { D2: 0, D7: 1 }, // port D bits: Uno D2 held low (a pressed button), D7 high
  });
  lines = new Map();
  for (const line of run.output.toString('latin1').split('\n')) {
    const m = /^(\S+) (\d+)$/.exec(line);
    if (m) lines.set(m[1], [...(lines.get(m[1]) ?? []), Number(m[2])]);
  }
});

function value(name: string): number {
  const v = lines.get(name);
  if (!v) throw new Error(`board_check printed no '${name}' line; output:\n${run.output}`);
  return v[0];
}

describe('firmware/avr board layer', () => {
  it('runs to its end and halts', () => {
    expect(run.stop).toBe('halted');
  });

  it('turns a received 0x03 into one interrupt request that cuts a delay short', () => {
    expect(value('cut')).toBe(1);
    expect(value('cut-before-ms')).toBe(1);
    expect(value('pending-after')).toBe(0); // consumed by the delay
    expect(run.output.toString('latin1')).toContain('\nok\n'); // other bytes reach the ring buffer
  });

  it('keeps time with micros and millis, and delays accurately', () => {
    expect(value('delay-ms-cut')).toBe(0);
    const us = value('delay-ms-250-us');
    expect(us).toBeGreaterThanOrEqual(250_000);
    expect(us).toBeLessThan(250_100);
    expect(Math.abs(value('delay-ms-250-ms') - 250)).toBeLessThanOrEqual(1);
    const delayUs = value('delay-us-1000');
    expect(delayUs).toBeGreaterThanOrEqual(1000);
    expect(delayUs).toBeLessThan(1040); // plus the cost of two micros() calls
  });

  it('drives and reads digital pins with the Uno numbering', () => {
    expect(lines.get('read-d12')).toEqual([1, 0]);
    expect(value('pullup-a5')).toBe(1); // A5 = 19 = PC5: input with PORTC5 set
    expect(value('ddr-a5')).toBe(0);
    expect(value('read-d2-pullup')).toBe(0); // the outside level wins over the pull-up
    expect(value('read-d4-pullup')).toBe(1);
    expect(value('read-d7')).toBe(1);
  });

  it('streams what the firmware drives: PORT bits, pull-ups included, not outside levels', () => {
    const ports = run.events.filter((e) => e.kind === 'P' && e.pin !== 'B5').map((e) => `${e.pin}=${e.value}`);
    // D12 high and low, the A5 and D2 and D4 pull-ups, then each PWM pin back at its port level
    // (pinWrite sets PORT before it disconnects the timer: one line, D6 straight to 1).
    expect(ports).toEqual(['B4=1', 'B4=0', 'C5=1', 'D2=1', 'D4=1', 'B1=0', 'D6=1']);
  });

  it('connects timer outputs for PWM and disconnects them for plain writes', () => {
    expect(value('pwm9-ocr')).toBe(128);
    expect(value('pwm9-com')).toBe(1);
    expect(value('pwm6-ocr')).toBe(64);
    expect(value('pwm6-com')).toBe(1);
    expect(value('pwm9-off-com')).toBe(0);
    expect(value('pwm6-off-com')).toBe(0);
    expect(value('timer0-tick-on')).toBe(1); // PWM on Timer0 keeps the tick
    const pwm = run.events.filter((e) => e.kind === 'W').map((e) => `${e.pin}=${e.value}`);
    expect(pwm).toEqual(['B1=128', 'D6=64', 'B1=0', 'D6=0']);
  });

  it('reads the ADC against AVcc (2.5 V of 5 V on A0 is about half scale)', () => {
    expect(Math.abs(value('adc-a0') - 512)).toBeLessThanOrEqual(2);
    expect(value('adc-mux')).toBe(0);
    expect(value('adc-d2')).toBe(0); // not an analog pin
  });

  it('blinks D13 (PB5) with 500 ms between edges', () => {
    const edges = run.events.filter((e) => e.kind === 'P' && e.pin === 'B5');
    expect(edges.length).toBe(11);
    for (let i = 1; i < edges.length; i++) {
      expect(edges[i].value).toBe(1 - edges[i - 1].value);
      const ms = (edges[i].cycle - edges[i - 1].cycle) / (F_CPU / 1000);
      expect(Math.abs(ms - 500)).toBeLessThan(0.1);
    }
  });

  it('refuses malformed --level and --analog options with the reason', async () => {
    const fw = [buildTestFirmware('board_check')];
    await expect(runSim({ firmware: fw, levels: { E9: 0 } })).rejects.toThrow(/--level wants PORTBIT=0\|1/);
    await expect(runSim({ firmware: fw, analogMv: { 6: 100 } })).rejects.toThrow(/--analog wants INPUT=MILLIVOLTS/);
    await expect(runSim({ firmware: fw, analogMv: { 0: 6000 } })).rejects.toThrow(/millivolts must be 0\.\.5000/);
  });

  it('streams UART bytes in the event list in order with the pins', () => {
    const text = Buffer.from(run.events.filter((e) => e.kind === 'U').map((e) => e.value)).toString('latin1');
    expect(text).toBe(run.output.toString('latin1'));
    const blinkAt = run.events.find((e) => e.kind === 'P' && e.pin === 'B5')!.cycle;
    const lastByte = run.events.filter((e) => e.kind === 'U').at(-1)!.cycle;
    expect(lastByte).toBeLessThan(blinkAt); // 'blink\n' is flushed before the first edge
  });
});
