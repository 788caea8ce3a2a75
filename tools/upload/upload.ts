// Writing flash through the bootloader: a program image into the image region (never the
// firmware), or the firmware itself; each page read back and compared.
import { UploadError } from './errors.ts';
import type { ByteLink } from './serial.ts';
import { Stk500Client } from './stk500-client.ts';
import { PAGE_BYTES, pagesOf } from './stk500.ts';
import type { Segment } from './ihex-read.ts';

export interface FlashPage { address: number; data: Uint8Array }
export interface Region { start: number; end: number } // flash byte addresses, end exclusive

export interface Progress { phase: 'write' | 'verify'; done: number; total: number; elapsedMs: number }

export interface ProgramOptions {
  verify?: boolean; // default true
  onProgress?: (p: Progress) => void;
  syncAttempts?: number;
  syncAttemptMs?: number; // wait for each sync reply (default 200 ms)
  replyTimeoutMs?: number; // wait for any other reply (default 1000 ms; a page write takes ~25 ms)
}

export interface ProgramStats {
  bytes: number; pages: number; // what was programmed
  writes: number; // page writes: one more than pages for an image (its header page is written twice)
  writeMs: number; verifyMs: number; syncAttempts: number;
}

const hex4 = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;

/**
 * The page writes for an image: the header page is first overwritten with erased flash and
 * written for real last, so an upload cut anywhere leaves no header and the firmware refuses
 * the image ("no program") instead of running a mix of old and new pages.
 */
export function imageWrites(image: Uint8Array, region: Region): { writes: FlashPage[]; pages: FlashPage[] } {
  const room = region.end - region.start;
  if (image.length > room) {
    throw new UploadError('too-large', `the image takes ${image.length} bytes; the image region ${hex4(region.start)}..${hex4(region.end - 1)} holds ${room}`,
      'make the program smaller (shorter strings, fewer constants), or move SVM_IMAGE_ADDRESS down in platformio.ini and flash the firmware again');
  }
  const pages = pagesOf(image, region.start);
  if (pages.length === 1) return { writes: pages, pages };
  const erased = { address: pages[0].address, data: new Uint8Array(PAGE_BYTES).fill(0xff) };
  return { writes: [erased, ...pages.slice(1), pages[0]], pages };
}

/** The pages a firmware HEX touches (gaps filled with erased flash); nothing at or above `limit`. */
export function firmwarePages(segments: Segment[], limit: number): FlashPage[] {
  const byPage = new Map<number, Uint8Array>();
  for (const seg of segments) {
    if (seg.address + seg.data.length > limit) {
      throw new UploadError('too-large', `the firmware HEX has data at ${hex4(Math.max(seg.address, limit))}, in the bootloader's section (from ${hex4(limit)})`,
        'the firmware must end below 0x7E00: build it with npm run build, which checks its size');
    }
    seg.data.forEach((b, i) => {
      const at = seg.address + i;
      const base = at - (at % PAGE_BYTES);
      if (!byPage.has(base)) byPage.set(base, new Uint8Array(PAGE_BYTES).fill(0xff));
      byPage.get(base)![at - base] = b;
    });
  }
  return [...byPage.keys()].sort((a, b) => a - b).map((address) => ({ address, data: byPage.get(address)! }));
}

/** Joins address-contiguous pages into runs of at most `maxPages` (one command each), in order. */
export function blocksOf(pages: FlashPage[], maxPages: number): FlashPage[] {
  const blocks: FlashPage[] = [];
  for (const page of pages) {
    const last = blocks[blocks.length - 1];
    if (last && last.address + last.data.length === page.address && last.data.length < maxPages * PAGE_BYTES) {
      const data = new Uint8Array(last.data.length + page.data.length);
      data.set(last.data);
      data.set(page.data, last.data.length);
      blocks[blocks.length - 1] = { address: last.address, data };
    } else {
      blocks.push(page);
    }
  }
  return blocks;
}

/** Syncs with the bootloader, checks the chip, learns how many pages a command may carry, enters programming mode. */
export async function connect(link: ByteLink, port: string, opts: Pick<ProgramOptions, 'syncAttempts' | 'syncAttemptMs' | 'replyTimeoutMs'> = {}): Promise<{ client: Stk500Client; attempts: number }> {
  const client = new Stk500Client(link, opts.replyTimeoutMs);
  const attempts = await client.sync(port, { attempts: opts.syncAttempts, attemptMs: opts.syncAttemptMs });
  await client.start();
  return { client, attempts };
}

/** Writes `writes` in order, then reads `pages` back and compares them. */
export async function writeAndVerify(client: Stk500Client, writes: FlashPage[], pages: FlashPage[], opts: ProgramOptions = {}): Promise<{ writeMs: number; verifyMs: number }> {
  const total = writes.length * PAGE_BYTES;
  const started = Date.now();
  let done = 0;
  for (const block of blocksOf(writes, client.pagesPerCommand)) {
    await client.writePage(block.address, block.data);
    done += block.data.length;
    opts.onProgress?.({ phase: 'write', done, total, elapsedMs: Date.now() - started });
  }
  const writeMs = Date.now() - started;
  if (opts.verify === false) return { writeMs, verifyMs: 0 };
  const verifyStart = Date.now();
  done = 0;
  for (const { address, data } of blocksOf(pages, client.pagesPerCommand)) {
    const got = await client.readPage(address, data.length);
    const at = data.findIndex((b, k) => got[k] !== b);
    if (at >= 0) {
      throw new UploadError('verify-mismatch', `verify failed at flash ${hex4(address + at)}: wrote 0x${data[at].toString(16).padStart(2, '0')}, read 0x${got[at].toString(16).padStart(2, '0')}`,
        'upload again; if the same address fails again, the flash may be worn or the bootloader may not be sVimPy\'s');
    }
    done += data.length;
    opts.onProgress?.({ phase: 'verify', done, total: pages.length * PAGE_BYTES, elapsedMs: Date.now() - verifyStart });
  }
  return { writeMs, verifyMs: Date.now() - verifyStart };
}

/** A whole session: connect, write, verify, leave programming mode (the board then resets into the firmware). */
export async function program(link: ByteLink, port: string, writes: FlashPage[], pages: FlashPage[], opts: ProgramOptions = {}): Promise<ProgramStats> {
  const { client, attempts } = await connect(link, port, opts);
  const { writeMs, verifyMs } = await writeAndVerify(client, writes, pages, opts);
  await client.leaveProgrammingMode();
  return { bytes: pages.length * PAGE_BYTES, pages: pages.length, writes: writes.length, writeMs, verifyMs, syncAttempts: attempts };
}
