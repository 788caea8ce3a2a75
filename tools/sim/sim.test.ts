// svimpy sim's pieces: argument helpers, the pin-log format, the VCD and SVG writers, and
// streamed runs of the real firmware in simavr (output, traceback, no-program, duration).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDuration, unescapeInput } from '../commands/sim.ts';
import { pinLogLine, unoPinName, unoPinNumber, unoPortBit } from './pins.ts';
import { toVcd } from './vcd.ts';
import { toSvg } from './svg.ts';
import type { Timeline } from './timeline.ts';
import { streamSim } from './stream.ts';
import { buildAvr } from '../build/firmware.ts';
import { BOARDS, TEST_BOARD, pinNameOf, portBitOf, takeBoardOption } from '../build/boards.ts';
import { toIntelHex } from '../build/ihex.ts';
import { compileProgram } from '../compiler/compile-program.ts';
import { pythonCommand } from '../compiler/python.ts';
import { runOnNode } from '../engines/node.ts';

describe('svimpy sim helpers', () => {
  it('parses durations', () => {
    expect(parseDuration('5s')).toBe(5000);
    expect(parseDuration('1500ms')).toBe(1500);
    expect(parseDuration('2.5')).toBe(2500);
    expect(parseDuration('1m')).toBe(60_000);
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseDuration('-1s')).toBeUndefined();
  });

  it('unescapes --input text', () => {
    expect([...unescapeInput('a\\x03b\\n\\\\')]).toEqual([0x61, 3, 0x62, 10, 0x5c]);
    expect(unescapeInput('é').toString('utf8')).toBe('é');
  });

  it('names the Uno pins of the 328p port bits', () => {
    expect(unoPinName('B5')).toBe('D13');
    expect(unoPinName('D0')).toBe('D0');
    expect(unoPinName('B0')).toBe('D8');
    expect(unoPinName('C0')).toBe('A0');
    expect(unoPinName('C5')).toBe('A5');
    expect(unoPinName('B6')).toBeUndefined(); // the crystal
    expect(unoPinName('C6')).toBeUndefined(); // reset
    expect(unoPortBit('D13')).toBe('B5');
    expect(unoPortBit('D2')).toBe('D2');
    expect(unoPortBit('a1')).toBe('C1');
    expect(unoPortBit('D14')).toBe('C0');
    expect(unoPortBit('D20')).toBeUndefined();
    expect(unoPortBit('A6')).toBeUndefined();
    expect(unoPinNumber('A0')).toBe(14);
    expect(unoPinNumber('D13')).toBe(13);
  });

  it('names the Arduino pins of each board from its port bits (tools/build/boards.ts)', () => {
    for (const board of ['uno', 'mega'] as const) {
      for (let n = 0; n < 20; n++) {
        const name = n < 14 ? `D${n}` : `A${n - 14}`;
        const bit = portBitOf(board, name);
        expect(bit, `${board} ${name}`).toMatch(/^[A-L][0-7]$/);
        expect(pinNameOf(board, bit!)).toBe(name);
        expect(portBitOf(board, `D${n}`)).toBe(bit); // D14..D19 are A0..A5
      }
      expect(portBitOf(board, 'A6')).toBeUndefined();
      expect(portBitOf(board, 'D20')).toBeUndefined();
    }
    expect(portBitOf('uno', 'D13')).toBe('B5');
    expect(portBitOf('mega', 'D13')).toBe('B7'); // the Mega's LED
    expect(portBitOf('mega', 'a0')).toBe('F0');
    expect(pinNameOf('mega', 'B5')).toBe('D11');
    expect(pinNameOf('mega', 'C0')).toBeUndefined(); // not one of the Uno-numbered pins
    expect(new Set(Object.values(BOARDS.mega.ports)).size).toBe(20);
  });

  it('takes --board out of the arguments: uno by default, mega, nothing else', () => {
    const args = ['app.py', '--board', 'mega', '--fast'];
    expect(takeBoardOption(args)).toBe('mega');
    expect(args).toEqual(['app.py', '--fast']);
    expect(takeBoardOption(['app.py'])).toBe('uno');
    expect(takeBoardOption(['--board', 'due'])).toBe("--board wants uno or mega, not 'due'");
    expect(takeBoardOption(['--board'])).toMatch(/^--board wants/);
  });

  it('formats pin-log lines like every engine', () => {
    expect(pinLogLine(500, 'D13', 1)).toBe('   500.000 ms  D13 -> 1');
    expect(pinLogLine(12345.6789, 'A0', 0)).toBe(' 12345.679 ms  A0 -> 0');
    expect(pinLogLine(1.5, 'D9', 'pwm 128')).toBe('     1.500 ms  D9 -> pwm 128');
  });

  const timeline: Timeline = {
    changes: [
      { ms: 0.5, pin: 'D13', level: 1 }, { ms: 500.5, pin: 'D13', level: 0 },
      { ms: 10, pin: 'D9', pwm: 128 }, { ms: 20, pin: 'D9', pwm: 0 }, { ms: 20, pin: 'D9', level: 0 },
    ],
    endMs: 1000,
  };

  it('writes a VCD with one wire per pin and microsecond times', () => {
    const vcd = toVcd(timeline, 'blink.py');
    expect(vcd).toContain('$timescale 1us $end');
    expect(vcd).toContain('$var wire 1 ! D9 $end');
    expect(vcd).toContain('$var wire 1 " D13 $end');
    const body = vcd.slice(vcd.indexOf('$enddefinitions'));
    expect(body).toMatch(/#500\n1"\n#10000\nz!\n#20000\n0!\n#500500\n0"\n#1000000\n$/);
  });

  it('draws an SVG with a row per pin and the PWM duty', () => {
    const svg = toSvg(timeline, 'svimpy sim blink.py');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('>D13</text>');
    expect(svg).toContain('>D9</text>');
    expect(svg).toMatch(/<rect x="68\.2" y="36\.0" width="8\.2" height="12\.0" fill="#9cf"/); // duty 128 of 255: half high
    const wide = toSvg({ changes: [{ ms: 0, pin: 'D9', pwm: 64 }], endMs: 10 }, 'fade');
    expect(wide).toContain('>pwm 64</text>'); // labelled when there is room
    expect((svg.match(/<path /g) ?? []).length).toBe(2);
  });
});

describe(`svimpy sim on the simulated ${BOARDS[TEST_BOARD].title} (tools/build/boards.ts TEST_BOARD)`, () => {
  async function simulate(source: string, extra: { durationMs?: number; input?: Buffer; image?: Uint8Array; levels?: Record<string, 0 | 1> } = {}) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svimpy-simtest-'));
    try {
      const fw = buildAvr(undefined, TEST_BOARD);
      const firmware = [fw.hex];
      let map;
      if (extra.image !== undefined || source) {
        let image = extra.image;
        if (!image) {
          const app = path.join(dir, 'app.py');
          fs.writeFileSync(app, source);
          const compiled = compileProgram({ inputs: [app], python: pythonCommand(undefined) });
          image = compiled.image;
          map = compiled.map;
        }
        const hex = path.join(dir, 'image.hex');
        fs.writeFileSync(hex, toIntelHex(image, fw.imageAddress));
        firmware.push(hex);
      }
      let input: string | undefined;
      if (extra.input) {
        input = path.join(dir, 'input');
        fs.writeFileSync(input, extra.input);
      }
      let out = '';
      let err = '';
      const result = await streamSim({
        firmware, board: TEST_BOARD, fCpu: 16_000_000, durationMs: extra.durationMs ?? 5000, input, map, levels: extra.levels,
        write: (t) => { out += t; }, writeError: (t) => { err += t; },
      });
      return { result, out, err };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  it('streams print output and halts at the end of the program', async () => {
    const { result, out, err } = await simulate('print("hello")\nfor i in range(3):\n    print(i * 7)\n');
    expect(out).toBe('hello\n0\n7\n14\n');
    expect(err).toBe('');
    expect(result.stop).toBe('halted');
    expect(result.uncaught).toBe(false);
  });

  it('turns the uncaught-exception record into a traceback', async () => {
    const { result, out, err } = await simulate('print("a")\nx = [1]\nprint(x[5])\n');
    expect(out).toBe('a\n');
    expect(err).toMatch(/^Traceback \(most recent call last\):\n {2}File ".*app\.py", line 3, in <module>\n {4}print\(x\[5\]\)\nIndexError/);
    expect(result.uncaught).toBe(true);
    expect(result.stop).toBe('halted');
  });

  it('prints the no-program line once and waits when flash holds no image', async () => {
    const { result, out } = await simulate('');
    expect(out).toBe('svimpy: no program (upload one with: svimpy upload app.py)\n');
    expect(result.noProgram).toBe(true);
    expect(result.stop).toBe('halted'); // sleeps with interrupts off: no reboot loop
  });

  it('refuses a damaged image with the same line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svimpy-simtest-'));
    const app = path.join(dir, 'app.py');
    fs.writeFileSync(app, 'print("never")\n');
    const { image } = compileProgram({ inputs: [app], python: pythonCommand(undefined) });
    fs.rmSync(dir, { recursive: true, force: true });
    const bad = Uint8Array.from(image);
    bad[bad.length - 1] ^= 0x55; // the CRC no longer matches
    const { result, out } = await simulate('', { image: bad });
    expect(out).toBe('svimpy: no program (upload one with: svimpy upload app.py)\n');
    expect(result.noProgram).toBe(true);
  });

  // 0x03 after 250 other bytes (which the programs ignore): at 115200 baud it arrives ~22 ms
  // after start, once the program is running.
  const ctrlCLater = Buffer.concat([Buffer.alloc(250, 0x20), Buffer.from([3])]);

  it('raises KeyboardInterrupt in a busy loop on Ctrl-C (0x03 on the UART)', async () => {
    const { result, out, err } = await simulate('print("go")\nn = 0\nwhile True:\n    n += 1\n', { input: ctrlCLater });
    expect(out).toBe('go\n');
    expect(err).toMatch(/\nKeyboardInterrupt\n$/);
    expect(result.uncaught).toBe(true);
    expect(result.stop).toBe('halted');
  });

  it('cuts a long sleep short on Ctrl-C', async () => {
    const source = 'import time\nt = time.ticks_ms()\ntry:\n    time.sleep(60)\nexcept KeyboardInterrupt:\n    print("slept", time.ticks_diff(time.ticks_ms(), t) > 5, time.ticks_ms() < 100)\n';
    const { result, out, err } = await simulate(source, { input: ctrlCLater });
    expect(err).toBe('');
    expect(out).toBe('slept True True\n');
    expect(result.stop).toBe('halted');
    expect(result.timeline.endMs).toBeLessThan(100); // not 60 s
  });

  it('stops a program that runs forever after --duration of simulated time', async () => {
    const { result, out } = await simulate('n = 0\nwhile True:\n    n += 1\n', { durationMs: 300 });
    expect(out).toBe('');
    expect(result.stop).toBe('cycle-limit');
    expect(result.timeline.endMs).toBeGreaterThanOrEqual(300);
    expect(result.timeline.endMs).toBeLessThan(300.01);
  });

  it('drives every pin and PWM output where the pin log says, as the Node engine logs them', async () => {
    // Each Uno pin number 2..19 up and down, PWM on 3 5 6 9 10 11 and off again, then two
    // inputs: D2 held low from outside, A5 with its pull-up. This checks the board's pin map in
    // the firmware (pins.c, pins-mega.h) against tools/build/boards.ts and the harness's PWM
    // table: a pin on the wrong port bit shows under another name or not at all.
    const source = 'from machine import Pin, PWM\nfor n in range(2, 20):\n    p = Pin(n, Pin.OUT)\n    p.on()\n    p.off()\n' +
      'for n in (3, 5, 6, 9, 10, 11):\n    PWM(Pin(n), freq=500, duty_u16=32768).duty_u16(0)\n' +
      'print(Pin(2, Pin.IN, Pin.PULL_UP).value(), Pin(19, Pin.IN, Pin.PULL_UP).value())\n';
    const { result, out } = await simulate(source, { durationMs: 1000, levels: { [portBitOf(TEST_BOARD, 'D2')!]: 0 } });
    expect(result.stop).toBe('halted');
    expect(result.output).toBe('0 1\n');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svimpy-simtest-'));
    fs.writeFileSync(path.join(dir, 'app.py'), source);
    const program = compileProgram({ inputs: [path.join(dir, 'app.py')], python: pythonCommand(undefined) });
    const host = runOnNode(program.image, program.map, { pins: { 2: 0 } });
    expect(host.stdout).toBe('0 1\n');
    const withoutTime = (lines: string[]) => lines.map((l) => l.replace(/^ *[\d.]+ ms  /, ''));
    expect(withoutTime(result.pinLog)).toEqual(withoutTime(host.pins!));
    expect(withoutTime(result.pinLog)).toContain('D11 -> pwm 128');
    expect(out).toContain('A5 -> 1');
  });
});
