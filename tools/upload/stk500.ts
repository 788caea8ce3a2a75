// The STK500v1 commands that our bootloader (and Optiboot) answer, as avrdude -c arduino uses them.
// Each command is a request and the number of data bytes its reply carries between
// INSYNC (0x14) and OK (0x10).

export const STK = {
  OK: 0x10,
  INSYNC: 0x14,
  CRC_EOP: 0x20,
  GET_SYNC: 0x30,
  GET_PARAMETER: 0x41,
  ENTER_PROGMODE: 0x50,
  LEAVE_PROGMODE: 0x51,
  LOAD_ADDRESS: 0x55,
  PROG_PAGE: 0x64,
  READ_PAGE: 0x74,
  READ_SIGN: 0x75,
} as const;

export const ATMEGA328P_SIGNATURE = [0x1e, 0x95, 0x0f];
export const PAGE_BYTES = 128;

export interface StkCommand {
  name: string;
  request: Uint8Array;
  replyData: number; // bytes between INSYNC and OK
}

function command(name: string, bytes: number[], replyData = 0): StkCommand {
  return { name, request: Uint8Array.from([...bytes, STK.CRC_EOP]), replyData };
}

export const getSync = () => command('get sync', [STK.GET_SYNC]);
export const getParameter = (which: number) => command('get parameter', [STK.GET_PARAMETER, which], 1);
export const enterProgrammingMode = () => command('enter programming mode', [STK.ENTER_PROGMODE]);
export const leaveProgrammingMode = () => command('leave programming mode', [STK.LEAVE_PROGMODE]);
export const readSignature = () => command('read signature', [STK.READ_SIGN], 3);

/** Load address takes a WORD address, little-endian. */
export function loadAddress(byteAddress: number): StkCommand {
  const word = byteAddress >> 1;
  return command('load address', [STK.LOAD_ADDRESS, word & 0xff, word >> 8]);
}

export function programFlashPage(data: Uint8Array): StkCommand {
  return command('program page', [STK.PROG_PAGE, data.length >> 8, data.length & 0xff, 0x46 /* 'F' */, ...data]);
}

export function readFlashPage(length: number): StkCommand {
  return command('read page', [STK.READ_PAGE, length >> 8, length & 0xff, 0x46], length);
}

/** The reply a well-behaved loader gives: INSYNC, the data, OK. */
export function expectedReply(cmd: StkCommand, data: number[] = []): Uint8Array {
  return Uint8Array.from([STK.INSYNC, ...data, STK.OK]);
}

/** Splits a flash image into whole pages (padded with 0xFF, erased flash) starting at `base`. */
export function pagesOf(image: Uint8Array, base: number): { address: number; data: Uint8Array }[] {
  if (base % PAGE_BYTES !== 0) throw new Error(`flash address 0x${base.toString(16)} is not at a page boundary`);
  const pages = [];
  for (let offset = 0; offset < image.length; offset += PAGE_BYTES) {
    const data = new Uint8Array(PAGE_BYTES).fill(0xff);
    data.set(image.subarray(offset, offset + PAGE_BYTES));
    pages.push({ address: base + offset, data });
  }
  return pages;
}
