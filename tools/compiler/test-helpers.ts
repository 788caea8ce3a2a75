// Shared by the compiler tests: temporary files, CPython's own view of a source (dis as JSON).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export const TESTDATA = path.join(path.dirname(new URL(import.meta.url).pathname), 'testdata');

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'svimpy-compiler-'));
}

/** Writes files {name: text} into a fresh temporary folder; returns the folder. */
export function writeFiles(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

export type Tagged = null | { bool: boolean } | { int: number } | { float: number } | { str: string } | { tuple: Tagged[] } | { code: string } | { repr: string };

export interface PyInstr { opname: string; arg: number | null; argval: unknown; offset: number; jump: boolean }
export interface PyExc { start: number; end: number; target: number; depth: number; lasti: boolean }
export interface PyCode {
  qualname: string; firstlineno: number; instructions: PyInstr[]; exceptions: PyExc[]; code: string;
  names: string[]; consts: Tagged[]; argcount: number; kwonlyargcount: number; nlocals: number;
  stacksize: number; flags: number; varnames: string[]; filename: string; name: string;
}

/** CPython's dis of a source file: every code object, depth first, module first. */
export function cpythonDis(file: string, name = file): PyCode[] {
  const out = execFileSync('python3', [path.join(TESTDATA, 'dis_json.py'), file, name], { encoding: 'utf8' });
  return JSON.parse(out) as PyCode[];
}
