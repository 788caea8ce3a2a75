// Names and argument widths of the VM's opcodes, read from vm-spec/opcodes.ts itself so the
// enum stays the single source (a const enum has no run-time name table).
import fs from 'node:fs';
import { Op } from '../../vm-spec/opcodes.ts';

export interface OpInfo { name: string; code: number; comment: string }

/** Argument bytes after the opcode byte, from the number range (docs/rpyc.md). */
export function argWidth(code: number): number {
  if (code < Op.FIRST_WITH_ARG) return 0;
  if (code < Op.FIRST_JUMP) return 1;
  return 2;
}

export function isJump(code: number): boolean {
  return code >= Op.FIRST_JUMP;
}

let cached: Map<number, OpInfo> | undefined;

export function opTable(): Map<number, OpInfo> {
  if (cached) return cached;
  const text = fs.readFileSync(new URL('../../vm-spec/opcodes.ts', import.meta.url), 'utf8');
  cached = new Map();
  for (const m of text.matchAll(/^\s*([A-Z_0-9]+) = (0x[0-9a-fA-F]+), \/\/ (.*)$/gm)) {
    const code = Number(m[2]);
    cached.set(code, { name: m[1], code, comment: m[3] });
  }
  return cached;
}
