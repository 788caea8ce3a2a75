import { describe, expect, test, beforeAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { compileProgram } from './compile-program.ts';
import type { CompiledProgram } from './compile-program.ts';
import { Image, ImageError } from './image-reader.ts';
import type { ImageValue, CodeRecord } from './image-reader.ts';
import { TESTDATA, cpythonDis, tempDir, writeFiles } from './test-helpers.ts';
import { disassemble } from './disasm.ts';
import { runOnNode } from '../engines/node.ts';
import { crc16 } from './crc16.ts';
import type { PyCode, Tagged } from './test-helpers.ts';

const APP = path.join(TESTDATA, 'sample_app.py');
const LIB = path.join(TESTDATA, 'sample_lib.py');
const FEATURES = path.join(TESTDATA, 'sample_features.py');

// CPython 3.11 instructions that the compiler drops on purpose (docs/rpyc.md).
const DROPPED = new Set(['CACHE', 'NOP', 'RESUME', 'PRECALL', 'EXTENDED_ARG']);
const CONST_OPS = new Set(['LOAD_CONST', 'KW_NAMES']);
const NAME_OPS = new Set(['LOAD_NAME', 'STORE_NAME', 'DELETE_NAME', 'STORE_GLOBAL', 'DELETE_GLOBAL', 'LOAD_ATTR', 'LOAD_METHOD', 'IMPORT_NAME', 'IMPORT_FROM']);

// CPython instructions the compiler writes as several of ours: [before, after] the main one.
const EXPANDED: Record<string, [string[], string[]]> = {
  IMPORT_FROM: [['COPY'], []],
  JUMP_IF_FALSE_OR_POP: [['COPY'], ['POP_TOP']],
  JUMP_IF_TRUE_OR_POP: [['COPY'], ['POP_TOP']],
  DELETE_FAST: [['PUSH_NULL'], []],
  DELETE_NAME: [['PUSH_NULL'], []],
  DELETE_GLOBAL: [['PUSH_NULL'], []],
  STORE_SUBSCR: [[], ['POP_TOP']],
  DELETE_SUBSCR: [[], ['POP_TOP']],
};

/** The name our (main) instruction should have, written independently of cpython311.ts. */
function expectedName(opname: string, arg: number | null): string {
  if (opname === 'LOAD_GLOBAL') return (arg ?? 0) & 1 ? 'LOAD_GLOBAL_NULL' : 'LOAD_GLOBAL';
  if (['LOAD_NAME', 'STORE_NAME'].includes(opname)) return opname.replace('_NAME', '_GLOBAL');
  if (['DELETE_FAST', 'DELETE_NAME', 'DELETE_GLOBAL'].includes(opname)) return opname === 'DELETE_FAST' ? 'STORE_FAST' : 'STORE_GLOBAL'; // after a PUSH_NULL
  if (opname === 'IMPORT_FROM') return 'LOAD_ATTR';
  if (opname.startsWith('JUMP_IF_')) return opname.replace(/^JUMP_IF_(\w+)_OR_POP$/, 'POP_JUMP_IF_$1');
  if (['JUMP_FORWARD', 'JUMP_BACKWARD', 'JUMP_BACKWARD_NO_INTERRUPT'].includes(opname)) return 'JUMP';
  return opname.replace(/^POP_JUMP_(FORWARD|BACKWARD)_IF_/, 'POP_JUMP_IF_');
}

function tag(image: Image, v: ImageValue): Tagged {
  switch (v.kind) {
    case 'none': return null;
    case 'bool': return { bool: v.value };
    case 'int': return { int: v.value };
    case 'float': return { float: v.value };
    case 'str': return { str: v.value };
    case 'tuple': return { tuple: v.items.map((x) => tag(image, x)) };
    case 'code': return { code: `code@${v.offset}` };
    default: return { repr: v.kind };
  }
}

/** CPython constants as the image must hold them: floats rounded to f32, code by offset. */
function expectedConst(t: Tagged, codeOffset: (key: string) => number): Tagged {
  if (t === null) return null;
  if ('float' in t) return { float: Math.fround(t.float) };
  if ('tuple' in t) return { tuple: t.tuple.map((x) => expectedConst(x, codeOffset)) };
  if ('code' in t) return { code: `code@${codeOffset(t.code)}` };
  return t;
}

function compareCode(image: Image, ours: CodeRecord, theirs: PyCode, codeOffset: (key: string) => number): void {
  const kept = theirs.instructions.filter((i) => !DROPPED.has(i.opname));
  // Index of our first instruction for each kept one (and one past the end), and of its main one.
  const firstOurs: number[] = [];
  const mainOf: number[] = [];
  let n = 0;
  for (const k of kept) {
    const [before, after] = EXPANDED[k.opname] ?? [[], []];
    firstOurs.push(n);
    mainOf.push(n + before.length);
    n += before.length + 1 + after.length;
  }
  firstOurs.push(n);
  // CPython byte offset -> index of our first instruction for the first kept one at or after it.
  const indexAt = (offset: number): number => {
    const i = kept.findIndex((k) => k.offset >= offset);
    return firstOurs[i < 0 ? kept.length : i];
  };
  const ourIndexAt = (ip: number): number => {
    const i = ours.instructions.findIndex((k) => k.ip >= ip);
    return i < 0 ? ours.instructions.length : i;
  };
  expect(ours.instructions.map((i) => i.name)).toEqual(kept.flatMap((k) => {
    const [before, after] = EXPANDED[k.opname] ?? [[], []];
    return [...before, expectedName(k.opname, k.arg), ...after];
  }));
  kept.forEach((k, n) => {
    const ins = ours.instructions[mainOf[n]];
    if (EXPANDED[k.opname]?.[0][0] === 'COPY') expect(ours.instructions[firstOurs[n]].arg).toBe(1); // COPY 1
    const what = `${theirs.qualname} #${n} ${k.opname}`;
    if (k.jump) expect(ourIndexAt(ins.arg!), what).toBe(indexAt(k.argval as number));
    else if (CONST_OPS.has(k.opname)) expect(tag(image, image.constant(ins.arg!)), what).toEqual(expectedConst(theirs.consts[k.arg!], codeOffset));
    else if (NAME_OPS.has(k.opname) || k.opname === 'LOAD_GLOBAL') expect(tag(image, image.constant(ins.arg!)), what).toEqual({ str: k.argval });
    else if (k.arg !== null) expect(ins.arg, what).toBe(k.arg);
    else expect(ins.arg, what).toBeUndefined();
  });
  const expectedExc = theirs.exceptions
    .map((e) => ({ start: indexAt(e.start), end: indexAt(e.end), target: indexAt(e.target), depth: e.depth, lasti: e.lasti }))
    .filter((e) => e.start < e.end);
  const ourExc = ours.exceptions.map((e) => ({ start: ourIndexAt(e.start), end: ourIndexAt(e.end), target: ourIndexAt(e.target), depth: e.depth, lasti: e.lasti }));
  expect(ourExc, theirs.qualname).toEqual(expectedExc);
  const copies = kept.some((k) => EXPANDED[k.opname]?.[0].length);
  expect([ours.argcount, ours.kwonlyargcount, ours.nlocals, ours.stacksize]).toEqual([theirs.argcount, theirs.kwonlyargcount, theirs.nlocals, theirs.stacksize + (copies ? 1 : 0)]);
  expect(ours.params).toEqual(theirs.varnames.slice(0, theirs.argcount + theirs.kwonlyargcount));
  expect(ours.name).toBe(theirs.name);
}

describe('compile, then read the image back', () => {
  let program: CompiledProgram;
  let image: Image;
  beforeAll(() => {
    program = compileProgram({ inputs: [APP, LIB, FEATURES], python: 'python3' });
    image = new Image(program.image);
  });

  test('header and module table', () => {
    expect([...program.image.slice(0, 3)]).toEqual([0x53, 0x56, 5]);
    expect(image.header.length).toBe(program.image.length);
    expect(image.modules().map((m) => m.name)).toEqual(['sample_app', 'sample_lib', 'sample_features']);
    expect(program.map.modules.map((m) => m.code)).toEqual(image.modules().map((m) => m.code));
  });

  test('instructions, constants, jumps and exception tables match CPython dis', () => {
    const byKey = new Map<string, number>();
    for (const [offset, c] of Object.entries(program.map.code)) byKey.set(`${c.file}|${c.qualname}:${c.firstlineno}`, Number(offset));
    let compared = 0;
    for (const file of [APP, LIB, FEATURES]) {
      const codeOffset = (key: string): number => byKey.get(`${file}|${key}`)!;
      for (const theirs of cpythonDis(file)) {
        const offset = codeOffset(`${theirs.qualname}:${theirs.firstlineno}`);
        expect(offset, theirs.qualname).toBeTypeOf('number');
        compareCode(image, image.code(offset), theirs, codeOffset);
        compared++;
      }
    }
    // Every code object of the program's own files; the library functions it uses come on top.
    const own = image.allCode().filter((c) => !program.map.code[String(c.offset)].lib);
    expect(compared).toBe(own.length);
    expect(own.length).toBeLessThan(image.allCode().length);
  });

  test('the map gives every instruction the line CPython gives it', () => {
    for (const file of [APP, LIB, FEATURES]) {
      const lines = execFileSync('python3', ['-c', `
import dis, json, sys, types
co = compile(open(sys.argv[1]).read(), 'x', 'exec')
out = {}
def walk(c):
    line_at = {}
    for start, end, line in c.co_lines():
        for off in range(start, end, 2): line_at[off] = line or 0
    seq = []
    for i in dis.get_instructions(c):
        # (the line of an instruction is that of its opcode unit, not of an EXTENDED_ARG prefix)
        # (IMPORT_FROM, DELETE_* and *_SUBSCR stores become 2 instructions of ours, JUMP_IF_*_OR_POP 3)
        n = 2 if i.opname in ('IMPORT_FROM', 'DELETE_FAST', 'DELETE_NAME', 'DELETE_GLOBAL', 'STORE_SUBSCR', 'DELETE_SUBSCR') else 3 if i.opname.endswith('_OR_POP') else 1
        if i.opname not in ('CACHE', 'NOP', 'RESUME', 'PRECALL', 'EXTENDED_ARG'): seq += [line_at[i.offset]] * n
    out['%s:%d' % (c.co_qualname, c.co_firstlineno)] = seq
    for k in c.co_consts:
        if isinstance(k, types.CodeType): walk(k)
walk(co)
print(json.dumps(out))`, file], { encoding: 'utf8' });
      const expected = JSON.parse(lines) as Record<string, (number | null)[]>;
      let compared = 0;
      for (const [offset, c] of Object.entries(program.map.code)) {
        if (c.file !== file) continue;
        const ins = image.code(Number(offset)).instructions;
        const ours = ins.map((i) => {
          let line = 0;
          for (const [ip, l] of c.lines) if (ip <= i.ip) line = l;
          return line;
        });
        expect(ours, `${file} ${c.qualname}`).toEqual(expected[`${c.qualname}:${c.firstlineno}`]);
        compared++;
      }
      expect(compared).toBe(Object.keys(expected).length);
    }
  });

  test('a name and an equal str constant are one entry, shared across modules', () => {
    const dir = writeFiles({
      'one.py': 'import two\nprint("hello", 70000, 2.5, (1, "x"))\nhello = 1\n',
      'two.py': 'def f():\n    return ("hello", 70000, 2.5, (1, "x"))\nprint(f())\n',
    });
    const p = compileProgram({ inputs: [path.join(dir, 'one.py'), path.join(dir, 'two.py')], python: 'python3' });
    const img = new Image(p.image);
    const consts: Tagged[] = [];
    for (let k = 0; k < img.header.constCount; k++) consts.push(tag(img, img.constant(k)));
    const keys = consts.map((c) => JSON.stringify(c));
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of ['{"str":"hello"}', '{"str":"print"}', '{"int":70000}', '{"float":2.5}']) expect(keys).toContain(c);
    // Each string record is written once: "hello" appears once in the image bytes.
    const text = Buffer.from(p.image).toString('latin1');
    expect(text.split('hello').length - 1).toBe(1);
    expect(text.split('print').length - 1).toBe(1);
  });

  test('ints: small ones immediate, others INT records, all exact', () => {
    const big = [2147483647, -2147483648, 16383, 16384, -16384, -16385];
    const found: [number, boolean][] = [];
    const visit = (v: ImageValue): void => {
      if (v.kind === 'tuple') v.items.forEach(visit);
      if (v.kind === 'int' && big.includes(v.value) && !found.some((f) => f[0] === v.value)) found.push([v.value, v.boxed]);
    };
    for (let k = 0; k < image.header.constCount; k++) visit(image.constant(k));
    expect(found.sort((a, b) => a[0] - b[0])).toEqual([
      [-2147483648, true], [-16385, true], [-16384, false], [16383, false], [16384, true], [2147483647, true],
    ]);
  });

  test('a 3.11 .pyc file compiles to the same image as its source', () => {
    const dir = tempDir();
    const pyc = path.join(dir, 'sample_lib.pyc');
    execFileSync('python3', ['-c', 'import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], dfile=sys.argv[1], doraise=True)', LIB, pyc]);
    const fromPyc = compileProgram({ inputs: [pyc], python: 'python3' });
    const fromPy = compileProgram({ inputs: [LIB], python: 'python3' });
    expect(Buffer.from(fromPyc.image).equals(Buffer.from(fromPy.image))).toBe(true);
  });
});

describe('large code: EXT prefixes and long jumps', () => {
  test('300 names and constants round-trip like CPython (EXTENDED_ARG folded into EXT)', () => {
    const lines = ['x = 0', 'if x:'];
    for (let i = 0; i < 300; i++) lines.push(`    v${i} = 'c${i}'`);
    lines.push('while x < 3:', '    x += 1', 'print(x, v299 if x > 5 else 70000)');
    const dir = writeFiles({ 'big.py': lines.join('\n') + '\n' });
    const file = path.join(dir, 'big.py');
    const p = compileProgram({ inputs: [file], python: 'python3' });
    const img = new Image(p.image);
    const [theirs] = cpythonDis(file);
    expect(theirs.instructions.some((i) => i.opname === 'EXTENDED_ARG')).toBe(true);
    const code = img.code(img.modules()[0].code);
    expect(code.instructions.some((i) => i.arg !== undefined && i.arg > 255 && i.size === 4)).toBe(true);
    compareCode(img, code, theirs, () => -1);
  });
});

describe('svimpy dis text', () => {
  test('shows header, constants, decoded arguments, jump targets and source lines', () => {
    const dir = writeFiles({ 'fib.py': 'def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\nprint(fib(15))\n' });
    const p = compileProgram({ inputs: [path.join(dir, 'fib.py')], python: 'python3' });
    const text = disassemble(new Image(p.image), p.map);
    expect(text).toMatch(new RegExp(`^rpyc image, format 5: ${p.image.length} bytes, CRC-16 0x[0-9a-f]{4} ok, 1 module\\(s\\)`));
    expect(text).toContain('line 2: if n < 2:');
    expect(text).toMatch(/COMPARE_OP +0 +\(<\)/);
    expect(text).toMatch(/POP_JUMP_IF_FALSE +(\d+) +\(to \1\)/);
    expect(text).toMatch(/>> +\d+ +LOAD_GLOBAL_NULL +\d+ +\(fib\)/);
    expect(text).toMatch(/LOAD_FAST +0 +\(n\)/);
    expect(text).toMatch(/str +'print' @\d+/);
  });
});

describe('corrupt images', () => {
  const program = compileProgram({ inputs: [LIB], python: 'python3' });

  test('every single changed byte is detected', () => {
    for (let i = 0; i < program.image.length; i++) {
      for (const mask of [0x01, 0x80, 0xff]) {
        const bad = program.image.slice();
        bad[i] ^= mask;
        expect(() => new Image(bad), `byte ${i} ^ ${mask}`).toThrow(ImageError);
      }
    }
  });

  test('a STR record whose stored hash is wrong is refused even with a matching CRC', () => {
    const bad = program.image.slice();
    const at = new DataView(bad.buffer).getUint16(18, true) >> 2; // module 0's name, a STR record
    bad[at + 3] ^= 0x01; // the hash's low byte (docs/rpyc.md: type, len, hash, name, bytes)
    new DataView(bad.buffer).setUint16(6, crc16(bad, 8), true);
    expect(() => new Image(bad).modules()).toThrow(/wrong hash in the string at/);
  });

  test('a STR record with a wrong name number, or an image of another name table, is refused', () => {
    const bad = program.image.slice();
    const at = new DataView(bad.buffer).getUint16(18, true) >> 2;
    bad[at + 5] ^= 0x01; // the name number
    new DataView(bad.buffer).setUint16(6, crc16(bad, 8), true);
    expect(() => new Image(bad).modules()).toThrow(/wrong name number in the string at/);
    const other = program.image.slice();
    other[16] ^= 0x01; // the name table's hash
    new DataView(other.buffer).setUint16(6, crc16(other, 8), true);
    expect(() => new Image(other)).toThrow(/compiled for another sVimPy build/);
    const run = runOnNode(other);
    expect([run.status, run.stderr]).toEqual([2, 'svimpy: the image is not valid (error 6)\nsvimpy: the image was compiled for another sVimPy build (its builtin names differ): recompile it with the svimpy that built this VM, or flash this svimpy\'s firmware (svimpy flash)\n']);
  });

  test('truncated and padded images name the length problem', () => {
    expect(() => new Image(program.image.slice(0, program.image.length - 1))).toThrow(/header says \d+ bytes but the file has/);
    const padded = new Uint8Array(program.image.length + 1);
    padded.set(program.image);
    expect(() => new Image(padded)).toThrow(/header says/);
    expect(() => new Image(new Uint8Array([1, 2, 3]))).toThrow(/not an rpyc image/);
  });

  test('svimpy dis says so and exits 1', () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.rpyc');
    const bad = program.image.slice();
    bad[bad.length - 3] ^= 0x10;
    fs.writeFileSync(file, bad);
    let err = '';
    try {
      execFileSync('node', ['tools/svimpy.js', 'dis', file], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      const x = e as { status: number; stderr: string };
      expect(x.status).toBe(1);
      err = x.stderr;
    }
    expect(err).toMatch(/bad\.rpyc: corrupt image: CRC mismatch/);
    expect(err).not.toMatch(/at .*\.ts:\d+/);
  });
});
