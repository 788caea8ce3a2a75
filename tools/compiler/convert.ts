// Converts one CPython 3.11 code object into the VM's instruction encoding (docs/rpyc.md):
// drops CACHE/NOP/RESUME/PRECALL, folds EXTENDED_ARG, turns names and constants into
// constant-table indices, makes jumps absolute byte offsets, re-encodes the exception table,
// and refuses what the VM cannot run, naming file and line.
import { Op } from '../../vm-spec/opcodes.ts';
import type { CodeObject, PyValue } from './marshal.ts';
import { CPYTHON311 } from './cpython311.ts';
import type { ArgKind } from './cpython311.ts';
import { decodeExceptionTable, decodeLineTable } from './cpython-tables.ts';
import type { ConstPool } from './pool.ts';
import { CompileError } from './errors.ts';

export interface ConvertedException { start: number; end: number; target: number; depth: number; lasti: boolean }

export interface ConvertedCode {
  source: CodeObject;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  nlocals: number;
  stacksize: number;
  flags: number;
  bytes: Uint8Array;
  exceptions: ConvertedException[];
  /** [ip, line] pairs where the source line changes (0 = no line). */
  lines: [number, number][];
  nameEntry: number;
  paramsEntry: number | undefined;
}

/** Names that IMPORT_NAME accepts besides the modules being compiled. */
export const BUILTIN_MODULES = ['machine', 'time', 'arduino'];

export interface ConvertContext {
  pool: ConstPool;
  /** Module names an import may name: the compiled modules plus BUILTIN_MODULES. */
  importable: Set<string>;
}

const CO_VARARGS = 0x04;
const CO_VARKEYWORDS = 0x08;
const CO_GENERATOR = 0x20;
const CO_COROUTINE = 0x80;
const CO_ITERABLE_COROUTINE = 0x100;
const CO_ASYNC_GENERATOR = 0x200;
const CO_FAST_LOCAL = 0x20;

interface RawInstr {
  unit: number; // first code unit (its first EXTENDED_ARG, if any)
  line: number;
  op: Op;
  arg: number; // argument, or the jump target in code units
  jump: boolean;
  constValue?: PyValue; // for LOAD_CONST: the constant (IMPORT_NAME reads the level)
}

export function convertCode(code: CodeObject, ctx: ConvertContext): ConvertedCode {
  const units = code.code.length >> 1;
  const lineOfUnit = new Array<number>(units + 1).fill(0);
  for (const span of decodeLineTable(code.linetable, code.firstlineno)) {
    for (let u = span.start; u < span.end && u < units; u++) lineOfUnit[u] = span.line;
  }
  const at = (line: number): string => `${code.filename}:${line || code.firstlineno}`;
  checkCodeFlags(code, at(code.firstlineno));

  const raw: RawInstr[] = [];
  let copies = false; // a COPY 1 or PUSH_NULL the compiler added needs one stack slot more
  let ext = 0;
  let extStart = -1;
  for (let i = 0; i < units; ) {
    const opcode = code.code[2 * i];
    const oparg = code.code[2 * i + 1];
    const info = CPYTHON311.get(opcode);
    const line = lineOfUnit[i];
    if (!info) throw new CompileError(`${at(line)}: error: CPython opcode ${opcode} is unknown to sVimPy (is this CPython 3.11 bytecode?)`);
    const m = info.mapping;
    if (m.kind === 'extended-arg') {
      if (extStart < 0) extStart = i;
      ext = (ext | oparg) << 8;
      i++;
      continue;
    }
    const arg = ext | oparg;
    const start = extStart >= 0 ? extStart : i;
    ext = 0;
    extStart = -1;
    const next = i + 1 + info.caches;
    if (m.kind === 'refuse') throw new CompileError(`${at(line)}: error: ${m.reason}`);
    if (m.kind === 'op') {
      if (m.copy) raw.push({ unit: start, line, op: Op.COPY, arg: 1, jump: false });
      if (m.pushNull) raw.push({ unit: start, line, op: Op.PUSH_NULL, arg: 0, jump: false });
      raw.push(makeInstr(code, ctx, raw, m.op, m.arg, arg, start, next, line, at(line)));
      if (m.popAfter) raw.push({ unit: start, line, op: Op.POP_TOP, arg: 0, jump: false });
      copies ||= m.copy === true || m.pushNull === true;
    }
    i = next;
  }
  return layout(code, ctx, raw, units, at, copies ? 1 : 0);
}

function checkCodeFlags(code: CodeObject, where: string): void {
  if (code.flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE | CO_ASYNC_GENERATOR)) {
    throw new CompileError(`${where}: error: async functions are not supported by sVimPy yet (async def ${code.name})`);
  }
  if (code.flags & CO_GENERATOR) {
    const what = code.name === '<genexpr>' ? 'generator expression' : 'yield';
    throw new CompileError(`${where}: error: generators are not supported by sVimPy yet (${what})`);
  }
  if (code.flags & (CO_VARARGS | CO_VARKEYWORDS)) {
    throw new CompileError(`${where}: error: *args and **kwargs parameters are not supported by sVimPy yet (def ${code.name})`);
  }
  if (code.localspluskinds.some((k) => (k & ~CO_FAST_LOCAL & 0xe0) !== 0)) {
    throw new CompileError(`${where}: error: closures are not supported by sVimPy yet (a nested function uses a variable of its enclosing function)`);
  }
}

function makeInstr(
  code: CodeObject, ctx: ConvertContext, before: RawInstr[], op: Op, kind: ArgKind, arg: number,
  start: number, next: number, line: number, where: string,
): RawInstr {
  const instr: RawInstr = { unit: start, line, op, arg: 0, jump: false };
  switch (kind) {
    case 'none': break;
    case 'n': instr.arg = arg; break;
    case 'name': instr.arg = ctx.pool.index(code.names[arg], where); break;
    case 'const':
      instr.constValue = code.consts[arg];
      instr.arg = ctx.pool.index(code.consts[arg], where);
      break;
    case 'global':
      instr.op = arg & 1 ? Op.LOAD_GLOBAL_NULL : Op.LOAD_GLOBAL;
      instr.arg = ctx.pool.index(code.names[arg >> 1], where);
      break;
    case 'jump-forward': instr.jump = true; instr.arg = next + arg; break;
    case 'jump-backward': instr.jump = true; instr.arg = next - arg; break;
  }
  if (op === Op.RAISE_VARARGS && arg === 2) {
    throw new CompileError(`${where}: error: 'raise ... from ...' is not supported by sVimPy yet; use 'raise X'`);
  }
  if (op === Op.MAKE_FUNCTION && arg & 8) {
    throw new CompileError(`${where}: error: closures are not supported by sVimPy yet (a nested function uses a variable of its enclosing function)`);
  }
  if (op === Op.IMPORT_NAME) checkImport(code.names[arg], before, ctx, where);
  return instr;
}

function checkImport(name: string, before: RawInstr[], ctx: ConvertContext, where: string): void {
  // CPython pushes the level and the fromlist with two LOAD_CONSTs just before IMPORT_NAME.
  const levelInstr = before[before.length - 2];
  const level = levelInstr && levelInstr.op === Op.LOAD_CONST ? levelInstr.constValue : 0n;
  if (typeof level === 'bigint' && level !== 0n) {
    throw new CompileError(`${where}: error: relative imports are not supported by sVimPy; give the module's file on the command line and import it by name`);
  }
  if (name.includes('.')) {
    throw new CompileError(`${where}: error: dotted module names (import ${name}) are not supported by sVimPy`);
  }
  if (!ctx.importable.has(name)) {
    const given = [...ctx.importable].filter((n) => !BUILTIN_MODULES.includes(n));
    throw new CompileError(
      `${where}: error: module '${name}' is not available: give ${name}.py on the command line ` +
        `(compiled modules: ${given.join(', ') || 'none'}; built-in modules: ${BUILTIN_MODULES.join(', ')})`,
    );
  }
}

function instrSize(instr: RawInstr): number {
  if (instr.jump) return 3;
  const code = instr.op as number;
  if (code < Op.FIRST_WITH_ARG) return 1;
  return instr.arg > 0xff ? 4 : 2;
}

function layout(code: CodeObject, ctx: ConvertContext, raw: RawInstr[], units: number, at: (line: number) => string, extraStack: number): ConvertedCode {
  const where = at(code.firstlineno);
  for (const instr of raw) {
    if (!instr.jump && instr.arg > 0xffff) throw new CompileError(`${at(instr.line)}: error: argument ${instr.arg} is too large for sVimPy (at most 65535)`);
  }
  // Byte offset of every CPython code unit: dropped units map to the next emitted instruction.
  const offsets: number[] = [];
  let pos = 0;
  for (const instr of raw) {
    offsets.push(pos);
    pos += instrSize(instr);
  }
  const total = pos;
  if (total > 0xffff) throw new CompileError(`${where}: error: the code of ${code.qualname} is too long for sVimPy (${total} bytes)`);
  const offsetOfUnit = new Array<number>(units + 1).fill(total);
  const startsAt = new Map<number, number>();
  raw.forEach((instr, i) => { if (!startsAt.has(instr.unit)) startsAt.set(instr.unit, offsets[i]); });
  for (let u = units - 1; u >= 0; u--) offsetOfUnit[u] = startsAt.get(u) ?? offsetOfUnit[u + 1];
  const unitOffset = (u: number): number => offsetOfUnit[Math.min(Math.max(u, 0), units)];

  const bytes = new Uint8Array(total);
  const lines: [number, number][] = [];
  raw.forEach((instr, i) => {
    let p = offsets[i];
    if (lines.length === 0 || lines[lines.length - 1][1] !== instr.line) lines.push([p, instr.line]);
    if (instr.jump) {
      const t = unitOffset(instr.arg);
      bytes[p] = instr.op;
      bytes[p + 1] = t & 0xff;
      bytes[p + 2] = t >> 8;
      return;
    }
    if ((instr.op as number) >= Op.FIRST_WITH_ARG && instr.arg > 0xff) {
      bytes[p++] = Op.EXT;
      bytes[p++] = instr.arg >> 8;
    }
    bytes[p++] = instr.op;
    if ((instr.op as number) >= Op.FIRST_WITH_ARG) bytes[p] = instr.arg & 0xff;
  });

  const exceptions: ConvertedException[] = [];
  for (const e of decodeExceptionTable(code.exceptiontable)) {
    const start = unitOffset(e.start);
    const end = unitOffset(e.end);
    if (start >= end) continue;
    if (e.depth > 127) throw new CompileError(`${where}: error: exception handler stack depth ${e.depth} is too deep for sVimPy`);
    exceptions.push({ start, end, target: unitOffset(e.target), depth: e.depth, lasti: e.lasti });
  }

  const nparams = code.argcount + code.kwonlyargcount;
  const nlocals = code.localsplusnames.length;
  const stacksize = code.stacksize + extraStack;
  for (const [what, n] of [['locals', nlocals], ['stack size', stacksize], ['exception handlers', exceptions.length]] as const) {
    if (n > 255) throw new CompileError(`${where}: error: ${code.qualname} has too many ${what} for sVimPy (${n}, at most 255)`);
  }
  return {
    source: code,
    argcount: code.argcount,
    posonlyargcount: code.posonlyargcount,
    kwonlyargcount: code.kwonlyargcount,
    nlocals,
    stacksize,
    flags: code.flags & 0xff,
    bytes,
    exceptions,
    lines,
    nameEntry: ctx.pool.intern(code.name, where),
    paramsEntry: nparams > 0 ? ctx.pool.intern({ kind: 'tuple', items: code.localsplusnames.slice(0, nparams) }, where) : undefined,
  };
}
