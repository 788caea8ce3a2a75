// The image's one deduplicated pool of constants and names, shared by all modules, and the
// constant table (the entries instructions refer to by index k). docs/rpyc.md, "Constant table".
import type { PyValue, CodeObject } from './marshal.ts';
import { isCode } from './marshal.ts';
import { CompileError } from './errors.ts';

export const SMALL_MIN = -16384;
export const SMALL_MAX = 16383;

export type Entry =
  | { kind: 'none' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'small'; value: number } // an immediate small int
  | { kind: 'str'; value: string }
  | { kind: 'int'; value: number } // an i32 outside the small range
  | { kind: 'float'; value: number } // already rounded to f32
  | { kind: 'tuple'; items: number[] } // entry ids
  | { kind: 'code'; code: unknown } // a ConvertedCode (convert.ts)
  | { kind: 'func'; libKind: number; name: number; code: number; defaults: number | undefined }; // a library function (lib.ts)

export class ConstPool {
  readonly entries: Entry[] = [];
  /** Constant table: entry ids in table order. */
  readonly table: number[] = [];
  private byKey = new Map<string, number>();
  private tableIndex = new Map<number, number>();

  /** convertCode turns a nested code object into its converted form (set by the compiler). */
  constructor(private convertCode: (code: CodeObject) => unknown) {}

  /** The constant-table index k of a value, adding it if new. `where` prefixes errors ("app.py:3"). */
  index(value: PyValue, where: string): number {
    return this.indexOfEntry(this.intern(value, where));
  }

  indexOfEntry(id: number): number {
    let k = this.tableIndex.get(id);
    if (k === undefined) {
      k = this.table.push(id) - 1;
      this.tableIndex.set(id, k);
    }
    return k;
  }

  intern(value: PyValue, where: string): number {
    if (isCode(value)) return this.add({ kind: 'code', code: this.convertCode(value) }, undefined);
    const entry = this.entryFor(value, where);
    if (entry.kind === 'tuple') return this.add(entry, `tuple:${entry.items.join(',')}`);
    return this.add(entry, keyOf(entry));
  }

  /** A library function's FUNC record (entry ids of its name, code and defaults tuple). */
  addFunc(libKind: number, name: number, code: number, defaults: number | undefined): number {
    return this.add({ kind: 'func', libKind, name, code, defaults }, undefined);
  }

  /** A tuple of entries (the library table). */
  addTuple(items: number[]): number {
    return this.add({ kind: 'tuple', items }, `tuple:${items.join(',')}`);
  }

  private add(entry: Entry, key: string | undefined): number {
    if (key !== undefined) {
      const old = this.byKey.get(key);
      if (old !== undefined) return old;
    }
    const id = this.entries.push(entry) - 1;
    if (key !== undefined) this.byKey.set(key, id);
    return id;
  }

  private entryFor(value: PyValue, where: string): Entry {
    if (value === null) return { kind: 'none' };
    if (typeof value === 'boolean') return { kind: 'bool', value };
    if (typeof value === 'string') return { kind: 'str', value };
    if (typeof value === 'bigint') {
      if (value < -2147483648n || value > 2147483647n) {
        throw new CompileError(`${where}: error: the int constant ${value} does not fit in 32 bits (sVimPy ints are signed 32-bit)`);
      }
      const n = Number(value);
      return n >= SMALL_MIN && n <= SMALL_MAX ? { kind: 'small', value: n } : { kind: 'int', value: n };
    }
    if (value instanceof Uint8Array) throw new CompileError(`${where}: error: bytes constants are not supported by sVimPy`);
    switch (value.kind) {
      case 'float': return { kind: 'float', value: Math.fround(value.value) };
      case 'tuple': return { kind: 'tuple', items: value.items.map((v) => this.intern(v, where)) };
      case 'complex': throw new CompileError(`${where}: error: complex numbers are not supported by sVimPy`);
      case 'set':
        // CPython turns `x in {1, 2}` into a frozenset constant.
        throw new CompileError(`${where}: error: sets are not supported by sVimPy yet${value.frozen ? ' (for `x in {...}` write a tuple: `x in (...)`)' : ''}`);
      case 'ellipsis': throw new CompileError(`${where}: error: Ellipsis (...) as a value is not supported by sVimPy`);
      default: throw new CompileError(`${where}: error: a constant of kind '${value.kind}' is not supported by sVimPy`);
    }
  }
}

function keyOf(e: Entry): string {
  switch (e.kind) {
    case 'none': return 'none';
    case 'bool': return `bool:${e.value}`;
    case 'small': case 'int': return `int:${e.value}`;
    case 'str': return `str:${e.value}`;
    // Object.is keeps 0.0 and -0.0 apart; the bit pattern is what the image stores.
    case 'float': return `float:${Object.is(e.value, -0) ? '-0' : String(e.value)}`;
    default: throw new Error(`keyOf(${e.kind})`);
  }
}
