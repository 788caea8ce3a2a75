// Reads an rpyc image back (docs/rpyc.md): validates header, length and CRC, decodes values,
// records and instructions. Used by `svimpy dis` and by the tests.
import { crc16 } from './crc16.ts';
import { vmNameIndex, VM_NAMES_HASH } from './vm-names.ts';
import {
  CODE_HEAD_SIZE, EXC_ENTRY_SIZE, FORMAT_VERSION, HEADER_SIZE, MAGIC0, MAGIC1, MODULE_ENTRY_SIZE,
  RecordType, STR_HEAD_SIZE, strHash, VALUE_FALSE, VALUE_NONE, VALUE_NULL, VALUE_TRUE,
} from './image-format.ts';
import { argWidth, opTable } from './opnames.ts';
import { Op } from '../../vm-spec/opcodes.ts';

export class ImageError extends Error {}

export type ImageValue =
  | { kind: 'null' }
  | { kind: 'none' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'int'; value: number; boxed: boolean }
  | { kind: 'float'; value: number; offset: number }
  | { kind: 'str'; value: string; offset: number }
  | { kind: 'tuple'; items: ImageValue[]; offset: number }
  | { kind: 'code'; offset: number }
  | { kind: 'func'; libKind: number; name: ImageValue; code: ImageValue; defaults: ImageValue; offset: number }
  | { kind: 'builtin'; number: number }
  | { kind: 'heap'; raw: number };

export interface Instruction { ip: number; size: number; op: number; name: string; arg: number | undefined }
export interface ExceptionEntry { start: number; end: number; target: number; depth: number; lasti: boolean }

export interface CodeRecord {
  offset: number;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  nlocals: number;
  stacksize: number;
  flags: number;
  name: string;
  params: string[];
  code: Uint8Array;
  instructions: Instruction[];
  exceptions: ExceptionEntry[];
  size: number;
}

export interface ImageHeader { version: number; moduleCount: number; length: number; crc: number; moduleTable: number; constTable: number; constCount: number; lib: number; names: number }

export class Image {
  readonly header: ImageHeader;
  private view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.header = this.checkHeader();
  }

  private u16(at: number): number {
    if (at + 2 > this.bytes.length) throw new ImageError(`corrupt image: a field at byte ${at} lies beyond the end (${this.bytes.length} bytes)`);
    return this.view.getUint16(at, true);
  }
  private u8(at: number): number {
    if (at >= this.bytes.length) throw new ImageError(`corrupt image: a field at byte ${at} lies beyond the end (${this.bytes.length} bytes)`);
    return this.bytes[at];
  }

  private checkHeader(): ImageHeader {
    const b = this.bytes;
    if (b.length < HEADER_SIZE) throw new ImageError(`not an rpyc image: only ${b.length} bytes (the header alone is ${HEADER_SIZE})`);
    if (b[0] !== MAGIC0 || b[1] !== MAGIC1) throw new ImageError(`not an rpyc image: the file does not start with "SV" (it starts with ${hex(b[0])} ${hex(b[1])})`);
    const h: ImageHeader = {
      version: b[2], moduleCount: b[3], length: this.u16(4), crc: this.u16(6),
      moduleTable: this.u16(8), constTable: this.u16(10), constCount: this.u16(12), lib: this.u16(14), names: this.u16(16),
    };
    if (h.version !== FORMAT_VERSION) throw new ImageError(`unsupported rpyc format version ${h.version} (this tool reads version ${FORMAT_VERSION}); recompile with this svimpy`);
    if (h.names !== VM_NAMES_HASH) throw new ImageError(`the image was compiled for another sVimPy build (name table ${hex16(h.names)}, this one ${hex16(VM_NAMES_HASH)}); recompile it with this svimpy`);
    if (h.length !== b.length) throw new ImageError(`corrupt image: the header says ${h.length} bytes but the file has ${b.length} (truncated or padded?)`);
    const crc = crc16(b, 8, b.length);
    if (crc !== h.crc) throw new ImageError(`corrupt image: CRC mismatch (header ${hex16(h.crc)}, computed ${hex16(crc)}); recompile or re-upload it`);
    if (h.moduleCount < 1) throw new ImageError('corrupt image: no modules');
    if (h.moduleTable < HEADER_SIZE || h.moduleTable + MODULE_ENTRY_SIZE * h.moduleCount > b.length) throw new ImageError('corrupt image: the module table lies outside the image');
    if (h.constTable < HEADER_SIZE || h.constTable + 2 * h.constCount > b.length) throw new ImageError('corrupt image: the constant table lies outside the image');
    return h;
  }

  modules(): { name: string; code: number; globals: number }[] {
    const out = [];
    for (let i = 0; i < this.header.moduleCount; i++) {
      const at = this.header.moduleTable + MODULE_ENTRY_SIZE * i;
      const name = this.value(this.u16(at));
      const code = this.value(this.u16(at + 2));
      const globals = this.u16(at + 4);
      if (name.kind !== 'str' || code.kind !== 'code') throw new ImageError(`corrupt image: module entry ${i} is not (str, code)`);
      if (globals > this.header.constCount) throw new ImageError(`corrupt image: module entry ${i} has ${globals} globals, more than the constant table's entries`);
      out.push({ name: name.value, code: code.offset, globals });
    }
    return out;
  }

  /** The raw value of constant-table entry k. */
  constRaw(k: number): number {
    if (k >= this.header.constCount) throw new ImageError(`corrupt image: constant index ${k} beyond the table (${this.header.constCount} entries)`);
    return this.u16(this.header.constTable + 2 * k);
  }

  constant(k: number): ImageValue {
    return this.value(this.constRaw(k));
  }

  value(v: number): ImageValue {
    if (v & 1) return { kind: 'int', value: (v << 16) >> 17, boxed: false };
    if ((v & 3) === 2) return this.record(v >> 2);
    if (v === VALUE_NULL) return { kind: 'null' };
    if (v === VALUE_NONE) return { kind: 'none' };
    if (v === VALUE_FALSE) return { kind: 'bool', value: false };
    if (v === VALUE_TRUE) return { kind: 'bool', value: true };
    if (v < 0x400) return { kind: 'builtin', number: v >> 2 };
    return { kind: 'heap', raw: v };
  }

  record(offset: number): ImageValue {
    const type = this.u8(offset);
    switch (type) {
      case RecordType.STR: {
        const n = this.u16(offset + 1);
        const start = offset + STR_HEAD_SIZE;
        if (start + n > this.bytes.length) throw new ImageError(`corrupt image: string at ${offset} runs past the end`);
        const bytes = this.bytes.subarray(start, start + n);
        // The VM trusts the stored hash for dict lookups: a wrong one would make names miss.
        if (this.u16(offset + 3) !== strHash(bytes)) throw new ImageError(`corrupt image: wrong hash in the string at ${offset}`);
        // The VM trusts the stored name number too (builtin and method lookup).
        const text = new TextDecoder().decode(bytes);
        if (this.u8(offset + 5) !== vmNameIndex(text)) throw new ImageError(`corrupt image: wrong name number in the string at ${offset}`);
        return { kind: 'str', value: text, offset };
      }
      case RecordType.INT: this.u8(offset + 4); return { kind: 'int', value: this.view.getInt32(offset + 1, true), boxed: true };
      case RecordType.FLOAT: this.u8(offset + 4); return { kind: 'float', value: this.view.getFloat32(offset + 1, true), offset };
      case RecordType.TUPLE: {
        const n = this.u16(offset + 1);
        const items: ImageValue[] = [];
        for (let i = 0; i < n; i++) items.push(this.value(this.u16(offset + 3 + 2 * i)));
        return { kind: 'tuple', items, offset };
      }
      case RecordType.CODE: return { kind: 'code', offset };
      case RecordType.FUNC: return {
        kind: 'func', libKind: this.u8(offset + 1), name: this.value(this.u16(offset + 2)),
        code: this.value(this.u16(offset + 4)), defaults: this.value(this.u16(offset + 6)), offset,
      };
      default: throw new ImageError(`corrupt image: unknown record type ${hex(type)} at byte ${offset}`);
    }
  }

  code(offset: number): CodeRecord {
    if (this.u8(offset) !== RecordType.CODE) throw new ImageError(`corrupt image: no code record at byte ${offset}`);
    const b = this.bytes;
    const codeLength = this.u16(offset + 12);
    const excCount = this.u8(offset + 7);
    const codeStart = offset + CODE_HEAD_SIZE;
    const end = codeStart + codeLength + EXC_ENTRY_SIZE * excCount;
    if (end > b.length) throw new ImageError(`corrupt image: the code record at ${offset} runs past the end`);
    const name = this.value(this.u16(offset + 8));
    const params = this.value(this.u16(offset + 10));
    const code = b.subarray(codeStart, codeStart + codeLength);
    const exceptions: ExceptionEntry[] = [];
    for (let i = 0; i < excCount; i++) {
      const at = codeStart + codeLength + EXC_ENTRY_SIZE * i;
      exceptions.push({ start: this.u16(at), end: this.u16(at + 2), target: this.u16(at + 4), depth: b[at + 6] >> 1, lasti: (b[at + 6] & 1) === 1 });
    }
    return {
      offset, argcount: b[offset + 1], posonlyargcount: b[offset + 2], kwonlyargcount: b[offset + 3],
      nlocals: b[offset + 4], stacksize: b[offset + 5], flags: b[offset + 6],
      name: name.kind === 'str' ? name.value : '?',
      params: params.kind === 'tuple' ? params.items.map((p) => (p.kind === 'str' ? p.value : '?')) : [],
      code, instructions: decodeInstructions(code, offset), exceptions, size: end - offset,
    };
  }

  /** Every code record reachable from the modules and from constants, in image order. */
  /** The library functions (header field 14: a TUPLE of FUNC records, or NULL). */
  libFunctions(): Extract<ImageValue, { kind: 'func' }>[] {
    if (this.header.lib === VALUE_NULL) return [];
    const table = this.value(this.header.lib);
    if (table.kind !== 'tuple') throw new ImageError('corrupt image: the library table is not a tuple');
    return table.items.map((f) => {
      if (f.kind !== 'func' || f.name.kind !== 'str' || f.code.kind !== 'code') throw new ImageError('corrupt image: a library table entry is not a function record');
      return f;
    });
  }

  allCode(): CodeRecord[] {
    const seen = new Set<number>();
    const visit = (v: ImageValue): void => {
      if (v.kind === 'tuple') v.items.forEach(visit);
      if (v.kind === 'code' && !seen.has(v.offset)) seen.add(v.offset);
    };
    for (const m of this.modules()) seen.add(m.code);
    for (let k = 0; k < this.header.constCount; k++) visit(this.constant(k));
    for (const f of this.libFunctions()) visit(f.code);
    return [...seen].sort((a, b) => a - b).map((o) => this.code(o));
  }
}

/** Decodes instruction bytes; EXT prefixes are folded into the following instruction. */
export function decodeInstructions(code: Uint8Array, where = 0): Instruction[] {
  const ops = opTable();
  const out: Instruction[] = [];
  let ip = 0;
  while (ip < code.length) {
    const start = ip;
    let hi = 0;
    let op = code[ip];
    if (op === Op.EXT) {
      // EXT hi, then the instruction
      if (ip + 2 >= code.length) throw new ImageError(`corrupt image: EXT at the end of the code at ${where}`);
      hi = code[ip + 1];
      ip += 2;
      op = code[ip];
    }
    const info = ops.get(op);
    if (!info || op === Op.EXT) throw new ImageError(`corrupt image: unknown opcode ${hex(op)} at ip ${ip} of the code at ${where}`);
    const width = argWidth(op);
    if (ip + 1 + width > code.length) throw new ImageError(`corrupt image: instruction at ip ${ip} of the code at ${where} runs past its end`);
    let arg: number | undefined;
    if (width === 1) arg = (hi << 8) | code[ip + 1];
    if (width === 2) arg = code[ip + 1] | (code[ip + 2] << 8);
    ip += 1 + width;
    out.push({ ip: start, size: ip - start, op, name: info.name, arg });
  }
  return out;
}

function hex(n: number): string {
  return '0x' + n.toString(16).padStart(2, '0');
}
function hex16(n: number): string {
  return '0x' + n.toString(16).padStart(4, '0');
}
