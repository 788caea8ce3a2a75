// The order of the firmware's functions in flash (firmware/avr/text-order.txt).
//
// With -mrelax the linker turns a 4-byte call/jmp into a 2-byte rcall/rjmp when the target lies
// within 4 KB. Left to itself the linker places the functions in the compiler's order, and in a
// 28 KB firmware most calls of the small helpers (get16, peek, raise, ...) are long. The order
// file lists the functions so that callers and callees lie close; each board's linker script is
// the toolchain's own default with that list spliced in before `*(.text.*)`. A function not in
// the list goes after the listed ones, a listed one that no longer exists matches nothing: a
// stale list costs bytes, never correctness. `svimpy layout` recomputes it from a build.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const ORDER_FILE = 'firmware/avr/text-order.txt';

/** The function names of the order file (comments and blank lines skipped). */
export function readOrder(root: string): string[] {
  const path = join(root, ORDER_FILE);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter((l) => l !== '');
}

/** The input-section patterns of one listed function: its section and its clones' (.part.0, .lto_priv.3). */
function sectionPatterns(name: string): string {
  return `    *(.text.${name} .text.${name}.*)`;
}

/** The linker's default script for `mcu` with the order spliced in before `*(.text.*)`. */
export function linkerScript(defaultScript: string, order: string[]): string {
  const anchor = /\n(\s*)\*\(\.text\.\*\)/;
  if (!anchor.test(defaultScript)) throw new Error('the default linker script has no *(.text.*) line to put the order before');
  const lines = order.map(sectionPatterns).join('\n');
  return defaultScript.replace(anchor, (whole) => `\n    /* sVimPy: ${ORDER_FILE} */\n${lines}${whole}`);
}

/** avr-gcc's built-in linker script for `mcu` (what it links with when given no -T). */
export function defaultLinkerScript(mcu: string, root: string): string {
  const out = join(root, 'build', 'layout', `${mcu}.default.tmp`);
  mkdirSync(dirname(out), { recursive: true });
  const text = execFileSync('avr-gcc', [`-mmcu=${mcu}`, '-Wl,--verbose', '-x', 'c', '-', '-o', out], {
    cwd: root, encoding: 'utf8', input: 'int main(void) { return 0; }\n', stdio: ['pipe', 'pipe', 'pipe'],
  });
  rmSync(out, { force: true });
  const parts = text.split(/^={40,}$/m);
  if (parts.length < 3) throw new Error('avr-gcc -Wl,--verbose did not print its linker script');
  return parts[1].trim() + '\n';
}

/** Writes the linker script `path` for `mcu` unless it is newer than the order file. */
export function ensureLinkerScript(root: string, mcu: string, path: string): void {
  const full = resolve(root, path);
  const order = join(root, ORDER_FILE);
  if (existsSync(full) && (!existsSync(order) || statSync(full).mtimeMs >= statSync(order).mtimeMs)) return;
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, linkerScript(defaultLinkerScript(mcu, root), readOrder(root)));
}

/** The linker script of a board's flags (`-Wl,-T,<path>`), if any. */
export function linkerScriptFlag(flags: string[]): string | undefined {
  const flag = flags.find((f) => f.startsWith('-Wl,-T,'));
  return flag?.slice('-Wl,-T,'.length);
}

// ---- Computing an order from a linked firmware ----

/** A function's section(s) in the firmware: the unit that the order moves. */
export interface Unit { name: string; start: number; size: number }
/** A call or jump: from an address inside unit `from` (or fixed: -1) to one inside unit `to` (or fixed). */
export interface Jump { from: number; fromOffset: number; to: number; toOffset: number }

/** The listed name of a section: `.text.svm_peek.lto_priv.11` -> svm_peek, `.text.startup.main` -> startup.main. */
export function unitName(section: string): string {
  return section.replace(/^\.text\./, '').replace(/\.(lto_priv|part|constprop|isra)\..*$/, '');
}

/** The .text.* input sections of a linker map (name, address, size), in address order. */
export function mapSections(map: string): { section: string; address: number; size: number }[] {
  const found: { section: string; address: number; size: number }[] = [];
  const lines = map.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const head = /^ (\.text\.\S+)(?:\s+0x([0-9a-f]+)\s+0x([0-9a-f]+))?/.exec(lines[i]);
    if (!head) continue;
    let address = head[2];
    let size = head[3];
    if (address === undefined) { // a long name: address and size on the next line
      const next = /^\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)/.exec(lines[i + 1] ?? '');
      if (!next) continue;
      [address, size] = [next[1], next[2]];
    }
    const n = parseInt(size, 16);
    if (n > 0) found.push({ section: head[1], address: parseInt(address, 16), size: n });
  }
  return found.sort((a, b) => a.address - b.address);
}

/** The units (sections grouped by listed name) and the calls/jumps between them of a linked firmware. */
export function callGraph(sections: ReturnType<typeof mapSections>, disassembly: string): { units: Unit[]; jumps: Jump[]; base: number } {
  const byName = new Map<string, Unit>();
  const ranges: { start: number; end: number; unit: Unit }[] = [];
  for (const s of sections) {
    const name = unitName(s.section);
    let unit = byName.get(name);
    if (!unit) {
      unit = { name, start: s.address, size: 0 };
      byName.set(name, unit);
    }
    unit.size += s.size;
    ranges.push({ start: s.address, end: s.address + s.size, unit });
  }
  const units = [...byName.values()];
  const index = new Map(units.map((u, i) => [u, i]));
  const where = (address: number): [number, number] => {
    const r = ranges.find((x) => address >= x.start && address < x.end);
    return r ? [index.get(r.unit)!, address - r.unit.start] : [-1, address];
  };
  const jumps: Jump[] = [];
  for (const line of disassembly.split('\n')) {
    const m = /^\s*([0-9a-f]+):\s+(?:[0-9a-f]{2} )+\s*\tr?(?:call|jmp)\t.*;\s*0x([0-9a-f]+)/.exec(line);
    if (!m) continue;
    const [from, fromOffset] = where(parseInt(m[1], 16));
    const [to, toOffset] = where(parseInt(m[2], 16));
    if (from !== to || from === -1) jumps.push({ from, fromOffset, to, toOffset });
  }
  const base = Math.min(...units.map((u) => u.start));
  return { units, jumps, base };
}

/** Whether a call at `site` reaches `target` as an rcall/rjmp (12-bit word offset from site + 2). */
function isShort(site: number, target: number): boolean {
  const d = target - (site + 2);
  return d >= -4096 && d <= 4094;
}

/** The calls and jumps that stay long when the units are placed in `order` from `base` on. */
export function longJumps(units: Unit[], jumps: Jump[], base: number, order: number[]): number {
  const start = new Array<number>(units.length);
  let at = base;
  for (const u of order) {
    start[u] = at;
    at += units[u].size;
  }
  let long = 0;
  for (const j of jumps) {
    const site = (j.from < 0 ? 0 : start[j.from]) + j.fromOffset;
    const target = (j.to < 0 ? 0 : start[j.to]) + j.toOffset;
    if (!isShort(site, target)) long++;
  }
  return long;
}

/** A small deterministic generator (mulberry32): the same firmware gives the same order. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An order of the units with few long calls: simulated annealing over "move one unit elsewhere",
 * starting from the current placement (so a fresh list changes little when little changed).
 */
export function optimizeOrder(units: Unit[], jumps: Jump[], base: number, steps = 60000, seed = 1): number[] {
  const next = random(seed);
  let order = units.map((_, i) => i).sort((a, b) => units[a].start - units[b].start);
  let cost = longJumps(units, jumps, base, order);
  let best = order;
  let bestCost = cost;
  let temperature = 3;
  for (let step = 0; step < steps; step++) {
    const candidate = order.slice();
    const [moved] = candidate.splice(Math.floor(next() * candidate.length), 1);
    candidate.splice(Math.floor(next() * (candidate.length + 1)), 0, moved);
    const c = longJumps(units, jumps, base, candidate);
    if (c <= cost || next() < Math.exp((cost - c) / temperature)) {
      order = candidate;
      cost = c;
      if (c < bestCost) {
        best = candidate;
        bestCost = c;
      }
    }
    temperature = Math.max(0.05, temperature * 0.99985);
  }
  return best;
}
