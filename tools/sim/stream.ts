// Runs firmware HEX files in the simavr harness with its ordered event stream (--events on
// fd 3) and turns the events into what `svimpy sim` shows as they happen: the program's UART
// text, pin-log lines in simulated time, and the traceback for an uncaught-exception record.
import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { harnessBinary, type SimStop } from '../../sim-tests/harness.ts';
import { formatTraceback, RECORD_START, type ImageMapLike } from '../engines/traceback.ts';
import { pinLogLine } from './pins.ts';
import { BOARDS, DEFAULT_BOARD, pinNameOf, type BoardName } from '../build/boards.ts';
import type { Timeline } from './timeline.ts';

export interface StreamOptions {
  firmware: string[]; // HEX files overlaid (firmware, image)
  board?: BoardName; // the simulated board (its MCU and pin names); default the Uno
  fCpu: number;
  durationMs?: number; // stop after this much simulated time
  input?: string; // a file fed to UART0
  realtime?: boolean; // pace simulated time to the wall clock
  analogMv?: Record<number, number>;
  levels?: Record<string, 0 | 1>; // input pins held from outside, by port bit ({ D2: 0 })
  map?: ImageMapLike; // to decode an exception record
  write(text: string): void; // program output and pin lines, in order
  writeError(text: string): void; // the traceback
}

export interface StreamResult {
  stop: SimStop | 'signal';
  cycles: number;
  uncaught: boolean; // the program ended with an uncaught exception
  noProgram: boolean; // the firmware refused the image
  timeline: Timeline;
  pinLog: string[]; // the pin-log lines alone, in order (also passed to write)
  output: string; // the program's UART text alone (without the exception record; the first MB)
  stderr: string; // the harness's own messages
}

const OUTPUT_KEPT = 1 << 20; // characters of program output kept in StreamResult.output

const stops: (SimStop | 'signal')[] = ['halted', 'end-marker', 'cycle-limit', 'idle', 'crashed', 'signal'];

export function streamSim(opts: StreamOptions): Promise<StreamResult> {
  const board = opts.board ?? DEFAULT_BOARD;
  const args = ['--events', '/dev/fd/3', '--mcu', BOARDS[board].mcu];
  if (opts.durationMs !== undefined) args.push('--cycles', String(Math.round((opts.durationMs * opts.fCpu) / 1000)));
  else args.push('--cycles', String(Number.MAX_SAFE_INTEGER));
  if (opts.input !== undefined) args.push('--input', opts.input);
  if (opts.realtime) args.push('--realtime');
  for (const [n, mv] of Object.entries(opts.analogMv ?? {})) args.push('--analog', `${n}=${mv}`);
  for (const [pin, level] of Object.entries(opts.levels ?? {})) args.push('--level', `${pin}=${level}`);
  args.push(...opts.firmware);

  const cyclesPerMs = opts.fCpu / 1000;
  const timeline: Timeline = { changes: [], endMs: 0 };
  const pinLog: string[] = [];
  let atLineStart = true;
  let record: number[] | undefined; // bytes of an exception record being received
  let pendingEsc = false;
  let uncaught = false;
  let output = ''; // the program's text (UART bytes outside an exception record)

  const utf8 = new StringDecoder('utf8');
  const emitText = (s: string) => {
    if (!s) return;
    opts.write(s);
    atLineStart = s.endsWith('\n');
  };
  const emitOutput = (s: string) => {
    if (output.length < OUTPUT_KEPT) output += s; // a long run's output is streamed, not kept
    emitText(s);
  };
  const onByte = (byte: number) => {
    const ch = String.fromCharCode(byte);
    if (record !== undefined) {
      if (ch === '\n') {
        if (!atLineStart) emitText('\n');
        opts.writeError(formatTraceback(Buffer.from(record).toString('utf8'), opts.map));
        uncaught = true;
        record = undefined;
      } else record.push(byte);
      return;
    }
    if (pendingEsc) {
      pendingEsc = false;
      if (ch === RECORD_START[1]) {
        record = [];
        return;
      }
      emitOutput('\x1b');
    }
    if (ch === RECORD_START[0]) pendingEsc = true;
    else emitOutput(utf8.write(Buffer.of(byte)));
  };
  const onPin = (cycle: number, portBit: string, value: string, pwm: boolean) => {
    const pin = pinNameOf(board, portBit);
    if (!pin) return;
    // Whole microseconds, as the host engines log their virtual time.
    const ms = Math.floor((cycle * 1000) / cyclesPerMs) / 1000;
    if (pwm) timeline.changes.push({ ms, pin, pwm: Number(value) });
    else timeline.changes.push({ ms, pin, level: value === '1' ? 1 : 0 });
    // PWM off is not a line of its own: the pin's level line follows (as on the host engines).
    if (pwm && value === '0') return;
    const line = pinLogLine(ms, pin, pwm ? `pwm ${value}` : value);
    pinLog.push(line);
    if (!atLineStart) emitText('\n');
    emitText(line + '\n');
  };

  return new Promise((resolve, reject) => {
    const child = spawn(harnessBinary(), args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    const errChunks: Buffer[] = [];
    child.stderr!.on('data', (c: Buffer) => errChunks.push(c));
    let partial = '';
    const events = child.stdio[3] as NodeJS.ReadableStream;
    events.setEncoding('latin1');
    events.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        const [cycle, kind, a, b] = line.split(' ');
        if (kind === 'U') onByte(parseInt(a, 16));
        else if (kind === 'P' || kind === 'W') onPin(Number(cycle), a, b, kind === 'W');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const stderr = Buffer.concat(errChunks).toString('utf8');
      const stop = code === null ? undefined : stops[code];
      if (!stop) {
        reject(new Error(`the simavr harness failed (exit ${code}):\n${stderr}`));
        return;
      }
      if (pendingEsc) emitOutput('\x1b');
      if (record !== undefined) emitOutput(`\x1bE${Buffer.from(record).toString('utf8')}`); // cut off mid-record
      const m = /cycles (\d+)\s*$/.exec(stderr);
      const cycles = m ? Number(m[1]) : 0;
      timeline.endMs = cycles / cyclesPerMs;
      resolve({ stop, cycles, uncaught, noProgram: output.startsWith('svimpy: no program'), timeline, pinLog, output, stderr });
    });
  });
}
