// library.json: its source selection (the generated VM + the Uno board layer, without our
// main.c) together with the embedding example of docs/platformio.md compiles and links for the
// ATmega328p, and the result runs in simavr. PlatformIO itself is not installed here: the test
// links as tools/pio-lib-gen.py makes PlatformIO link (the function order's linker script
// added). Built for TEST_BOARD's MCU (tools/build/boards.ts), with that board's image address,
// which the example must end below; the example's PB5 is a port bit on both boards.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAvr, repoRoot } from './firmware.ts';
import { expandSourceFilter } from './platformio.ts';
import { BOARDS, TEST_BOARD } from './boards.ts';
import { runSim } from '../../sim-tests/harness.ts';

interface LibraryJson { name: string; platforms: string[]; build: { srcFilter: string; flags: string[]; extraScript: string } }

function codeBlock(markdown: string, lang: string): string {
  const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(markdown);
  if (!m) throw new Error(`docs/platformio.md has no \`\`\`${lang} block`);
  return m[1];
}

describe('library.json', () => {
  const lib = JSON.parse(readFileSync(join(repoRoot, 'library.json'), 'utf8')) as LibraryJson;
  const doc = readFileSync(join(repoRoot, 'docs', 'platformio.md'), 'utf8');

  it('selects the generated VM and the board layer, not our own main', () => {
    buildAvr(undefined, TEST_BOARD); // regenerates build/gen when vm-spec/ changed
    const sources = expandSourceFilter(repoRoot, lib.build.srcFilter);
    expect(sources).toContain('build/gen/svimpy.c');
    expect(sources).toContain('firmware/avr/board.c');
    expect(sources).toContain('firmware/avr/timer.c');
    expect(sources).not.toContain('firmware/avr/main.c');
    const script = readFileSync(join(repoRoot, lib.build.extraScript), 'utf8');
    expect(script).toContain('svimpy.js", "gen"');
    expect(script).toContain('"layout", "--script"'); // the order the test below links with
  });

  const board = BOARDS[TEST_BOARD];
  it(`builds the documented embedding example for the ${board.mcu}, which runs in simavr`, async () => {
    const fw = buildAvr(undefined, TEST_BOARD);
    const sources = expandSourceFilter(repoRoot, lib.build.srcFilter).map((s) => join(repoRoot, s));
    const ini = codeBlock(doc, 'ini');
    const projectFlags = /build_flags = (.*)/.exec(ini)![1].split(/\s+/)
      .map((f) => (f.startsWith('-DSVM_IMAGE_ADDRESS=') ? `-DSVM_IMAGE_ADDRESS=0x${fw.imageAddress.toString(16)}` : f));
    const dir = mkdtempSync(join(tmpdir(), 'svimpy-lib-'));
    try {
      const main = join(dir, 'main.c');
      writeFileSync(main, codeBlock(doc, 'c'));
      const elf = join(dir, 'app.elf');
      const libFlags = lib.build.flags.map((f) => f.replace(/^-I/, `-I${repoRoot}/`));
      const script = join(dir, `${board.mcu}.ld`); // what the extra script writes and links with
      execFileSync('node', [join(repoRoot, 'tools', 'svimpy.js'), 'layout', '--script', board.mcu, script], { cwd: repoRoot, stdio: 'pipe' });
      execFileSync('avr-gcc', [`-mmcu=${board.mcu}`, '-DF_CPU=16000000L', '-Wall', '-Wextra', '-Werror', ...libFlags,
        ...projectFlags, '-ffunction-sections', '-Wl,--gc-sections', `-Wl,-T,${script}`, main, ...sources, '-o', elf], { stdio: 'pipe' });
      // The documented address works: the project's code and data end below the image.
      const sizes = execFileSync('avr-size', [elf], { encoding: 'utf8' }).trim().split('\n')[1].trim().split(/\s+/).map(Number);
      expect(sizes[0] + sizes[1]).toBeLessThanOrEqual(fw.imageAddress);
      // No image uploaded: the one line, then the project's own code (LED on), then the halt.
      const r = await runSim({ firmware: [elf], mcu: board.mcu, events: true });
      expect(r.stop).toBe('halted');
      expect(r.output.toString()).toBe('svimpy: no program (upload one with: svimpy upload app.py)\n');
      expect(r.events.filter((e) => e.kind === 'P' && e.pin === 'B5').map((e) => e.value)).toEqual([1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
