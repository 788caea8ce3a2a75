// The Node engine: runs an image on vm-spec/ directly, with a platform whose putc collects
// bytes and whose imageByte reads a Uint8Array.
import { setPlatform } from '../../vm-spec/platform.ts';
import { vmRun } from '../../vm-spec/vm.ts';
import { splitRecord, type ImageMapLike } from './traceback.ts';
import { refusalHint } from './result.ts';
import { createBoard, DurationReached, type BoardOptions } from './node-board.ts';

export interface EngineResult {
  stdout: string; // the program's output
  stderr: string; // a CPython-style traceback, or an image/VM error message
  status: number; // 0 ok, 1 uncaught exception, 2 the VM refused the image
  pins?: string[]; // the pin log (node-board.ts pinLogLine), when the engine has a board
}

/** Runs `image` to completion under Node. */
export function runOnNode(image: Uint8Array, map?: ImageMapLike, boardOptions?: BoardOptions): EngineResult {
  const bytes: number[] = [];
  const board = createBoard(boardOptions);
  setPlatform({
    ...board.platform,
    putc: (c) => { bytes.push(c); },
    imageByte: (offset) => (offset < image.length ? image[offset] : 0),
    imageSize: () => Math.min(image.length, 0xffff),
  });
  let status = 0;
  try {
    status = vmRun();
  } catch (e) {
    if (!(e instanceof DurationReached)) throw e;
  }
  const output = Buffer.from(bytes).toString('utf8');
  if (status === 2) return { stdout: '', stderr: output + refusalHint(output), status };
  return { ...splitRecord(output, map), status, pins: board.log };
}
