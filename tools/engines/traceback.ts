// Rebuilds CPython's traceback text from the VM's compact uncaught-exception record
// (docs/vm-design.md section 4) and the image's sidecar map (docs/rpyc.md).
import fs from 'node:fs';

/** What the VM prints for an uncaught exception: ESC 'E' class TAB message TAB frames NL. */
export const RECORD_START = '\x1bE';

export interface ImageMapLike {
  code: Record<string, { file: string; name: string; lines: [number, number][]; lib?: boolean }>;
  sources?: Record<string, string>;
}

function lineOf(lines: [number, number][], ip: number): number {
  let line = 0;
  for (const [start, l] of lines) {
    if (start > ip) break;
    line = l;
  }
  return line;
}

function sourceLine(map: ImageMapLike, file: string, line: number): string | undefined {
  const path = map.sources?.[file];
  if (!path || line <= 0) return undefined;
  try {
    return fs.readFileSync(path, 'utf8').split('\n')[line - 1]?.trim();
  } catch {
    return undefined;
  }
}

/** The traceback text for one record line (without RECORD_START), frames innermost first. */
export function formatTraceback(record: string, map: ImageMapLike | undefined): string {
  const [cls, message = '', framesText = ''] = record.split('\t');
  const out: string[] = ['Traceback (most recent call last):'];
  const frames = framesText === '' ? [] : framesText.split(',').reverse();
  for (const frame of frames) {
    const [code, ip] = frame.split(':').map(Number);
    const info = map?.code[String(code)];
    if (info?.lib) continue; // a builtin written in Python: CPython shows no frame for builtins
    if (!info) {
      out.push(`  File "?", code ${code}, offset ${ip}`);
      continue;
    }
    const line = lineOf(info.lines, ip);
    out.push(`  File "${info.file}", line ${line}, in ${info.name}`);
    const text = sourceLine(map!, info.file, line);
    if (text) out.push(`    ${text}`);
  }
  out.push(message === '' ? cls : `${cls}: ${message}`);
  return out.join('\n') + '\n';
}

/** Splits VM console output into program output and the traceback text (if a record is present). */
export function splitRecord(output: string, map: ImageMapLike | undefined): { stdout: string; stderr: string } {
  const at = output.indexOf(RECORD_START);
  if (at < 0) return { stdout: output, stderr: '' };
  const end = output.indexOf('\n', at);
  const record = output.slice(at + RECORD_START.length, end < 0 ? undefined : end);
  return { stdout: output.slice(0, at), stderr: formatTraceback(record, map) };
}
