import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIni, readFirmwareSettings } from './platformio.ts';

describe('platformio.ini reader', () => {
  it('parses sections, comments and continuation lines', () => {
    const ini = parseIni('[env]\nflags =\n    -a ; comment\n    -b\n# note\n[env:x]\nname = y\n');
    expect(ini.get('env')?.get('flags')).toBe('-a\n-b');
    expect(ini.get('env:x')?.get('name')).toBe('y');
  });

  it('names the line of a malformed setting', () => {
    expect(() => parseIni('[env]\nthis is not a setting\n')).toThrow('platformio.ini:2:');
  });

  it('resolves an environment: inheritance, ${env.x}, clock and the source filter', () => {
    const root = mkdtempSync(join(tmpdir(), 'svimpy-pio-'));
    mkdirSync(join(root, 'src'));
    for (const f of ['a.c', 'b.c', 'skip.c', 'notes.txt']) writeFileSync(join(root, 'src', f), '');
    writeFileSync(
      join(root, 'platformio.ini'),
      '[env]\nbuild_flags = -Wall\n[env:uno]\nboard_build.mcu = atmega328p\nboard_build.f_cpu = 16000000L\n' +
        'build_flags = ${env.build_flags} -Os\nbuild_src_filter = +<src/*.c> -<src/skip.c>\n',
    );
    expect(readFirmwareSettings(root, 'uno')).toEqual({
      env: 'uno',
      mcu: 'atmega328p',
      fCpu: 16000000,
      flags: ['-Wall', '-Os'],
      sources: ['src/a.c', 'src/b.c'],
    });
    expect(() => readFirmwareSettings(root, 'due')).toThrow('no [env:due]');
  });

  it('expands references inside references, and stops a cycle', () => {
    const root = mkdtempSync(join(tmpdir(), 'svimpy-pio-'));
    writeFileSync(join(root, 'platformio.ini'),
      '[env]\nbuild_flags = -Wall\n[avr]\nbuild_flags = ${env.build_flags} -Os\n[env:mega]\nbuild_flags = ${avr.build_flags} -DX=1\n' +
      '[loop]\na = ${loop.a}\n[env:bad]\nbuild_flags = ${loop.a}\n');
    expect(readFirmwareSettings(root, 'mega').flags).toEqual(['-Wall', '-Os', '-DX=1']);
    expect(() => readFirmwareSettings(root, 'bad')).toThrow(/nest too deep/);
  });

  it('reads the project platformio.ini for every environment', () => {
    const uno = readFirmwareSettings(process.cwd(), 'uno');
    expect(uno.mcu).toBe('atmega328p');
    expect(uno.fCpu).toBe(16000000);
    expect(uno.flags).toContain('-Os');
    const mega = readFirmwareSettings(process.cwd(), 'mega');
    expect(mega.mcu).toBe('atmega2560');
    expect(mega.fCpu).toBe(16000000);
    // the same flags and sources as the Uno, but for the image address and the linker script
    const common = (flags: string[]) => flags.filter((f) => !f.startsWith('-DSVM_IMAGE_ADDRESS=') && !f.startsWith('-Wl,-T,'));
    expect(common(mega.flags)).toEqual(common(uno.flags));
    expect(mega.sources).toEqual(uno.sources);
    expect(readFirmwareSettings(process.cwd(), 'native').flags).toContain('-Wall');
  });
});
