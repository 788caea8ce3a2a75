// const enum members and module constants beyond 16 bits are exact C constants on both targets.
import { u8, u16, u32, i32 } from '../../../vm-spec/types.ts';
import { printI32, printU32, printHex32, newline } from './lib/print.ts';

const enum Big {
  Zero = 0,
  Small = 0x7fff,
  Edge = 0x8000,
  Mid = 0x12345,
  Neg = -70000,
  Max = 0x7fffffff,
  Min = -0x80000000,
}
const LIMIT = 100000;
const MASK = 0xffff0000;
const HALF = LIMIT - 50000;
const SHIFTED = 1 << 20;

function describe(v: i32): u8 {
  switch (v) {
    case Big.Zero: return 0;
    case Big.Small: return 1;
    case Big.Edge: return 2;
    case Big.Mid: return 3;
    case Big.Neg: return 4;
    case Big.Max: return 5;
    case Big.Min: return 6;
    case LIMIT: return 7;
    default: return 9;
  }
}

export function main(): void {
  printI32(Big.Small + 1);
  printI32(Big.Edge);
  printI32(Big.Mid * 3);
  printI32(Big.Neg);
  printI32(Big.Max);
  printI32(Big.Min);
  printI32(LIMIT * 3);
  printU32(MASK);
  printHex32(MASK >>> 16);
  printI32(HALF);
  printI32(SHIFTED);
  newline();
  let x: i32 = 0;
  for (let k: u8 = 0; k < 8; k = u8(k + 1)) {
    printI32(describe(x));
    x = i32(x + 0x8000);
  }
  printI32(describe(0x12345));
  printI32(describe(-70000));
  printI32(describe(0x7fffffff));
  printI32(describe(-0x80000000));
  printI32(describe(100000));
  newline();
  const w: u16 = 0xffff;
  const u: u32 = w + LIMIT;
  printU32(u);
  printI32(i32(u & MASK));
  printI32(w < LIMIT ? 1 : 0);
  newline();
}
