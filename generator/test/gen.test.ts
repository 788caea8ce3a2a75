// The generator as a whole: determinism, the svimpy gen command, #line directives and the header.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../index.ts';
import { HERE, tempDir } from './helpers.ts';

const ROOT = path.resolve(HERE, '../..');
const PROGRAM = path.join(HERE, 'programs', 'data.ts');

function svimpy(args: string[], cwd: string) {
  return spawnSync(process.execPath, [path.join(ROOT, 'tools/svimpy.js'), ...args], { cwd, encoding: 'utf8' });
}

describe('generator output', () => {
  it('is deterministic: generating twice gives identical bytes', () => {
    const a = generate({ files: [PROGRAM] });
    const b = generate({ files: [PROGRAM] });
    expect(a.ok).toBe(true);
    expect(a.c).toBe(b.c);
    expect(a.h).toBe(b.h);
  });

  it('points back to the TS lines and declares the API and platform in svimpy.h', () => {
    const { c, h } = generate({ files: [PROGRAM] });
    expect(c).toMatch(/^#line \d+ "generator\/test\/programs\/data\.ts"$/m);
    expect(h).toContain('void svm_plat_putc(uint8_t c);');
    expect(h).toContain('void svm_main(void);');
    expect(c).toMatch(/^static const uint8_t T8\[3\] SVM_PROGMEM = \{/m);
    expect(h).toContain('void svm_printI32(int32_t n);'); // exported from an imported file
    const control = generate({ files: [path.join(HERE, 'programs', 'control.ts')] });
    expect(control.c).toContain('SVM_STATIC uint16_t svm_fib(uint8_t n);'); // not exported: static
    expect(control.h).not.toContain('svm_fib');
    expect(control.c).toContain('SVM_NOINLINE SVM_STATIC uint16_t svm_fib(uint8_t n)\n{'); // its doc says @noinline
  });
});

describe('svimpy gen', () => {
  it('writes svimpy.c and svimpy.h and prints one line', () => {
    const out = tempDir('cli');
    const run = svimpy(['gen', '--out', out, PROGRAM], ROOT);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^svimpy gen: \d+ file\(s\), \d+ function\(s\), \d+ bytes of C/);
    expect(fs.readFileSync(path.join(out, 'svimpy.c'), 'utf8')).toBe(generate({ files: [PROGRAM] }).c);
    expect(fs.existsSync(path.join(out, 'svimpy.h'))).toBe(true);
  });

  it('demo: a vm-spec file with a closure prints the closure diagnostic and writes nothing', () => {
    const dir = tempDir('demo');
    fs.mkdirSync(path.join(dir, 'vm-spec'));
    for (const f of ['types.ts', 'platform.ts']) fs.copyFileSync(path.join(ROOT, 'vm-spec', f), path.join(dir, 'vm-spec', f));
    fs.writeFileSync(path.join(dir, 'vm-spec', 'bad.ts'), [
      "import { u8 } from './types.ts';",
      'export function outer(x: u8): u8 {',
      '  function inner(): u8 { return x; }',
      '  return inner();',
      '}',
      '',
    ].join('\n'));
    const run = svimpy(['gen'], dir); // default files: every vm-spec/*.ts, default out: build/gen
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('vm-spec/bad.ts:3:3: error: closures are not in the vm-spec subset (move the function to top level)');
    expect(fs.existsSync(path.join(dir, 'build'))).toBe(false);
  });

  it('npm run gen -- FILE: a named file with a closure prints file:line:col and writes nothing', () => {
    const dir = tempDir('npm');
    fs.copyFileSync(path.join(ROOT, 'vm-spec', 'types.ts'), path.join(dir, 'types.ts'));
    const bad = path.join(dir, 'closure.ts');
    fs.writeFileSync(bad, [
      "import { u8 } from './types.ts';",
      'export function ok(x: u8): u8 { return x; }',
      'export function outer(x: u8): u8 {',
      '  function inner(): u8 { return x; }',
      '  return inner();',
      '}',
      '',
    ].join('\n'));
    const out = path.join(dir, 'out');
    const run = spawnSync('npm', ['run', '--silent', '--prefix', ROOT, 'gen', '--', '--out', out, bad], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(new RegExp(`(^|\\n)${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:3: error: closures are not in the vm-spec subset \\(move the function to top level\\)$`, 'm'));
    expect(run.stderr).toContain('svimpy gen: 1 error(s); nothing written');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('explains bad arguments without a stack trace', () => {
    const run = svimpy(['gen', 'no-such-file.ts'], ROOT);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('svimpy gen: no-such-file.ts: no such file');
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
