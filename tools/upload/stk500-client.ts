// Talks STK500v1 to the bootloader over a ByteLink: sync with retries, signature check,
// page writes and reads; every reply is checked for INSYNC ... OK.
import { UploadError } from './errors.ts';
import type { ByteLink } from './serial.ts';
import * as stk from './stk500.ts';

const hex = (bytes: ArrayLike<number>) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

export interface SyncOptions {
  attempts?: number; // default 10, as avrdude
  attemptMs?: number; // wait for each reply, default 200 ms
}

/** Our bootloader answers every parameter with 3: software version 3.3. */
export const SVIMPY_LOADER_VERSION = [3, 3];

export class Stk500Client {
  /** Pages per program-page or read-page command: 8 for our loader, 1 for others (Optiboot). */
  pagesPerCommand = 1;

  constructor(private readonly link: ByteLink, private readonly timeoutMs = 1000) {}


  /** Sends a command and returns the reply's data bytes (between INSYNC and OK). */
  async transact(cmd: stk.StkCommand, timeoutMs = this.timeoutMs): Promise<Uint8Array> {
    return (await this.transactAll([cmd], timeoutMs))[0];
  }

  /**
   * Sends commands back to back and then reads their replies in order: one round trip
   * instead of several. Only for commands that the loader answers without writing flash in
   * between (a page write halts the chip, and its UART holds just 2 bytes meanwhile).
   */
  async transactAll(cmds: stk.StkCommand[], timeoutMs = this.timeoutMs): Promise<Uint8Array[]> {
    const request = new Uint8Array(cmds.reduce((n, c) => n + c.request.length, 0));
    cmds.reduce((at, c) => (request.set(c.request, at), at + c.request.length), 0);
    await this.link.write(request);
    const replies: Uint8Array[] = [];
    for (const cmd of cmds) {
      const reply = await this.link.read(cmd.replyData + 2, timeoutMs, cmd.name);
      if (reply[0] !== stk.STK.INSYNC || reply[reply.length - 1] !== stk.STK.OK) {
        throw new UploadError('protocol', `the board answered ${cmd.name} with ${hex(reply)} instead of 14 … 10`,
          'upload again; if it keeps failing, reset the board by hand just before uploading');
      }
      replies.push(reply.subarray(1, reply.length - 1));
    }
    return replies;
  }

  /** Gets in sync with the bootloader, retrying as a freshly reset board starts up. */
  async sync(port: string, opts: SyncOptions = {}): Promise<number> {
    const attempts = opts.attempts ?? 10;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      this.link.discardInput();
      try {
        await this.transact(stk.getSync(), opts.attemptMs ?? 200);
        if (attempt > 1) {
          // Earlier attempts may still be answered late: let them arrive and drop them
          // (start() syncs once more, so every later reply lines up).
          await new Promise((resolve) => setTimeout(resolve, 30));
          this.link.discardInput();
        }
        return attempt;
      } catch (e) {
        if (!(e instanceof UploadError) || (e.kind !== 'timeout' && e.kind !== 'protocol')) throw e;
      }
    }
    throw new UploadError('no-sync', `no bootloader answered on ${port} (${attempts} tries)`,
      'check that this is the Uno\'s port; press the reset button just before uploading; ' +
      'a board without the sVimPy (or Optiboot) bootloader needs it flashed once with a programmer (docs/bootloader.md)');
  }

  /**
   * After sync: one more sync, the signature, the loader's version and enter programming mode,
   * in one round trip (none of them writes flash).
   */
  async start(expected = stk.ATMEGA328P_SIGNATURE): Promise<void> {
    const [, signature, major, minor] = await this.transactAll([stk.getSync(), stk.readSignature(),
      stk.getParameter(0x81), stk.getParameter(0x82), stk.enterProgrammingMode()]);
    this.checkSignatureBytes(signature, expected);
    this.pagesPerCommand = major[0] === SVIMPY_LOADER_VERSION[0] && minor[0] === SVIMPY_LOADER_VERSION[1] ? 8 : 1;
  }

  async checkSignature(expected = stk.ATMEGA328P_SIGNATURE): Promise<void> {
    this.checkSignatureBytes(await this.transact(stk.readSignature()), expected);
  }

  private checkSignatureBytes(got: Uint8Array, expected: number[]): void {
    if (expected.some((b, i) => got[i] !== b)) {
      throw new UploadError('wrong-signature', `the chip's signature is ${hex(got)}, not the ATmega328p's ${hex(expected)}`,
        'sVimPy runs on an Arduino Uno (ATmega328p): check the board and the port');
    }
  }

  enterProgrammingMode = () => this.transact(stk.enterProgrammingMode());
  /** The bootloader resets into the application about 16 ms after this. */
  leaveProgrammingMode = () => this.transact(stk.leaveProgrammingMode());

  /** Load address and program page (one or more whole pages) in one round trip; the flash write comes last. */
  async writePage(address: number, data: Uint8Array): Promise<void> {
    await this.transactAll([stk.loadAddress(address), stk.programFlashPage(data)]);
  }

  async readPage(address: number, length: number): Promise<Uint8Array> {
    return (await this.transactAll([stk.loadAddress(address), stk.readFlashPage(length)]))[1];
  }
}
