import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from './command.ts';
import { compileProgram } from '../compiler/compile-program.ts';
import { pythonCommand } from '../compiler/python.ts';
import { CompileError } from '../compiler/errors.ts';
import { buildAvr, BuildError, repoRoot } from '../build/firmware.ts';
import { readFirmwareSettings } from '../build/platformio.ts';
import { toIntelHex } from '../build/ihex.ts';
import { streamSim } from '../sim/stream.ts';
import { toVcd } from '../sim/vcd.ts';
import { toSvg } from '../sim/svg.ts';
import { formatMs, unoPinNumber } from '../sim/pins.ts';
import { BOARDS, portBitOf, takeBoardOption, type BoardName } from '../build/boards.ts';

const HELP = `usage: svimpy sim [options] APP.py [LIB.py ...]

Runs the program on a simulated Arduino Uno: compiles it, builds the firmware if it is stale
(platformio.ini [env:uno]), puts the image in flash at SVM_IMAGE_ADDRESS and runs both in
simavr. The program's output and every pin change appear as they happen, pin changes with
their simulated time:

     500.000 ms  D13 -> 1
     600.000 ms  D9 -> pwm 128      (PWM duty N/255 on pin 3 5 6 9 10 11)

It runs until the program ends, --duration has passed in simulated time, or Ctrl-C.
An uncaught exception is shown as a traceback (exit code 1).

--duration T      stop after T of simulated time: 5s, 1500ms, 2.5 (seconds)
--fast            do not pace to the wall clock (the default without --duration is to run
                  no faster than real time, so a blink looks like one)
--input TEXT      bytes sent to the UART (\\n, \\r, \\t, \\\\, \\xHH escapes; \\x03 is Ctrl-C,
                  which raises KeyboardInterrupt); --input @FILE sends a file
--analog A0=2.5   a voltage (volts) on an analog pin, A0..A5 (repeatable; default 0 V)
--level D2=0      hold an input pin at 0 or 1 from outside, stronger than its pull-up
                  (a pressed button to ground; repeatable)
--vcd FILE        write the pin timeline as a VCD waveform (GTKWave opens it)
--plot FILE       draw the pin timeline as an SVG picture
--board mega      on a simulated Arduino Mega 2560 ([env:mega]) instead: the same VM, heap and
                  Python pin numbers (D13 is the LED, A0..A5) (default: --board uno)
--python PATH     the CPython 3.11 that compiles the sources (default: $SVIMPY_PYTHON, else python3)`;

/** '5s', '1500ms', '2.5' (seconds), '1m' -> milliseconds; undefined if malformed. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|min)?$/.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  return unit === 'ms' ? n : unit === 's' ? n * 1000 : n * 60_000;
}

/** --input TEXT with C-like escapes, as bytes. */
export function unescapeInput(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\' || i + 1 === text.length) {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const e = text[++i];
    if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(({ n: 10, r: 13, t: 9, '\\': 92 } as Record<string, number>)[e] ?? e.charCodeAt(0));
  }
  return Buffer.from(bytes);
}

interface SimArgs {
  inputs: string[]; board: BoardName; durationMs?: number; fast: boolean; input?: Buffer;
  analogMv: Record<number, number>; levels: Record<string, 0 | 1>; vcd?: string; plot?: string; python?: string;
}

function parseArgs(argv: string[]): SimArgs | string {
  const args = [...argv];
  const board = takeBoardOption(args);
  if (!(board in BOARDS)) return board;
  const out: SimArgs = { inputs: [], board: board as BoardName, fast: false, analogMv: {}, levels: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const valued = ['--duration', '--input', '--analog', '--level', '--vcd', '--plot', '--python'];
    if (valued.includes(a) && i + 1 >= args.length) return `${a} needs a value`;
    if (a === '--duration') {
      out.durationMs = parseDuration(args[++i]);
      if (out.durationMs === undefined) return `--duration wants a time like 5s or 500ms, not '${args[i]}'`;
    } else if (a === '--fast') out.fast = true;
    else if (a === '--input') {
      const v = args[++i];
      if (v.startsWith('@')) {
        if (!fs.existsSync(v.slice(1))) return `no such input file: ${v.slice(1)}`;
        out.input = fs.readFileSync(v.slice(1));
      } else out.input = unescapeInput(v);
    } else if (a === '--analog') {
      const m = /^A([0-5])=(\d+(?:\.\d+)?)V?$/i.exec(args[++i]);
      if (!m || Number(m[2]) > 5) return `--analog wants A0..A5=VOLTS (0 to 5), like A0=2.5, not '${args[i]}'`;
      out.analogMv[unoPinNumber(`A${m[1]}`) - 14] = Math.round(Number(m[2]) * 1000);
    } else if (a === '--level') {
      const [pin, level] = args[++i].split('=');
      const portBit = portBitOf(out.board, pin ?? '');
      if (!portBit || (level !== '0' && level !== '1')) return `--level wants an Uno pin and 0 or 1, like D2=0 or A1=1, not '${args[i]}'`;
      out.levels[portBit] = level === '1' ? 1 : 0;
    } else if (a === '--vcd') out.vcd = args[++i];
    else if (a === '--plot') out.plot = args[++i];
    else if (a === '--python') out.python = args[++i];
    else if (a.startsWith('-')) return `unknown option ${a}`;
    else out.inputs.push(a);
  }
  if (out.inputs.length === 0) return 'no input file';
  for (const f of out.inputs) if (!fs.existsSync(f)) return `no such file: ${f}`;
  return out;
}

export const sim: Command = {
  name: 'sim',
  summary: 'run a program on a simulated Arduino Uno or Mega (simavr): output and pin changes live',
  help: HELP,
  async run(args) {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
      console.error(`svimpy sim: ${parsed}\n\n${HELP}`);
      return 1;
    }
    let compiled;
    let fw;
    try {
      compiled = compileProgram({ inputs: parsed.inputs, python: pythonCommand(parsed.python) });
      fw = buildAvr(undefined, parsed.board);
    } catch (e) {
      if (e instanceof CompileError || e instanceof BuildError) {
        console.error(e instanceof BuildError ? `svimpy sim: ${e.message}` : e.message);
        return 1;
      }
      throw e;
    }
    const { image, map } = compiled;
    const board = BOARDS[parsed.board];
    if (image.length > fw.imageArea) {
      console.error(`svimpy sim: the image (${image.length} bytes) does not fit the ${board.short}'s image area ` +
        `(${fw.imageArea} bytes at 0x${fw.imageAddress.toString(16)})`);
      return 1;
    }
    const fCpu = readFirmwareSettings(repoRoot, board.env).fCpu ?? 16_000_000;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svimpy-sim-'));
    const onSigint = () => { /* the harness gets the same SIGINT and stops; we then finish */ };
    process.on('SIGINT', onSigint);
    try {
      const imageHex = path.join(dir, 'image.hex');
      fs.writeFileSync(imageHex, toIntelHex(image, fw.imageAddress));
      let inputFile: string | undefined;
      if (parsed.input) {
        inputFile = path.join(dir, 'input');
        fs.writeFileSync(inputFile, parsed.input);
      }
      const result = await streamSim({
        firmware: [fw.hex, imageHex], board: board.name, fCpu, durationMs: parsed.durationMs, input: inputFile,
        realtime: !parsed.fast && parsed.durationMs === undefined, analogMv: parsed.analogMv, levels: parsed.levels, map,
        write: (t) => process.stdout.write(t),
        writeError: (t) => process.stderr.write(t),
      });
      const source = parsed.inputs[0];
      if (parsed.vcd) fs.writeFileSync(parsed.vcd, toVcd(result.timeline, source));
      if (parsed.plot) fs.writeFileSync(parsed.plot, toSvg(result.timeline, `svimpy sim ${source}`));
      const at = `${formatMs(result.timeline.endMs).trim()} ms of simulated time`;
      switch (result.stop) {
        case 'halted':
          if (result.noProgram) return 2;
          return result.uncaught ? 1 : 0;
        case 'cycle-limit':
          console.error(`svimpy sim: stopped after ${at} (--duration)`);
          return 0;
        case 'signal':
          console.error(`\nsvimpy sim: stopped by Ctrl-C after ${at}`);
          return 130;
        case 'crashed':
          console.error(`svimpy sim: the simulated ${board.short} crashed after ${at}:\n${result.stderr}`);
          return 3;
        default:
          console.error(`svimpy sim: stopped (${result.stop}) after ${at}`);
          return 3;
      }
    } finally {
      process.off('SIGINT', onSigint);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
