import fs from 'node:fs';
import path from 'node:path';
import type { Command } from './command.ts';
import { generate } from '../../generator/index.ts';

const HELP = `usage: svimpy gen [--out DIR] [FILE.ts ...]

Lowers the VM written in the vm-spec TypeScript subset (docs/vm-spec-subset.md) to C:
DIR/svimpy.c and DIR/svimpy.h (default DIR: build/gen).

FILE.ts ...   entry files; their relative imports are followed
              (default: every vm-spec/*.ts)
--out DIR     where to write svimpy.c and svimpy.h

Every construct outside the subset is reported as file:line:col: error: ...; with any
error nothing is written and the exit code is 1.`;

export const gen: Command = {
  name: 'gen',
  summary: 'lower vm-spec/ (TypeScript subset) to C in build/gen/',
  help: HELP,
  async run(args) {
    let outDir = 'build/gen';
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--out') {
        if (i + 1 >= args.length) return usage('--out needs a directory');
        outDir = args[++i];
      } else if (a.startsWith('-')) {
        return usage(`unknown option ${a}`);
      } else {
        files.push(a);
      }
    }
    if (files.length === 0) {
      if (!fs.existsSync('vm-spec')) return usage('no vm-spec/ folder here: run from the repository root or name the files');
      files.push(...fs.readdirSync('vm-spec').filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort().map((f) => path.join('vm-spec', f)));
    }
    for (const f of files) {
      if (!fs.existsSync(f)) return usage(`${f}: no such file`);
    }
    let result;
    try {
      result = generate({ files, outDir });
    } catch (e) {
      console.error(`svimpy gen: internal error in the generator: ${e instanceof Error ? e.message : String(e)}\n(nothing written; please report it with the input files)`);
      return 1;
    }
    for (const d of result.diagnostics) console.error(d.text);
    if (!result.ok) {
      console.error(`svimpy gen: ${result.diagnostics.length} error(s); nothing written`);
      return 1;
    }
    console.log(`svimpy gen: ${files.length} file(s), ${result.functions} function(s), ${result.c.length} bytes of C -> ${path.join(outDir, 'svimpy.c')}, svimpy.h`);
    return 0;
  },
};

function usage(message: string): number {
  console.error(`svimpy gen: ${message}\n\n${HELP}`);
  return 1;
}
