// The generator on the whole VM (every vm-spec/*.ts, as `npm run gen` takes them): the output is
// deterministic, its #line directives name the right TS lines, it compiles without a warning with
// gcc and avr-gcc 5.4 under -Wall -Wextra, and the host engine built from it with UBSan runs every
// fixture program and benchmark without a report (issue 2 §3).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../index.ts';
import { displayPath } from '../diagnostics.ts';
import { compileCodeObjects, loadCodeObjects, moduleName } from '../../tools/compiler/compile-program.ts';
import { pythonCommand } from '../../tools/compiler/python.ts';
import { HERE, tempDir } from './helpers.ts';

const ROOT = path.resolve(HERE, '../..');
const WARN = ['-Wall', '-Wextra', '-Werror'];
// The UBSan build exits with this code on a report (never a VM status: 0, 1, 2, or 3 for I/O).
const UBSAN_EXIT = 86;

let dir = '';
let spec = ''; // a copy of vm-spec/: the generator and the checks read the same bytes
let gen: GenerateResult;
const sources = new Map<string, string[]>(); // the TS lines, by the path the #line directives show

function vmSpecFiles(): string[] {
  return fs.readdirSync(spec).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort().map((f) => path.join(spec, f));
}

beforeAll(() => {
  dir = tempDir('whole');
  spec = path.join(dir, 'vm-spec');
  fs.cpSync(path.join(ROOT, 'vm-spec'), spec, { recursive: true });
  for (const f of vmSpecFiles()) sources.set(displayPath(f), fs.readFileSync(f, 'utf8').split('\n'));
  gen = generate({ files: vmSpecFiles(), outDir: dir });
});

describe('the whole vm-spec', () => {
  it('is in the subset', () => {
    expect(gen.diagnostics.map((d) => d.text).join('\n')).toBe('');
    expect(gen.ok).toBe(true);
  });

  it('generates the same bytes every time', () => {
    expect(gen.ok).toBe(true);
    const again = generate({ files: vmSpecFiles() });
    expect(again.c === gen.c, 'svimpy.c differs between two runs').toBe(true);
    expect(again.h === gen.h, 'svimpy.h differs between two runs').toBe(true);
  });

  it('points each function at its TS declaration with #line', () => {
    expect(gen.ok).toBe(true);
    const defs = [...gen.c.matchAll(/^#line (\d+) "([^"]+)"\n(?:SVM_STATIC )?[\w ]+ svm_(\w+)\(.*\)$/gm)];
    expect(defs.length).toBe(gen.functions);
    for (const [, line, file, name] of defs) {
      const text = sources.get(file)?.[Number(line) - 1] ?? '';
      expect(text, `${file}:${line} for svm_${name}`).toMatch(new RegExp(`\\bfunction ${name}\\(`));
    }
    // Every directive names a line of a vm-spec file that holds code.
    for (const [, line, file] of gen.c.matchAll(/^#line (\d+) "([^"]+)"$/gm)) {
      expect(sources.has(file), `${file} is not a vm-spec file`).toBe(true);
      expect(sources.get(file)![Number(line) - 1]?.trim() ?? '', `${file}:${line}`).not.toBe('');
    }
  });

  it('compiles without a warning with gcc -Wall -Wextra', () => {
    execFileSync('gcc', ['-std=c99', ...WARN, '-O2', '-c', path.join(dir, 'svimpy.c'), '-o', path.join(dir, 'host.o')], { stdio: 'pipe' });
  });

  it('compiles without a warning with avr-gcc -Wall -Wextra for the ATmega328p, flash tables in PROGMEM', () => {
    const obj = path.join(dir, 'avr.o');
    execFileSync('avr-gcc', ['-mmcu=atmega328p', '-std=gnu99', ...WARN, '-Os', '-c', path.join(dir, 'svimpy.c'), '-o', obj], { stdio: 'pipe' });
    // Every flash table stays in flash (.progmem.data): not copied to RAM at startup.
    const sections = new Map<string, string>();
    for (const m of execFileSync('avr-objdump', ['-t', obj], { encoding: 'utf8' }).matchAll(/^[0-9a-f]+ l +O (\S+)\t[0-9a-f]+ (\w+)$/gm)) sections.set(m[2], m[1]);
    const tables = [...gen.c.matchAll(/^static const \w+ (\w+)\[\d+\] SVM_PROGMEM = /gm)].map((m) => m[1]);
    const kept = tables.filter((t) => sections.has(t)); // the compiler drops tables nothing reads
    expect(kept.length).toBeGreaterThan(0);
    for (const t of kept) expect(sections.get(t), t).toBe('.progmem.data');
  });

  it('runs every fixture and benchmark under UBSan without a report', async () => {
    const exe = path.join(dir, 'svimpy-ubsan');
    const host = fs.readdirSync(path.join(ROOT, 'firmware/host')).filter((f) => f.endsWith('.c')).map((f) => path.join(ROOT, 'firmware/host', f));
    execFileSync('gcc', ['-std=gnu99', '-O1', '-g', '-fsanitize=undefined,bounds,float-cast-overflow', '-fno-sanitize-recover=all',
      '-I', dir, path.join(dir, 'svimpy.c'), ...host, '-o', exe], { stdio: 'pipe' });
    const programs = [
      ...fs.readdirSync(path.join(ROOT, 'sim-tests/fixtures')).filter((f) => /^\d{3}_.*\.py$/.test(f)).sort().map((f) => path.join(ROOT, 'sim-tests/fixtures', f)),
      ...fs.readdirSync(path.join(ROOT, 'sim-tests/bench')).filter((f) => f.endsWith('.py')).sort().map((f) => path.join(ROOT, 'sim-tests/bench', f)),
    ];
    // One CPython run for all; the programs are single modules.
    const codes = loadCodeObjects({ inputs: programs, python: pythonCommand(undefined) });
    const images = codes.map((code, i) => compileCodeObjects([code], [moduleName(programs[i])]));
    const reports: string[] = [];
    for (const [i, { image }] of images.entries()) {
      const file = path.join(dir, 'app.rpyc');
      fs.writeFileSync(file, image);
      const run = await runExe(exe, [file]);
      if (run.code === UBSAN_EXIT || run.code === null || run.code > 2 || /runtime error/.test(run.stderr)) {
        reports.push(`${path.relative(ROOT, programs[i])}: exit ${run.code}\n${run.stderr}`);
      }
    }
    expect(reports.join('\n')).toBe('');
    expect(images.length).toBeGreaterThan(60);
  }, 300_000);
});

function runExe(exe: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(exe, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, UBSAN_OPTIONS: `exitcode=${UBSAN_EXIT}:print_stacktrace=1` } });
    const err: Buffer[] = [];
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stderr: Buffer.concat(err).toString('utf8') }); });
  });
}
