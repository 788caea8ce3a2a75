// Uploading to a simulated Uno through a pseudo-terminal, as to a real one: our uploader
// (node serialport), Debian's avrdude, interrupted uploads, and throughput in simulated time.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBootloader } from '../build/bootloader.ts';
import { buildAvr } from '../build/firmware.ts';
import { startPtySim } from '../../sim-tests/pty-sim.ts';
import type { PtySim } from '../../sim-tests/pty-sim.ts';
import { compileProgram } from '../compiler/compile-program.ts';
import { pythonCommand } from '../compiler/python.ts';
import { SerialLink } from './serial.ts';
import { connect, firmwarePages, imageWrites, program, writeAndVerify } from './upload.ts';
import { imageRegion } from './region.ts';
import { parseIntelHex } from './ihex-read.ts';
import { toIntelHex } from '../build/ihex.ts';
import { buildTestFirmware, elfToHex, simBuildDir } from '../../sim-tests/harness.ts';
import { ConsoleDecoder } from './monitor.ts';
import { runOnNode } from '../engines/node.ts';

const F_CPU = 16_000_000;
// Generous waits: on a loaded test machine the simulation and node can both be starved.
const PATIENT = { syncAttemptMs: 500, replyTimeoutMs: 5000 };
const LINE_RATE = 115_200 / 10; // bytes/s with 8N1
const tmp = mkdtempSync(join(tmpdir(), 'svimpy-upload-'));
let bootHex: string; // our bootloader
let echoHex: string; // a small test application (sim-tests/test-firmware/echo.c) that prints "echo ready"
// The sVimPy firmware for the Uno (our bootloader is the Uno's): the tests that run a program need it.
const firmwareHex = (): string => buildAvr().hex;
let sims: PtySim[] = [];

function compileWithMap(name: string, source: string) {
  const file = join(tmp, `${name}.py`);
  writeFileSync(file, source);
  return compileProgram({ inputs: [file], python: pythonCommand(undefined) });
}
const compile = (name: string, source: string): Uint8Array => compileWithMap(name, source).image;

/** A simulated Uno with these HEX files in flash (default: bootloader and sVimPy firmware). */
async function boardWith(files = [bootHex, firmwareHex()], boot = true): Promise<PtySim> {
  const sim = await startPtySim({ firmware: files, boot });
  sims.push(sim);
  return sim;
}

/** Reads until `text` has arrived (or fails after `ms`); returns everything read. */
async function readUntil(link: SerialLink, text: string | RegExp, ms: number): Promise<string> {
  let got = '';
  const deadline = Date.now() + ms;
  while (typeof text === 'string' ? !got.includes(text) : !text.test(got)) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`'${text}' did not arrive within ${ms} ms; got ${JSON.stringify(got)}`);
    got += Buffer.from(await link.read(1, left, 'output')).toString('latin1');
  }
  return got;
}

async function uploadImage(sim: PtySim, image: Uint8Array, verify = true) {
  const link = await SerialLink.open(sim.path);
  const { writes, pages } = imageWrites(image, imageRegion());
  const stats = await program(link, sim.path, writes, pages, { verify, ...PATIENT });
  return { link, stats };
}

/** Opens the port like a serial monitor (a reset) and reads what the board prints. */
async function monitorUntil(sim: PtySim, text: string): Promise<string> {
  const link = await SerialLink.open(sim.path);
  try {
    return await readUntil(link, text, 4000); // the bootloader waits ~1 s first
  } finally {
    await link.close();
  }
}

beforeAll(() => {
  bootHex = buildBootloader().hex;
  echoHex = join(simBuildDir, 'echo-upload.hex');
  elfToHex(buildTestFirmware('echo'), echoHex, ['.text', '.data']);
});

afterEach(async () => {
  await Promise.all(sims.map((s) => s.stop()));
  sims = [];
});

const PROGRAM_A = 'for i in range(3):\n    print("hello", i)\n';
// Several pages of image: functions and strings (12 per prefix, about 530 bytes each).
const functions = (prefix: string) => Array.from({ length: 12 }, (_, i) =>
  `def ${prefix}${i}(x):\n    return "value ${i} of a longer string: " + str(x * ${i + 1})\n`).join('');
const PROGRAM_B = functions('f') + 'print(f3(7), f11(2))\n';

describe('upload through a pty (simavr)', () => {
  it('writes an image with our uploader; after the reset the program runs', async () => {
    const image = compile('a', PROGRAM_A);
    const sim = await boardWith();
    const { link, stats } = await uploadImage(sim, image);
    try {
      expect(stats.pages).toBe(Math.ceil(image.length / 128));
      expect(await readUntil(link, 'hello 2\n', 3000)).toBe('hello 0\nhello 1\nhello 2\n');
    } finally {
      await link.close();
    }
    // The open's reset (EXTRF), then the watchdog reset after leaving programming mode (WDRF).
    expect(sim.resets().slice(-2).map((r) => r.mcusr)).toEqual([0x02, 0x08]);
  });

  it('the monitor turns the board\'s exception record into the traceback the Node engine prints', async () => {
    const { image, map } = compileWithMap('boom', 'def get(x, i):\n    return x[i]\n\nprint("before")\nprint(get([1, 2], 3))\n');
    const sim = await boardWith();
    const { link } = await uploadImage(sim, image);
    try {
      const raw = await readUntil(link, /\x1bE[^\n]*\n/, 3000); // the whole exception record
      const shown = new ConsoleDecoder(map).push(Buffer.from(raw, 'latin1'));
      const node = runOnNode(image, map);
      expect(shown).toEqual({ stdout: node.stdout, stderr: node.stderr });
      expect(shown.stderr).toMatch(/line 2, in get\n.*\nIndexError: list index out of range\n$/s);
    } finally {
      await link.close();
    }
    // svimpy monitor: opening the port restarts the program; Ctrl-C ends the command.
    const child = spawn('node', ['tools/svimpy.js', 'monitor', '--port', sim.path, join(tmp, 'boom.py')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const done = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no traceback from svimpy monitor; stderr: ${err}`)), 60_000);
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (err.includes('IndexError')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill('SIGINT');
    expect(await done).toBe(0);
    expect(out).toBe('before\n');
    expect(err).toContain(runOnNode(image, map).stderr);
  });

  it('svimpy upload (the command) writes the program and reports its errors clearly', async () => {
    const sim = await boardWith();
    const app = join(tmp, 'cli.py');
    writeFileSync(app, PROGRAM_A);
    const cli = (args: string[]) => spawnSync('node', ['tools/svimpy.js', ...args], { encoding: 'utf8', timeout: 60_000 });
    const ok = cli(['upload', app, '--port', sim.path, '--timeout', '5000']);
    const uploaded = /svimpy: uploaded .*cli\.py: (\d+) bytes in (\d+) pages, written at \d+ B\/s, verified/.exec(ok.stderr);
    expect(uploaded, ok.stderr).not.toBeNull();
    expect(Number(uploaded![2])).toBe(Math.ceil(Number(uploaded![1]) / 128)); // the Uno's 128-byte pages
    expect(ok.status).toBe(0);
    expect(await monitorUntil(sim, 'hello 2\n')).toBe('hello 0\nhello 1\nhello 2\n');

    const missing = cli(['upload', app, '--port', join(tmp, 'no-such-port')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('does not exist\n  try: plug the board in');

  });

  it('says "no bootloader" when nothing answers the sync, and "in use" for a busy port', async () => {
    const sim = await boardWith([echoHex], false); // an application that echoes, no bootloader
    const link = await SerialLink.open(sim.path);
    try {
      await expect(connect(link, sim.path, { syncAttempts: 3 })).rejects.toMatchObject({ kind: 'no-sync' });
      await expect(SerialLink.open(sim.path)).rejects.toMatchObject({ kind: 'port-busy', message: `serial port ${sim.path} is in use by another program` });
    } finally {
      await link.close();
    }
  });

  it('svimpy flash\'s page plan writes a firmware HEX to an empty chip, which then starts it', async () => {
    const sim = await boardWith([bootHex]);
    const pages = firmwarePages(parseIntelHex(readFileSync(echoHex, 'utf8')), 0x7e00);
    const link = await SerialLink.open(sim.path);
    try {
      const stats = await program(link, sim.path, pages, pages, PATIENT);
      expect(stats.pages).toBe(pages.length);
      expect(stats.verifyMs).toBeGreaterThan(0);
      expect(await readUntil(link, 'echo ready\n', 4000)).toBe('echo ready\n');
    } finally {
      await link.close();
    }
  });

  it('an upload cut at the first, a middle or the last page is refused at start; the next one runs', async () => {
    const sim = await boardWith();
    const a = compile('a', PROGRAM_A);
    const b = compile('b', PROGRAM_B);
    const { writes, pages } = imageWrites(b, imageRegion());
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const first = await uploadImage(sim, a);
    await readUntil(first.link, 'hello 2\n', 3000);
    await first.link.close();
    for (const cut of [1, Math.floor(writes.length / 2), writes.length - 1]) {
      const link = await SerialLink.open(sim.path);
      const { client } = await connect(link, sim.path, PATIENT);
      await writeAndVerify(client, writes.slice(0, cut), [], { verify: false });
      await link.close(); // the cable is pulled: no leave-programming command
      expect(await monitorUntil(sim, 'no program')).toContain('svimpy: no program');
    }
    const full = await uploadImage(sim, b);
    try {
      expect(await readUntil(full.link, '\n', 3000)).toBe('value 3 of a longer string: 28 value 11 of a longer string: 24\n');
    } finally {
      await full.link.close();
    }
  });

  it('Debian\'s avrdude flashes a 20 KB firmware through our bootloader and reads it back', async () => {
    const sim = await boardWith([bootHex]); // an empty chip but for the bootloader
    // The echo application followed by 20 KB of filler (never executed): many pages, and a
    // test that does not depend on the size of the VM.
    const [echo] = parseIntelHex(readFileSync(echoHex, 'utf8'));
    const image = Uint8Array.from({ length: 20 * 1024 }, (_, i) => (i < echo.data.length ? echo.data[i] : (i * 131) >> 3));
    const hex = join(tmp, 'avrdude-in.hex');
    writeFileSync(hex, toIntelHex(image, 0));
    const readBack = join(tmp, 'read.hex');
    const run = (args: string[]) => execFileSync('avrdude', ['-c', 'arduino', '-p', 'm328p', '-P', sim.path, '-b', '115200', ...args],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    run(['-D', '-V', '-U', `flash:w:${hex}:i`]); // -V: the read-back below checks it
    run(['-U', `flash:r:${readBack}:i`]);
    const flash = new Uint8Array(0x8000).fill(0xff);
    for (const s of parseIntelHex(readFileSync(readBack, 'utf8'))) flash.set(s.data, s.address);
    expect(Buffer.from(flash.subarray(0, image.length)).equals(Buffer.from(image))).toBe(true);
    expect(flash.subarray(0x7e00, 0x7e04)).toEqual(parseIntelHex(readFileSync(bootHex, 'utf8'))[0].data.subarray(0, 4)); // loader intact
    // avrdude left programming mode; a monitor's open resets the board: the application runs.
    expect(await monitorUntil(sim, 'echo ready\n')).toBe('echo ready\n');
  });

  it('reports upload throughput in simulated time beside the 115200-baud line rate', async () => {
    const percent = (rate: number) => `${Math.round(rate)} B/s = ${Math.round((100 * rate) / LINE_RATE)} %`;
    /** One upload on a fresh board: the session in simulated time, from the first byte the board
     * got (the first sync) to the last it sent (leave-programming-mode's OK), as svimpy-sim logs. */
    const session = async (image: Uint8Array, verify: boolean) => {
      const sim = await boardWith([bootHex, echoHex]); // after the upload the echo application greets
      const { link, stats } = await uploadImage(sim, image, verify);
      await readUntil(link, '\n', 3000);
      await link.close();
      const leave = sim.resets().at(-1)!;
      expect(leave.mcusr).toBe(0x08);
      const span = leave.before!;
      expect(span.inBytes).toBeGreaterThan(stats.bytes); // every page went over the line
      return { stats, seconds: (span.untilCycle - span.fromCycle) / F_CPU };
    };
    const image = compile('t', ['g', 'h', 'k', 'm'].map(functions).join('') + PROGRAM_B); // ~3.2 KB of 3.5
    const big = await session(image, false);
    const checked = await session(image, true);
    const rate = (s: { stats: { bytes: number }; seconds: number }) => s.stats.bytes / s.seconds;
    console.log(`upload throughput in simulated time, sync to leave-programming-mode (line: ${LINE_RATE} B/s): ` +
      `${big.stats.bytes} bytes in ${big.seconds.toFixed(3)} s = ${percent(rate(big))} without read-back, ` +
      `${checked.seconds.toFixed(3)} s = ${percent(rate(checked))} with it`);
    expect(rate(big)).toBeLessThan(LINE_RATE); // nothing beats the line
    expect(checked.seconds).toBeGreaterThan(big.seconds); // the read-back goes over the line too
  });
});
