// Lays out a ConstPool and a module list as an rpyc image (docs/rpyc.md) and builds the
// host-side map (app.rpyc.map) that turns (code offset, ip) back into file and line.
import path from 'node:path';
import type { ConstPool, Entry } from './pool.ts';
import type { ConvertedCode } from './convert.ts';
import { crc16 } from './crc16.ts';
import { LIB_FILE_PREFIX } from './lib.ts';
import { vmNameIndex, VM_NAMES_HASH } from './vm-names.ts';
import { CompileError } from './errors.ts';
import {
  CODE_HEAD_SIZE, EXC_ENTRY_SIZE, FORMAT_VERSION, HEADER_SIZE, MAGIC0, MAGIC1, MAX_RECORD_OFFSET, STR_HEAD_SIZE, strHash,
  MODULE_ENTRY_SIZE, RecordType, FUNC_RECORD_SIZE, VALUE_FALSE, VALUE_NONE, VALUE_NULL, VALUE_TRUE, imageRef, smallInt,
} from './image-format.ts';

/** `globals`: how many global variables the module has (the first constant-table entries). */
export interface ModuleInput { name: string; file: string; nameEntry: number; codeEntry: number; globals: number }

/** `lib`: library code (lib.ts), hidden in tracebacks as CPython hides its C builtins. */
export interface CodeMapEntry { module: string; file: string; name: string; qualname: string; firstlineno: number; locals: string[]; lines: [number, number][]; lib?: boolean }
export interface ImageMap {
  format: 'svimpy-rpyc-map';
  version: 1;
  modules: { name: string; file: string; code: number }[];
  code: Record<string, CodeMapEntry>;
  /** file name as in `code` -> absolute path of the source, for showing source lines. */
  sources: Record<string, string>;
}

export interface WrittenImage { image: Uint8Array; map: ImageMap }

function recordSize(e: Entry): number {
  switch (e.kind) {
    case 'none': case 'bool': case 'small': return 0;
    case 'str': return STR_HEAD_SIZE + Buffer.byteLength(e.value, 'utf8');
    case 'int': case 'float': return 5;
    case 'tuple': return 3 + 2 * e.items.length;
    case 'func': return FUNC_RECORD_SIZE;
    case 'code': {
      const c = e.code as ConvertedCode;
      return CODE_HEAD_SIZE + c.bytes.length + EXC_ENTRY_SIZE * c.exceptions.length;
    }
  }
}

/** `lib`: the entry id of the library tuple (lib.ts), if the program uses library functions. */
export function writeImage(pool: ConstPool, modules: ModuleInput[], lib?: number): WrittenImage {
  if (modules.length < 1 || modules.length > 255) throw new CompileError(`error: an image holds 1 to 255 modules, not ${modules.length}`);
  const moduleTable = HEADER_SIZE;
  const constTable = moduleTable + MODULE_ENTRY_SIZE * modules.length;
  let pos = constTable + 2 * pool.table.length;

  // Small records first, code last, so that as many records as possible lie below 16384.
  const offsets = new Map<number, number>();
  const ids = pool.entries.map((_, id) => id);
  const order = [...ids.filter((id) => pool.entries[id].kind !== 'code'), ...ids.filter((id) => pool.entries[id].kind === 'code')];
  for (const id of order) {
    const size = recordSize(pool.entries[id]);
    if (size === 0) continue;
    if (pos > MAX_RECORD_OFFSET) {
      throw new CompileError(`error: the program is too large for an sVimPy image: records must start below byte ${MAX_RECORD_OFFSET + 1}`);
    }
    offsets.set(id, pos);
    pos += size;
  }
  const total = pos;
  if (total > 0xffff) throw new CompileError(`error: the image would be ${total} bytes; sVimPy images hold at most 65535`);

  const value = (id: number): number => {
    const e = pool.entries[id];
    switch (e.kind) {
      case 'none': return VALUE_NONE;
      case 'bool': return e.value ? VALUE_TRUE : VALUE_FALSE;
      case 'small': return smallInt(e.value);
      default: return imageRef(offsets.get(id)!);
    }
  };

  const image = new Uint8Array(total);
  const view = new DataView(image.buffer);
  const u16 = (at: number, v: number): void => view.setUint16(at, v, true);
  image[0] = MAGIC0;
  image[1] = MAGIC1;
  image[2] = FORMAT_VERSION;
  image[3] = modules.length;
  u16(4, total);
  u16(8, moduleTable);
  u16(10, constTable);
  u16(12, pool.table.length);
  u16(14, lib === undefined ? VALUE_NULL : value(lib));
  u16(16, VM_NAMES_HASH);
  modules.forEach((m, i) => {
    u16(moduleTable + MODULE_ENTRY_SIZE * i, value(m.nameEntry));
    u16(moduleTable + MODULE_ENTRY_SIZE * i + 2, value(m.codeEntry));
    u16(moduleTable + MODULE_ENTRY_SIZE * i + 4, m.globals);
  });
  pool.table.forEach((id, k) => u16(constTable + 2 * k, value(id)));

  for (const [id, at] of offsets) {
    const e = pool.entries[id];
    switch (e.kind) {
      case 'str': {
        const b = Buffer.from(e.value, 'utf8');
        image[at] = RecordType.STR;
        u16(at + 1, b.length);
        u16(at + 3, strHash(b));
        image[at + 5] = vmNameIndex(e.value);
        image.set(b, at + STR_HEAD_SIZE);
        break;
      }
      case 'int':
        image[at] = RecordType.INT;
        view.setInt32(at + 1, e.value, true);
        break;
      case 'float':
        image[at] = RecordType.FLOAT;
        view.setFloat32(at + 1, e.value, true);
        break;
      case 'tuple':
        image[at] = RecordType.TUPLE;
        u16(at + 1, e.items.length);
        e.items.forEach((item, i) => u16(at + 3 + 2 * i, value(item)));
        break;
      case 'func':
        image[at] = RecordType.FUNC;
        image[at + 1] = e.libKind;
        u16(at + 2, value(e.name));
        u16(at + 4, value(e.code));
        u16(at + 6, e.defaults === undefined ? VALUE_NULL : value(e.defaults));
        break;
      case 'code': {
        const c = e.code as ConvertedCode;
        image[at] = RecordType.CODE;
        image[at + 1] = c.argcount;
        image[at + 2] = c.posonlyargcount;
        image[at + 3] = c.kwonlyargcount;
        image[at + 4] = c.nlocals;
        image[at + 5] = c.stacksize;
        image[at + 6] = c.flags;
        image[at + 7] = c.exceptions.length;
        u16(at + 8, value(c.nameEntry));
        u16(at + 10, c.paramsEntry === undefined ? VALUE_NULL : value(c.paramsEntry));
        u16(at + 12, c.bytes.length);
        image.set(c.bytes, at + CODE_HEAD_SIZE);
        let x = at + CODE_HEAD_SIZE + c.bytes.length;
        for (const ex of c.exceptions) {
          u16(x, ex.start);
          u16(x + 2, ex.end);
          u16(x + 4, ex.target);
          image[x + 6] = (ex.depth << 1) | (ex.lasti ? 1 : 0);
          x += EXC_ENTRY_SIZE;
        }
        break;
      }
    }
  }
  u16(6, crc16(image, 8, total));

  return { image, map: buildMap(pool, modules, offsets) };
}

function buildMap(pool: ConstPool, modules: ModuleInput[], offsets: Map<number, number>): ImageMap {
  const code: Record<string, CodeMapEntry> = {};
  const moduleOfFile = new Map(modules.map((m) => [m.file, m.name]));
  pool.entries.forEach((e, id) => {
    if (e.kind !== 'code') return;
    const c = e.code as ConvertedCode;
    const s = c.source;
    code[String(offsets.get(id))] = {
      module: moduleOfFile.get(s.filename) ?? '', file: s.filename, name: s.name, qualname: s.qualname,
      firstlineno: s.firstlineno, locals: s.localsplusnames, lines: c.lines,
      ...(s.filename.startsWith(LIB_FILE_PREFIX) ? { lib: true } : {}),
    };
  });
  return {
    format: 'svimpy-rpyc-map',
    version: 1,
    modules: modules.map((m) => ({ name: m.name, file: m.file, code: offsets.get(m.codeEntry)! })),
    code,
    sources: Object.fromEntries(modules.map((m) => [m.file, path.resolve(m.file)])),
  };
}
