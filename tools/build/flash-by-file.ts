// Where the AVR flash goes, by vm-spec file: the generated C built with the [env:uno] flags of
// platformio.ini except -flto (whole-program inlining would blur which function is which), linked
// with room beyond 32 KB so an oversized VM is measured too. Each function's bytes go to the .ts
// file its #line directive names; flash tables to the file that declares them; the rest is the
// firmware (firmware/avr) and the C runtime and libgcc.
//
// Run: npx tsx tools/build/flash-by-file.ts [--functions N] [--from DIR]
// (N largest functions per file; DIR: use the svimpy.c already generated there, e.g. build/gen)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../../generator/index.ts';
import { readFirmwareSettings } from './platformio.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface FileFlash { file: string; bytes: number; functions: { name: string; bytes: number }[] }

/** Maps C symbols of the generated C to the vm-spec file they come from. */
export function symbolFiles(c: string, specDir: string): Map<string, string> {
  const owner = new Map<string, string>();
  for (const m of c.matchAll(/^#line \d+ "([^"]+)"\n(?:SVM_STATIC )?[\w ]+ (svm_\w+)\(.*\)$/gm)) owner.set(m[2], m[1]);
  // Tables and arrays carry no #line: the file with `const NAME =` at module level.
  const decls = new Map<string, string>();
  for (const f of fs.readdirSync(specDir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
    const text = fs.readFileSync(path.join(specDir, f), 'utf8');
    for (const m of text.matchAll(/^(?:export )?(?:const|let) (\w+)\b/gm)) decls.set(m[1], path.join(path.basename(specDir), f));
  }
  for (const m of c.matchAll(/^static (?:const )?\w+ (\w+)\[/gm)) if (decls.has(m[1])) owner.set(m[1], decls.get(m[1])!);
  for (const m of c.matchAll(/^static \w+ (\w+) = /gm)) if (decls.has(m[1])) owner.set(m[1], decls.get(m[1])!);
  return owner;
}

/** `from`: a folder with an already generated svimpy.c/.h; by default vm-spec/ is generated afresh. */
export function flashByFile(from?: string): { files: FileFlash[]; total: number } {
  let out = path.join(root, 'build', 'flash-by-file');
  let c: string;
  if (from) {
    out = path.resolve(from);
    c = fs.readFileSync(path.join(out, 'svimpy.c'), 'utf8');
  } else {
    const gen = generate({ files: fs.readdirSync(path.join(root, 'vm-spec')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort().map((f) => path.join(root, 'vm-spec', f)), outDir: out });
    if (!gen.ok) throw new Error(gen.diagnostics.map((d) => d.text).join('\n'));
    c = gen.c;
  }
  const settings = readFirmwareSettings(root, 'uno');
  const flags = settings.flags.filter((f) => f !== '-flto').map((f) => (f === '-Ibuild/gen' ? `-I${out}` : f));
  const sources = settings.sources.map((s) => (s === 'build/gen/svimpy.c' ? path.join(out, 'svimpy.c') : path.join(root, s)));
  const elf = path.join(root, 'build', 'flash-by-file', 'svimpy.elf');
  fs.mkdirSync(path.dirname(elf), { recursive: true });
  execFileSync('avr-gcc', [`-mmcu=${settings.mcu}`, `-DF_CPU=${settings.fCpu}L`, ...flags, ...sources, '-Wl,--defsym=__TEXT_REGION_LENGTH__=0x20000', '-o', elf], { cwd: root, stdio: 'pipe' });
  const owner = symbolFiles(c, path.join(root, 'vm-spec'));
  const byFile = new Map<string, FileFlash>();
  let total = 0;
  for (const line of execFileSync('avr-nm', ['-S', '--size-sort', elf], { encoding: 'utf8' }).split('\n')) {
    const m = /^[0-9a-f]+ ([0-9a-f]+) ([tTrR]) (\S+)$/.exec(line.trim());
    if (!m) continue;
    const bytes = parseInt(m[1], 16);
    const file = owner.get(m[3]) ?? (/^svm_(div|rem|f32)_/.test(m[3]) ? 'prelude helpers (generator/emit.ts)' : m[3].startsWith('svm_') ? 'firmware/avr' : 'C runtime, libgcc, vectors');
    if (!byFile.has(file)) byFile.set(file, { file, bytes: 0, functions: [] });
    const f = byFile.get(file)!;
    f.bytes += bytes;
    f.functions.push({ name: m[3], bytes });
    total += bytes;
  }
  // Code the symbol sizes do not cover (vectors, alignment, __do_copy_data ...): the linked text.
  const text = Number(execFileSync('avr-size', [elf], { encoding: 'utf8' }).split('\n')[1].trim().split(/\s+/)[0]);
  if (text > total) {
    const rest = byFile.get('C runtime, libgcc, vectors') ?? { file: 'C runtime, libgcc, vectors', bytes: 0, functions: [] };
    rest.bytes += text - total;
    byFile.set(rest.file, rest);
  }
  const files = [...byFile.values()].sort((a, b) => b.bytes - a.bytes || a.file.localeCompare(b.file));
  for (const f of files) f.functions.sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
  return { files, total: Math.max(text, total) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string): string | undefined => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
  const top = Number(arg('--functions') ?? 0);
  let result;
  try {
    result = flashByFile(arg('--from'));
  } catch (e) {
    console.error(`flash-by-file: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  const { files, total } = result;
  console.log(`flash by vm-spec file ([env:uno] flags without -flto): ${total} bytes of text`);
  for (const f of files) {
    console.log(`${String(f.bytes).padStart(7)}  ${(100 * f.bytes / total).toFixed(1).padStart(5)} %  ${f.file}`);
    for (const fn of f.functions.slice(0, top)) console.log(`${' '.repeat(18)}${String(fn.bytes).padStart(6)}  ${fn.name}`);
  }
}
