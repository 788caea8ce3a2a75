// The host C engine: the generated C compiled with gcc ([env:native] of platformio.ini) into
// build/host/svimpy-host, which runs one image file. Built on demand, cached in build/.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildHost } from '../build/firmware.ts';
import { resultFromConsole, type EngineResult } from './result.ts';
import type { ImageMapLike } from './traceback.ts';
import { boardEnv, type BoardOptions } from './board-options.ts';

let binary: string | undefined;

/** Builds the host engine if stale (once per process) and returns its path. */
export function hostEngine(): string {
  binary ??= buildHost().binary;
  return binary;
}

/** A run shown as it happens (svimpy run): the program's output up to the uncaught-exception
 * record goes to `write`; with `pins`, the pin log goes straight to stderr (not into the result).
 * Ctrl-C is passed on to the engine (its own process group), which raises KeyboardInterrupt. */
export interface LiveRun {
  write(bytes: Buffer): void;
  pins: boolean;
}

/** Runs `image` on the host C engine. Exit 3 or a signal means the engine itself failed. */
export async function runOnC(image: Uint8Array, map?: ImageMapLike, board: BoardOptions = {}, live?: LiveRun): Promise<EngineResult> {
  const exe = hostEngine();
  const dir = mkdtempSync(join(tmpdir(), 'svimpy-c-'));
  try {
    const file = join(dir, 'app.rpyc');
    writeFileSync(file, image);
    const pinLog = join(dir, 'pins.log');
    let streaming = live !== undefined;
    const onStdout = (b: Buffer) => {
      if (!streaming || !live) return;
      const record = b.indexOf(0x1b); // the record (ESC 'E' ...) is decoded at the end
      if (record >= 0) streaming = false;
      live.write(record >= 0 ? b.subarray(0, record) : b);
    };
    const onStderr = live?.pins ? (b: Buffer) => { process.stderr.write(b); } : undefined;
    const env = boardEnv(board, live?.pins ? '-' : pinLog);
    const { code, signal, stdout, stderr } = await spawnCollect(exe, [file], env, live ? onStdout : undefined, onStderr);
    const pins = existsSync(pinLog) ? readFileSync(pinLog, 'utf8').split('\n').filter((l) => l !== '') : [];
    if (code === 0 || code === 1 || code === 2) return { ...resultFromConsole(stdout, code, map), pins };
    return { stdout: stdout.toString('utf8'), stderr: `svimpy: the host engine failed (${signal ? `signal ${signal}` : `exit ${code}`})\n${stderr}`, status: 3 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function spawnCollect(exe: string, args: string[], env: Record<string, string> = {}, onStdout?: (b: Buffer) => void, onStderr?: (b: Buffer) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const live = onStdout !== undefined;
    const child = spawn(exe, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, detached: live });
    const interrupt = () => { child.kill('SIGINT'); };
    if (live) process.on('SIGINT', interrupt);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => {
      out.push(b);
      onStdout?.(b);
    });
    child.stderr.on('data', (b: Buffer) => (onStderr ? onStderr(b) : err.push(b)));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      process.off('SIGINT', interrupt);
      resolve({ code, signal, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}
