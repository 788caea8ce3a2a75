// The function order of the firmware (tools/build/layout.ts): the linker script it makes, the
// call graph it reads from a linked firmware, the search, and that the Uno firmware follows it.
import { execFileSync } from 'node:child_process';
import { describe, it, expect } from 'vitest';
import { BOARDS } from './boards.ts';
import { measureAvr, repoRoot } from './firmware.ts';
import { readFirmwareSettings } from './platformio.ts';
import {
  callGraph, defaultLinkerScript, linkerScript, linkerScriptFlag, longJumps, mapSections, optimizeOrder, readOrder, unitName,
  type Jump, type Unit,
} from './layout.ts';

describe('the linker script', () => {
  it("is the toolchain's default with the order's patterns just before *(.text.*)", () => {
    const script = linkerScript(defaultLinkerScript('atmega328p', repoRoot), ['svm_get16', 'startup.main']);
    const get16 = script.indexOf('*(.text.svm_get16 .text.svm_get16.*)');
    const main = script.indexOf('*(.text.startup.main .text.startup.main.*)');
    const rest = script.indexOf('*(.text.*)');
    expect(get16).toBeGreaterThan(script.indexOf('*(.vectors)'));
    expect(get16).toBeLessThan(main);
    expect(main).toBeLessThan(rest);
    expect(script).toContain('OUTPUT_ARCH(avr:5)');
    expect(() => linkerScript('SECTIONS { .text : { *(.text) } }', ['x'])).toThrow(/no \*\(\.text\.\*\) line/);
  });

  it('is named by each AVR board in platformio.ini, for its own MCU', () => {
    for (const board of Object.values(BOARDS)) {
      const flags = readFirmwareSettings(repoRoot, board.env).flags;
      expect(linkerScriptFlag(flags), board.env).toBe(`build/layout/${board.mcu}.ld`);
    }
  });
});

describe('the call graph of a linked firmware', () => {
  it('names units as the order file lists them', () => {
    expect(unitName('.text.svm_peek.lto_priv.11')).toBe('svm_peek');
    expect(unitName('.text.svm_digScale.part.0.lto_priv.76')).toBe('svm_digScale');
    expect(unitName('.text.startup.main')).toBe('startup.main');
    expect(unitName('.text.libgcc.mul')).toBe('libgcc.mul');
  });

  it('reads sections from a map (long names on two lines) and calls from a disassembly', () => {
    const map = [
      ' .text.svm_a     0x0000000000000100       0x20 /tmp/x.ltrans0.ltrans.o',
      ' .text.svm_long_name.lto_priv.3',
      '                0x0000000000000120       0x10 /tmp/x.ltrans1.ltrans.o',
      ' .text.svm_empty 0x0000000000000130        0x0 /tmp/x.o',
    ].join('\n');
    const sections = mapSections(map);
    expect(sections).toEqual([
      { section: '.text.svm_a', address: 0x100, size: 0x20 },
      { section: '.text.svm_long_name.lto_priv.3', address: 0x120, size: 0x10 },
    ]);
    const disassembly = [
      '     104:\t0e 94 90 00 \tcall\t0x120\t; 0x120 <svm_long_name.lto_priv.3>',
      '     108:\t05 d0       \trcall\t.+10     \t; 0x114 <svm_a+0x14>', // within the unit: not a jump between units
      '     124:\t0c 94 80 00 \tjmp\t0x100\t; 0x100 <svm_a>',
    ].join('\n');
    const { units, jumps, base } = callGraph(sections, disassembly);
    expect(units.map((u) => [u.name, u.size])).toEqual([['svm_a', 0x20], ['svm_long_name', 0x10]]);
    expect(jumps).toEqual([{ from: 0, fromOffset: 4, to: 1, toOffset: 0 }, { from: 1, fromOffset: 4, to: 0, toOffset: 0 }]);
    expect(base).toBe(0x100);
  });
});

describe('the search', () => {
  it('puts a callee within rcall reach of its callers', () => {
    // caller (100 B) | big (6000 B) | callee (20 B): the calls from caller to callee are long.
    const units: Unit[] = [
      { name: 'caller', start: 0, size: 100 },
      { name: 'big', start: 100, size: 6000 },
      { name: 'callee', start: 6100, size: 20 },
    ];
    const jumps: Jump[] = [
      { from: 0, fromOffset: 10, to: 2, toOffset: 0 },
      { from: 0, fromOffset: 50, to: 2, toOffset: 0 },
      { from: 1, fromOffset: 5990, to: 2, toOffset: 0 },
    ];
    expect(longJumps(units, jumps, 0, [0, 1, 2])).toBe(2);
    const order = optimizeOrder(units, jumps, 0, 2000);
    expect(longJumps(units, jumps, 0, order)).toBe(0);
    expect(optimizeOrder(units, jumps, 0, 2000)).toEqual(order); // deterministic
  });
});

describe('the Uno firmware', () => {
  it('places its functions in the order of firmware/avr/text-order.txt', () => {
    const order = readOrder(repoRoot);
    expect(order.length).toBeGreaterThan(50);
    const { elf } = measureAvr(repoRoot, 'uno');
    const address = new Map<string, number>();
    for (const line of execFileSync('avr-nm', ['-n', elf], { encoding: 'utf8' }).split('\n')) {
      const m = /^([0-9a-f]+) [tTwW] (\S+)$/.exec(line.trim());
      if (m && !address.has(unitName(`.text.${m[2]}`))) address.set(unitName(`.text.${m[2]}`), parseInt(m[1], 16));
    }
    const placed = order.filter((name) => address.has(name)).map((name) => address.get(name)!);
    expect(placed.length).toBeGreaterThan(50);
    for (let i = 1; i < placed.length; i++) expect(placed[i]).toBeGreaterThan(placed[i - 1]);
  });
});
