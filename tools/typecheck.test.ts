// The TypeScript type checker over the whole project (tsconfig.json). The generator lowers
// vm-spec without it and tsx runs code without it, so a missing import or a wrong type would
// otherwise show only when that line runs under Node.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('tsc --noEmit', () => {
  it('finds no type error in the project', () => {
    let output = '';
    try {
      execFileSync('npx', ['tsc', '--noEmit', '-p', '.'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      output = `${err.stdout ?? ''}${err.stderr ?? ''}` || String(e);
    }
    expect(output).toBe('');
  }, 120_000);
});
