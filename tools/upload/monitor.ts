// The board's console as the user should see it: program output passes through; the VM's
// compact uncaught-exception records (ESC 'E' ... NL, docs/vm-design.md) become tracebacks.
import { RECORD_START, formatTraceback } from '../engines/traceback.ts';
import type { ImageMapLike } from '../engines/traceback.ts';

export class ConsoleDecoder {
  private pending = '';

  constructor(private readonly map: ImageMapLike | undefined) {}

  /** Feeds received bytes; returns what to print now on stdout and stderr. */
  push(bytes: Uint8Array): { stdout: string; stderr: string } {
    this.pending += Buffer.from(bytes).toString('latin1');
    let stdout = '';
    let stderr = '';
    for (;;) {
      const at = this.pending.indexOf(RECORD_START);
      if (at < 0) {
        // Hold back a trailing ESC: it may start a record.
        const keep = this.pending.endsWith('\x1b') ? 1 : 0;
        stdout += this.pending.slice(0, this.pending.length - keep);
        this.pending = this.pending.slice(this.pending.length - keep);
        break;
      }
      stdout += this.pending.slice(0, at);
      const end = this.pending.indexOf('\n', at);
      if (end < 0) {
        this.pending = this.pending.slice(at); // the record is not complete yet
        break;
      }
      stderr += formatTraceback(this.pending.slice(at + RECORD_START.length, end), this.map);
      this.pending = this.pending.slice(end + 1);
    }
    return { stdout, stderr };
  }
}
