// svimpy upload, flash and monitor: the board side of the command line (tools/upload/).
import fs from 'node:fs';
import type { Command } from './command.ts';
import { compileProgram } from '../compiler/compile-program.ts';
import { pythonCommand } from '../compiler/python.ts';
import { CompileError } from '../compiler/errors.ts';
import { buildAvr } from '../build/firmware.ts';
import { BOOT_START } from '../build/bootloader.ts';
import { UploadError } from '../upload/errors.ts';
import { SerialLink } from '../upload/serial.ts';
import { firmwarePages, imageWrites, program } from '../upload/upload.ts';
import type { FlashPage, ProgramStats } from '../upload/upload.ts';
import { imageRegion } from '../upload/region.ts';
import { parseIntelHex } from '../upload/ihex-read.ts';
import { progressPrinter } from '../upload/progress.ts';
import { ConsoleDecoder } from '../upload/monitor.ts';
import type { ImageMapLike } from '../engines/traceback.ts';

interface Parsed { port?: string; files: string[]; flags: Set<string>; python?: string; map?: string; timeoutMs?: number }

function parse(args: string[], flagNames: string[]): Parsed | string {
  const out: Parsed = { files: [], flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--port' || a === '-p' || a === '--python' || a === '--map' || a === '--timeout') {
      if (i + 1 >= args.length) return `${a} needs a value`;
      const v = args[++i];
      if (a === '--timeout') {
        out.timeoutMs = Number(v);
        if (!Number.isInteger(out.timeoutMs) || out.timeoutMs <= 0) return `--timeout wants milliseconds, not '${v}'`;
      } else if (a === '--python') out.python = v;
      else if (a === '--map') out.map = v;
      else out.port = v;
    } else if (flagNames.includes(a)) {
      out.flags.add(a);
    } else if (a.startsWith('-')) {
      return `unknown option ${a}`;
    } else {
      out.files.push(a);
    }
  }
  if (!out.port) return '--port is required (e.g. --port /dev/ttyACM0)';
  return out;
}

function summary(what: string, stats: ProgramStats): string {
  const rate = stats.writeMs > 0 ? Math.round((stats.bytes * 1000) / stats.writeMs) : 0;
  return `svimpy: ${what}: ${stats.bytes} bytes in ${stats.pages} pages, written at ${rate} B/s, ` +
    `${stats.verifyMs ? 'verified' : 'not verified'}; the board is restarting into it`;
}

/** Runs a programming session and prints the outcome; the exit code. */
async function session(port: string, writes: FlashPage[], pages: FlashPage[], what: string, verify: boolean,
  timeoutMs: number | undefined, after?: (link: SerialLink) => Promise<void>): Promise<number> {
  return withLink(port, async (link) => {
    await link.pulseReset();
    const stats = await program(link, port, writes, pages, { verify, replyTimeoutMs: timeoutMs, onProgress: progressPrinter() });
    console.error(summary(what, stats));
    if (after) await after(link);
  });
}

/** Opens the port, runs `use` on it and closes it; an UploadError is printed. The exit code. */
async function withLink(port: string, use: (link: SerialLink) => Promise<void>): Promise<number> {
  let link: SerialLink | undefined;
  try {
    link = await SerialLink.open(port);
    await use(link);
    return 0;
  } catch (e) {
    if (e instanceof UploadError) {
      console.error(`svimpy: ${e.describe()}`);
      return 1;
    }
    throw e;
  } finally {
    await link?.close();
  }
}

/** Copies the board's output to stdout/stderr (tracebacks decoded) until Ctrl-C. */
function monitorLink(link: SerialLink, map: ImageMapLike | undefined): Promise<void> {
  const decoder = new ConsoleDecoder(map);
  return new Promise((resolve) => {
    link.onData((bytes) => {
      const { stdout, stderr } = decoder.push(bytes);
      process.stdout.write(stdout);
      process.stderr.write(stderr);
    });
    process.once('SIGINT', () => resolve());
  });
}

function compileFor(files: string[], python: string | undefined) {
  return compileProgram({ inputs: files, python: pythonCommand(python) });
}

const UPLOAD_HELP = `usage: svimpy upload APP.py [LIB.py ...] --port PORT [--no-verify] [--monitor] [--timeout MS] [--python PATH]

Compiles the program and writes its image into the Uno's image region (from SVM_IMAGE_ADDRESS
in platformio.ini up to the bootloader at 0x7E00) through the serial bootloader: DTR reset,
sync (10 tries), chip signature check, page writes with a progress bar, read-back check, then
the board restarts into the program. The firmware is never touched ('svimpy flash' writes it).
The image's first page is written last, so an interrupted upload leaves no valid image: the
board then says "no program" and the next upload works as usual.

--port PORT     the board's serial port (e.g. /dev/ttyACM0, /dev/ttyUSB0)
--no-verify     skip reading the pages back
--monitor       stay connected and show the program's output (as 'svimpy monitor')
--timeout MS    how long to wait for each reply of the board (default 1000)
--python PATH   the CPython 3.11 that compiles the sources`;

export const upload: Command = {
  name: 'upload',
  summary: 'compile a program and write it to an Uno over the serial bootloader',
  help: UPLOAD_HELP,
  async run(args) {
    const p = parse(args, ['--no-verify', '--monitor']);
    if (typeof p === 'string' || p.files.length === 0) return usage('upload', typeof p === 'string' ? p : 'no input file', UPLOAD_HELP);
    try {
      const { image, map } = compileFor(p.files, p.python);
      const { writes, pages } = imageWrites(image, imageRegion());
      const after = p.flags.has('--monitor') ? (link: SerialLink) => monitorLink(link, map) : undefined;
      return await session(p.port!, writes, pages, `uploaded ${p.files[0]}`, !p.flags.has('--no-verify'), p.timeoutMs, after);
    } catch (e) {
      if (e instanceof CompileError) {
        console.error(e.message);
        return 1;
      }
      if (e instanceof UploadError) {
        console.error(`svimpy: ${e.describe()}`);
        return 1;
      }
      throw e;
    }
  },
};

const FLASH_HELP = `usage: svimpy flash --port PORT [FIRMWARE.hex] [--no-verify] [--timeout MS]

Writes the sVimPy firmware (default: build/avr/svimpy.hex, built first from platformio.ini)
through the serial bootloader, page by page with a read-back check. The bootloader's own section
(0x7E00..0x7FFF) is never written; a program image already on the board stays where it is.
The same with other tools:
  avrdude -c arduino -p m328p -P PORT -b 115200 -D -U flash:w:build/avr/svimpy.hex:i
  pio run -e uno -t upload --upload-port PORT`;

export const flash: Command = {
  name: 'flash',
  summary: 'write the sVimPy firmware to an Uno over the serial bootloader',
  help: FLASH_HELP,
  async run(args) {
    const p = parse(args, ['--no-verify']);
    if (typeof p === 'string') return usage('flash', p, FLASH_HELP);
    if (p.files.length > 1) return usage('flash', 'give one HEX file', FLASH_HELP);
    try {
      const hexFile = p.files[0] ?? buildAvr().hex;
      if (!fs.existsSync(hexFile)) return usage('flash', `no such file: ${hexFile}`, FLASH_HELP);
      const pages = firmwarePages(parseIntelHex(fs.readFileSync(hexFile, 'utf8'), hexFile), BOOT_START);
      return await session(p.port!, pages, pages, `flashed ${hexFile}`, !p.flags.has('--no-verify'), p.timeoutMs);
    } catch (e) {
      if (e instanceof UploadError) {
        console.error(`svimpy: ${e.describe()}`);
        return 1;
      }
      throw e;
    }
  },
};

const MONITOR_HELP = `usage: svimpy monitor --port PORT [APP.py ... | --map APP.rpyc.map] [--python PATH]

Shows what the board prints, at 115200 baud, until Ctrl-C. Opening the port resets an Uno, so
the program starts again (after the bootloader's wait of about one second). An uncaught
exception arrives as a compact record; with the program's sources (compiled again for their
map) or its .rpyc.map it is shown as a Python traceback with file names and lines.`;

export const monitor: Command = {
  name: 'monitor',
  summary: 'show an Uno\'s output, with tracebacks decoded',
  help: MONITOR_HELP,
  async run(args) {
    const p = parse(args, []);
    if (typeof p === 'string') return usage('monitor', p, MONITOR_HELP);
    let map: ImageMapLike | undefined;
    try {
      if (p.map) map = JSON.parse(fs.readFileSync(p.map, 'utf8')) as ImageMapLike;
      else if (p.files.length) map = compileFor(p.files, p.python).map;
    } catch (e) {
      console.error(e instanceof CompileError ? e.message : `svimpy monitor: cannot read the map: ${(e as Error).message}`);
      return 1;
    }
    return withLink(p.port!, async (link) => {
      console.error(`svimpy: monitoring ${p.port} at 115200 baud (Ctrl-C ends)`);
      await monitorLink(link, map);
    });
  },
};

function usage(name: string, message: string, help: string): number {
  console.error(`svimpy ${name}: ${message}\n\n${help}`);
  return 1;
}
