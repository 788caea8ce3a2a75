// Output helpers shared by the generator's test programs (imported like another vm-spec file).
import { i32, u32, u8, bool } from '../../../vm-spec/types.ts';
import { putc } from '../../../vm-spec/platform.ts';

export function printU32(n: u32): void {
  let div: u32 = 1000000000;
  let started: bool = false;
  while (div > 0) {
    const d: u8 = u8(u32(n / div));
    if (d !== 0 || started || div === 1) {
      putc(u8(48 + d));
      started = true;
    }
    n = u32(n % div);
    div = u32(div / 10);
  }
  putc(32);
}

export function printI32(n: i32): void {
  if (n < 0) putc(45);
  printU32(u32(n < 0 ? -n : n));
}

export function printBool(b: bool): void {
  putc(b ? 84 : 70);
  putc(32);
}

export function newline(): void {
  putc(10);
}
