// The text `svimpy dis` prints for an image: header, modules, constants, then each code
// object with decoded arguments, jump targets, exception table and (with the map) source lines.
import fs from 'node:fs';
import { Image } from './image-reader.ts';
import type { CodeRecord, ImageValue, Instruction } from './image-reader.ts';
import type { ImageMap } from './image-writer.ts';
import { isJump } from './opnames.ts';

const CONST_ARG = new Set(['LOAD_CONST', 'KW_NAMES']);
const NAME_ARG = new Set([
  'LOAD_NAME', 'STORE_NAME', 'DELETE_NAME', 'LOAD_GLOBAL', 'LOAD_GLOBAL_NULL', 'STORE_GLOBAL', 'DELETE_GLOBAL',
  'LOAD_ATTR', 'LOAD_METHOD', 'IMPORT_NAME', 'IMPORT_FROM',
]);
const LOCAL_ARG = new Set(['LOAD_FAST', 'STORE_FAST', 'DELETE_FAST']);
export const BINARY_OPS = ['+', '&', '//', '<<', '@', '*', '%', '|', '**', '>>', '-', '/', '^'];
export const COMPARE_OPS = ['<', '<=', '==', '!=', '>', '>='];
const LIB_KIND_PREFIX = ['', 'str.', 'list.', 'dict.', 'tuple.', '%', 'spec ', 'int ', 'float ', '** ', 'slice ', '* ', '*= ', 'dict ', 'update ', 'machine.', 'time.', 'arduino.', 'ADC.', 'PWM.', 'Pin '];

export function formatValue(v: ImageValue): string {
  switch (v.kind) {
    case 'null': return 'NULL';
    case 'none': return 'None';
    case 'bool': return v.value ? 'True' : 'False';
    case 'int': return String(v.value);
    case 'float': return Number.isInteger(v.value) ? `${v.value}.0` : String(v.value);
    case 'str': return pyRepr(v.value);
    case 'tuple': return v.items.length === 1 ? `(${formatValue(v.items[0])},)` : `(${v.items.map(formatValue).join(', ')})`;
    case 'code': return `<code @${v.offset}>`;
    case 'func': return `<library ${LIB_KIND_PREFIX[v.libKind] ?? '?'}${formatValue(v.name).slice(1, -1)} @${v.offset}: ${formatValue(v.code)}${v.defaults.kind === 'null' ? '' : ', defaults ' + formatValue(v.defaults)}>`;
    case 'builtin': return `<builtin ${v.number}>`;
    case 'heap': return `<heap ${v.raw}>`;
  }
}

function pyRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
  return q + (q === "'" ? body.replace(/'/g, "\\'") : body) + q;
}

/** The decoded meaning of an instruction's argument, for the comment column. */
export function describeArg(image: Image, code: CodeRecord, ins: Instruction, localNames: string[]): string {
  if (ins.arg === undefined) return '';
  if (isJump(ins.op)) return `to ${ins.arg}`;
  if (CONST_ARG.has(ins.name)) return formatValue(image.constant(ins.arg));
  if (NAME_ARG.has(ins.name)) {
    const v = image.constant(ins.arg);
    return v.kind === 'str' ? v.value : formatValue(v);
  }
  if (LOCAL_ARG.has(ins.name)) return localNames[ins.arg] ?? (code.params[ins.arg] ?? `local ${ins.arg}`);
  if (ins.name === 'BINARY_OP') return ins.arg >= 13 ? `${BINARY_OPS[ins.arg - 13] ?? '?'}=` : (BINARY_OPS[ins.arg] ?? '?');
  if (ins.name === 'COMPARE_OP') return COMPARE_OPS[ins.arg] ?? '?';
  return '';
}

export function readMapFile(imagePath: string): ImageMap | undefined {
  const mapPath = `${imagePath}.map`;
  if (!fs.existsSync(mapPath)) return undefined;
  try {
    const m = JSON.parse(fs.readFileSync(mapPath, 'utf8'));
    return m && m.format === 'svimpy-rpyc-map' ? (m as ImageMap) : undefined;
  } catch {
    return undefined;
  }
}

export function disassemble(image: Image, map: ImageMap | undefined): string {
  const out: string[] = [];
  const h = image.header;
  out.push(`rpyc image, format ${h.version}: ${h.length} bytes, CRC-16 ${'0x' + h.crc.toString(16).padStart(4, '0')} ok, ${h.moduleCount} module(s), ${h.constCount} constant(s)`);
  out.push('', 'modules:');
  image.modules().forEach((m, i) => out.push(`  ${i} ${m.name} code @${m.code}${i === 0 ? ' (entry)' : ''}${m.globals > 0 ? `, ${m.globals} global(s): constants 0..${m.globals - 1}` : ''}`));
  out.push('', 'constants:');
  for (let k = 0; k < h.constCount; k++) {
    const v = image.constant(k);
    const where = 'offset' in v ? ` @${v.offset}` : '';
    out.push(`  ${String(k).padStart(4)} ${v.kind.padEnd(5)} ${formatValue(v)}${where}`);
  }
  const lib = image.libFunctions();
  if (lib.length > 0) {
    out.push('', 'library functions (vm-spec/lib):');
    for (const f of lib) out.push(`  ${formatValue(f)}`);
  }
  const sources = new Map<string, string[] | undefined>();
  const sourceLine = (file: string, line: number): string | undefined => {
    const where = map?.sources?.[file] ?? file;
    if (!sources.has(file)) sources.set(file, fs.existsSync(where) ? fs.readFileSync(where, 'utf8').split('\n') : undefined);
    return sources.get(file)?.[line - 1]?.trim();
  };
  for (const code of image.allCode()) {
    const info = map?.code[String(code.offset)];
    const title = info ? `${info.qualname} (${info.file}:${info.firstlineno})` : code.name;
    out.push('', `code @${code.offset} ${title}: ${code.size} bytes (${code.code.length} of instructions)`);
    out.push(`  args ${code.argcount} (posonly ${code.posonlyargcount}, kwonly ${code.kwonlyargcount})${code.params.length ? ' ' + code.params.join(', ') : ''}; locals ${code.nlocals}; stack ${code.stacksize}; flags 0x${code.flags.toString(16).padStart(2, '0')}`);
    const targets = new Set(code.instructions.filter((i) => isJump(i.op)).map((i) => i.arg!));
    for (const e of code.exceptions) targets.add(e.target);
    const lineAt = new Map((info?.lines ?? []).map(([ip, line]) => [ip, line]));
    for (const ins of code.instructions) {
      const line = lineAt.get(ins.ip);
      if (line !== undefined && info) {
        const text = line > 0 ? sourceLine(info.file, line) : undefined;
        out.push(`  line ${line}${text ? ': ' + text : ''}`);
      }
      const mark = targets.has(ins.ip) ? '>>' : '  ';
      const arg = ins.arg === undefined ? '' : String(ins.arg);
      const desc = describeArg(image, code, ins, info?.locals ?? code.params);
      out.push(`  ${mark}${String(ins.ip).padStart(5)}  ${ins.name.padEnd(22)} ${arg.padStart(5)}${desc ? '  (' + desc + ')' : ''}`);
    }
    if (code.exceptions.length) {
      out.push('  exception table:');
      for (const e of code.exceptions) out.push(`    ${e.start} to ${e.end} -> ${e.target} [${e.depth}]${e.lasti ? ' lasti' : ''}`);
    }
  }
  return out.join('\n');
}
