// What the compiled engines (host C, AVR) print, turned into an EngineResult like the Node
// engine's: program output, then the traceback rebuilt from the VM's record, or the VM's
// refusal of the image.
import { splitRecord, RECORD_START, type ImageMapLike } from './traceback.ts';
import type { EngineResult } from './node.ts';

export type { EngineResult } from './node.ts';

/** The start of what vmRun prints when it refuses an image (vm-spec/vm.ts MSG_BAD_IMAGE). */
export const BAD_IMAGE_PREFIX = 'svimpy: the image is not valid';
/** What the AVR firmware prints instead when its flash holds no valid image (firmware/avr/board.c). */
export const NO_PROGRAM_PREFIX = 'svimpy: no program';

/** Status from the console alone (the AVR has no exit code): 2 refused, 1 uncaught, else 0. */
export function statusFromConsole(output: string): number {
  if (output.startsWith(BAD_IMAGE_PREFIX) || output.startsWith(NO_PROGRAM_PREFIX)) return 2;
  return output.includes(RECORD_START) ? 1 : 0;
}

/** An EngineResult from the VM's console bytes and its status (0 ok, 1 uncaught, 2 refused). */
export function resultFromConsole(console: Buffer, status: number, map?: ImageMapLike): EngineResult {
  const output = console.toString('utf8');
  if (status === 2) return { stdout: '', stderr: output + refusalHint(output), status };
  return { ...splitRecord(output, map), status };
}

/** What to do about a refusal whose number alone says little (vm-spec/image.ts ImageError). */
export function refusalHint(output: string): string {
  if (output.startsWith(`${BAD_IMAGE_PREFIX} (error 6)`)) {
    return 'svimpy: the image was compiled for another sVimPy build (its builtin names differ): recompile it with the svimpy that built this VM, or flash this svimpy\'s firmware (svimpy flash)\n';
  }
  return '';
}
