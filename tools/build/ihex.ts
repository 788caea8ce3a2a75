// Intel HEX text for a block of bytes at a flash address (16 bytes a record), as avrdude and
// the simavr harness read it. Addresses above 64 KB get an extended linear address record.

function record(type: number, address: number, data: Uint8Array): string {
  const bytes = [data.length, (address >> 8) & 0xff, address & 0xff, type, ...data];
  const sum = bytes.reduce((a, b) => a + b, 0);
  bytes.push((0x100 - (sum & 0xff)) & 0xff);
  return ':' + bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join('');
}

/** The HEX file text of `bytes` placed at `address`. */
export function toIntelHex(bytes: Uint8Array, address: number): string {
  const lines: string[] = [];
  let upper = 0;
  for (let i = 0; i < bytes.length; i += 16) {
    const at = address + i;
    const chunk = bytes.subarray(i, Math.min(i + 16, bytes.length, i + 0x10000 - (at & 0xffff)));
    if (at >>> 16 !== upper) {
      upper = at >>> 16;
      lines.push(record(4, 0, Uint8Array.of(upper >> 8, upper & 0xff)));
    }
    lines.push(record(0, at & 0xffff, chunk));
    i -= 16 - chunk.length; // a chunk cut at a 64 KB boundary continues in the next record
  }
  lines.push(record(1, 0, new Uint8Array(0)));
  return lines.join('\n') + '\n';
}
