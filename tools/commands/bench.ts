import fs from 'node:fs';
import path from 'node:path';
import type { Command } from './command.ts';
import { BuildError, repoRoot } from '../build/firmware.ts';
import { CompileError } from '../compiler/errors.ts';
import os from 'node:os';
import { compileFixtures, pool } from '../engines/batch.ts';
import { runOnAvr, avrFirmware } from '../engines/avr.ts';
import { BOARDS, takeBoardOption } from '../build/boards.ts';

const HELP = `usage: svimpy bench [--board uno|mega]

Runs each sim-tests/bench/*.py on the simulated Uno (the real firmware build, the image in
flash), checks its output against sim-tests/bench/expected.txt, and prints simavr's cycle
count (reset to halt, exact and repeatable) next to Snek 1.9's on the same simulated Uno.
The cycles of an empty program (start-up, image check, halt) are shown for reference.
--board mega runs them on a simulated Arduino Mega 2560 instead (same core, clock, VM and heap;
the 2560's 3-byte return addresses make calls a cycle or two slower than on the Uno).
Writes build/bench.json (build/bench-mega.json). Exit code 1 if an output is wrong.`;

/** Snek 1.9 on the same simulated Uno, cycles (docs: issue 3, ../shared/reference.md). */
const SNEK_CYCLES: Record<string, number> = {
  'fib.py': 14_960_000,
  'while_sum.py': 39_710_000,
  'list_sum.py': 750_000,
  'str_concat.py': 690_000,
  'dict_lookup.py': 3_890_000,
  'float_loop.py': 3_320_000,
};

const benchDir = path.join(repoRoot, 'sim-tests', 'bench');

/** expected.txt: `file.py: output` lines; `#` lines and blank lines are notes. */
function expectations(): Map<string, string> {
  const expected = new Map<string, string>();
  for (const line of fs.readFileSync(path.join(benchDir, 'expected.txt'), 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(': ');
    expected.set(line.slice(0, colon), line.slice(colon + 2));
  }
  return expected;
}

export interface BenchRow {
  bench: string;
  cycles: number;
  snekCycles: number | null;
  ratio: number | null; // ours / Snek's
  output: string;
  expected: string;
  ok: boolean;
}

const millions = (n: number): string => `${(n / 1e6).toFixed(2)} M`;

export const bench: Command = {
  name: 'bench',
  summary: 'run the benchmarks on the simulated Uno; cycles next to Snek\'s (build/bench.json)',
  help: HELP,
  async run(argv) {
    const args = [...argv];
    const name = takeBoardOption(args);
    if (!(name in BOARDS)) {
      console.error(`svimpy bench: ${name}\n\n${HELP}`);
      return 1;
    }
    const board = BOARDS[name as keyof typeof BOARDS];
    if (args.length > 0) {
      console.error(`svimpy bench: no arguments expected\n\n${HELP}`);
      return 1;
    }
    const expected = expectations();
    const files = [...expected.keys()].filter((f) => fs.existsSync(path.join(benchDir, f)));
    let compiled;
    try {
      avrFirmware(board.name);
      compiled = compileFixtures([...files.map((f) => path.join(benchDir, f)), emptyProgram()]);
    } catch (e) {
      if (e instanceof BuildError || e instanceof CompileError) {
        console.error(`svimpy bench: ${e.message}`);
        return 1;
      }
      throw e;
    }
    const slots = pool(2);
    const results = await Promise.all(compiled.map((c) => slots(() => runOnAvr(c.image, c.map, { cycleLimit: 1_000_000_000, board: board.name }))));
    const baseline = results.pop()!;
    if (baseline.stop !== 'halted' || baseline.status !== 0) {
      console.error(`svimpy bench: an empty program does not run cleanly on the simulated ${board.short}: ${baseline.stderr}${baseline.stdout}`);
      return 1;
    }
    const rows: BenchRow[] = files.map((bench, i) => {
      const r = results[i];
      const output = (r.stdout + r.stderr).trimEnd();
      const snek = SNEK_CYCLES[bench] ?? null;
      return {
        bench, cycles: r.cycles, snekCycles: snek, ratio: snek === null ? null : r.cycles / snek,
        output, expected: expected.get(bench)!, ok: r.status === 0 && r.stop === 'halted' && output === expected.get(bench),
      };
    });
    const table = [['benchmark', 'sVimPy cycles', 'Snek 1.9', 'ratio', 'output']];
    for (const r of rows) {
      const last = r.output.split('\n').pop();
      table.push([r.bench, millions(r.cycles), r.snekCycles === null ? '-' : millions(r.snekCycles),
        r.ratio === null || !r.ok ? '-' : r.ratio.toFixed(2), r.ok ? `${r.output} ok` : `WRONG: ${last} (expected ${r.expected})`]);
    }
    const widths = table[0].map((_, col) => Math.max(...table.map((row) => row[col].length)));
    for (const row of table) console.log(row.map((cell, col) => col === 0 || col === 4 ? cell.padEnd(widths[col]) : cell.padStart(widths[col])).join('  ').trimEnd());
    console.log(`(cycles from reset to halt on the simulated ${board.mcu} (${board.short}) at 16 MHz; Snek's on the Uno; an empty program takes ${millions(baseline.cycles)}; ratio = sVimPy / Snek, the aim is 0.33 or less)`);
    const out = path.join(repoRoot, 'build', board.name === 'uno' ? 'bench.json' : `bench-${board.name}.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify({ board: board.name, mcu: board.mcu, fCpu: 16_000_000, emptyProgramCycles: baseline.cycles, benchmarks: rows }, null, 2) + '\n');
    console.log(`wrote ${path.relative(process.cwd(), out)}`);
    const wrong = rows.filter((r) => !r.ok);
    if (wrong.length > 0) {
      for (const r of wrong) console.error(`svimpy bench: ${r.bench} printed ${JSON.stringify(r.output)}, expected ${JSON.stringify(r.expected)}`);
      return 1;
    }
    return 0;
  },
};

/** A program that does nothing: the fixed cost of a run. */
function emptyProgram(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svimpy-bench-'));
  const file = path.join(dir, 'empty.py');
  fs.writeFileSync(file, 'pass\n');
  return file;
}
