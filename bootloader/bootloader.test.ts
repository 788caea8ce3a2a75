// The serial bootloader in simavr: scripted STK500v1 sessions fed to UART0 as avrdude would
// send them, replies compared byte for byte, resets read from svimpy-sim's log.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BOOT_SECTION_BYTES, BOOT_START, buildBootloader } from '../tools/build/bootloader.ts';
import { avrGcc, buildTestFirmware, elfToHex, runSim, simBuildDir } from '../sim-tests/harness.ts';
import { parseResets } from '../sim-tests/pty-sim.ts';
import { parseIntelHex } from '../tools/upload/ihex-read.ts';
import * as stk from '../tools/upload/stk500.ts';

const F_CPU = 16_000_000;
const boot = buildBootloader();
const session = (cmds: stk.StkCommand[]) => Buffer.concat(cmds.map((c) => Buffer.from(c.request)));
const reply = (data: number[] = []) => [stk.STK.INSYNC, ...data, stk.STK.OK];

/** The echo test firmware as flat bytes from address 0 (the application to upload). */
function echoApp(): Uint8Array {
  const elf = buildTestFirmware('echo');
  const bin = `${simBuildDir}/echo-app.bin`;
  execFileSync('avr-objcopy', ['-O', 'binary', '-j', '.text', '-j', '.data', elf, bin]);
  return new Uint8Array(readFileSync(bin));
}

function bootloaderBytes(): Uint8Array {
  const [segment] = parseIntelHex(readFileSync(boot.hex, 'utf8'));
  expect(segment.address).toBe(BOOT_START);
  return segment.data;
}

describe('bootloader', () => {
  it(`fits its ${BOOT_SECTION_BYTES}-byte boot section, entries at 0x7E00 and 0x7E02`, () => {
    expect(boot.bytes).toBeLessThanOrEqual(BOOT_SECTION_BYTES);
    const code = bootloaderBytes();
    expect(code.length).toBe(boot.bytes);
    const symbols = execFileSync('avr-nm', [boot.elf], { encoding: 'utf8' });
    const address = (name: string) => parseInt(new RegExp(`^([0-9a-f]+) T ${name}$`, 'm').exec(symbols)![1], 16);
    // rjmp k: 1100 kkkk kkkk kkkk, target = its address + 2 + 2k
    const rjmpTarget = (at: number) => {
      const word = code[at - BOOT_START] | (code[at - BOOT_START + 1] << 8);
      expect(word >> 12).toBe(0xc);
      return at + 2 + 2 * ((word & 0x800 ? (word & 0xfff) - 0x1000 : word & 0xfff));
    };
    expect(rjmpTarget(0x7e00)).toBe(address('boot_main'));
    expect(rjmpTarget(0x7e02)).toBe(address('do_spm'));
  });

  it('writes pages and reads them back, then the watchdog reset starts the new application', async () => {
    const app = echoApp();
    const pages = stk.pagesOf(app, 0);
    const cmds: stk.StkCommand[] = [stk.getSync(), stk.getParameter(0x81), stk.getParameter(0x82), stk.readSignature(), stk.enterProgrammingMode()];
    for (const p of pages) cmds.push(stk.loadAddress(p.address), stk.programFlashPage(p.data));
    for (const p of pages) cmds.push(stk.loadAddress(p.address), stk.readFlashPage(stk.PAGE_BYTES));
    cmds.push(stk.leaveProgrammingMode());
    const r = await runSim({ firmware: [boot.hex], boot: true, input: session(cmds), idleMs: 20 });

    const expected = [...reply(), ...reply([3]), ...reply([3]), ...reply(stk.ATMEGA328P_SIGNATURE), ...reply()];
    for (const _ of pages) expected.push(...reply(), ...reply());
    for (const p of pages) expected.push(...reply(), ...reply([...p.data]));
    expected.push(...reply());
    expect([...r.output.subarray(0, expected.length)]).toEqual(expected);
    // Leaving programming mode: a 16 ms watchdog reset, then the application at once.
    expect(r.output.subarray(expected.length).toString('latin1')).toBe('echo ready\n');
    const resets = parseResets(r.stderr);
    expect(resets).toHaveLength(1);
    expect(resets[0].mcusr).toBe(0x08); // WDRF
  });

  it('keeps up with the line: at least 80 % of 115200 baud for page writes from a prompt host', async () => {
    // 28 pages (the whole image region) sent back to back at the line rate, as a host that
    // answers at once would: the simulated time from the first byte in to the last byte out.
    const pages = stk.pagesOf(Uint8Array.from({ length: 28 * stk.PAGE_BYTES }, (_, i) => (i * 7) & 0xff), 0x7000);
    const cmds = [stk.getSync()];
    for (const p of pages) cmds.push(stk.loadAddress(p.address), stk.programFlashPage(p.data));
    cmds.push(stk.leaveProgrammingMode());
    const r = await runSim({ firmware: [boot.hex], boot: true, input: session(cmds), cycleLimit: F_CPU });
    const { before } = parseResets(r.stderr)[0];
    const seconds = (before!.untilCycle - before!.fromCycle) / F_CPU;
    const rate = (pages.length * stk.PAGE_BYTES) / seconds;
    console.log(`bootloader page writes: ${Math.round(rate)} B/s = ${Math.round(rate / 115.2)} % of 11520 B/s (simulated, SPM takes no time in simavr)`);
    expect(before!.inBytes).toBe(session(cmds).length);
    expect(rate).toBeGreaterThan(0.8 * 11_520);
  });

  it('takes up to 8 pages in one program-page command and reads them back in one read', async () => {
    const data = Uint8Array.from({ length: 8 * stk.PAGE_BYTES }, (_, i) => (i * 13 + 7) & 0xff);
    const cmds = [stk.getSync(), stk.loadAddress(0x7000), stk.programFlashPage(data), stk.loadAddress(0x7000), stk.readFlashPage(data.length)];
    const r = await runSim({ firmware: [boot.hex], boot: true, input: session(cmds), idleMs: 5 });
    expect([...r.output]).toEqual([...reply(), ...reply(), ...reply(), ...reply(), ...reply([...data])]);
  });

  it('resets into the application when a command announces more than 8 pages', async () => {
    const tooLong = Uint8Array.of(stk.STK.PROG_PAGE, 0x05, 0x00, 0x46);
    const r = await runSim({ firmware: [boot.hex], boot: true, input: tooLong, cycleLimit: F_CPU / 10 });
    const [reset] = parseResets(r.stderr);
    expect(reset.mcusr).toBe(0x08);
    expect(reset.cycle).toBeLessThan(0.02 * F_CPU);
  });

  it('never writes its own section, but does write the last application page', async () => {
    const zeros = new Uint8Array(stk.PAGE_BYTES);
    const last = BOOT_START - stk.PAGE_BYTES;
    const cmds = [stk.getSync(), stk.enterProgrammingMode(),
      stk.loadAddress(BOOT_START), stk.programFlashPage(zeros), stk.loadAddress(last), stk.programFlashPage(zeros),
      stk.loadAddress(BOOT_START), stk.readFlashPage(stk.PAGE_BYTES), stk.loadAddress(last), stk.readFlashPage(stk.PAGE_BYTES)];
    const r = await runSim({ firmware: [boot.hex], boot: true, input: session(cmds), idleMs: 5 });
    const out = [...r.output];
    const own = bootloaderBytes().subarray(0, stk.PAGE_BYTES);
    const readOwn = out.slice(2 * 6 + 2 + 1, 2 * 6 + 2 + 1 + stk.PAGE_BYTES);
    expect(readOwn).toEqual([...own]);
    expect(out.slice(-1 - stk.PAGE_BYTES, -1)).toEqual([...zeros]);
    expect(out).toHaveLength(2 * 6 + 2 * (2 + 2 + stk.PAGE_BYTES));
  });

  it('without a host, starts the application after about one second', async () => {
    const app = `${simBuildDir}/echo-app.hex`;
    elfToHex(buildTestFirmware('echo'), app, ['.text', '.data']);
    const r = await runSim({ firmware: [boot.hex, app], boot: true, endMarker: 'ready\n' });
    expect(r.output.toString()).toBe('echo ready\n');
    const [reset] = parseResets(r.stderr);
    expect(reset.mcusr).toBe(0x08);
    expect(reset.cycle / F_CPU).toBeGreaterThan(0.9);
    expect(reset.cycle / F_CPU).toBeLessThan(1.2);
  });

  it('lets an application write its pages through do_spm at 0x7E02, but not the boot section', async () => {
    const elf = `${simBuildDir}/spm_app.elf`;
    const hex = `${simBuildDir}/spm_app.hex`;
    const root = fileURLToPath(new URL('..', import.meta.url));
    avrGcc([`${root}bootloader/test/spm_app.c`, `${root}sim-tests/test-firmware/uart.c`], elf);
    elfToHex(elf, hex, ['.text', '.data']);
    // Power-on start at 0 (no --boot): the application runs at once.
    const r = await runSim({ firmware: [boot.hex, hex], cycleLimit: F_CPU });
    expect(r.stop).toBe('halted');
    expect(r.output.toString()).toBe('image page written\nboot page intact\n');
  });

  it('takes a command without CRC_EOP as a lost host and resets into the application within 20 ms', async () => {
    const r = await runSim({ firmware: [boot.hex], boot: true, input: Uint8Array.of(stk.STK.GET_SYNC, 0x99), cycleLimit: F_CPU / 10 });
    const [reset] = parseResets(r.stderr);
    expect(reset.mcusr).toBe(0x08);
    expect(reset.cycle).toBeLessThan(2 * 1_400 + 0.02 * F_CPU);
    expect(r.output.length).toBe(0);
  });
});
