// A reader for CPython's marshal format, version 4 (what CPython 3.11 writes into .pyc files
// and what marshal.dumps gives). Only the object kinds that compiled code can contain.

/** A CPython 3.11 code object as marshal stores it. */
export interface CodeObject {
  kind: 'code';
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  stacksize: number;
  flags: number;
  code: Uint8Array;
  consts: PyValue[];
  names: string[];
  localsplusnames: string[];
  localspluskinds: Uint8Array;
  filename: string;
  name: string;
  qualname: string;
  firstlineno: number;
  linetable: Uint8Array;
  exceptiontable: Uint8Array;
}

export type PyValue =
  | null // None
  | boolean
  | bigint // int (always a bigint, so 1 and True stay apart)
  | { kind: 'float'; value: number }
  | { kind: 'complex'; re: number; im: number }
  | string
  | Uint8Array // bytes
  | { kind: 'tuple'; items: PyValue[] }
  | { kind: 'list'; items: PyValue[] }
  | { kind: 'dict'; entries: [PyValue, PyValue][] }
  | { kind: 'set'; frozen: boolean; items: PyValue[] }
  | { kind: 'ellipsis' }
  | { kind: 'stopiteration' }
  | { kind: 'null' } // marshal's TYPE_NULL: ends a dict
  | CodeObject;

export class MarshalError extends Error {}

const FLAG_REF = 0x80;

export function readMarshal(data: Uint8Array, start = 0): PyValue {
  return new MarshalReader(data, start).read();
}

class MarshalReader {
  private pos: number;
  private refs: PyValue[] = [];
  private view: DataView;

  constructor(private data: Uint8Array, start: number) {
    this.pos = start;
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  private need(n: number): void {
    if (this.pos + n > this.data.length) throw new MarshalError(`marshal data ends early (at byte ${this.pos}, ${n} more needed)`);
  }
  private byte(): number { this.need(1); return this.data[this.pos++]; }
  private i32(): number { this.need(4); const v = this.view.getInt32(this.pos, true); this.pos += 4; return v; }
  private bytes(n: number): Uint8Array { this.need(n); const b = this.data.slice(this.pos, this.pos + n); this.pos += n; return b; }
  private text(n: number, latin1: boolean): string {
    const b = this.bytes(n);
    return latin1 ? String.fromCharCode(...b) : new TextDecoder('utf-8').decode(b);
  }

  read(): PyValue {
    const code = this.byte();
    const flag = code & FLAG_REF;
    const type = String.fromCharCode(code & ~FLAG_REF);
    // Reserve the back-reference slot before reading children, as CPython numbers them.
    const slot = flag ? this.refs.push(null) - 1 : -1;
    const v = this.readType(type, code);
    if (slot >= 0) this.refs[slot] = v;
    return v;
  }

  private readType(type: string, code: number): PyValue {
    switch (type) {
      case '0': return { kind: 'null' };
      case 'N': return null;
      case 'F': return false;
      case 'T': return true;
      case '.': return { kind: 'ellipsis' };
      case 'S': return { kind: 'stopiteration' };
      case 'i': return BigInt(this.i32());
      case 'l': return this.readLong();
      case 'g': { this.need(8); const v = this.view.getFloat64(this.pos, true); this.pos += 8; return { kind: 'float', value: v }; }
      case 'y': { this.need(16); const re = this.view.getFloat64(this.pos, true); const im = this.view.getFloat64(this.pos + 8, true); this.pos += 16; return { kind: 'complex', re, im }; }
      case 's': return this.bytes(this.i32());
      case 't': case 'u': return this.text(this.i32(), false);
      case 'a': case 'A': return this.text(this.i32(), true);
      case 'z': case 'Z': return this.text(this.byte(), true);
      case ')': return { kind: 'tuple', items: this.items(this.byte()) };
      case '(': return { kind: 'tuple', items: this.items(this.i32()) };
      case '[': return { kind: 'list', items: this.items(this.i32()) };
      case '<': return { kind: 'set', frozen: false, items: this.items(this.i32()) };
      case '>': return { kind: 'set', frozen: true, items: this.items(this.i32()) };
      case '{': return this.readDict();
      case 'r': {
        const i = this.i32();
        if (i < 0 || i >= this.refs.length) throw new MarshalError(`marshal back-reference ${i} out of range (${this.refs.length} objects so far)`);
        return this.refs[i];
      }
      case 'c': return this.readCode();
      default: throw new MarshalError(`unknown marshal type byte 0x${code.toString(16)} at byte ${this.pos - 1}`);
    }
  }

  private items(n: number): PyValue[] {
    const out: PyValue[] = [];
    for (let i = 0; i < n; i++) out.push(this.read());
    return out;
  }

  // TYPE_LONG: a signed count of 15-bit digits, least significant first.
  private readLong(): bigint {
    const n = this.i32();
    let v = 0n;
    const count = Math.abs(n);
    for (let i = 0; i < count; i++) {
      this.need(2);
      const digit = this.view.getUint16(this.pos, true);
      this.pos += 2;
      v |= BigInt(digit) << BigInt(15 * i);
    }
    return n < 0 ? -v : v;
  }

  private readDict(): PyValue {
    const entries: [PyValue, PyValue][] = [];
    for (;;) {
      const k = this.read();
      if (k !== null && typeof k === 'object' && 'kind' in k && k.kind === 'null') break;
      entries.push([k, this.read()]);
    }
    return { kind: 'dict', entries };
  }

  private readCode(): CodeObject {
    const argcount = this.i32();
    const posonlyargcount = this.i32();
    const kwonlyargcount = this.i32();
    const stacksize = this.i32();
    const flags = this.i32();
    const code = this.expectBytes('co_code');
    const consts = this.expectTuple('co_consts');
    const names = this.expectStrings('co_names');
    const localsplusnames = this.expectStrings('co_localsplusnames');
    const localspluskinds = this.expectBytes('co_localspluskinds');
    const filename = this.expectString('co_filename');
    const name = this.expectString('co_name');
    const qualname = this.expectString('co_qualname');
    const firstlineno = this.i32();
    const linetable = this.expectBytes('co_linetable');
    const exceptiontable = this.expectBytes('co_exceptiontable');
    return {
      kind: 'code', argcount, posonlyargcount, kwonlyargcount, stacksize, flags, code, consts, names,
      localsplusnames, localspluskinds, filename, name, qualname, firstlineno, linetable, exceptiontable,
    };
  }

  private expectBytes(what: string): Uint8Array {
    const v = this.read();
    if (!(v instanceof Uint8Array)) throw new MarshalError(`${what}: expected bytes`);
    return v;
  }
  private expectTuple(what: string): PyValue[] {
    const v = this.read();
    if (v === null || typeof v !== 'object' || !('kind' in v) || v.kind !== 'tuple') throw new MarshalError(`${what}: expected a tuple`);
    return v.items;
  }
  private expectStrings(what: string): string[] {
    const items = this.expectTuple(what);
    for (const s of items) if (typeof s !== 'string') throw new MarshalError(`${what}: expected a tuple of str`);
    return items as string[];
  }
  private expectString(what: string): string {
    const v = this.read();
    if (typeof v !== 'string') throw new MarshalError(`${what}: expected a str`);
    return v;
  }
}

export function isCode(v: PyValue): v is CodeObject {
  return v !== null && typeof v === 'object' && 'kind' in v && v.kind === 'code';
}
