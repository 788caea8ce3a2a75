// Reads Intel HEX (as avr-objcopy and avrdude write it) into flash segments.
import { UploadError } from './errors.ts';

export interface Segment { address: number; data: Uint8Array }

function bad(file: string, line: number, why: string): UploadError {
  return new UploadError('bad-hex', `${file}:${line}: not a valid Intel HEX file: ${why}`, 'rebuild the firmware (npm run build)');
}

/** Data records in address order, adjacent ones merged. */
export function parseIntelHex(text: string, file = 'HEX'): Segment[] {
  const bytesAt = new Map<number, number>();
  let base = 0;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    if (!/^:([0-9a-fA-F]{2})+$/.test(line)) throw bad(file, i + 1, 'a record must be \':\' and hex digit pairs');
    const rec = Uint8Array.from(line.slice(1).match(/../g)!.map((h) => parseInt(h, 16)));
    if (rec.length < 5 || rec.length !== rec[0] + 5) throw bad(file, i + 1, 'wrong record length');
    if (rec.reduce((a, b) => a + b, 0) & 0xff) throw bad(file, i + 1, 'checksum mismatch');
    const type = rec[3];
    const data = rec.subarray(4, 4 + rec[0]);
    if (type === 0) data.forEach((b, k) => bytesAt.set(base + ((rec[1] << 8) | rec[2]) + k, b));
    else if (type === 1) break;
    else if (type === 2) base = ((data[0] << 8) | data[1]) << 4;
    else if (type === 4) base = ((data[0] << 8) | data[1]) * 0x10000;
    else if (type !== 3 && type !== 5) throw bad(file, i + 1, `unknown record type ${type}`);
  }
  const addresses = [...bytesAt.keys()].sort((a, b) => a - b);
  const segments: Segment[] = [];
  let start = 0;
  for (let k = 1; k <= addresses.length; k++) {
    if (k === addresses.length || addresses[k] !== addresses[k - 1] + 1) {
      const run = addresses.slice(start, k);
      segments.push({ address: run[0], data: Uint8Array.from(run.map((a) => bytesAt.get(a)!)) });
      start = k;
    }
  }
  return segments;
}
