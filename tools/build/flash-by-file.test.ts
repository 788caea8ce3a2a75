// flash-by-file: C symbols are attributed to the vm-spec file that declares them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { symbolFiles } from './flash-by-file.ts';

describe('symbolFiles', () => {
  it('maps functions by their #line and tables by their declaring file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svimpy-fbf-'));
    const spec = path.join(dir, 'vm-spec');
    fs.mkdirSync(spec);
    fs.writeFileSync(path.join(spec, 'a.ts'), 'const NAMES = flashStr("x");\nexport function f(): void {}\n');
    fs.writeFileSync(path.join(spec, 'b.ts'), 'let count: u8 = 0;\nconst buf = new Uint8Array(4);\n');
    const c = [
      'static const uint8_t NAMES[1] SVM_PROGMEM = {', '  120,', '};',
      'static uint8_t buf[4];',
      'static uint8_t count = 0;',
      '#line 2 "vm-spec/a.ts"', 'void svm_f(void)', '{', '}',
      '#line 7 "vm-spec/b.ts"', 'SVM_STATIC uint16_t svm_g(uint8_t x, bool y)', '{', '}',
    ].join('\n');
    const owner = symbolFiles(c, spec);
    expect(Object.fromEntries(owner)).toEqual({
      svm_f: 'vm-spec/a.ts', svm_g: 'vm-spec/b.ts', NAMES: 'vm-spec/a.ts', buf: 'vm-spec/b.ts', count: 'vm-spec/b.ts',
    });
  });
});
