import fs from 'node:fs';
import type { Command } from './command.ts';
import { compileProgram } from '../compiler/compile-program.ts';
import { pythonCommand } from '../compiler/python.ts';
import { CompileError } from '../compiler/errors.ts';
import { runOnNode } from '../engines/node.ts';
import { runOnC } from '../engines/c.ts';
import { runOnAvr } from '../engines/avr.ts';
import { BuildError } from '../build/firmware.ts';
import { BOARDS, takeBoardOption } from '../build/boards.ts';
import { parseBoardArg, type BoardOptions } from '../engines/board-options.ts';

const HELP = `usage: svimpy run [--engine c|node|avr] [--board uno|mega] [--python PATH] APP.py [LIB.py ...]

Compiles APP.py (and the modules it imports) and runs the image. The program's output goes
to stdout; an uncaught exception prints a CPython-style traceback on stderr (exit code 1).

--engine c      the host C engine (the default): the generated C built with gcc into
                build/host/svimpy-host (rebuilt when vm-spec/ or firmware/host/ changed)
--engine node   vm-spec/ directly under Node
--engine avr    the real firmware on a simulated ATmega328p (simavr), the image in flash at
                SVM_IMAGE_ADDRESS (platformio.ini)
--board mega    with --engine avr: on a simulated Arduino Mega 2560 instead of the Uno (the
                same VM and heap)
--cycles        with --engine avr: print the simulated cycle count on stderr at the end

The host engines (c, node) simulate the Uno's pins (machine, time, arduino modules) with
virtual time: delays advance a clock instead of sleeping, so BLINK runs at once.
--pins          print the pin log on stderr: each change of a pin's level or PWM with its
                time, as \`svimpy sim\` shows it ("   500.000 ms  D13 -> 1"); as it happens
                with the c engine (whose output is live too), after the output with node
--duration T    stop (exit 0) when a delay reaches T of board time: 5s, 1500ms, 2.5
--level D2=0    what an input pin reads (default: 1 with its pull-up on, else 0); repeatable
--analog A0=2.5 the voltage on an analog pin, 0 to 5 V (default 0 V); repeatable
--realtime      sleep for real in delays (board time is then the real time)
--python PATH   the CPython 3.11 that compiles the sources (default: $SVIMPY_PYTHON, else python3)`;

export const run: Command = {
  name: 'run',
  summary: 'compile and run a Python program (host C engine; --engine node|avr)',
  help: HELP,
  async run(argv) {
    const args = [...argv];
    const avrBoard = takeBoardOption(args);
    if (!(avrBoard in BOARDS)) return usage(avrBoard);
    const avr = BOARDS[avrBoard as keyof typeof BOARDS];
    const inputs: string[] = [];
    let engine = 'c';
    let python: string | undefined;
    let cycles = false;
    let showPins = false;
    const board: BoardOptions = {};
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      const used = parseBoardArg(args, i, board);
      if (typeof used === 'string') return usage(used);
      if (used > 0) {
        i += used - 1;
      } else if (a === '--pins') {
        showPins = true;
      } else if (a === '--engine' || a === '--python') {
        if (i + 1 >= args.length) return usage(`${a} needs a value`);
        if (a === '--engine') engine = args[++i];
        else python = args[++i];
      } else if (a === '--cycles') {
        cycles = true;
      } else if (a.startsWith('-')) {
        return usage(`unknown option ${a}`);
      } else {
        inputs.push(a);
      }
    }
    if (inputs.length === 0) return usage('no input file');
    if (!['c', 'node', 'avr'].includes(engine)) return usage(`unknown engine '${engine}' (c, node or avr)`);
    for (const input of inputs) {
      if (!fs.existsSync(input)) return usage(`no such file: ${input}`);
    }
    try {
      const { image, map } = compileProgram({ inputs, python: pythonCommand(python) });
      let result;
      if (engine === 'c') {
        // Shown as it happens; Ctrl-C goes to the program (KeyboardInterrupt).
        result = await runOnC(image, map, board, { write: (b) => process.stdout.write(b), pins: showPins });
      } else {
        result = engine === 'node' ? runOnNode(image, map, board) : await runOnAvr(image, map, { board: avr.name });
        process.stdout.write(result.stdout);
        if (showPins) for (const line of result.pins ?? []) process.stderr.write(`${line}\n`);
      }
      process.stderr.write(result.stderr);
      if (cycles && 'cycles' in result) process.stderr.write(`svimpy: ${result.cycles} cycles on the simulated ${avr.short}\n`);
      return result.status;
    } catch (e) {
      if (e instanceof CompileError) {
        console.error(e.message);
        return 1;
      }
      if (e instanceof BuildError) {
        console.error(`svimpy run: cannot build the ${engine} engine: ${e.message}`);
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
