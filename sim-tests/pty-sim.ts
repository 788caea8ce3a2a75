// A simulated Uno behind a pseudo-terminal (svimpy-sim --pty), for tests with real serial
// clients: avrdude, and our own uploader through node serialport. Opening the pty resets the
// MCU (a DTR pulse); simulated time follows the wall clock.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { harnessBinary } from './harness.ts';

/** UART traffic between the previous reset and this one (svimpy-sim's log line before it). */
export interface UartSpan { inBytes: number; fromCycle: number; outBytes: number; untilCycle: number }
export interface PtyReset { cycle: number; mcusr: number; before?: UartSpan }

export interface PtySim {
  path: string; // the pty's slave device, e.g. /dev/pts/3
  /** Resets seen so far (stderr lines 'svimpy-sim: reset at cycle N, MCUSR 0xXX'). */
  resets(): PtyReset[];
  stderr(): string;
  /** Stops the simulation (SIGTERM) and resolves with its final cycle count. */
  stop(): Promise<{ cycles: number; stderr: string }>;
}

export interface PtySimOptions {
  firmware: string[]; // HEX files overlaid (bootloader + firmware + image)
  boot?: boolean; // default true: start at 0x7E00 like BOOTRST
  cycleLimit?: number; // a safety net: default 60 s of simulated time
}

export function parseResets(stderr: string): PtyReset[] {
  const resets: PtyReset[] = [];
  let before: UartSpan | undefined;
  for (const line of stderr.split('\n')) {
    const span = /^svimpy-sim: uart before the reset: (\d+) bytes in from cycle (\d+), (\d+) bytes out until cycle (\d+)$/.exec(line);
    if (span) {
      const [inBytes, fromCycle, outBytes, untilCycle] = span.slice(1).map(Number);
      before = { inBytes, fromCycle, outBytes, untilCycle };
    }
    const reset = /^svimpy-sim: reset at cycle (\d+), MCUSR 0x([0-9a-f]{2})$/.exec(line);
    if (reset) {
      resets.push({ cycle: Number(reset[1]), mcusr: parseInt(reset[2], 16), ...(before ? { before } : {}) });
      before = undefined;
    }
  }
  return resets;
}

/** Starts svimpy-sim on a pty; resolves once the pty exists. */
export function startPtySim(opts: PtySimOptions): Promise<PtySim> {
  const args = ['--pty', '--cycles', String(opts.cycleLimit ?? 60 * 16_000_000)];
  if (opts.boot ?? true) args.push('--boot');
  const child: ChildProcess = spawn(harnessBinary(), [...args, ...opts.firmware], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  const exited: Promise<number | null> = new Promise((resolve) => child.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    exited.then((code) => reject(new Error(`svimpy-sim exited (${code}) before its pty was ready:\n${err}`)));
    child.stderr!.on('data', (chunk: Buffer) => {
      const before = err;
      err += chunk.toString('utf8');
      const m = /^svimpy-sim: pty (\S+)$/m.exec(err);
      if (m && !/^svimpy-sim: pty (\S+)$/m.test(before)) {
        resolve({
          path: m[1],
          resets: () => parseResets(err),
          stderr: () => err,
          async stop() {
            if (child.exitCode === null) child.kill('SIGTERM');
            await exited;
            const cycles = /^cycles (\d+)$/m.exec(err);
            if (!cycles) throw new Error(`svimpy-sim did not report its cycles:\n${err}`);
            return { cycles: Number(cycles[1]), stderr: err };
          },
        });
      }
    });
  });
}
