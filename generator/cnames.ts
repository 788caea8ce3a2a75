// C spellings of TS names and numbers.

const C_RESERVED = new Set([
  'auto', 'char', 'double', 'extern', 'float', 'int', 'long', 'register', 'short', 'signed', 'sizeof', 'static',
  'struct', 'typedef', 'union', 'unsigned', 'volatile', 'restrict', 'inline', 'goto', 'main', 'bool', 'true',
  'false', 'NULL', 'errno', 'EOF', 'assert', 'memcpy',
]);

/** A TS identifier as a C identifier (C keywords and a few libc names get a trailing underscore). */
export function cIdent(name: string): string {
  return C_RESERVED.has(name) ? `${name}_` : name;
}

/** An exact integer literal whose C value is right on both targets (its C type may differ; users cast). */
export function cInt(v: number): string {
  const mag = Math.abs(v);
  let s: string;
  if (mag <= 0x7fff) s = `${mag}`;
  else if (mag <= 0x7fffffff) s = `${mag}L`;
  else if (mag <= 0xffffffff) s = `${mag}UL`;
  else s = `${mag}LL`;
  if (v === -0x80000000) return '(-2147483647L - 1)'; // 2147483648L is not a long on the AVR
  return v < 0 ? `(-${s})` : s;
}

/** An exact C float literal for an f32 value (hex, e.g. 0x1.8p+0f), or an expression for inf/NaN. */
export function cFloat(v: number): string {
  if (Number.isNaN(v)) return '__builtin_nanf("")';
  if (v === Infinity) return '__builtin_inff()';
  if (v === -Infinity) return '(-__builtin_inff())';
  if (v === 0) return Object.is(v, -0) ? '(-0.0f)' : '0.0f';
  const neg = v < 0;
  let m = Math.abs(v);
  let e = 0;
  while (m >= 2) { m /= 2; e++; }
  while (m < 1) { m *= 2; e--; }
  // m in [1, 2): at most 23 fraction bits for an f32, so 6 hex digits are exact.
  let frac = m - 1;
  let hex = '';
  while (frac > 0) { frac *= 16; const d = Math.floor(frac); hex += d.toString(16); frac -= d; }
  const s = `0x1${hex ? '.' + hex : ''}p${e >= 0 ? '+' : ''}${e}f`;
  return neg ? `(-${s})` : s;
}
