// Decoders for two side tables of CPython 3.11 code objects: the location table (source lines)
// and the exception table. Offsets here are in CPython code units (2 bytes).

/** One line-table span: code units [start, end) come from source line `line` (0 = none). */
export interface LineSpan { start: number; end: number; line: number }

/** Decodes co_linetable (3.11 "location table", Objects/locations.md). */
export function decodeLineTable(table: Uint8Array, firstlineno: number): LineSpan[] {
  const spans: LineSpan[] = [];
  let pos = 0;
  let line = firstlineno;
  let unit = 0;
  const varint = (): number => {
    let shift = 0;
    let v = 0;
    for (;;) {
      const b = table[pos++];
      v |= (b & 0x3f) << shift;
      shift += 6;
      if (!(b & 0x40)) return v;
    }
  };
  const svarint = (): number => {
    const u = varint();
    return u & 1 ? -(u >> 1) : u >> 1;
  };
  while (pos < table.length) {
    const first = table[pos++];
    const code = (first >> 3) & 15;
    const length = (first & 7) + 1;
    let spanLine = line;
    if (code === 15) {
      spanLine = 0; // no location
    } else if (code === 14) {
      line += svarint();
      spanLine = line;
      varint(); varint(); varint(); // end line delta, column + 1, end column + 1
    } else if (code === 13) {
      line += svarint();
      spanLine = line;
    } else if (code >= 10) {
      line += code - 10;
      spanLine = line;
      pos += 2; // column, end column
    } else {
      pos += 1; // short form: same line, one column byte
    }
    spans.push({ start: unit, end: unit + length, line: spanLine });
    unit += length;
  }
  return spans;
}

/** One exception-table entry, in code units. */
export interface ExceptionEntry { start: number; end: number; target: number; depth: number; lasti: boolean }

/** Decodes co_exceptiontable: varints of 6 bits, most significant first, 0x40 = more. */
export function decodeExceptionTable(table: Uint8Array): ExceptionEntry[] {
  const out: ExceptionEntry[] = [];
  let pos = 0;
  const varint = (): number => {
    let b = table[pos++];
    let v = b & 0x3f;
    while (b & 0x40) {
      b = table[pos++];
      v = (v << 6) | (b & 0x3f);
    }
    return v;
  };
  while (pos < table.length) {
    const start = varint();
    const length = varint();
    const target = varint();
    const dl = varint();
    out.push({ start, end: start + length, target, depth: dl >> 1, lasti: (dl & 1) === 1 });
  }
  return out;
}
