// The three-engine conformance suite: every case in generator/test/conformance/NN_name.ts is a
// vm-spec subset program. Node runs it as TypeScript (the reference semantics); the generator
// lowers it to C, which runs on the host (gcc, UBSan) and on an ATmega328p in simavr. All three
// must print the same bytes. Per-case generated C and AVR sizes go to build/conformance/sizes.txt.
//
// Run: npx vitest run generator/test/conformance.test.ts
// One case under Node only: npx tsx generator/test/conformance/node-engine.ts generator/test/conformance/01_u8_wrap.ts
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { generate } from '../index.ts';
import { avrGcc, runSim } from '../../sim-tests/harness.ts';
import { runOnNode } from './conformance/node-engine.ts';

const execFileAsync = promisify(execFile);

const repo = path.resolve(import.meta.dirname, '../..');
const caseDir = path.join(repo, 'generator/test/conformance');
const buildRoot = path.join(repo, 'build/conformance');
const hostMain = path.join(caseDir, 'c/host_main.c');
const avrMain = path.join(caseDir, 'c/avr_main.c');
const hostConsole = path.join(repo, 'firmware/host/console.c');
const avrConsole = path.join(repo, 'firmware/avr/console.c');

// The slowest case takes a few million cycles; this only catches a hang.
const CYCLE_LIMIT = 400_000_000;

const cases = readdirSync(caseDir).filter((f) => /^\d\d_\w+\.ts$/.test(f)).sort();

interface Sizes { name: string; cBytes: number; text: number; data: number; bss: number; cycles: number }
const sizes: Sizes[] = [];

async function compileAndRunHost(outDir: string): Promise<Buffer> {
  const exe = path.join(outDir, 'host');
  await execFileAsync('gcc', [
    '-std=c99', '-O2', '-Wall', '-Wextra', '-Werror', '-fsanitize=undefined,bounds', '-fno-sanitize-recover',
    '-I', outDir, path.join(outDir, 'svimpy.c'), hostConsole, hostMain, '-o', exe,
  ]);
  // UBSan reports on stderr and exits non-zero; execFile rejects with both streams then.
  const { stdout } = await execFileAsync(exe, [], { encoding: 'buffer', timeout: 20_000 });
  return stdout;
}

async function avrSize(elf: string): Promise<{ text: number; data: number; bss: number }> {
  const { stdout } = await execFileAsync('avr-size', [elf], { encoding: 'utf8' });
  const [text, data, bss] = stdout.trim().split('\n')[1].trim().split(/\s+/).map(Number);
  return { text, data, bss };
}

async function compileAndRunAvr(outDir: string): Promise<{ output: Buffer; stop: string; cycles: number; stderr: string; size: { text: number; data: number; bss: number } }> {
  const elf = path.join(outDir, 'avr.elf');
  avrGcc([path.join(outDir, 'svimpy.c'), avrConsole, avrMain], elf, ['-Werror', '-I', outDir]);
  const size = await avrSize(elf);
  const r = await runSim({ firmware: [elf], cycleLimit: CYCLE_LIMIT });
  return { output: r.output, stop: r.stop, cycles: r.cycles, stderr: r.stderr, size };
}

// Output as text (one char per byte) so a failure shows vitest's line diff.
function text(b: Buffer): string {
  return b.toString('latin1');
}

describe('conformance: Node, host C and simavr print the same bytes', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  for (const file of cases) {
    const name = file.replace(/\.ts$/, '');
    it(name, async () => {
      // (a) Node: the reference output. Fresh modules, so no case sees another's module state.
      vi.resetModules();
      const expected = await runOnNode(path.join(caseDir, file));
      expect(expected.length, 'the Node run printed nothing').toBeGreaterThan(0);

      const outDir = path.join(buildRoot, name);
      rmSync(outDir, { recursive: true, force: true });
      const gen = generate({ files: [path.join(caseDir, file)], outDir });
      expect(gen.diagnostics.map((d) => d.text).join('\n'), 'the generator refused the case').toBe('');
      expect(gen.ok).toBe(true);

      // (b) host C and (c) AVR C in simavr, in parallel (two cores). Both are always checked,
      // so one failing engine does not hide what the other prints.
      const [host, avr] = await Promise.all([
        compileAndRunHost(outDir).then((output) => ({ output, error: '' }), (err: Error) => ({ output: Buffer.alloc(0), error: err.message })),
        compileAndRunAvr(outDir),
      ]);
      sizes.push({ name, cBytes: gen.c.length, ...avr.size, cycles: avr.cycles });

      expect.soft(host.error, 'host C build or run failed (UBSan reports here)').toBe('');
      expect.soft(text(host.output), 'host C output differs from Node').toBe(text(expected));
      expect.soft(avr.stop, `simavr did not halt normally; stderr:\n${avr.stderr}`).toBe('halted');
      expect.soft(text(avr.output), 'AVR output differs from Node').toBe(text(expected));
    });
  }

  afterAll(() => {
    if (!sizes.length) return;
    sizes.sort((a, b) => a.name.localeCompare(b.name));
    const lines = ['case                 C-bytes  text  data   bss     cycles'];
    for (const s of sizes) {
      lines.push(`${s.name.padEnd(20)} ${String(s.cBytes).padStart(7)} ${String(s.text).padStart(5)} ${String(s.data).padStart(5)} ${String(s.bss).padStart(5)} ${String(s.cycles).padStart(10)}`);
    }
    mkdirSync(buildRoot, { recursive: true });
    writeFileSync(path.join(buildRoot, 'sizes.txt'), lines.join('\n') + '\n');
    console.log(`conformance sizes written to build/conformance/sizes.txt:\n${lines.join('\n')}`);
  });
});
