// The progress bar of svimpy upload/flash: bytes and bytes per second, redrawn in place on a
// terminal, one summary line per phase otherwise.
import type { Progress } from './upload.ts';

export function progressLine(p: Progress, width = 30): string {
  const filled = Math.round((p.done / p.total) * width);
  const rate = p.elapsedMs > 0 ? Math.round((p.done * 1000) / p.elapsedMs) : 0;
  const label = p.phase === 'write' ? 'Writing ' : 'Checking';
  return `${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(Math.round((100 * p.done) / p.total)).padStart(3)}% ${p.done}/${p.total} B ${rate} B/s`;
}

/** A progress callback that draws on `stream` (stderr). */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): (p: Progress) => void {
  return (p) => {
    if (stream.isTTY) {
      stream.write(`\r${progressLine(p)}`);
      if (p.done === p.total) stream.write('\n');
    } else if (p.done === p.total) {
      stream.write(`${progressLine(p)}\n`);
    }
  };
}
