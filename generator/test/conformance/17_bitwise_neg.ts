// & | ^ ~ on negative and large operands follow JavaScript (i32 results), with u32 mixed in.
import { u8, u16, u32, i32, flashI32, flashU32 } from '../../../vm-spec/types.ts';
import { printI32, printU32, newline } from './lib/print.ts';

const A = flashI32([-0x80000000, -2, -1, 0, 1, 0x7fffffff, -0x55555556]);
const U = flashU32([0xffffffff, 0x80000000, 0xaaaa5555]);
const N = 7;

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    const a: i32 = A[i];
    printI32(~a);
    printU32(u32(~a));
    printI32(u16(~a));
    for (let j: u8 = 0; j < 3; j = u8(j + 1)) {
      const u: u32 = U[j];
      printI32(a & u);
      printI32(a | u);
      printI32(a ^ u);
    }
    newline();
    for (let j: u8 = 0; j < N; j = u8(j + 1)) {
      const b: i32 = A[j];
      printI32(a & b);
      printI32(a | b);
      printI32(a ^ b);
    }
    newline();
  }
  const z: u16 = 0;
  const m: u8 = 0xff;
  printI32(~z);
  printI32(u16(~z));
  printI32(~m);
  printI32(u8(~m));
  printI32(~m & 0xff);
  printU32(u32(~0xffffffff));
  newline();
}
