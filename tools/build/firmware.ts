// Builds the two engines from the generated C: the host binary (gcc, [env:native]) and the
// AVR firmware (avr-gcc, [env:uno] or another board's env, tools/build/boards.ts), both with
// the settings of platformio.ini only.
// Each is rebuilt only when an input is newer or its command line changed; the C is
// regenerated first when vm-spec/ (or the generator) changed. Builds take a lock so that
// parallel test workers do not build the same file at once.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFirmwareSettings } from './platformio.ts';
import { BOARDS, DEFAULT_BOARD, type BoardName } from './boards.ts';
import { ORDER_FILE, ensureLinkerScript, linkerScriptFlag } from './layout.ts';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The Uno's application flash ends where the 512-byte boot section starts (fuse BOOTSZ, docs). */
export const APP_FLASH_END = BOARDS.uno.imageEnd;

/** A build step failed: the message says which and why (compiler output included). */
export class BuildError extends Error {}

export interface HostBuild { binary: string; rebuilt: boolean }
export interface AvrBuild {
  elf: string;
  hex: string; // .text + .data only, to overlay with an image HEX
  board: BoardName;
  imageAddress: number; // SVM_IMAGE_ADDRESS from platformio.ini [env:<board>]
  imageArea: number; // bytes from imageAddress to the board's imageEnd
  text: number; data: number; bss: number; // avr-size of the ELF
  rebuilt: boolean;
}

function mtime(path: string): number {
  return statSync(path).mtimeMs;
}

function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { code?: string; stderr?: string; stdout?: string; message: string };
    if (e.code === 'ENOENT') throw new BuildError(`${command} is not installed: run scripts/bootstrap`);
    throw new BuildError(`${command} failed:\n${(e.stderr || '') + (e.stdout || '') || e.message}`);
  }
}

// A directory as a lock (mkdir is atomic); a lock older than two minutes is taken as abandoned.
function withLock<T>(root: string, body: () => T): T {
  const lock = join(root, 'build', '.engines.lock');
  mkdirSync(dirname(lock), { recursive: true });
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      try {
        if (Date.now() - mtime(lock) > 120_000) rmSync(lock, { recursive: true, force: true });
      } catch { /* removed by its owner meanwhile */ }
      Atomics.wait(sleeper, 0, 0, 50);
    }
  }
  try {
    return body();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => join(dir, f));
}

/** Regenerates build/gen/svimpy.{c,h} when vm-spec/ or the generator is newer. */
function ensureGenerated(root: string): void {
  const c = join(root, 'build', 'gen', 'svimpy.c');
  const h = join(root, 'build', 'gen', 'svimpy.h');
  const inputs = [...tsFiles(join(root, 'vm-spec')), ...tsFiles(join(root, 'generator'))];
  if (existsSync(c) && existsSync(h)) {
    const built = Math.min(mtime(c), mtime(h));
    if (!inputs.some((f) => mtime(f) > built)) return;
  }
  // `svimpy gen` in a child (keeps this module synchronous and ts-morph out of our process).
  try {
    execFileSync(process.execPath, [join(root, 'tools', 'svimpy.js'), 'gen'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string };
    throw new BuildError(`svimpy gen failed (vm-spec/ is outside the subset?):\n${e.stderr ?? ''}${e.stdout ?? ''}`);
  }
}

/** Builds `out` with `command` unless it exists, is newer than every input and was built by the same command. */
function buildIfStale(root: string, out: string, inputs: string[], command: string[], build: (tmpOut: string) => void): boolean {
  const stamp = `${out}.cmd`;
  const failed = `${out}.failed`; // the same inputs and command fail again: say so at once
  const line = JSON.stringify(command);
  const fresh = (file: string): boolean => !inputs.some((f) => mtime(join(root, f)) > mtime(file));
  if (existsSync(out) && existsSync(stamp) && readFileSync(stamp, 'utf8') === line && fresh(out)) return false;
  if (existsSync(failed) && fresh(failed)) {
    const last = JSON.parse(readFileSync(failed, 'utf8')) as { command: string; message: string };
    if (last.command === line) throw new BuildError(last.message);
  }
  mkdirSync(dirname(out), { recursive: true });
  rmSync(stamp, { force: true });
  rmSync(failed, { force: true });
  const tmpOut = `${out}.tmp-${process.pid}`;
  try {
    build(tmpOut);
  } catch (e) {
    rmSync(tmpOut, { force: true });
    if (e instanceof BuildError) writeFileSync(failed, JSON.stringify({ command: line, message: e.message }));
    throw e;
  }
  renameSync(tmpOut, out);
  writeFileSync(stamp, line);
  return true;
}

/** Headers next to the sources: a change in one rebuilds too. */
function withHeaders(root: string, sources: string[]): string[] {
  const dirs = [...new Set(sources.map((s) => dirname(s)))];
  const headers = dirs.flatMap((d) => readdirSync(join(root, d)).filter((f) => f.endsWith('.h')).map((f) => join(d, f)));
  return [...sources, ...headers];
}

/** build/host/svimpy-host: the VM for the host, `svimpy-host app.rpyc`. */
export function buildHost(root = repoRoot): HostBuild {
  return withLock(root, () => {
    ensureGenerated(root);
    const settings = readFirmwareSettings(root, 'native');
    const binary = join(root, 'build', 'host', 'svimpy-host');
    const command = ['gcc', ...settings.flags, ...settings.sources];
    const rebuilt = buildIfStale(root, binary, withHeaders(root, settings.sources), command, (tmpOut) => {
      run('gcc', [...settings.flags, ...settings.sources, '-o', tmpOut], root);
    });
    return { binary, rebuilt };
  });
}

/** SVM_IMAGE_ADDRESS from a board's build flags (the one place it is defined for the board). */
export function imageAddress(flags: string[], board: BoardName = DEFAULT_BOARD): number {
  const { env, imageEnd } = BOARDS[board];
  const defs = flags.filter((f) => f.startsWith('-DSVM_IMAGE_ADDRESS='));
  if (defs.length !== 1) throw new BuildError(`platformio.ini [env:${env}] must define -DSVM_IMAGE_ADDRESS=<flash address> exactly once in build_flags`);
  const value = Number(defs[0].slice('-DSVM_IMAGE_ADDRESS='.length).replace(/u$/i, ''));
  if (!Number.isInteger(value) || value <= 0 || value >= imageEnd) {
    throw new BuildError(`platformio.ini: SVM_IMAGE_ADDRESS ${defs[0]} is not a flash address below 0x${imageEnd.toString(16)}`);
  }
  return value;
}

function avrSize(elf: string, root: string): { text: number; data: number; bss: number } {
  const fields = run('avr-size', [elf], root).split('\n')[1].trim().split(/\s+/).map(Number);
  return { text: fields[0], data: fields[1], bss: fields[2] };
}

/** The avr-gcc arguments of the board's env (sources included) and the image address. */
function avrArgs(root: string, board: BoardName): { args: string[]; address: number; sources: string[] } {
  const { env, mcu } = BOARDS[board];
  const settings = readFirmwareSettings(root, env);
  if (!settings.mcu || !settings.fCpu) throw new BuildError(`platformio.ini [env:${env}] needs board_build.mcu and board_build.f_cpu`);
  if (settings.mcu !== mcu) throw new BuildError(`platformio.ini [env:${env}] builds for ${settings.mcu}, tools/build/boards.ts says ${mcu}`);
  const args = [`-mmcu=${settings.mcu}`, `-DF_CPU=${settings.fCpu}L`, ...settings.flags, ...settings.sources];
  // The board's linker script (tools/build/layout.ts): written from the function order, and an
  // input of the build like the sources.
  const script = linkerScriptFlag(settings.flags);
  const inputs = [...settings.sources];
  if (script !== undefined) {
    try {
      ensureLinkerScript(root, settings.mcu, script);
    } catch (e) {
      throw new BuildError(`cannot write the linker script ${script}: ${e instanceof Error ? e.message : String(e)}`);
    }
    inputs.push(script);
    if (existsSync(join(root, ORDER_FILE))) inputs.push(ORDER_FILE);
  }
  return { args, address: imageAddress(settings.flags, board), sources: inputs };
}

/** build/avr/ for the Uno (as before boards existed), build/avr/<board>/ for the others. */
function avrBuildDir(root: string, board: BoardName): string {
  return board === 'uno' ? join(root, 'build', 'avr') : join(root, 'build', 'avr', board);
}

/** The linker flag that gives a measuring link room beyond the chip's flash. */
function roomBeyondFlash(board: BoardName): string {
  return `-Wl,--defsym=__TEXT_REGION_LENGTH__=0x${Math.max(0x20000, 2 * BOARDS[board].flashBytes).toString(16)}`;
}

/** The firmware linked as for the chip but with room beyond its flash (build/avr/measure.elf):
 *  the sizes of a firmware that does not fit (the code is the same; only the limit differs). */
export function measureAvr(root = repoRoot, board: BoardName = DEFAULT_BOARD): Omit<AvrBuild, 'hex' | 'rebuilt'> {
  return withLock(root, () => {
    ensureGenerated(root);
    const { args, address, sources } = avrArgs(root, board);
    const { imageEnd } = BOARDS[board];
    const elf = join(avrBuildDir(root, board), 'measure.elf');
    const measureArgs = [...args, roomBeyondFlash(board)];
    buildIfStale(root, elf, withHeaders(root, sources), ['avr-gcc', ...measureArgs], (tmpOut) => {
      run('avr-gcc', [...measureArgs, '-o', tmpOut], root);
    });
    return { elf, board, imageAddress: address, imageArea: imageEnd - address, ...avrSize(elf, root) };
  });
}

/** The firmware linked as measureAvr does, into `elf` with the linker's map in `map` (svimpy layout). */
export function linkAvrWithMap(root: string, board: BoardName, elf: string, map: string): void {
  withLock(root, () => {
    ensureGenerated(root);
    const { args } = avrArgs(root, board);
    mkdirSync(dirname(elf), { recursive: true });
    run('avr-gcc', [...args, roomBeyondFlash(board), `-Wl,-Map,${map}`, '-o', elf], root);
  });
}

/** build/avr/svimpy.elf and .hex: the firmware; fails when it runs into the image area. */
export function buildAvr(root = repoRoot, board: BoardName = DEFAULT_BOARD): AvrBuild {
  return withLock(root, () => {
    ensureGenerated(root);
    const { args, address, sources } = avrArgs(root, board);
    const { env, flashBytes, imageEnd } = BOARDS[board];
    const dir = avrBuildDir(root, board);
    const elf = join(dir, 'svimpy.elf');
    const hex = join(dir, 'svimpy.hex');
    const bigger = Object.values(BOARDS).filter((b) => b.imageEnd > imageEnd).map((b) => `--board ${b.name}`);
    const tooLarge = (what: string, flash: number): BuildError => new BuildError(
      `the AVR firmware takes ${what}, ${flash - address} more than fit below the image at ` +
      `SVM_IMAGE_ADDRESS=0x${address.toString(16)} (platformio.ini [env:${env}]): shrink the VM or move the ` +
      'address up (the image area gets smaller)' + (bigger.length ? `; or run on a larger simulated board: ${bigger.join(', ')}` : ''));
    const rebuilt = buildIfStale(root, elf, withHeaders(root, sources), ['avr-gcc', ...args], (tmpOut) => {
      try {
        run('avr-gcc', [...args, '-o', tmpOut], root);
      } catch (e) {
        // Beyond the chip's flash the linker stops first: say the same thing as below.
        const over = /region `text' overflowed by (\d+) bytes/.exec(e instanceof Error ? e.message : '');
        if (!over) throw e;
        const flash = flashBytes + Number(over[1]);
        throw tooLarge(`about ${flash} bytes of flash (the linker: ${over[1]} more than the chip's ${flashBytes})`, flash);
      }
      const size = avrSize(tmpOut, root);
      const flash = size.text + size.data;
      if (flash > address) throw tooLarge(`${flash} bytes of flash (text ${size.text} + data ${size.data})`, flash);
    });
    if (rebuilt || !existsSync(hex) || mtime(hex) < mtime(elf)) {
      const tmpHex = `${hex}.tmp-${process.pid}`;
      run('avr-objcopy', ['-O', 'ihex', '-j', '.text', '-j', '.data', elf, tmpHex], root);
      renameSync(tmpHex, hex);
    }
    return { elf, hex, board, imageAddress: address, imageArea: imageEnd - address, ...avrSize(elf, root), rebuilt };
  });
}
