// Compiling many single-file programs at once (one CPython run) and a small run pool: used by the
// engine tests and `svimpy bench`.
import path from 'node:path';
import { compileCodeObjects, loadCodeObjects, loadLib, moduleName } from '../compiler/compile-program.ts';
import { pythonCommand } from '../compiler/python.ts';

export type Compiled = ReturnType<typeof compileCodeObjects>;

/** Compiles single-file programs with one CPython run for all; the maps name files by their
 *  bare names, as the .out files do (CPython ran in the fixtures folder). */
export function compileFixtures(files: string[]): Compiled[] {
  const codes = loadCodeObjects({ inputs: files, python: pythonCommand(undefined) });
  const lib = loadLib(pythonCommand(undefined));
  return codes.map((code, i) => {
    const compiled = compileCodeObjects([code], [moduleName(files[i])], lib);
    for (const info of Object.values(compiled.map.code)) info.file = path.basename(info.file);
    compiled.map.sources = Object.fromEntries(Object.values(compiled.map.sources).map((p) => [path.basename(p), p]));
    return compiled;
  });
}

/** One program, as compileFixtures does it. */
export function compileFixture(file: string): Compiled {
  return compileFixtures([file])[0];
}

/** Runs at most `n` of the given jobs at once (simavr runs: one per core). */
export function pool(n: number): <T>(job: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(job: () => Promise<T>): Promise<T> => {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await job();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
