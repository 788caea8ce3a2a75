// The uploader's pieces without a board: STK500 encoding, page planning, HEX reading, and the
// client's errors against a scripted fake bootloader.
import { describe, expect, it } from 'vitest';
import * as stk from './stk500.ts';
import { Stk500Client } from './stk500-client.ts';
import type { ByteLink } from './serial.ts';
import { UploadError } from './errors.ts';
import { blocksOf, connect, firmwarePages, imageWrites, writeAndVerify } from './upload.ts';
import { parseIntelHex } from './ihex-read.ts';
import { toIntelHex } from '../build/ihex.ts';
import { progressLine } from './progress.ts';
import { ConsoleDecoder } from './monitor.ts';

/** A bootloader double: answers each request with `answer(request)`; records requests. */
class FakeLink implements ByteLink {
  requests: number[][] = [];
  private pending: number[] = [];
  constructor(private readonly answer: (req: number[]) => number[] | undefined) {}
  async write(data: Uint8Array) {
    // Commands may come back to back in one write: split them by their lengths.
    for (let at = 0; at < data.length;) {
      const op = data[at];
      const length = op === 0x64 ? 5 + ((data[at + 1] << 8) | data[at + 2]) : op === 0x55 ? 4 : op === 0x74 ? 5 : op === 0x41 ? 3 : 2;
      const req = [...data.subarray(at, at + length)];
      this.requests.push(req);
      this.pending.push(...(this.answer(req) ?? []));
      at += length;
    }
  }
  async read(count: number, timeoutMs: number, what: string) {
    if (this.pending.length < count) throw new UploadError('timeout', `no reply (${what})`, 'wait');
    return Uint8Array.from(this.pending.splice(0, count));
  }
  discardInput() { this.pending = []; }
  async close() {}
}

/** A well-behaved loader with 32 KB of flash. */
function goodLoader(signature = stk.ATMEGA328P_SIGNATURE, corruptAt = -1, version = [3, 3]) {
  const flash = new Uint8Array(0x8000).fill(0xff);
  let address = 0;
  return {
    flash,
    answer(req: number[]): number[] {
      const ok = (data: number[] = []) => [0x14, ...data, 0x10];
      switch (req[0]) {
        case 0x55: address = (req[1] | (req[2] << 8)) * 2; return ok();
        case 0x64: flash.set(req.slice(4, 4 + ((req[1] << 8) | req[2])), address); if (corruptAt >= 0) flash[corruptAt] ^= 1; return ok();
        case 0x74: return ok([...flash.subarray(address, address + ((req[1] << 8) | req[2]))]);
        case 0x75: return ok(signature);
        case 0x41: return ok([req[1] === 0x81 ? version[0] : req[1] === 0x82 ? version[1] : 3]);
        default: return ok();
      }
    },
  };
}

describe('STK500v1 encoding', () => {
  it('ends every command with CRC_EOP and sends word addresses little-endian', () => {
    expect([...stk.getSync().request]).toEqual([0x30, 0x20]);
    expect([...stk.loadAddress(0x7000).request]).toEqual([0x55, 0x00, 0x38, 0x20]);
    expect([...stk.readFlashPage(128).request]).toEqual([0x74, 0x00, 0x80, 0x46, 0x20]);
    const page = stk.programFlashPage(Uint8Array.of(1, 2, 3));
    expect([...page.request]).toEqual([0x64, 0x00, 0x03, 0x46, 1, 2, 3, 0x20]);
    expect(stk.readSignature().replyData).toBe(3);
  });

  it('splits an image into whole pages padded with erased flash', () => {
    const pages = stk.pagesOf(Uint8Array.from({ length: 130 }, (_, i) => i), 0x7000);
    expect(pages.map((p) => p.address)).toEqual([0x7000, 0x7080]);
    expect([...pages[1].data.subarray(0, 3)]).toEqual([128, 129, 0xff]);
    expect(() => stk.pagesOf(new Uint8Array(1), 0x7001)).toThrow(/page boundary/);
  });
});

describe('page plans', () => {
  const region = { start: 0x7000, end: 0x7e00 };

  it('erases the header page first and writes it last', () => {
    const image = Uint8Array.from({ length: 300 }, (_, i) => i & 0xff);
    const { writes, pages } = imageWrites(image, region);
    expect(writes.map((w) => w.address)).toEqual([0x7000, 0x7080, 0x7100, 0x7000]);
    expect(writes[0].data.every((b) => b === 0xff)).toBe(true);
    expect(writes[3]).toBe(pages[0]);
  });

  it('refuses an image larger than the region before any write', () => {
    expect(() => imageWrites(new Uint8Array(0xe01), region)).toThrow(/the image takes 3585 bytes; the image region 0x7000..0x7dff holds 3584/);
    expect(imageWrites(new Uint8Array(0xe00), region).pages).toHaveLength(28);
  });

  it('turns firmware HEX into pages and never reaches into the boot section', () => {
    const data = Uint8Array.from({ length: 200 }, (_, i) => i);
    const segments = parseIntelHex(toIntelHex(data, 0x100));
    expect(segments).toEqual([{ address: 0x100, data }]);
    const pages = firmwarePages(segments, 0x7e00);
    expect(pages.map((p) => p.address)).toEqual([0x100, 0x180]);
    expect(pages[1].data[200 - 128]).toBe(0xff);
    expect(() => firmwarePages(parseIntelHex(toIntelHex(data, 0x7d80)), 0x7e00)).toThrow(/bootloader's section/);
    expect(() => parseIntelHex(':0100000000FE\n')).toThrow(/checksum/);
  });
});

describe('Stk500Client against a fake bootloader', () => {
  it('writes and verifies pages', async () => {
    const loader = goodLoader();
    const client = new Stk500Client(new FakeLink(loader.answer));
    await client.sync('P');
    await client.checkSignature();
    const { writes, pages } = imageWrites(Uint8Array.from({ length: 200 }, (_, i) => i), { start: 0x7000, end: 0x7e00 });
    await writeAndVerify(client, writes, pages);
    expect([...loader.flash.subarray(0x7000, 0x7000 + 200)]).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it('sends up to 8 pages a command to our loader (version 3.3), one to any other', async () => {
    const image = Uint8Array.from({ length: 1100 }, (_, i) => (i * 5) & 0xff); // 9 pages
    const { writes, pages } = imageWrites(image, { start: 0x7000, end: 0x7e00 });
    expect(blocksOf(writes, 8).map((b) => [b.address, b.data.length / 128])).toEqual([[0x7000, 8], [0x7400, 1], [0x7000, 1]]);
    for (const [version, programCommands, readCommands] of [[[3, 3], 3, 2], [[8, 3], 10, 9]] as const) {
      const loader = goodLoader(undefined, -1, [...version]);
      const link = new FakeLink(loader.answer);
      const { client } = await connect(link, 'P');
      await writeAndVerify(client, writes, pages);
      expect(link.requests.filter((r) => r[0] === 0x64)).toHaveLength(programCommands);
      expect(link.requests.filter((r) => r[0] === 0x74)).toHaveLength(readCommands);
      expect([...loader.flash.subarray(0x7000, 0x7000 + image.length)]).toEqual([...image]);
    }
  });

  it('retries the sync while the board starts, then fails with "no bootloader"', async () => {
    let calls = 0;
    const late = new FakeLink((req) => (req[0] === 0x30 && ++calls > 3 ? [0x14, 0x10] : undefined));
    expect(await new Stk500Client(late).sync('P')).toBe(4);
    const silent = new Stk500Client(new FakeLink(() => undefined));
    await expect(silent.sync('/dev/ttyX', { attempts: 3 })).rejects.toThrow(/no bootloader answered on \/dev\/ttyX \(3 tries\)/);
  });

  it('times out cleanly when the board stops answering in mid-transfer', async () => {
    const loader = goodLoader();
    let pagesLeft = 2;
    const client = new Stk500Client(new FakeLink((req) => (req[0] === 0x64 && pagesLeft-- <= 0 ? undefined : loader.answer(req))));
    const { writes, pages } = imageWrites(new Uint8Array(600), { start: 0x7000, end: 0x7e00 });
    await expect(writeAndVerify(client, writes, pages)).rejects.toMatchObject({ kind: 'timeout', message: expect.stringContaining('program page') });
  });

  it('names a wrong chip, a verify mismatch and a reply that is not in sync', async () => {
    const other = new Stk500Client(new FakeLink(goodLoader([0x1e, 0x95, 0x14]).answer));
    await expect(other.checkSignature()).rejects.toMatchObject({ kind: 'wrong-signature', message: expect.stringContaining('1e 95 14, not the ATmega328p\'s 1e 95 0f') });
    await expect(connect(new FakeLink(goodLoader([0x1e, 0x95, 0x14]).answer), 'P')).rejects.toMatchObject({ kind: 'wrong-signature' });
    const flaky = new Stk500Client(new FakeLink(goodLoader(undefined, 0x7005).answer));
    const { writes, pages } = imageWrites(new Uint8Array(10), { start: 0x7000, end: 0x7e00 });
    await expect(writeAndVerify(flaky, writes, pages)).rejects.toMatchObject({ kind: 'verify-mismatch', message: expect.stringContaining('0x7005') });
    const garbled = new Stk500Client(new FakeLink(() => [0x15, 0x10]));
    await expect(garbled.transact(stk.getSync())).rejects.toMatchObject({ kind: 'protocol' });
  });
});

describe('console and progress', () => {
  it('decodes an exception record split across chunks into a traceback', () => {
    const map = { code: { '0': { file: 'app.py', name: '<module>', lines: [[0, 1], [10, 3]] as [number, number][] } } };
    const d = new ConsoleDecoder(map);
    const a = d.push(Buffer.from('hi\n\x1b'));
    const b = d.push(Buffer.from('EZeroDivisionError\tdivision by zero\t0:12\nafter'));
    expect(a).toEqual({ stdout: 'hi\n', stderr: '' });
    expect(b.stdout).toBe('after');
    expect(b.stderr).toBe('Traceback (most recent call last):\n  File "app.py", line 3, in <module>\nZeroDivisionError: division by zero\n');
  });

  it('draws bytes and bytes per second', () => {
    expect(progressLine({ phase: 'write', done: 512, total: 1024, elapsedMs: 50 }, 10)).toBe('Writing  [#####     ]  50% 512/1024 B 10240 B/s');
  });
});
