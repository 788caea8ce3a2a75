// Node API of the simavr harness (sim-tests/harness/*.c): builds it and the tiny
// test firmwares on demand, runs firmware and reports output, stop reason and cycles.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SimOptions {
  firmware: string[];          // one ELF, or HEX files overlaid
  input?: string | Uint8Array; // bytes fed to UART0 RX
  cycleLimit?: number;         // default 2_000_000_000
  idleMs?: number;             // stop after this much simulated time without UART output
  endMarker?: string;
  pins?: string[];             // e.g. ['B5']
  boot?: boolean;
  mcu?: string; freq?: number;
  events?: boolean;            // collect the ordered event stream (harness/events.c)
  analogMv?: Record<number, number>; // ADC input (0..5) -> millivolts
  levels?: Record<string, 0 | 1>; // input pins held from outside, by port bit: { D2: 0 }
}
export type SimStop = 'halted' | 'end-marker' | 'cycle-limit' | 'idle' | 'crashed';
export interface PinChange { cycle: number; pin: string; value: 0 | 1 }
/** U: a UART output byte; P: a pin level; W: PWM duty 1..254 on the pin (0: PWM off). */
export interface SimEvent { cycle: number; kind: 'U' | 'P' | 'W'; pin?: string; value: number }
export interface SimResult { stop: SimStop; exitCode: number; output: Buffer; pinChanges: PinChange[]; cycles: number; stackBytes: number; stderr: string; events: SimEvent[]; }

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const harnessSources = join(repoRoot, 'sim-tests', 'harness');
const firmwareSources = join(repoRoot, 'sim-tests', 'test-firmware');
export const simBuildDir = join(repoRoot, 'build', 'sim-tests');

// Exit codes of svimpy-sim, in order 0..4 (64 is a usage error).
const stopByExitCode: SimStop[] = ['halted', 'end-marker', 'cycle-limit', 'idle', 'crashed'];

function mtime(path: string): number {
  return statSync(path).mtimeMs;
}

function isStale(output: string, inputs: string[]): boolean {
  if (!existsSync(output)) return true;
  const built = mtime(output);
  return inputs.some((input) => mtime(input) > built);
}

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { code?: string; stderr?: string; message: string };
    if (e.code === 'ENOENT') throw new Error(`${command} is not installed: run scripts/bootstrap`);
    throw new Error(`${command} failed:\n${e.stderr || e.message}`);
  }
}

// Writes to a temporary name, then renames: parallel test workers may build at once.
function buildAtomically(out: string, build: (tmpOut: string) => void): void {
  mkdirSync(dirname(out), { recursive: true });
  const tmpOut = `${out}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  build(tmpOut);
  renameSync(tmpOut, out);
}

/** Builds build/sim-tests/svimpy-sim if any harness source is newer; returns its path. */
export function harnessBinary(): string {
  const out = join(simBuildDir, 'svimpy-sim');
  const files = readdirSync(harnessSources).map((f) => join(harnessSources, f));
  if (!isStale(out, files)) return out;
  const flags = run('pkg-config', ['--cflags', '--libs', 'simavr', 'simavrparts']).trim().split(/\s+/);
  const sources = files.filter((f) => f.endsWith('.c'));
  buildAtomically(out, (tmpOut) => {
    run('gcc', ['-Wall', '-Wextra', '-Werror', '-O2', ...sources, '-o', tmpOut, ...flags, '-lelf']);
  });
  return out;
}

/** Compiles and links an ELF for the ATmega328p at 16 MHz; throws with the compiler's message. */
export function avrGcc(sources: string[], out: string, extraFlags: string[] = []): void {
  buildAtomically(out, (tmpOut) => {
    run('avr-gcc', ['-mmcu=atmega328p', '-Os', '-DF_CPU=16000000UL', '-Wall', '-Wextra',
      ...extraFlags, ...sources, '-o', tmpOut]);
  });
}

/** Converts an ELF to Intel HEX; `sections` limits it (avr-objcopy -j), `remove` drops some (-R). */
export function elfToHex(elf: string, out: string, sections: string[] = [], remove: string[] = []): void {
  buildAtomically(out, (tmpOut) => {
    run('avr-objcopy', ['-O', 'ihex', ...sections.flatMap((s) => ['-j', s]),
      ...remove.flatMap((s) => ['-R', s]), elf, tmpOut]);
  });
}

interface FirmwareRecipe { sources: string[]; flags?: string[] }

// Assembly firmwares without C runtime start at the reset vector, at cycle 0.
const testFirmwares: Record<string, FirmwareRecipe> = {
  echo: { sources: ['echo.c', 'uart.c'] },
  pin_toggle: { sources: ['pin_toggle.S'], flags: ['-nostartfiles'] },
  spin: { sources: ['spin.c', 'uart.c'] },
  sink: { sources: ['sink.c', 'uart.c'] },
  bad_opcode: { sources: ['bad_opcode.S'], flags: ['-nostartfiles'] },
  stack_overflow: { sources: ['stack_overflow.S'], flags: ['-nostartfiles'] },
  throughput: { sources: ['throughput.c', 'uart.c'] },
  // The boot stub lands at 0x7E00; simavr's ELF loader ignores that section, so
  // run this one as HEX (elfToHex).
  boot_app: { sources: ['boot_app.c', 'uart.c', 'boot_stub.S'], flags: ['-Wl,--section-start=.bootloader=0x7E00'] },
  // The real board layer of firmware/avr without the VM (its svm_loadImage is left out by gc).
  board_check: {
    sources: ['board_check.c', ...['board', 'console', 'uart', 'timer', 'pins'].map((f) => `../../firmware/avr/${f}.c`)],
    flags: ['-std=gnu99', '-Werror', '-ffunction-sections', '-Wl,--gc-sections'],
  },
};

/** Builds a test firmware from sim-tests/test-firmware if stale; returns the ELF path. */
export function buildTestFirmware(name: string): string {
  const recipe = testFirmwares[name];
  if (!recipe) {
    throw new Error(`unknown test firmware '${name}': known are ${Object.keys(testFirmwares).join(', ')}`);
  }
  const out = join(simBuildDir, `${name}.elf`);
  const sources = recipe.sources.map((s) => join(firmwareSources, s));
  const headers = readdirSync(firmwareSources).filter((f) => f.endsWith('.h')).map((f) => join(firmwareSources, f));
  if (isStale(out, [...sources, ...headers])) avrGcc(sources, out, recipe.flags);
  return out;
}

function simArgs(opts: SimOptions, inputFile: string | undefined, pinsFile: string | undefined, eventsFile?: string): string[] {
  const args: string[] = [];
  if (eventsFile) args.push('--events', eventsFile);
  for (const [input, mv] of Object.entries(opts.analogMv ?? {})) args.push('--analog', `${input}=${mv}`);
  for (const [pin, level] of Object.entries(opts.levels ?? {})) args.push('--level', `${pin}=${level}`);
  if (opts.mcu) args.push('--mcu', opts.mcu);
  if (opts.freq !== undefined) args.push('--freq', String(opts.freq));
  if (inputFile) args.push('--input', inputFile);
  if (opts.endMarker !== undefined) args.push('--end', opts.endMarker);
  args.push('--cycles', String(opts.cycleLimit ?? 2_000_000_000));
  if (opts.idleMs !== undefined) args.push('--idle-ms', String(opts.idleMs));
  for (const pin of opts.pins ?? []) args.push('--pin', pin);
  if (pinsFile) args.push('--pins', pinsFile);
  if (opts.boot) args.push('--boot');
  return [...args, ...opts.firmware];
}

function parsePinChanges(text: string): PinChange[] {
  return text.split('\n').filter((line) => line.trim()).map((line) => {
    const [cycle, pin, value] = line.trim().split(/\s+/);
    return { cycle: Number(cycle), pin, value: value === '1' ? 1 : 0 };
  });
}

/** Parses the lines of `--events` (see sim-tests/harness/events.c). */
export function parseEvents(text: string): SimEvent[] {
  return text.split('\n').filter((line) => line).map((line) => {
    const [cycle, kind, a, b] = line.split(' ');
    if (kind === 'U') return { cycle: Number(cycle), kind, value: parseInt(a, 16) };
    return { cycle: Number(cycle), kind: kind as 'P' | 'W', pin: a, value: Number(b) };
  });
}

function parseCycles(stderr: string): number {
  const lines = stderr.trimEnd().split('\n');
  const match = /^cycles (\d+)$/.exec(lines[lines.length - 1] ?? '');
  if (!match) throw new Error(`svimpy-sim did not report its cycle count; stderr:\n${stderr}`);
  return Number(match[1]);
}

/** The deepest C stack of the run in bytes (RAMEND minus the lowest stack pointer), 0 if not reported. */
function parseStack(stderr: string): number {
  const match = /^stack (\d+)$/m.exec(stderr);
  return match ? Number(match[1]) : 0;
}

/** Runs firmware in svimpy-sim; rejects on usage errors (bad file, bad option). */
export async function runSim(opts: SimOptions): Promise<SimResult> {
  if (!opts.firmware.length) throw new Error('runSim: no firmware given (firmware: [elfOrHexPath])');
  for (const file of opts.firmware) {
    if (!existsSync(file)) throw new Error(`runSim: firmware file not found: ${file}`);
  }
  const binary = harnessBinary();
  const tmp = mkdtempSync(join(tmpdir(), 'svimpy-sim-'));
  try {
    let inputFile: string | undefined;
    if (opts.input !== undefined) {
      inputFile = join(tmp, 'input');
      writeFileSync(inputFile, opts.input);
    }
    const pinsFile = opts.pins?.length ? join(tmp, 'pins') : undefined;
    const eventsFile = opts.events ? join(tmp, 'events') : undefined;
    const { code, output, stderr } = await spawnCollect(binary, simArgs(opts, inputFile, pinsFile, eventsFile));
    const stop = code === null ? undefined : stopByExitCode[code];
    if (!stop) throw new Error(`svimpy-sim failed (exit ${code}):\n${stderr}`);
    const pinChanges = pinsFile && existsSync(pinsFile) ? parsePinChanges(readFileSync(pinsFile, 'utf8')) : [];
    const events = eventsFile && existsSync(eventsFile) ? parseEvents(readFileSync(eventsFile, 'utf8')) : [];
    return { stop, exitCode: code!, output, pinChanges, cycles: parseCycles(stderr), stackBytes: parseStack(stderr), stderr, events };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function spawnCollect(binary: string, args: string[]): Promise<{ code: number | null; output: Buffer; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolvePromise({ code, output: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}
