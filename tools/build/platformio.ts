// Reads the firmware build settings from platformio.ini, the single source of truth that
// `pio run` also uses. Only what our own build needs: MCU, clock, flags and source filter.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, dirname, basename } from 'node:path';

export type IniSections = Map<string, Map<string, string>>;

/** Parses PlatformIO's INI dialect: `;`/`#` comments, indented continuation lines. */
export function parseIni(text: string): IniSections {
  const sections: IniSections = new Map();
  let current: Map<string, string> | undefined;
  let lastKey: string | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/\s[;#].*$/, '').replace(/^[;#].*$/, '');
    if (line.trim() === '') return;
    const header = /^\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1].trim(), current);
      lastKey = undefined;
      return;
    }
    if (!current) throw new Error(`platformio.ini:${index + 1}: a setting outside any [section]`);
    if (/^\s/.test(line) && lastKey) {
      current.set(lastKey, `${current.get(lastKey)}\n${line.trim()}`.trim());
      return;
    }
    const setting = /^([^=]+)=(.*)$/.exec(line);
    if (!setting) throw new Error(`platformio.ini:${index + 1}: expected 'name = value', found '${raw.trim()}'`);
    lastKey = setting[1].trim();
    current.set(lastKey, setting[2].trim());
  });
  return sections;
}

/** A setting of an environment: `[env:NAME]` first, then the shared `[env]`; `${section.key}`
 *  expanded, also inside what it expands to (as PlatformIO does). */
function lookup(ini: IniSections, envName: string, key: string): string | undefined {
  const value = ini.get(`env:${envName}`)?.get(key) ?? ini.get('env')?.get(key);
  return value === undefined ? undefined : expand(ini, value, 0);
}

function expand(ini: IniSections, value: string, depth: number): string {
  if (depth > 10) throw new Error('platformio.ini: ${...} references nest too deep (a cycle?)');
  return value.replace(/\$\{([^.}]+)\.([^}]+)\}/g, (_, section: string, name: string) => {
    const found = ini.get(section)?.get(name);
    if (found === undefined) throw new Error(`platformio.ini: \${${section}.${name}} is not defined`);
    return expand(ini, found, depth + 1);
  });
}

export interface FirmwareSettings {
  env: string;
  mcu?: string; // only for the AVR
  fCpu?: number;
  flags: string[]; // compiler flags (linker flags -Wl,... included)
  sources: string[]; // C files, relative to the project root
}

/** Expands PlatformIO's build_src_filter (`+<dir/*.c> -<dir/x.c>`) against the project tree. */
export function expandSourceFilter(root: string, filter: string): string[] {
  const selected = new Set<string>();
  for (const match of filter.matchAll(/([+-])<([^>]+)>/g)) {
    const [, sign, pattern] = match;
    for (const file of globFiles(root, pattern)) {
      if (sign === '+') selected.add(file);
      else selected.delete(file);
    }
  }
  return [...selected].sort();
}

function globFiles(root: string, pattern: string): string[] {
  const dir = dirname(pattern);
  const name = basename(pattern);
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  const re = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return readdirSync(full)
    .filter((f) => re.test(f))
    .map((f) => relative(root, join(full, f)));
}

export function readFirmwareSettings(root: string, envName: string): FirmwareSettings {
  const path = join(root, 'platformio.ini');
  const ini = parseIni(readFileSync(path, 'utf8'));
  if (!ini.has(`env:${envName}`)) throw new Error(`platformio.ini has no [env:${envName}] section`);
  const fCpu = lookup(ini, envName, 'board_build.f_cpu');
  return {
    env: envName,
    mcu: lookup(ini, envName, 'board_build.mcu'),
    fCpu: fCpu === undefined ? undefined : parseInt(fCpu, 10),
    flags: (lookup(ini, envName, 'build_flags') ?? '').split(/\s+/).filter((f) => f !== ''),
    sources: expandSourceFilter(root, lookup(ini, envName, 'build_src_filter') ?? ''),
  };
}
