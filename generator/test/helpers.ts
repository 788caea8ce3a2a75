// Shared plumbing of the generator tests: generate into a temp dir, compile with gcc/avr-gcc, run.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate, type GenerateResult } from '../index.ts';
import { setPlatform } from '../../vm-spec/platform.ts';

export const HERE = path.dirname(new URL(import.meta.url).pathname);
export const WARNINGS = ['-std=c99', '-Wall', '-Wextra', '-Werror'];

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `svimpy-${prefix}-`));
}

/** Generates C for `files` into a new temp dir; throws with the diagnostics if there are any. */
export function generateOk(files: string[]): { dir: string; result: GenerateResult } {
  const dir = tempDir('gen');
  const result = generate({ files, outDir: dir });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.text).join('\n'));
  return { dir, result };
}

/** Builds svimpy.c with the test host main (putc to stdout) under UBSan and runs it. */
export function runHostC(dir: string): string {
  const exe = path.join(dir, 'prog');
  execFileSync('gcc', [...WARNINGS, '-O1', '-fsanitize=undefined,bounds', '-fno-sanitize-recover=all', '-I', dir,
    path.join(dir, 'svimpy.c'), path.join(HERE, 'host-main.c'), '-o', exe], { stdio: 'pipe' });
  const run = spawnSync(exe, { encoding: 'latin1' });
  if (run.status !== 0 || run.stderr) throw new Error(`exit ${run.status}: ${run.stderr}`);
  return run.stdout;
}

/** Compiles svimpy.c for the ATmega328p (compile only). */
export function compileAvr(dir: string): void {
  execFileSync('avr-gcc', ['-mmcu=atmega328p', '-Os', ...WARNINGS, '-c', path.join(dir, 'svimpy.c'), '-o', path.join(dir, 'svimpy.o')], { stdio: 'pipe' });
}

/** Runs a program's exported main() under Node with putc collecting bytes. */
export async function runNode(file: string): Promise<string> {
  const out: number[] = [];
  setPlatform({ putc: (c) => { out.push(c); } });
  const program = await import(pathToFileURL(file).href);
  program.main();
  return Buffer.from(out).toString('latin1');
}
