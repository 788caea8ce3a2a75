// Scalar types and intrinsics of the vm-spec TypeScript subset (docs/vm-spec-subset.md).
// Under Node these are plain functions; the generator lowers each call to C.

export type u8 = number;
export type i8 = number;
export type u16 = number;
export type i16 = number;
export type u32 = number;
export type i32 = number;
export type f32 = number;
export type bool = boolean;

// Conversions: wrap (integers) or round (f32), exactly as in C after the generator's lowering.
export function u8(x: number): u8 { return x & 0xff; }
export function i8(x: number): i8 { return (x << 24) >> 24; }
export function u16(x: number): u16 { return x & 0xffff; }
export function i16(x: number): i16 { return (x << 16) >> 16; }
export function u32(x: number): u32 { return x >>> 0; }
export function i32(x: number): i32 { return x | 0; }
export function f32(x: number): f32 { return Math.fround(x); }
// x truncated toward zero, for an f32 the caller has checked to be inside i32's range
// (-2^31 - 1 < x < 2^31): C's plain cast, smaller than i32(x)'s wrapping on the AVR.
export function truncF32(x: f32): i32 {
  if (!(x > -2147483649 && x < 2147483648)) throw new Error(`truncF32: ${x} is outside i32's range`);
  return x | 0;
}

// The bits of an f32 and back (IEEE 754 binary32). Every NaN gives the one quiet NaN 0x7fc00000:
// NaN sign and payload bits differ between engines (x86 computes 0/0 as 0xffc00000, JavaScript
// keeps no payload), so f32Bits never shows them. f32FromBits keeps any bits.
const bitsView = new DataView(new ArrayBuffer(4));
export function f32Bits(x: f32): u32 {
  if (x !== x) return 0x7fc00000;
  bitsView.setFloat32(0, x);
  return bitsView.getUint32(0);
}
export function f32FromBits(bits: u32): f32 {
  bitsView.setUint32(0, bits);
  return bitsView.getFloat32(0);
}

// Constant tables that live in flash on the AVR (PROGMEM) and in plain arrays elsewhere.
// Only as the initializer of a module-level const, with literal elements.
export function flashU8(values: number[]): Uint8Array { return Uint8Array.from(values); }
export function flashI8(values: number[]): Int8Array { return Int8Array.from(values); }
export function flashU16(values: number[]): Uint16Array { return Uint16Array.from(values); }
export function flashI16(values: number[]): Int16Array { return Int16Array.from(values); }
export function flashU32(values: number[]): Uint32Array { return Uint32Array.from(values); }
export function flashI32(values: number[]): Int32Array { return Int32Array.from(values); }
// A string literal as its bytes (printable ASCII and \n), e.g. names and messages the VM prints.
export function flashStr(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7e || (c < 0x20 && c !== 0x0a)) throw new Error(`flashStr: only printable ASCII and \\n are allowed: ${JSON.stringify(text)}`);
    bytes[i] = c;
  }
  return bytes;
}
// flashStr's text of lines (each ending in \n) packed for errors.ts's decoder (textSymbol, printLine).
// The packer picks words: the substring whose replacement saves the most bits becomes a line of its
// own, referenced by one symbol, repeatedly (a word may use words too). A word's symbol is its line
// number, which is no character's code (0..31 but 10, 127..255): the empty lines with such a
// number take words, the other words go after the text's lines (it has 127 or more). The symbols
// (characters and words) are Huffman-coded. The bytes: where lines 0, 32, 64 ... 224 start (in
// 4-byte units: the codes of those lines start on such a byte, so a line is found by decoding at
// most 31 before it), the number of codes of each length 1..PACK_BITS, the symbols in code order, then the
// codes (canonical: the first bit is the code's highest; a byte's lowest bit comes first).
export const PACK_BITS = 10;
export function flashPacked(text: string): Uint8Array {
  flashStr(text);
  if (!text.endsWith('\n')) throw new Error('flashPacked: the text must end with \\n');
  const lines = text.split('\n').slice(0, -1);
  const words: string[] = [];
  for (;;) {
    // The bits a word saves, estimated with the present code lengths (a reference to it costs
    // about log2(symbols / count); 1.5 bits less chose the best words for errors.ts); the best word.
    const all = [...words, ...lines];
    const bits = codeLengths(all);
    const symbols = all.reduce((n, l) => n + l.length + 1, 0);
    const joined = all.join('\n') + '\n';
    let best = '';
    let bestGain = 0;
    // The substrings of n characters seen twice or more (from those of n - 1 seen so).
    let from = [...joined].map((_, i) => i).filter((i) => joined[i] !== '\n');
    for (let n = 2; from.length > 0; n++) {
      from = from.filter((i) => joined[i + n - 1] !== '\n');
      const seen = new Map<string, number>();
      for (const i of from) seen.set(joined.substr(i, n), (seen.get(joined.substr(i, n)) ?? 0) + 1);
      from = from.filter((i) => seen.get(joined.substr(i, n))! >= 2);
      for (const [w, count] of seen) {
        if (count < 2) continue;
        let cost = 0;
        for (let i = 0; i < n; i++) cost += bits.get(w.charCodeAt(i))!;
        const gain = count * (cost - 1.5 - Math.log2(symbols / count)) - cost - bits.get(10)! - 8;
        if (gain > bestGain) { best = w; bestGain = gain; }
      }
    }
    if (best === '' || words.length === 128) break;
    const word = String.fromCharCode(0x100 + words.length);
    for (let i = 0; i < words.length; i++) words[i] = words[i].split(best).join(word);
    for (let i = 0; i < lines.length; i++) lines[i] = lines[i].split(best).join(word);
    words.push(best);
  }
  // Word k goes to the k-th empty line whose number is no character's code, or after the lines.
  const free = lines.map((l, n) => (l === '' && ((n < 32 && n !== 10) || n >= 127) ? n : -1)).filter((n) => n >= 0);
  const extra = words.slice(free.length);
  if (lines.length < 127 || lines.length + extra.length > 256) throw new Error('flashPacked: 127..256 lines with the words');
  const symbol = (k: number) => (k < free.length ? free[k] : lines.length + k - free.length);
  for (let k = 0; k < words.length && k < free.length; k++) lines[free[k]] = words[k];
  const all = [...lines, ...extra].map((l) => [...l, '\n'].map((ch) => {
    const c = ch.charCodeAt(0);
    return c >= 0x100 ? symbol(c - 0x100) : c;
  }));
  const bits = codeLengths(all.map((l) => String.fromCharCode(...l.slice(0, -1))));
  // Canonical codes: by length, then by symbol.
  const order = [...bits.keys()].sort((x, y) => bits.get(x)! - bits.get(y)! || x - y);
  const counts = new Array<number>(PACK_BITS).fill(0);
  const codes = new Map<number, number>();
  let code = 0;
  let len = 1;
  for (const s of order) {
    while (len < bits.get(s)!) { code <<= 1; len++; }
    codes.set(s, code++);
    counts[len - 1]++;
  }
  // The decoder's v (the code less the first of its length) must stay below 256.
  for (let l = 0, open = 1; l < PACK_BITS; l++) {
    open = 2 * open - counts[l];
    if (2 * open > 256) throw new Error('flashPacked: the codes are too long for the decoder');
  }
  const bytes = [...new Array<number>(8).fill(0), ...counts, ...order];
  if (bytes.length > 256) throw new Error('flashPacked: too many symbols');
  let at = 0;
  all.forEach((l, n) => {
    if (n % 32 === 0) {
      while (bytes.length % 4 !== 0) bytes.push(0);
      at = bytes.length * 8;
      bytes[n >> 5] = bytes.length / 4;
    }
    for (const s of l) {
      for (let b = bits.get(s)! - 1; b >= 0; b--) {
        if ((at & 7) === 0) bytes.push(0);
        bytes[at >> 3] |= ((codes.get(s)! >> b) & 1) << (at & 7);
        at++;
      }
    }
  });
  if (bytes.length > 1024) throw new Error('flashPacked: more than 1024 bytes');
  return Uint8Array.from(bytes);
}

// Huffman code lengths (at most PACK_BITS) of the symbols of lines (each ending in \n), by symbol.
function codeLengths(lines: string[]): Map<number, number> {
  const count = new Map<number, number>();
  for (const l of lines) {
    for (let i = 0; i <= l.length; i++) {
      const c = i < l.length ? l.charCodeAt(i) : 10;
      count.set(c, (count.get(c) ?? 0) + 1);
    }
  }
  const symbols = [...count.keys()];
  for (let halve = 0; ; halve++) {
    // Merge the two least frequent trees (ties: the first made) until one is left; a symbol's
    // length is the depth of its leaf.
    const weight = symbols.map((s) => (count.get(s)! + (1 << halve) - 1) >> halve);
    const parent: number[] = [];
    const open = weight.map((_, i) => i);
    while (open.length > 1) {
      const tree = weight.length;
      let sum = 0;
      for (let k = 0; k < 2; k++) {
        let m = 0;
        for (let i = 1; i < open.length; i++) if (weight[open[i]] < weight[open[m]]) m = i;
        parent[open[m]] = tree;
        sum += weight[open[m]];
        open.splice(m, 1);
      }
      weight.push(sum);
      open.push(tree);
    }
    const depth = (i: number): number => (i === weight.length - 1 ? 0 : 1 + depth(parent[i]));
    const bits = new Map<number, number>(symbols.map((s, i) => [s, depth(i)]));
    if (Math.max(...bits.values()) <= PACK_BITS) return bits;
  }
}
