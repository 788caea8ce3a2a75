// CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, MSB first, no final XOR (docs/rpyc.md).
// Written bit by bit, exactly as the VM computes it at start.
export function crc16(data: Uint8Array, start = 0, end = data.length): number {
  let crc = 0xffff;
  for (let i = start; i < end; i++) {
    crc ^= data[i] << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}
