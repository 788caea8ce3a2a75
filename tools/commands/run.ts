import fs from 'node:fs';
import type { Command } from './command.ts';
import { compileProgram } from '../compiler/compile-program.ts';
import { pythonCommand } from '../compiler/python.ts';
import { CompileError } from '../compiler/errors.ts';
import { runOnNode } from '../engines/node.ts';

const HELP = `usage: svimpy run [--engine node|c] [--python PATH] APP.py [LIB.py ...]

Compiles APP.py (and the modules it imports) and runs the image. The program's output goes
to stdout; an uncaught exception prints a CPython-style traceback on stderr (exit code 1).

--engine node   run vm-spec/ directly under Node (the only engine built so far)
--engine c      the host C engine (default once it exists; not built yet)
--python PATH   the CPython 3.11 that compiles the sources (default: $SVIMPY_PYTHON, else python3)`;

export const run: Command = {
  name: 'run',
  summary: 'compile and run a Python program on an engine (node; host C not built yet)',
  help: HELP,
  async run(args) {
    const inputs: string[] = [];
    let engine = 'node';
    let python: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--engine' || a === '--python') {
        if (i + 1 >= args.length) return usage(`${a} needs a value`);
        if (a === '--engine') engine = args[++i];
        else python = args[++i];
      } else if (a.startsWith('-')) {
        return usage(`unknown option ${a}`);
      } else {
        inputs.push(a);
      }
    }
    if (inputs.length === 0) return usage('no input file');
    if (engine === 'c') {
      console.error('svimpy run: the host C engine is not built yet; use --engine node');
      return 1;
    }
    if (engine !== 'node') return usage(`unknown engine '${engine}' (node or c)`);
    for (const input of inputs) {
      if (!fs.existsSync(input)) return usage(`no such file: ${input}`);
    }
    try {
      const { image, map } = compileProgram({ inputs, python: pythonCommand(python) });
      const result = runOnNode(image, map);
      process.stdout.write(result.stdout);
      process.stderr.write(result.stderr);
      return result.status;
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
  console.error(`svimpy run: ${message}\n\n${HELP}`);
  return 1;
}
