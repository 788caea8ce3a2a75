// A serial port for the uploader: open with clear errors, DTR reset pulse, and reads with a
// timeout (bytes are buffered as they arrive, so no reply can be missed between reads).
import { SerialPort } from 'serialport';
import { UploadError } from './errors.ts';

export interface ByteLink {
  write(data: Uint8Array): Promise<void>;
  /** Resolves with exactly `count` bytes, or rejects with a timeout UploadError. */
  read(count: number, timeoutMs: number, what: string): Promise<Uint8Array>;
  /** Drops bytes received so far (line noise, late replies). */
  discardInput(): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function openError(path: string, err: Error): UploadError {
  const text = err.message;
  if (/ENOENT|No such file/i.test(text)) {
    return new UploadError('port-missing', `serial port ${path} does not exist`,
      'plug the board in and check the port name (ls /dev/ttyACM* /dev/ttyUSB*)');
  }
  if (/lock|EBUSY|busy|EAGAIN|temporarily unavailable/i.test(text)) {
    return new UploadError('port-busy', `serial port ${path} is in use by another program`,
      'close the serial monitor, IDE or other program that has the port open');
  }
  if (/EACCES|permission/i.test(text)) {
    return new UploadError('port-busy', `no permission to open serial port ${path}`,
      'add yourself to the dialout group (sudo usermod -aG dialout $USER), then log in again');
  }
  return new UploadError('port-error', `cannot open serial port ${path}: ${text}`, 'check the port name and the cable');
}

export class SerialLink implements ByteLink {
  private received: number[] = [];
  private waiter: (() => void) | undefined;
  private listener: ((bytes: Uint8Array) => void) | undefined;

  private constructor(private readonly port: SerialPort, readonly path: string) {
    port.on('data', (chunk: Buffer) => {
      if (this.listener) return this.listener(chunk);
      for (const b of chunk) this.received.push(b);
      this.waiter?.();
    });
  }

  /** From now on every received byte goes to `listener` (buffered ones first), not to read(). */
  onData(listener: (bytes: Uint8Array) => void): void {
    this.listener = listener;
    if (this.received.length) listener(Uint8Array.from(this.received.splice(0)));
  }

  /** Opens at `baudRate` (8N1). Opening raises DTR, which resets an Uno by itself. */
  static async open(path: string, baudRate = 115200): Promise<SerialLink> {
    const port = new SerialPort({ path, baudRate, autoOpen: false, hupcl: true });
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(openError(path, err)) : resolve())));
    return new SerialLink(port, path);
  }

  /**
   * The reset an Uno's USB bridge gives through its 100 nF capacitor: DTR (and RTS) off, then
   * on. A pseudo-terminal has no modem lines; opening it already reset the simulated board.
   */
  async pulseReset(): Promise<void> {
    const set = (on: boolean) => new Promise<boolean>((resolve) => this.port.set({ dtr: on, rts: on }, (err) => resolve(!err)));
    if (await set(false)) {
      await sleep(50);
      await set(true);
    }
    // An Uno's fuses give 65 ms of start-up delay after a reset before the bootloader runs.
    await sleep(100);
    this.discardInput();
  }

  write(data: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.port.write(Buffer.from(data), (err) => {
        if (err) reject(new UploadError('port-error', `writing to ${this.path} failed: ${err.message}`, 'check the cable'));
        else resolve(); // no drain: the reply is what we wait for, and tcdrain costs a round trip
      });
    });
  }

  async read(count: number, timeoutMs: number, what: string): Promise<Uint8Array> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new UploadError('timeout', `no reply from the board within ${timeoutMs} ms (${what}; got ${this.received.length} of ${count} bytes)`,
          'check the cable and upload again; a half-written image is refused at start and can simply be uploaded again');
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = undefined;
    }
    return Uint8Array.from(this.received.splice(0, count));
  }

  discardInput(): void {
    this.received = [];
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.port.isOpen) return resolve();
      this.port.close(() => resolve());
    });
  }
}
