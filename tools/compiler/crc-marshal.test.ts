import { describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { crc16 } from './crc16.ts';
import { readMarshal, isCode } from './marshal.ts';
import type { PyValue } from './marshal.ts';
import { compileWithCPython } from './python.ts';
import { TESTDATA, cpythonDis } from './test-helpers.ts';
import type { Tagged } from './test-helpers.ts';

describe('crc16 (CRC-16/CCITT-FALSE)', () => {
  test('check value of "123456789" is 0x29B1', () => {
    expect(crc16(new TextEncoder().encode('123456789'))).toBe(0x29b1);
  });
  test('empty input gives the initial value', () => {
    expect(crc16(new Uint8Array(0))).toBe(0xffff);
  });
});

// Our reading of a marshalled value, tagged like testdata/dis_json.py tags CPython's.
function tag(v: PyValue): Tagged {
  if (v === null) return null;
  if (typeof v === 'boolean') return { bool: v };
  if (typeof v === 'bigint') return { int: Number(v) };
  if (typeof v === 'string') return { str: v };
  if (v instanceof Uint8Array) return { repr: 'bytes' };
  if (isCode(v)) return { code: `${v.qualname}:${v.firstlineno}` };
  if (v.kind === 'float') return { float: v.value };
  if (v.kind === 'tuple') return { tuple: v.items.map(tag) };
  return { repr: v.kind };
}

describe('marshal reader', () => {
  test('reads the code objects CPython writes, field by field', () => {
    const file = path.join(TESTDATA, 'sample_app.py');
    const data = compileWithCPython('python3', [{ path: file, name: 'app.py' }]);
    const list = readMarshal(data);
    expect(list).toMatchObject({ kind: 'list' });
    const ours: PyValue[] = [];
    const walk = (c: PyValue): void => {
      if (!isCode(c)) return;
      ours.push(c);
      c.consts.forEach(walk);
    };
    walk((list as { items: PyValue[] }).items[0]);
    const theirs = cpythonDis(file, 'app.py');
    expect(ours.length).toBe(theirs.length);
    ours.forEach((c, i) => {
      if (!isCode(c)) throw new Error('not code');
      const t = theirs[i];
      expect(Buffer.from(c.code).toString('hex')).toBe(t.code);
      expect(c.qualname).toBe(t.qualname);
      expect(c.name).toBe(t.name);
      expect(c.filename).toBe('app.py');
      expect(c.firstlineno).toBe(t.firstlineno);
      expect(c.names).toEqual(t.names);
      expect(c.consts.map(tag)).toEqual(t.consts);
      expect([c.argcount, c.kwonlyargcount, c.stacksize, c.flags]).toEqual([t.argcount, t.kwonlyargcount, t.stacksize, t.flags]);
      expect(c.localsplusnames.slice(0, t.nlocals)).toEqual(t.varnames);
    });
  });

  test('big ints (TYPE_LONG), floats, shared references and small tuples', () => {
    const hex = execFileSync('python3', ['-c', `
import marshal, sys
s = 'shared' * 3
v = (2**100, -(2**70), 2**31, -5, 1.5, -0.0, s, s, (), (None, True, False), [1], 'é€', b'ab')
sys.stdout.write(marshal.dumps(v).hex())`], { encoding: 'utf8' });
    const v = readMarshal(new Uint8Array(Buffer.from(hex, 'hex')));
    expect(v).toEqual({
      kind: 'tuple',
      items: [
        2n ** 100n, -(2n ** 70n), 2n ** 31n, -5n, { kind: 'float', value: 1.5 }, { kind: 'float', value: -0 },
        'sharedsharedshared', 'sharedsharedshared', { kind: 'tuple', items: [] },
        { kind: 'tuple', items: [null, true, false] }, { kind: 'list', items: [1n] }, 'é€', new Uint8Array([0x61, 0x62]),
      ],
    });
  });

  test('truncated data is a clear error', () => {
    expect(() => readMarshal(new Uint8Array([0xe9, 1, 0]))).toThrow(/marshal data ends early/);
  });
});
