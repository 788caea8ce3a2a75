import fs from 'node:fs';
import path from 'node:path';
import type { Command } from './command.ts';
import { compileProgram } from '../compiler/compile-program.ts';
import { pythonCommand } from '../compiler/python.ts';
import { CompileError } from '../compiler/errors.ts';

const HELP = `usage: svimpy compile APP.py [LIB.py ...] [-o APP.rpyc] [--python PATH]

Compiles Python programs into an sVimPy image (format: docs/rpyc.md) and its host-side map
APP.rpyc.map (file names and source lines, for tracebacks and 'svimpy dis').

APP.py          the entry module; LIB.py ... are modules it may import (by file name).
                CPython 3.11 .pyc files are accepted too.
-o FILE         the image to write (default: APP.rpyc beside APP.py)
--python PATH   the CPython 3.11 interpreter that compiles the sources
                (default: $SVIMPY_PYTHON, else python3)

What sVimPy cannot run (closures, classes, generators, with, *args, sets, unknown imports,
ints beyond 32 bits...) is refused as FILE:LINE: error: ...; the exit code is then 1.`;

export const compile: Command = {
  name: 'compile',
  summary: 'compile Python 3.11 sources into an sVimPy image (.rpyc)',
  help: HELP,
  async run(args) {
    const inputs: string[] = [];
    let out: string | undefined;
    let python: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-o' || a === '--python') {
        if (i + 1 >= args.length) return usage(`${a} needs a value`);
        if (a === '-o') out = args[++i];
        else python = args[++i];
      } else if (a.startsWith('-')) {
        return usage(`unknown option ${a}`);
      } else {
        inputs.push(a);
      }
    }
    if (inputs.length === 0) return usage('no input file');
    const output = out ?? path.join(path.dirname(inputs[0]), path.basename(inputs[0]).replace(/\.pyc?$/, '') + '.rpyc');
    try {
      const result = compileProgram({ inputs, python: pythonCommand(python) });
      fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
      fs.writeFileSync(output, result.image);
      fs.writeFileSync(`${output}.map`, JSON.stringify(result.map, null, 1) + '\n');
      console.log(`svimpy compile: ${result.modules.join(', ')} -> ${output} (${result.image.length} bytes), ${output}.map`);
      return 0;
    } catch (e) {
      if (e instanceof CompileError) {
        console.error(e.message);
        return 1;
      }
      throw e;
    }
  },
};

function usage(message: string): number {
  console.error(`svimpy compile: ${message}\n\n${HELP}`);
  return 1;
}
