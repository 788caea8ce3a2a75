// The whole compiler: sources (.py through CPython 3.11, or 3.11 .pyc files) -> image + map.
import fs from 'node:fs';
import path from 'node:path';
import { readMarshal, isCode, MarshalError } from './marshal.ts';
import type { CodeObject } from './marshal.ts';
import { ConstPool } from './pool.ts';
import { convertCode, BUILTIN_MODULES } from './convert.ts';
import type { ConvertedCode } from './convert.ts';
import { writeImage } from './image-writer.ts';
import type { WrittenImage } from './image-writer.ts';
import { checkPythonVersion, compileWithCPython } from './python.ts';
import { CompileError } from './errors.ts';
import { LIB_DIR, LIB_FILE_PREFIX, libSources, libFunctions, selectLib, storedGlobals } from './lib.ts';
import type { LibFunction } from './lib.ts';

export const PYC_MAGIC_311 = [0xa7, 0x0d, 0x0d, 0x0a];

export interface CompileOptions {
  /** Input files, entry module first: .py sources or CPython 3.11 .pyc files. */
  inputs: string[];
  /** The interpreter for .py inputs. */
  python: string;
  /** The library folder (tests); vm-spec/lib by default. */
  libDir?: string;
}

/** The module name of an input: its file name without .py / .pyc (and without .cpython-311). */
export function moduleName(file: string): string {
  return path.basename(file).replace(/\.pyc$/, '').replace(/\.cpython-\d+$/, '').replace(/\.py$/, '');
}

export function readPyc(file: string): CodeObject {
  const data = new Uint8Array(fs.readFileSync(file));
  if (data.length < 17 || PYC_MAGIC_311.some((b, i) => data[i] !== b)) {
    const found = [...data.slice(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new CompileError(`${file}: error: not a CPython 3.11 .pyc file (magic ${found}, expected a7 0d 0d 0a); compile the .py source instead`);
  }
  const code = readMarshalChecked(data, 16, file);
  if (!isCode(code)) throw new CompileError(`${file}: error: the .pyc file does not hold a code object`);
  return code;
}

function readMarshalChecked(data: Uint8Array, start: number, what: string) {
  try {
    return readMarshal(data, start);
  } catch (e) {
    if (e instanceof MarshalError) throw new CompileError(`${what}: error: bad marshal data: ${e.message}`);
    throw e;
  }
}

/** One code object per source, from one CPython run. */
function compileSources(python: string, sources: { path: string; name: string }[]): CodeObject[] {
  checkPythonVersion(python);
  const list = readMarshalChecked(compileWithCPython(python, sources), 0, 'python output');
  if (list === null || typeof list !== 'object' || !('kind' in list) || list.kind !== 'list') throw new CompileError('error: python did not return a list of code objects');
  return list.items.map((c) => {
    if (!isCode(c)) throw new CompileError('error: python did not return a code object');
    return c;
  });
}

/** Reads every input into a CPython code object (one python run for all .py files). */
export function loadCodeObjects(options: CompileOptions): CodeObject[] {
  for (const f of options.inputs) {
    if (!fs.existsSync(f)) throw new CompileError(`${f}: error: no such file`);
  }
  const sources = options.inputs.filter((f) => !f.endsWith('.pyc'));
  const fromPython = new Map<string, CodeObject>();
  if (sources.length > 0) {
    compileSources(options.python, sources.map((f) => ({ path: f, name: f }))).forEach((c, i) => fromPython.set(sources[i], c));
  }
  return options.inputs.map((f) => fromPython.get(f) ?? readPyc(f));
}

export interface CompiledProgram extends WrittenImage {
  modules: string[];
}

export function compileProgram(options: CompileOptions): CompiledProgram {
  const names = options.inputs.map(moduleName);
  const seen = new Set<string>();
  for (const [i, n] of names.entries()) {
    if (seen.has(n)) throw new CompileError(`${options.inputs[i]}: error: a second module named '${n}'; module names come from file names and must differ`);
    if (BUILTIN_MODULES.includes(n)) throw new CompileError(`${options.inputs[i]}: error: '${n}' is the name of a built-in sVimPy module; rename the file`);
    seen.add(n);
  }
  const codes = loadCodeObjects(options);
  return compileCodeObjects(codes, names, loadLib(options.python, options.libDir));
}

/** Every library function (vm-spec/lib/*.py, compiled by CPython, cached per interpreter). */
const libCache = new Map<string, LibFunction[]>();
export function loadLib(python: string, dir: string = LIB_DIR): LibFunction[] {
  const key = `${python}\0${dir}`;
  const cached = libCache.get(key);
  if (cached) return cached;
  const files = libSources(dir);
  let all: LibFunction[] = [];
  if (files.length > 0) {
    all = compileSources(python, files.map((f) => ({ path: f, name: LIB_FILE_PREFIX + path.basename(f) }))).flatMap(libFunctions);
  }
  libCache.set(key, all);
  return all;
}

/** Converts code objects (module i named names[i]) and the library functions they use into one image. */
export function compileCodeObjects(codes: CodeObject[], names: string[], lib: LibFunction[] = []): CompiledProgram {
  const importable = new Set([...names, ...BUILTIN_MODULES]);
  let pool: ConstPool;
  const convert = (c: CodeObject): ConvertedCode => convertCode(c, { pool, importable });
  pool = new ConstPool(convert);
  // The entry module's globals are the first constant-table entries (docs/rpyc.md): the VM keeps
  // them in an array indexed by the instruction argument instead of a dict.
  const globals = storedGlobals(codes[0]);
  for (const name of globals) pool.index(name, codes[0].filename);
  const modules = codes.map((code, i) => ({
    name: names[i],
    file: code.filename,
    nameEntry: pool.intern(names[i], code.filename),
    codeEntry: pool.intern(code, code.filename),
    globals: i === 0 ? globals.length : 0,
  }));
  const used = selectLib(lib, codes);
  const funcs = used.map((f) => pool.addFunc(
    f.kind, pool.intern(f.name, f.code.filename), pool.intern(f.code, f.code.filename),
    f.defaults === undefined ? undefined : pool.intern(f.defaults, f.code.filename),
  ));
  const libTable = funcs.length > 0 ? pool.addTuple(funcs) : undefined;
  return { ...writeImage(pool, modules, libTable), modules: names };
}
