// The engine builds: Intel HEX of an image, the image address from platformio.ini, rebuilding
// only when stale or when the flags change, and the clear failure when the firmware would run
// into the image area.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { toIntelHex } from './ihex.ts';
import { buildAvr, buildHost, imageAddress, repoRoot, BuildError } from './firmware.ts';
import { BOARDS } from './boards.ts';
import { readFirmwareSettings } from './platformio.ts';

describe('Intel HEX of an image', () => {
  it('is what avr-objcopy writes for the same bytes at the same address', () => {
    const dir = mkdtempSync(join(tmpdir(), 'svimpy-ihex-'));
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 37 + 11) & 0xff);
    writeFileSync(join(dir, 'image.bin'), bytes);
    execFileSync('avr-objcopy', ['-I', 'binary', '-O', 'ihex', '--change-addresses', '0x7000', join(dir, 'image.bin'), join(dir, 'image.hex')]);
    // objcopy adds a start-address record (type 03) that a flash image does not need.
    const theirs = readFileSync(join(dir, 'image.hex'), 'utf8').replace(/\r/g, '').split('\n').filter((l) => !/^:04000003/.test(l));
    expect(toIntelHex(bytes, 0x7000).split('\n')).toEqual(theirs);
  });
});

describe('the image address', () => {
  it('comes from one -DSVM_IMAGE_ADDRESS flag', () => {
    expect(imageAddress(['-Os', '-DSVM_IMAGE_ADDRESS=0x7000'])).toBe(0x7000);
    expect(() => imageAddress(['-Os'])).toThrow(/exactly once/);
    expect(() => imageAddress(['-DSVM_IMAGE_ADDRESS=0x7000', '-DSVM_IMAGE_ADDRESS=0x6000'])).toThrow(/exactly once/);
    expect(() => imageAddress(['-DSVM_IMAGE_ADDRESS=0x8000'])).toThrow(/not a flash address/);
  });

  it('of each board is defined once, in its platformio.ini [env:<board>], and reaches the build flags', () => {
    const ini = readFileSync(join(repoRoot, 'platformio.ini'), 'utf8');
    const boards = Object.values(BOARDS);
    const all = [...ini.matchAll(/-DSVM_IMAGE_ADDRESS=(0x[0-9a-fA-F]+)/g)];
    expect(all.length).toBe(boards.length);
    for (const board of boards) {
      const section = ini.slice(ini.indexOf(`[env:${board.env}]`));
      const end = section.indexOf('\n[');
      const own = /-DSVM_IMAGE_ADDRESS=(0x[0-9a-fA-F]+)/.exec(end < 0 ? section : section.slice(0, end));
      expect(own, `[env:${board.env}]`).not.toBeNull();
      expect(imageAddress(readFirmwareSettings(repoRoot, board.env).flags, board.name)).toBe(Number(own![1]));
    }
    expect(() => imageAddress(['-DSVM_IMAGE_ADDRESS=0xF000'], 'uno')).toThrow(/not a flash address below 0x7e00/);
    expect(imageAddress(['-DSVM_IMAGE_ADDRESS=0xF000'], 'mega')).toBe(0xf000);
    expect(() => imageAddress(['-DSVM_IMAGE_ADDRESS=0x10000'], 'mega')).toThrow(/below 0x10000/);
  });
});

/** A project root with the generated C and the firmware sources of this one, and our own ini. */
function scratchRoot(ini: string): string {
  const root = mkdtempSync(join(tmpdir(), 'svimpy-fw-'));
  buildHost(); // makes sure build/gen is current
  for (const dir of ['build/gen', 'firmware/avr', 'firmware/host']) {
    mkdirSync(join(root, dir), { recursive: true });
    for (const f of readdirSync(join(repoRoot, dir))) copyFileSync(join(repoRoot, dir, f), join(root, dir, f));
  }
  writeFileSync(join(root, 'platformio.ini'), ini);
  return root;
}

describe('the Uno firmware', () => {
  it('fits its budget: below an image region of at least 8 KB, which ends at the 512-byte boot section', () => {
    const fw = buildAvr(repoRoot, 'uno'); // (refuses a firmware that reaches the image address)
    expect(fw.imageAddress + fw.imageArea).toBe(0x8000 - 512);
    expect(fw.imageArea).toBeGreaterThanOrEqual(8192);
    expect(fw.text + fw.data).toBeLessThanOrEqual(fw.imageAddress);
  });
});

describe('the engine builds', () => {
  const projectIni = readFileSync(join(repoRoot, 'platformio.ini'), 'utf8');

  it('rebuild only when stale or when the flags change', () => {
    const root = scratchRoot(projectIni.replace(/(\[env:native\][^[]*?)-O2/, '$1-O0')); // -O0: a quicker test
    expect(buildHost(root).rebuilt).toBe(true);
    expect(buildHost(root).rebuilt).toBe(false);
    writeFileSync(join(root, 'platformio.ini'), projectIni.replace(/(\[env:native\][^[]*?)-O2/, '$1-O0\n    -DSVM_TEST_FLAG=1'));
    expect(buildHost(root).rebuilt).toBe(true);
    expect(buildHost(root).rebuilt).toBe(false);
  });

  it('refuse an AVR firmware that reaches the image address, saying by how much', () => {
    // Without link-time optimisation (a quicker test): the firmware only gets larger.
    const root = scratchRoot(projectIni.replace(/-DSVM_IMAGE_ADDRESS=0x[0-9a-fA-F]+/, '-DSVM_IMAGE_ADDRESS=0x1000').replace(/^\s*-flto\s*$/m, ''));
    let error: unknown;
    try {
      buildAvr(root);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BuildError);
    // (from avr-size, or from the linker when the firmware does not even fit the chip)
    expect((error as Error).message).toMatch(/^the AVR firmware takes (\d+ bytes of flash \(text \d+ \+ data \d+\)|about \d+ bytes of flash \(the linker: \d+ more than the chip's 32768\)), \d+ more than fit below the image at SVM_IMAGE_ADDRESS=0x1000/);
    expect((error as Error).message).toMatch(/run on a larger simulated board: --board mega$/);
    // Nothing was left behind that a later build could take for up to date.
    expect(() => buildAvr(root)).toThrow(BuildError);
  });
});
