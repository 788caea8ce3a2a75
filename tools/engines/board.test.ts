// The machine, time and arduino modules on the simulated boards: the same output and pin log
// on the Node and host C engines, virtual time, the run
// duration, Ctrl-C as KeyboardInterrupt, and the examples. The simavr comparison: board-sim.test.ts.
import { beforeAll, describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileProgram } from '../compiler/compile-program.ts';
import { runOnNode } from './node.ts';
import { runOnC, hostEngine } from './c.ts';
import type { BoardOptions } from './board-options.ts';

const root = path.resolve(import.meta.dirname, '../..');
const every = path.join(root, 'sim-tests/board/every_function.py');
const inputs: BoardOptions = { pins: { 2: 0 }, adc: { 14: 511 } }; // = --level D2=0 --analog A0=2.5

function compileFile(file: string): ReturnType<typeof compileProgram> {
  return compileProgram({ inputs: [file], python: 'python3' });
}

function compileSource(source: string): ReturnType<typeof compileProgram> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svimpy-board-'));
  const file = path.join(dir, 'app.py');
  fs.writeFileSync(file, source);
  return compileFile(file);
}

/** Runs on Node and host C with the same board; expects the same result and returns it. */
async function onBoth(program: ReturnType<typeof compileProgram>, board: BoardOptions) {
  const node = runOnNode(program.image, program.map, board);
  const c = await runOnC(program.image, program.map, board);
  expect(c).toEqual(node);
  return node;
}

describe('machine, time and arduino on the host boards', () => {
  beforeAll(() => { hostEngine(); }); // the build may take a while

  it('gives the same output and pin log on Node and host C as checked in', async () => {
    const result = await onBoth(compileFile(every), inputs);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(fs.readFileSync(every.replace(/\.py$/, '.out'), 'utf8'));
    expect(result.pins).toEqual(fs.readFileSync(every.replace(/\.py$/, '.pins'), 'utf8').trimEnd().split('\n'));
  });

  it('runs BLINK in virtual time until the duration, 500 ms between edges', async () => {
    const blink = compileFile(path.join(root, 'examples/blink.py'));
    const result = await onBoth(blink, { durationMs: 5000 });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.pins).toHaveLength(10);
    result.pins!.forEach((line, i) => {
      expect(line).toBe(`${(i * 500).toFixed(3).padStart(10)} ms  D13 -> ${(i + 1) % 2}`);
    });
  });

  it('raises KeyboardInterrupt on Ctrl-C, in a delay and in a loop without one', async () => {
    const blink = compileFile(path.join(root, 'examples/blink.py'));
    const inDelay = await onBoth(blink, { ctrlCAtMs: 1200 });
    expect(inDelay.status).toBe(1);
    expect(inDelay.pins).toHaveLength(3);
    expect(inDelay.stderr).toMatch(/time\.sleep_ms\(500\)\nKeyboardInterrupt\n$/);
    const busy = compileSource('n = 0\ntry:\n    while True:\n        n += 1\nexcept KeyboardInterrupt:\n    print("stopped", n > 0)\n');
    expect((await onBoth(busy, { ctrlCAtMs: 0 })).stdout).toBe('stopped True\n');
  });

  it('reads input levels, pull-ups and ADC values from the board options', async () => {
    const program = compileSource(
      'from machine import Pin, ADC\nimport arduino\n' +
      'print(Pin(2, Pin.IN, Pin.PULL_UP).value(), Pin(3, Pin.IN, Pin.PULL_UP).value(), Pin(4, Pin.IN).value())\n' +
      'print(ADC(Pin("A5")).read_u16(), arduino.analogRead(19), arduino.analogRead(1), ADC(15).read_u16())\n');
    expect((await onBoth(program, { pins: { 2: 0, 4: 1 }, adc: { 19: 1023, 15: 1 } })).stdout).toBe('0 1 1\n65535 1023 1 64\n');
  });

  it('takes a Pin, ADC or PWM object wherever a pin is wanted, and any truth value for a level', async () => {
    const program = compileSource(
      'from machine import Pin, ADC, PWM\nimport arduino\n' +
      'p = Pin(4, Pin.OUT)\np.value("x")\nprint(p(), arduino.digitalRead(p))\np([])\n' +
      'arduino.digitalWrite(Pin(5, Pin.OUT), True)\n' +
      'print(p.value(), Pin(5).value(), arduino.analogRead(ADC("A3")), Pin(ADC(1)) is Pin(15), PWM(PWM(6)).freq())\n');
    const result = await onBoth(program, { adc: { 17: 7 } });
    expect(result.stdout).toBe('1 1\n0 1 7 True 976\n');
    expect(result.pins!.map((l) => l.trim().split(/\s+/).slice(2).join(' '))).toEqual(['D4 -> 1', 'D4 -> 0', 'D5 -> 1']);
  });

  it('configures a Pin only for a given mode or pull: -1 and None leave it as it is, OUT wins over PULL_UP', async () => {
    const program = compileSource(
      'from machine import Pin\n' +
      'Pin(3, Pin.IN, Pin.PULL_UP)\nPin(3, -1, None)\nPin(3, mode=-1)\nprint(Pin(3).value())\n' +
      'Pin(4, Pin.OUT, Pin.PULL_UP)\nprint(Pin(4).value())\nPin(4, None, Pin.PULL_UP)\nprint(Pin(4).value())\n');
    const result = await onBoth(program, {});
    expect(result.stdout).toBe('1\n0\n1\n');
    expect(result.pins!.map((l) => l.trim().split(/\s+/).slice(2).join(' '))).toEqual(['D3 -> 1', 'D4 -> 1']);
  });

  it('sleeps for int and float seconds, constant or computed, and not for negative times', async () => {
    const program = compileSource(
      'import time\nfrom machine import Pin\np = Pin(5, Pin.OUT)\n' +
      'for s in (1, 0.25, 0.5 / 4, 3 * 0.001, -2, -0.5, 0):\n    time.sleep(s)\n    p.toggle()\n' +
      'time.sleep_ms(-5)\ntime.sleep_us(2500)\nprint(time.ticks_ms(), time.ticks_us())\n');
    const result = await onBoth(program, {});
    expect(result.stdout).toBe('1380 1380500\n');
    expect(result.pins!.map((l) => l.trim().split(' ')[0])).toEqual(['1000.000', '1250.000', '1375.000', '1378.000', '1378.000', '1378.000', '1378.000']);
  });

  it('refuses bad pins and arguments with ValueError and TypeError', async () => {
    const program = compileSource(
      'from machine import Pin, PWM\nimport time, arduino\n' +
      'for f in (lambda: Pin(13, 5), lambda: Pin(13, Pin.IN, 1), lambda: PWM(9, duty_u16=70000), lambda: arduino.pinMode(3, 7),\n' +
      '          lambda: Pin(), lambda: time.sleep_ms("1"), lambda: Pin(13, Pin.OUT, speed=1), lambda: time.ticks_ms(1)):\n' +
      '    try:\n        f()\n    except (ValueError, TypeError) as e:\n        print(isinstance(e, ValueError), e)\n');
    const result = await onBoth(program, {});
    expect(result.stdout.split('\n').map((l) => l.split(' ')[0])).toEqual(['True', 'True', 'True', 'True', 'False', 'False', 'False', 'False', '']);
    expect(result.stdout).toContain('True invalid mode\n');
    expect(result.stdout).toContain('True duty out of range\n');
  });

  it("runs a Pin's methods (board.py but toggle) and the waits and clocks (_hw ops) as before", async () => {
    const program = compileSource(
      'from machine import Pin\nimport time, arduino\np = Pin(6, Pin.OUT)\n' +
      'print(p.on(), p.value(), p.off(), p(), p.value(None), p.value(), p.toggle(), p(), p(0), p.value("x"), p())\n' +
      'time.sleep_us(1500)\narduino.delay(2)\nprint(time.ticks_ms(), time.ticks_us(), arduino.millis(), arduino.micros())\n' +
      'for f in (lambda: p.toggle(1), lambda: p(1, 2), lambda: p.on(1), lambda: p.value(1, 2), lambda: time.sleep_us(1.5),\n' +
      '          lambda: arduino.delay(), lambda: arduino.millis(1), lambda: p.toggle(x=1)):\n' +
      '    try:\n        f()\n    except TypeError as e:\n        print(e)\n');
    const result = await onBoth(program, {});
    expect(result.stdout).toBe(
      'None 1 None 0 None 0 None 1 None None 1\n3 3500 3 3500\n' +
      '\n\non() takes 1 positional argument but 2 were given\nvalue() takes from 1 to 2 positional arguments but 3 were given\n\n' +
      "delay() missing 1 required positional argument: 'ms'\nmillis() takes 0 positional arguments but 1 was given\n\n");
    expect(result.pins!.map((l) => l.trim().split(/\s+/).slice(2).join(' '))).toEqual(['D6 -> 1', 'D6 -> 0', 'D6 -> 1', 'D6 -> 0', 'D6 -> 1']);
  });

  it("names a module's library functions as the program calls them in argument errors", async () => {
    const program = compileSource(
      'import machine, time\n' +
      'for f in (lambda: machine.ADC(), lambda: machine.ADC(14).read_u16(1), lambda: time.ticks_add(1)):\n' +
      '    try:\n        f()\n    except TypeError as e:\n        print(e)\n');
    const result = await onBoth(program, {});
    expect(result.stdout).toBe(
      "ADC() missing 1 required positional argument: 'pin'\n" +
      'read_u16() takes 1 positional argument but 2 were given\n' +
      "ticks_add() missing 1 required positional argument: 'd'\n");
  });

  it('runs every example on both host engines alike', async () => {
    for (const name of ['blink', 'button', 'fade', 'analog']) {
      const result = await onBoth(compileFile(path.join(root, `examples/${name}.py`)), { ...inputs, durationMs: 1200 });
      expect(result.status, name).toBe(0);
      expect(result.pins!.length + result.stdout.length, name).toBeGreaterThan(0);
    }
  });
});
